import { strict as assert } from 'node:assert';
import { isExtensionToWebview, isWebviewToExtension } from '../../../src/shared/webviewMessages';
import { makeRun, makeSweep } from './fixtures';

describe('extension ↔ webview messages', () => {
  it('accepts the webview\'s valid messages', () => {
    for (const message of [{ type: 'ready' }, { type: 'openRun', runId: 'r0mh3k2x1a00k3f9q' }, { type: 'compareRuns', runIds: ['a', 'b'] }, { type: 'stopRun', runId: 'r1' }]) {
      assert.equal(isWebviewToExtension(message), true, JSON.stringify(message));
    }
  });

  it('refuses unknown types, missing fields and ids that could walk out of the store', () => {
    for (const message of [
      null, 'ready', [], { type: 'toString' }, { type: 'constructor' }, { type: 'openRun' }, { type: 'openRun', runId: '../../etc' },
      { type: 'openRun', runId: 'a/b' }, { type: 'compareRuns', runIds: [] }, { type: 'compareRuns', runIds: 'a,b' },
      { type: 'compareRuns', runIds: ['a', 7] }, { type: 'stopRun', runId: '' }, { type: 'eval', code: '1' },
    ]) {
      assert.equal(isWebviewToExtension(message), false, JSON.stringify(message));
    }
  });

  it('accepts the extension\'s messages and refuses malformed ones', () => {
    const run = makeRun({ id: 'r1' });
    const line = { kind: 'epoch', epoch: 1, time: '2026-12-04T10:00:00Z', values: { loss: 0.1 } };
    assert.equal(isExtensionToWebview({ type: 'runState', view: { run, lines: [line], images: [{ epoch: 1, uri: 'x' }], logTail: '' } }), true);
    assert.equal(isExtensionToWebview({ type: 'runAppend', run, lines: [], images: [], logTail: '' }), true);
    assert.equal(isExtensionToWebview({ type: 'sweepState', sweep: makeSweep({ id: 's1' }), runs: [run], series: { r1: [line] } }), true);
    assert.equal(isExtensionToWebview({ type: 'compareState', runs: [run], series: {} }), true);
    assert.equal(isExtensionToWebview({ type: 'runState', view: { run, lines: [{ epoch: 1 }], images: [], logTail: '' } }), false);
    assert.equal(isExtensionToWebview({ type: 'runAppend', run: { id: 'x' }, lines: [], images: [], logTail: '' }), false);
    assert.equal(isExtensionToWebview({ type: 'sweepState', sweep: makeSweep({ id: 's1' }), runs: [run], series: { r1: 'no' } }), false);
  });
});
