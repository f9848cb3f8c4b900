// The sidebar keeps its node objects across store changes and refreshes only what changed (treeUpdate.ts),
// so VS Code keeps every other tree item mapped to its element: a context-menu command chosen while a sweep
// runs still gets its item.
import { strict as assert } from 'node:assert';
import { buildTree } from '../../../src/extension/tree/treeModel';
import { updateTree } from '../../../src/extension/tree/treeUpdate';
import type { RunRecord, SweepRecord } from '../../../src/shared/storeSchema';
import { makeRun, makeStore, makeSweep } from './fixtures';

describe('extension sweeps tree updates', () => {
  const sweep = (over: Partial<SweepRecord> = {}) => makeSweep({ id: 's1', name: 'kernels', createdAt: '2026-12-03T00:00:00Z', ...over });
  const run = (id: string, over: Partial<RunRecord> = {}) => makeRun({ id, sweepId: 's1', status: 'running', createdAt: `2026-12-03T00:0${id.slice(1)}:00Z`, ...over });
  const tree = (s: SweepRecord, runs: RunRecord[], extra: RunRecord[] = []) => buildTree(makeStore([s], [...runs, ...extra]));

  it('refreshes only the run whose epoch changed, keeping every node object', () => {
    // r2 holds the best val_loss, which the sweep's own item shows: r1's new epoch leaves it unchanged.
    const before = tree(sweep(), [run('r1', { epoch: 1, summary: { val_loss: 0.05 } }), run('r2', { epoch: 1, summary: { val_loss: 0.01 } })]);
    const [s1, r1, r2] = [before[0], before[0].runs[0], before[0].runs[1]];
    const update = updateTree(before, tree(sweep(), [run('r1', { epoch: 2, summary: { val_loss: 0.02 } }), run('r2', { epoch: 1, summary: { val_loss: 0.01 } })]));
    assert.deepEqual(update.refresh, [r1]);
    assert.equal(update.nodes[0], s1);
    assert.equal(update.nodes[0].runs[0], r1);
    assert.equal(update.nodes[0].runs[1], r2);
    assert.equal(r1.run.epoch, 2, 'the kept node carries the new record');
    assert.match(r1.description, /0\.02/);
  });

  it('refreshes nothing when nothing shown changed, and the sweep (not its runs) when it gains a run', () => {
    const before = tree(sweep(), [run('r1')]);
    assert.deepEqual(updateTree(before, tree(sweep(), [run('r1')])).refresh, []);
    const s1 = before[0];
    const grown = updateTree(before, tree(sweep(), [run('r1'), run('r2', { status: 'queued' })]));
    assert.deepEqual(grown.refresh, [s1]);
    assert.deepEqual(s1.runs.map((r) => r.id), ['r1', 'r2']);
  });

  it('refreshes the sweep when its own item changes (status, icon, menu)', () => {
    const before = tree(sweep(), [run('r1')]);
    const update = updateTree(before, tree(sweep({ status: 'stopped' }), [run('r1', { status: 'stopped' })]));
    assert.deepEqual(update.refresh, [before[0]]);
    assert.equal(before[0].contextValue, 'sweep.stopped');
    assert.equal(before[0].runs[0].icon, 'debug-stop');
  });

  it('refreshes the whole tree when the list of sweeps changes', () => {
    const before = tree(sweep(), [run('r1')]);
    const next = buildTree(makeStore([sweep(), makeSweep({ id: 's2', createdAt: '2026-12-04T00:00:00Z' })], [run('r1')]));
    const update = updateTree(before, next);
    assert.equal(update.refresh, 'all');
    assert.equal(update.nodes, next);
    const withSingle = updateTree(before, tree(sweep(), [run('r1')], [makeRun({ id: 'lone' })]));
    assert.equal(withSingle.refresh, 'all', 'the Single runs group appeared');
  });
});
