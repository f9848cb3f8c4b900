// Builds small archives in the format of the official cifar-10-binary.tar.gz (same folder, same file
// names, same 3,073-byte records), and serves files from a local HTTP server, for the cifar10 loader tests.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as tar from 'tar';

export const BATCHES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin'];

/** Channel c of pixel p of record k; pixel 0's red (7k) tells the record apart for k < 36. */
export function recordValue(k: number, c: number, p: number): number {
  return (k * 7 + c * 85 + p * 3) & 255;
}

/** The 32×32×3 NHWC image that record k must become. */
export function expectedNhwc(k: number): Uint8Array {
  const out = new Uint8Array(32 * 32 * 3);
  for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) out[p * 3 + c] = recordValue(k, c, p);
  return out;
}

export interface Archive {
  path: string;
  md5: string;
  records: number;
}

/** Writes an archive of `perBatch` records per batch file; `batches` picks which files it holds. */
export async function buildCifarArchive(dir: string, perBatch: number, batches = BATCHES, extraBytes = 0): Promise<Archive> {
  const folder = join(dir, 'cifar-10-batches-bin');
  mkdirSync(folder, { recursive: true });
  let k = 0;
  for (const file of batches) {
    const buffer = Buffer.alloc(perBatch * 3073 + extraBytes);
    for (let r = 0; r < perBatch; r++, k++) {
      buffer[r * 3073] = k % 10;
      for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) buffer[r * 3073 + 1 + c * 1024 + p] = recordValue(k, c, p);
    }
    writeFileSync(join(folder, file), buffer);
  }
  writeFileSync(join(folder, 'batches.meta.txt'), 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n');
  const path = join(dir, 'cifar-10-binary.tar.gz');
  await tar.c({ gzip: true, file: path, cwd: dir }, ['cifar-10-batches-bin']);
  return { path, md5: createHash('md5').update(readFileSync(path)).digest('hex'), records: k };
}

export interface FileServer {
  url: string;
  requests: () => number;
  /** 'whole' sends the file; 'truncate' promises all of it, sends half, then drops the connection. */
  setMode: (mode: 'whole' | 'truncate' | 'missing') => void;
  /** Pause this long halfway through each response (a slow network), so concurrent loads overlap. */
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
}

export async function serveFile(path: string): Promise<FileServer> {
  let requests = 0;
  let mode: 'whole' | 'truncate' | 'missing' = 'whole';
  let delay = 0;
  const server: Server = createServer((request, response) => {
    requests++;
    const body = readFileSync(path);
    if (mode === 'missing') {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-length': body.length, 'content-type': 'application/gzip' });
    if (mode === 'whole') {
      response.write(body.subarray(0, body.length >> 1));
      setTimeout(() => response.end(body.subarray(body.length >> 1)), delay);
      return;
    }
    response.write(body.subarray(0, body.length >> 1), () => response.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cifar-10-binary.tar.gz`,
    requests: () => requests,
    setMode: (next) => (mode = next),
    setDelay: (ms) => (delay = ms),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
