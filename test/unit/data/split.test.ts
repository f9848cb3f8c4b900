import { strict as assert } from 'node:assert';
import { chooseForSplit, cutSplits, splitCounts } from '../../../src/trainer/data/split';
import { seededShuffle } from '../../../src/trainer/data/shuffle';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('data split', () => {
  it('cuts 80/10/10, like the assignment, with at least one validation and test image', () => {
    assert.deepEqual(splitCounts(60000), { train: 48000, validation: 6000, test: 6000 });
    assert.deepEqual(splitCounts(2000), { train: 1600, validation: 200, test: 200 });
    assert.deepEqual(splitCounts(15), { train: 13, validation: 1, test: 1 });
    assert.deepEqual(splitCounts(3), { train: 1, validation: 1, test: 1 });
    assert.throws(() => splitCounts(2), /at least 3 images.*got 2/);
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    const a = cutSplits(chooseForSplit(range(1000), 42, 0));
    const b = cutSplits(chooseForSplit(range(1000), 42, 0));
    const c = cutSplits(chooseForSplit(range(1000), 43, 0));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.test, c.test);
  });

  it('uses every image exactly once across train, validation and test', () => {
    const { train, validation, test } = cutSplits(chooseForSplit(range(997), 7, 0));
    const all = [...train, ...validation, ...test].sort((x, y) => x - y);
    assert.deepEqual(all, range(997));
    assert.deepEqual([train.length, validation.length, test.length], [799, 99, 99]);
  });

  it('applies the limit before the split, to a shuffled choice', () => {
    const chosen = chooseForSplit(range(1000), 3, 100);
    assert.equal(chosen.length, 100);
    assert.equal(new Set(chosen).size, 100);
    assert.ok(chosen.some((i) => i >= 100), 'the limit takes a random subset, not the first files');
    assert.deepEqual(chosen, chooseForSplit(range(1000), 3, 0).slice(0, 100));
  });

  it('shuffles without losing or changing items, and really reorders them', () => {
    const shuffled = seededShuffle(range(50), 1);
    assert.notDeepEqual(shuffled, range(50));
    assert.deepEqual(shuffled.slice().sort((x, y) => x - y), range(50));
  });
});
