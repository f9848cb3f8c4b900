// Bundles the Node entries (CLI, trainer child, extension) and the browser entries (one per webview panel).
// Packages with native code or .wasm files stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const external = ['vscode', '@tensorflow/*', 'sharp', 'webgpu', 'ml-random-forest'];

const nodeEntries = {
  cli: 'src/cli/main.ts',
  trainer: 'src/trainer/child.ts',
  extension: 'src/extension/extension.ts',
};
const presentNodeEntries = Object.fromEntries(Object.entries(nodeEntries).filter(([, file]) => existsSync(file)));

const webviewEntries = existsSync('webview')
  ? Object.fromEntries(
      readdirSync('webview', { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join('webview', d.name, 'main.ts')))
        .map((d) => [d.name, join('webview', d.name, 'main.ts')]),
    )
  : {};

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info' };
const builds = [
  build({ ...common, entryPoints: presentNodeEntries, outdir: 'dist', platform: 'node', target: 'node20', format: 'cjs', external }),
];
if (Object.keys(webviewEntries).length > 0) {
  builds.push(build({ ...common, entryPoints: webviewEntries, outdir: 'dist/webview', platform: 'browser', target: 'es2022', format: 'iife', loader: { '.css': 'text' },
    // random-js (under ml-random-forest) names Node's crypto only in an engine the webviews never use.
    external: ['crypto'] }));
}
await Promise.all(builds);
if (watch) console.log('watch mode is not supported; rerun the build');
