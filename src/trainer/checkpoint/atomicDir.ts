// Writes a folder all at once: files go to a sibling temp folder that is renamed into place, so a
// crash leaves either the previous checkpoint or the new one, never half of one.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes and fsyncs one file (so the rename below publishes complete contents). */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a process that died mid-save (its pid is in the folder names): temp folders are
 * removed; a moved-aside old checkpoint is put back if the writer died before the new one replaced it.
 */
export async function recoverFromDeadWriters(dir: string): Promise<void> {
  const [parent, base] = [dirname(dir), basename(dir)];
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${escaped}\\.(tmp|old)-(\\d+)-`);
  for (const name of await readdir(parent)) {
    const match = pattern.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(dir)) await rename(path, dir);
    else await rm(path, { recursive: true, force: true });
  }
}

/**
 * Calls `fill(tempDir)` and then replaces `dir` with it. An existing `dir` is moved aside first and
 * removed only after the new one is in place. On failure the temp folder is removed and `dir` is untouched.
 */
export async function writeDirAtomically(dir: string, fill: (tempDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  await recoverFromDeadWriters(dir);
  const stamp = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const temp = join(parent, `.${basename(dir)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(dir)}.old-${stamp}`);
  await mkdir(temp);
  try {
    await fill(temp);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
  let movedAside = false;
  try {
    await rename(dir, old);
    movedAside = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await rename(temp, dir);
  if (movedAside) await rm(old, { recursive: true, force: true });
}
