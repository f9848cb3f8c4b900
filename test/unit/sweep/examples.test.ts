import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSearcher } from '../../../src/sweep/search';
import { applyParams, loadSweepFile, sweepRunConfig } from '../../../src/sweep/spec';

const examples = join(__dirname, '..', '..', '..', 'examples');

describe('shipped example sweeps', () => {
  it('ships the four examples', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();
    for (const name of ['baseline.yaml', 'colorize.yaml', 'kernel-filters-search.yaml', 'sample-sweep.yaml']) assert.ok(files.includes(name), name);
  });

  for (const file of readdirSync(examples).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} parses and yields runnable configurations`, async () => {
      const spec = await loadSweepFile(join(examples, file));
      const searcher = createSearcher(spec, spec.seed ?? 0);
      const params = searcher.next([]);
      assert.ok(params, 'at least one run');
      const config = applyParams(sweepRunConfig(spec), params);
      assert.equal(config.task, spec.task);
      assert.equal(config.data.dataset, spec.dataset);
    });
  }

  it('baseline is the assignment baseline: one run, cifar10, 10 epochs, 3×3 kernels 8/12/16', async () => {
    const spec = await loadSweepFile(join(examples, 'baseline.yaml'));
    const searcher = createSearcher(spec, 0);
    const params = searcher.next([]);
    assert.ok(params);
    assert.equal(searcher.next([{ params, status: 'running', epochsRun: 0 }]), null);
    const config = applyParams(sweepRunConfig(spec), params);
    assert.deepEqual([config.data.dataset, config.train.epochs, config.model.kernelSize, config.model.latentChannels], ['cifar10', 10, 3, 16]);
    assert.deepEqual(config.model.filters, [8, 12]);
  });

  it('the quick start is small: the shipped sample, at most 6 runs of 3 epochs, 2 at a time, with early stopping', async () => {
    const spec = await loadSweepFile(join(examples, 'sample-sweep.yaml'));
    assert.deepEqual([spec.dataset, spec.runCap, spec.base['train.epochs'], spec.concurrency], ['sample', 6, 3, 2]);
    assert.ok(spec.earlyTerminate);
  });

  it('kernel-filters-search is 10 random runs over kernel sizes 1, 3, 5, 7', async () => {
    const spec = await loadSweepFile(join(examples, 'kernel-filters-search.yaml'));
    assert.deepEqual([spec.method, spec.runCap, spec.parameters['model.kernelSize'].values], ['random', 10, [1, 3, 5, 7]]);
  });
});
