// The per-record copies (runs/<id>/run.json, sweeps/<id>/sweep.json) from which `aelab store repair` rebuilds
// db.json. Written atomically (temp file + rename) so a crash never leaves half a record.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeRecordFile(file: string, record: object): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record, null, 1)}\n`);
  await rename(temp, file);
}
