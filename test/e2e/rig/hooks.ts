// Mocha root hooks for the end-to-end run: start from an empty artefacts folder (test-results/e2e/).
import { rmSync } from 'node:fs';
import { ARTIFACTS } from './paths';

export const mochaHooks = {
  beforeAll(): void {
    rmSync(ARTIFACTS, { recursive: true, force: true });
  },
};
