// Runs the desktop journeys in VS Code itself with @vscode/test-electron. VS Code cannot be downloaded on the
// project's build machines (no route to Microsoft's update server), so there set VSCODE_PATH to an installed
// VS Code, or use the code-server journeys (`npm run test:e2e`), which are what CI runs.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { createWorkspace } from '../rig/workspace';

async function main(): Promise<void> {
  const repo = resolve(__dirname, '..', '..', '..');
  const out = mkdtempSync(join(tmpdir(), 'aelab-desktop-'));
  // The extension host loads plain JavaScript: bundle the suite (vscode and mocha stay external).
  await build({
    entryPoints: [join(__dirname, 'suite.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    outfile: join(out, 'suite.js'), external: ['vscode', 'mocha'], nodePaths: [join(repo, 'node_modules')],
  });
  const vscodeExecutablePath = process.env.VSCODE_PATH ?? (await downloadAndUnzipVSCode('stable'));
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(out, 'suite.js'),
    extensionTestsEnv: { AELAB_REPO: repo },
    launchArgs: [createWorkspace(1), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(`desktop journeys failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
