// Runs the real, bundled `aelab` (bin/aelab.js → dist/cli.js, which forks dist/trainer.js) as a user would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..', '..');

/** Bundles dist/cli.js and dist/trainer.js from the current sources (esbuild: about a second). */
export function buildBundles(): void {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
}

export interface CliRun {
  child: ChildProcess;
  /** Parsed stdout lines (with --json), as they arrive. */
  lines: Array<Record<string, unknown>>;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first line `match` accepts. */
  waitForLine: (match: (line: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd = root): CliRun {
  const child = spawn(process.execPath, [join(root, 'bin', 'aelab.js'), ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = [];
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    let at: number;
    while ((at = stdout.indexOf('\n')) >= 0) {
      const text = stdout.slice(0, at);
      stdout = stdout.slice(at + 1);
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitForLine = (match: (line: Record<string, unknown>) => boolean) => {
    const seen = lines.find(match);
    return seen ? Promise.resolve(seen) : new Promise<Record<string, unknown>>((resolve) => waiters.push({ match, resolve }));
  };
  return { child, lines, stderr: () => stderr, exited, waitForLine };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<{ code: number | null; lines: Array<Record<string, unknown>>; stderr: string }> {
  const run = startCli(args, env, cwd);
  const code = await run.exited;
  return { code, lines: run.lines, stderr: run.stderr() };
}
