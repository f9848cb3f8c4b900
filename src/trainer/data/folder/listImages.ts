// Finds the images of a folder dataset: flat or in class sub-folders, at any depth, in a sorted
// (deterministic) order, with the size and mtime that key the decoded-tensor cache.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';

export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp']);

export interface ImageEntry {
  /** Path relative to the dataset folder, '/'-separated. */
  file: string;
  bytes: number;
  mtimeMs: number;
}

export async function listImages(folder: string): Promise<ImageEntry[]> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`dataset folder ${folder} cannot be read: ${error.code === 'ENOENT' ? 'it does not exist' : error.message}`);
  });
  if (!info.isDirectory()) throw new Error(`dataset folder ${folder} is not a folder`);
  const paths: string[] = [];
  await walk(folder, paths);
  const entries = await Promise.all(
    paths.map(async (path) => {
      const fileInfo = await stat(path);
      return { file: relative(folder, path).split('\\').join('/'), bytes: fileInfo.size, mtimeMs: fileInfo.mtimeMs };
    }),
  );
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Collects image files below dir; hidden entries (".DS_Store", ".git") are left out. */
async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (isDir) await walk(path, out);
    else if (IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}
