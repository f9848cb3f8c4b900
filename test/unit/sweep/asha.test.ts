import { strict as assert } from 'node:assert';
import { AshaScheduler } from '../../../src/sweep/asha';

/** Feeds [runId, epoch, value] events in order and returns the decisions. */
const play = (asha: AshaScheduler, events: [string, number, number][]) => events.map(([id, epoch, value]) => asha.report(id, epoch, value));

describe('ASHA early stopping', () => {
  it('puts rungs at min_iter · eta^k below max_iter', () => {
    assert.deepEqual(new AshaScheduler({ minIter: 1, eta: 3, maxIter: 27, goal: 'minimize' }).rungs, [1, 3, 9]);
    assert.deepEqual(new AshaScheduler({ minIter: 2, eta: 2, maxIter: 20, goal: 'minimize' }).rungs, [2, 4, 8, 16]);
    assert.deepEqual(new AshaScheduler({ minIter: 3, eta: 3, maxIter: 3, goal: 'minimize' }).rungs, []);
    assert.throws(() => new AshaScheduler({ minIter: 1, eta: 1, goal: 'minimize' }), /eta must be above 1/);
  });

  it('continues a run only in the top 1/eta of those that reached the rung so far (asynchronous)', () => {
    const asha = new AshaScheduler({ minIter: 1, eta: 2, maxIter: 8, goal: 'minimize' });
    assert.deepEqual(play(asha, [
      ['a', 1, 0.5], // alone at rung 1: the best so far goes on
      ['b', 1, 0.7], // 2 at the rung, top 1 is a (0.5)
      ['c', 1, 0.4], // best of 3
      ['d', 1, 0.45], // 4 at the rung, top 2 are 0.4 and 0.45 (ties go on)
      ['e', 1, 0.6], // 5 at the rung, top 2: 0.6 is not among them
    ]), ['continue', 'prune', 'continue', 'continue', 'prune']);
    assert.deepEqual(asha.rungSizes(), { 1: 5, 2: 0, 4: 0 });
  });

  it('judges only at rungs, never waits for other runs, and compares each rung separately', () => {
    const asha = new AshaScheduler({ minIter: 1, eta: 3, maxIter: 27, goal: 'minimize' });
    assert.deepEqual(play(asha, [
      ['a', 1, 0.9], ['a', 2, 0.8], ['a', 3, 0.7], // first at rungs 1 and 3: goes on without waiting
      ['b', 1, 0.5], ['c', 1, 0.6], // b best of 2; c: 3 at rung 1, top 1 is b
      ['b', 2, 0.45], ['b', 3, 0.69], // rung 3: a (0.7) and b (0.69): b is the best of 2
      ['a', 9, 0.6], ['b', 9, 0.65], // rung 9: b second of 2 → pruned
    ]), ['continue', 'continue', 'continue', 'continue', 'prune', 'continue', 'continue', 'continue', 'prune']);
  });

  it('maximises when the goal says so (PSNR)', () => {
    const asha = new AshaScheduler({ minIter: 2, eta: 2, goal: 'maximize' });
    assert.deepEqual(play(asha, [['a', 2, 20], ['b', 2, 18], ['c', 2, 25]]), ['continue', 'prune', 'continue']);
  });

  it('prunes a diverged run (NaN) and keeps answering prune for a pruned run', () => {
    const asha = new AshaScheduler({ minIter: 1, eta: 3, goal: 'minimize' });
    assert.equal(asha.report('a', 1, Number.NaN), 'prune');
    assert.equal(asha.report('b', 1, 0.3), 'continue', 'a diverged run ranks last');
    assert.equal(asha.report('a', 2, 0.1), 'prune');
    assert.ok(asha.isPruned('a') && !asha.isPruned('b'));
  });

  it('judges a rung a run passed without reporting it, with its later value', () => {
    const asha = new AshaScheduler({ minIter: 1, eta: 2, goal: 'minimize' });
    play(asha, [['a', 1, 0.2], ['a', 2, 0.1]]);
    assert.equal(asha.report('b', 3, 0.5), 'prune', 'b skipped to epoch 3: judged at rung 1 against a (0.2)');
  });

  it('judges each run once per rung: a repeated report (a resumed controller replaying metrics) is not re-judged', () => {
    const asha = new AshaScheduler({ minIter: 1, eta: 2, goal: 'minimize' });
    assert.deepEqual(play(asha, [['a', 1, 0.5], ['b', 1, 0.3], ['c', 1, 0.2], ['d', 1, 0.1], ['e', 1, 0.4]]), ['continue', 'continue', 'continue', 'continue', 'prune']);
    assert.equal(asha.report('a', 1, 0.5), 'continue', 'a went on when it reached rung 1; later, better runs do not undo that');
    assert.equal(asha.report('e', 1, 0.4), 'prune', 'e was pruned at rung 1 and stays pruned');
    assert.equal(asha.rungSizes()[1], 5, 'no run is counted twice at a rung');
  });
});
