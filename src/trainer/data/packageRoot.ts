// The shipped sample lives at <package root>/data/sample. This code runs from src/ (tsx) and from a
// bundle in dist/, so the root is found by walking up to our own package.json rather than by a fixed "../..".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'autoencoder-lab';

export function findPackageRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${start}`);
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The folder of the shipped sample dataset (data/sample). */
export function sampleDatasetDir(): string {
  return join(findPackageRoot(), 'data', 'sample');
}
