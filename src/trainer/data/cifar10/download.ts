// Downloads a file once into the cache: streamed to a temp file while hashing, checked against the
// expected MD5, then renamed into place. A broken or wrong download leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { progressReporter } from '../progress';
import type { LoadOptions } from '../types';

export async function downloadVerified(url: string, dest: string, expectedMd5: string, options: LoadOptions): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const temp = `${dest}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  try {
    const md5 = await fetchToFile(url, temp, options);
    if (md5 !== expectedMd5.toLowerCase()) {
      throw new Error(`checksum mismatch for ${url}: expected MD5 ${expectedMd5}, got ${md5}; the download was discarded, try again`);
    }
    await rename(temp, dest);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Streams url into path and returns the MD5 (hex) of what arrived. */
async function fetchToFile(url: string, path: string, options: LoadOptions): Promise<string> {
  options.log?.(`downloading ${url}`);
  let response: Response;
  try {
    response = await fetch(url, { signal: options.signal });
  } catch (error) {
    throw new Error(`cannot download ${url}: ${describeFetchError(error)}`, { cause: error });
  }
  if (!response.ok || !response.body) throw new Error(`cannot download ${url}: HTTP ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const report = progressReporter('download', total, options);
  const hash = createHash('md5');
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      received += chunk.length;
      report(received);
      callback(null, chunk);
    },
  });
  report(0);
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counter, createWriteStream(path), { signal: options.signal });
  } catch (error) {
    throw new Error(`download of ${url} broke off after ${received} of ${total || '?'} bytes: ${describeFetchError(error)}`, { cause: error });
  }
  if (total > 0 && received !== total) throw new Error(`download of ${url} broke off after ${received} of ${total} bytes`);
  return hash.digest('hex');
}

/** undici hides the useful part ("other side closed", "ECONNREFUSED") in error.cause. */
function describeFetchError(error: unknown): string {
  const message = (error as Error).message;
  const cause = (error as Error).cause as Error | undefined;
  return cause?.message ? `${message} (${cause.message})` : message;
}
