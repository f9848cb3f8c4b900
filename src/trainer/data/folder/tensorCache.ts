// The decoded-images cache of a folder dataset: one file per (folder, image size, chosen files), a
// 4-byte header length, a JSON header, then the raw NHWC uint8 pixels. Written to a temp file and
// renamed, so a crash never leaves a half-written cache that a later run would trust.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ImageEntry } from './listImages';

const FORMAT = 'aelab-images/1';

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface CachedImages {
  size: number;
  /** Files whose images are in `pixels`, in that order. */
  files: string[];
  skipped: SkippedFile[];
  pixels: Uint8Array;
}

interface Header {
  format: string;
  key: string;
  folder: string;
  size: number;
  files: string[];
  skipped: SkippedFile[];
}

/** Changes whenever the folder, the size, or any chosen file's name, size or mtime changes. */
export function cacheKey(folder: string, size: number, entries: readonly ImageEntry[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ folder, size }));
  for (const entry of entries) hash.update(`\n${entry.file}\0${entry.bytes}\0${entry.mtimeMs}`);
  return hash.digest('hex').slice(0, 32);
}

export function cacheFilePath(cacheDir: string, key: string): string {
  return join(cacheDir, 'folders', `${key}.aeimg`);
}

/** The cached images, or null when there is no usable cache file for this key. */
export async function readCachedImages(path: string, key: string): Promise<CachedImages | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    return null;
  }
  if (buffer.length < 4) return null;
  const headerLength = buffer.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  } catch {
    return null;
  }
  const pixels = buffer.subarray(4 + headerLength);
  if (header.format !== FORMAT || header.key !== key) return null;
  if (pixels.length !== header.files.length * header.size * header.size * 3) return null;
  return { size: header.size, files: header.files, skipped: header.skipped, pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) };
}

export async function writeCachedImages(path: string, key: string, folder: string, images: CachedImages): Promise<void> {
  const header: Header = { format: FORMAT, key, folder, size: images.size, files: images.files, skipped: images.skipped };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, [length, headerBytes, images.pixels]);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
