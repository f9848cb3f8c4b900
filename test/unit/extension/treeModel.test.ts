import { strict as assert } from 'node:assert';
import { bestRun, buildTree, formatMetric, SINGLE_RUNS_ID } from '../../../src/extension/tree/treeModel';
import { findStartedSweep, plannedRuns, sweepCounts, sweepProgressText } from '../../../src/extension/store/sweepProgress';
import { makeRun, makeStore, makeSweep } from './fixtures';

describe('extension sweeps tree model', () => {
  const older = makeSweep({ id: 's1', name: 'baseline', status: 'finished', createdAt: '2026-12-01T00:00:00Z', spec: { run_cap: 3 } });
  const newer = makeSweep({ id: 's2', name: 'kernels', status: 'running', createdAt: '2026-12-03T00:00:00Z', bestRunId: 'r3' });
  const runs = [
    makeRun({ id: 'r2', sweepId: 's1', status: 'failed', createdAt: '2026-12-01T00:02:00Z', summary: {}, error: { message: 'out of memory' } }),
    makeRun({ id: 'r1', sweepId: 's1', status: 'finished', createdAt: '2026-12-01T00:01:00Z', epoch: 10, summary: { val_loss: 0.00431 }, params: { 'model.kernelSize': 3 } }),
    makeRun({ id: 'r3', sweepId: 's2', status: 'running', epoch: 2, summary: { val_loss: 0.012 } }),
    makeRun({ id: 'r4', sweepId: 's2', status: 'queued' }),
    makeRun({ id: 'r5', status: 'pruned', summary: { val_loss: 0.05 } }),
  ];
  const tree = buildTree(makeStore([older, newer], runs));

  it('lists the newest sweep first, its runs in creation order, lone runs last', () => {
    assert.deepEqual(tree.map((n) => n.id), ['s2', 's1', SINGLE_RUNS_ID]);
    assert.deepEqual(tree[1].runs.map((r) => r.id), ['r1', 'r2']);
    assert.deepEqual(tree[2].runs.map((r) => r.id), ['r5']);
  });

  it('gives each status its icon (a spinner while running) and a context value for the menus', () => {
    const byId = new Map(tree.flatMap((s) => s.runs).map((r) => [r.id, r]));
    assert.equal(byId.get('r3')!.icon, 'sync~spin');
    assert.equal(byId.get('r4')!.icon, 'clock');
    assert.equal(byId.get('r1')!.icon, 'pass');
    assert.equal(byId.get('r2')!.icon, 'error');
    assert.equal(byId.get('r5')!.icon, 'circle-slash');
    assert.equal(byId.get('r3')!.contextValue, 'run.running');
    assert.equal(tree[0].contextValue, 'sweep.running');
  });

  it('describes a run by its metric and epoch, and shows its parameters and error in the tooltip', () => {
    const r1 = tree[1].runs[0];
    assert.equal(r1.description, 'val_loss 0.00431 · epoch 10/10');
    assert.match(r1.tooltip, /model\.kernelSize = 3/);
    assert.match(tree[1].runs[1].tooltip, /error: out of memory/);
    assert.match(tree[1].runs[1].description, /val_loss – · epoch 0\/10 · failed/);
  });

  it('summarises a sweep: runs done of the cap and the best metric so far', () => {
    assert.equal(tree[1].description, '2/3 runs · best val_loss 0.00431 · finished');
    assert.equal(tree[0].description, '0/2 runs · best val_loss 0.012 · running');
  });

  it('picks the best run by the metric\'s goal', () => {
    const a = makeRun({ id: 'a', summary: { val_psnr: 20 } });
    const b = makeRun({ id: 'b', summary: { val_psnr: 25 } });
    assert.equal(bestRun([a, b], 'val_psnr')!.id, 'b');
    assert.equal(bestRun([a, b], 'val_psnr', 'minimize')!.id, 'a');
    assert.equal(bestRun([makeRun({ id: 'c' })], 'val_loss'), undefined);
  });

  it('formats metrics compactly', () => {
    assert.equal(formatMetric(0.0043123), '0.004312');
    assert.equal(formatMetric(0.00001836), '1.836e-5');
    assert.equal(formatMetric(undefined), '–');
  });

  it('puts the running sweep\'s progress in the status bar, nothing when none runs', () => {
    assert.deepEqual(sweepProgressText(makeStore([older, newer], runs)), { text: '$(sync~spin) kernels: 0/2 runs', sweepId: 's2' });
    assert.equal(sweepProgressText(makeStore([older], runs)), undefined);
  });
});

describe('extension sweep progress', () => {
  it('finds the sweep a controller started from a file, and counts its runs done of the cap', () => {
    const startedAt = Date.parse('2026-12-04T12:00:00Z');
    const old = makeSweep({ id: 'old', specPath: '/w/s.yaml', createdAt: '2026-12-04T11:00:00Z' });
    const other = makeSweep({ id: 'other', specPath: '/w/t.yaml', createdAt: '2026-12-04T12:00:01Z' });
    const started = makeSweep({ id: 'new', specPath: '/w/s.yaml', createdAt: '2026-12-04T12:00:00.500Z', spec: { run_cap: 4 } });
    const data = makeStore([old, other, started], [
      makeRun({ id: 'a', sweepId: 'new', status: 'finished' }), makeRun({ id: 'b', sweepId: 'new', status: 'pruned' }),
      makeRun({ id: 'c', sweepId: 'new', status: 'running' }),
    ]);
    assert.equal(findStartedSweep(data, '/w/s.yaml', startedAt)?.id, 'new');
    assert.equal(findStartedSweep(makeStore([old, other], []), '/w/s.yaml', startedAt), undefined);
    assert.deepEqual(sweepCounts(data, started), { done: 2, cap: 4 });
    assert.deepEqual(sweepCounts(data, other), { done: 0, cap: 1 });
  });

  it('plans a grid by the product of its value counts, capped by run_cap', () => {
    const grid = { method: 'grid', parameters: { a: { values: [1, 2, 3] }, b: { values: ['x', 'y'] }, c: { value: 1 } } };
    assert.equal(plannedRuns(grid), 6);
    assert.equal(plannedRuns({ ...grid, run_cap: 4 }), 4);
    assert.equal(plannedRuns({ method: 'random', run_cap: 10, parameters: {} }), 10);
    assert.equal(plannedRuns({ method: 'grid', parameters: { a: { distribution: 'uniform', min: 0, max: 1 } } }), undefined);
  });
});
