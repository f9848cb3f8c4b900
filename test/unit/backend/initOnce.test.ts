// Registering the project's kernels before the wasm backend is up must not start extra backend
// initialisations (tf.findBackend does, once per call: each a new wasm module instance and heap,
// each adding its process listeners). A fresh process initialises wasm and counts them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('initBackend(\'wasm\') in a fresh process', () => {
  it('instantiates the wasm module once (one uncaughtException listener added, no warning)', function () {
    this.timeout(60_000);
    const code = `const { initBackend } = require('./src/trainer/backend');
      const before = process.listenerCount('uncaughtException');
      initBackend('wasm').then((b) => console.log('RESULT ' + JSON.stringify({ name: b.name, added: process.listenerCount('uncaughtException') - before })));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    assert.ok(line, `no result in: ${run.stdout}`);
    assert.deepEqual(JSON.parse(line.slice(7)), { name: 'wasm', added: 1 });
    assert.doesNotMatch(run.stderr, /MaxListenersExceededWarning/);
  });
});
