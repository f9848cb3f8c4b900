import { strict as assert } from 'node:assert';
import { colorizedPath, COLORIZABLE, rankColorizers } from '../../../src/extension/commands/colorizeModel';
import { contentSecurityPolicy, newNonce } from '../../../src/extension/panels/csp';
import { looksLikeSweep } from '../../../src/extension/sweepFiles/looksLikeSweep';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import type { MetricLine } from '../../../src/shared/storeSchema';
import { configDiff } from '../../../webview/compare/configDiff';
import { epochColumns, stepColumns } from '../../../webview/run/runSeries';
import { axisPosition, buildAxes } from '../../../webview/sweep/axes';
import { sortRuns } from '../../../webview/sweep/runsTable';
import { makeRun } from './fixtures';

describe('extension panel logic', () => {
  it('uses a strict CSP: fresh nonce for scripts, nothing inline, no eval', () => {
    const a = newNonce();
    assert.notEqual(a, newNonce());
    assert.ok(a.length >= 24);
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', a);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${a}'`));
    assert.doesNotMatch(csp, /unsafe-(eval|inline)/);
  });

  it('builds chart columns from metric lines: epoch curves with gaps, steps with smoothing', () => {
    const lines: MetricLine[] = [
      { kind: 'batch', epoch: 1, step: 1, time: 't', values: { loss: 0.4 } },
      { kind: 'batch', epoch: 1, step: 2, time: 't', values: { loss: 0.2 } },
      { kind: 'epoch', epoch: 1, time: 't', values: { loss: 0.3, val_loss: 0.35 } },
      { kind: 'epoch', epoch: 2, time: 't', values: { loss: 0.2 } },
    ];
    assert.deepEqual(epochColumns(lines, ['loss', 'val_loss']), [[1, 2], [0.3, 0.2], [0.35, null]]);
    const steps = stepColumns(lines, 0.5);
    assert.deepEqual(steps[0], [1, 2]);
    assert.deepEqual(steps[1], [0.4, 0.2]);
    assert.ok(Math.abs(steps[2][1]! - (0.25 * 0.4 + 0.5 * 0.2) / 0.75) < 1e-12);
  });

  it('sorts the runs table numerically, text alphabetically, missing values last', () => {
    const runs = [makeRun({ id: 'a', summary: { val_loss: 0.3 } }), makeRun({ id: 'b' }), makeRun({ id: 'c', summary: { val_loss: 0.1 } })];
    assert.deepEqual(sortRuns(runs, 'val_loss', false, 'val_loss').map((r) => r.id), ['c', 'a', 'b']);
    assert.deepEqual(sortRuns(runs, 'val_loss', true, 'val_loss').map((r) => r.id), ['a', 'c', 'b']);
    assert.deepEqual(sortRuns(runs, 'name', true, 'val_loss').map((r) => r.id), ['c', 'b', 'a']);
  });

  it('places parallel-coordinate values on numeric and categorical axes', () => {
    const runs = [
      makeRun({ id: 'a', params: { k: 1, act: 'relu' }, summary: { val_loss: 0.2 } }),
      makeRun({ id: 'b', params: { k: 7, act: 'elu' }, summary: { val_loss: 0.1 } }),
    ];
    const [k, act, metric] = buildAxes(runs, ['k', 'act'], 'val_loss');
    assert.deepEqual([k.min, k.max], [1, 7]);
    assert.deepEqual(act.labels, ['"relu"', '"elu"']);
    assert.equal(axisPosition(metric, 0.1), 0);
    assert.equal(axisPosition({ ...k, min: 3, max: 3 }, 3), 0.5);
  });

  it('diffs configurations with the differing keys first', () => {
    const a = defaultRunConfig();
    const b = { ...a, model: { ...a.model, kernelSize: 7 } };
    const rows = configDiff([a, b]);
    assert.equal(rows[0].key, 'model.kernelSize');
    assert.deepEqual(rows[0].values, [3, 7]);
    assert.equal(rows.filter((r) => r.differs).length, 1);
    assert.ok(rows.some((r) => r.key === 'train.learningRate' && !r.differs));
  });

  it('ranks finished colorizers by validation loss and writes beside the image', () => {
    const colorize = defaultRunConfig('colorize');
    const runs = [
      makeRun({ id: 'worse', config: colorize, bestEpoch: 3, summary: { val_loss: 0.01 } }),
      makeRun({ id: 'recon', bestEpoch: 3, summary: { val_loss: 0.001 } }),
      makeRun({ id: 'best', config: colorize, bestEpoch: 5, summary: { val_loss: 0.003 } }),
      makeRun({ id: 'failed', config: colorize, status: 'failed', summary: { val_loss: 0.0001 } }),
      makeRun({ id: 'no-loss', config: colorize, summary: {} }),
    ];
    assert.deepEqual(rankColorizers(runs).map((r) => r.id), ['best', 'worse']);
    assert.equal(colorizedPath('/w/photos/cat.jpeg'), '/w/photos/cat.colorized.png');
    assert.ok(COLORIZABLE.test('a.WEBP') && COLORIZABLE.test('a.jpg') && !COLORIZABLE.test('a.gif'));
  });
});

describe('extension sweep file detection', () => {
  it('knows a sweep file by its name or by its method and parameters keys', () => {
    assert.equal(looksLikeSweep('/w/examples/sample-sweep.yaml', ''), true);
    assert.equal(looksLikeSweep('/w/baseline.yaml', 'name: x\nmethod: grid\nparameters:\n  a: {values: [1]}\n'), true);
    assert.equal(looksLikeSweep('/w/s.json', '{"method": "random", "parameters": {}}'), true);
    assert.equal(looksLikeSweep('/w/ci.yaml', 'jobs:\n  method: x\n'), false);
    assert.equal(looksLikeSweep('/w/notes.txt', 'method: grid\nparameters: {}'), false);
  });
});
