import { strict as assert } from 'node:assert';
import { encodeColumn, parameterImportance, pearson } from '../../../webview/sweep/importance';

describe('sweep parameter importance', () => {
  it('computes Pearson correlation', () => {
    assert.ok(Math.abs(pearson([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-12);
    assert.ok(Math.abs(pearson([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-12);
    // x = 1..5, y = [2,1,4,3,5]: r = 0.8
    assert.ok(Math.abs(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-12);
    assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
  });

  it('encodes categorical values by first appearance and booleans as 0/1', () => {
    assert.deepEqual(encodeColumn(['relu', 'elu', 'relu', true, false, 3]), [0, 1, 0, 1, 0, 3]);
  });

  it('ranks the parameter that drives the metric first, by forest and by correlation', () => {
    // The metric depends on the kernel size only (quadratically: best at 5); the learning rate is noise.
    const kernels = [1, 3, 5, 7];
    const rows: Record<string, unknown>[] = [];
    const metric: number[] = [];
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 24; i++) {
      const kernelSize = kernels[i % 4];
      rows.push({ kernelSize, learningRate: 0.0001 + noise() * 0.01, activation: i % 3 === 0 ? 'relu' : 'elu' });
      metric.push((kernelSize - 5) ** 2 * 0.001 + noise() * 1e-5);
    }
    const result = parameterImportance(rows, metric);
    assert.equal(result[0].param, 'kernelSize');
    assert.ok(result[0].forest > 0.6, `forest importance ${result[0].forest}`);
    assert.ok(Math.abs(result.reduce((s, r) => s + r.forest, 0) - 1) < 1e-9);
    assert.ok(Math.abs(result.find((r) => r.param === 'learningRate')!.correlation) < 0.5);
  });

  it('skips runs without the metric and gives no forest importance under 4 runs', () => {
    const result = parameterImportance([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }], [1, 2, Number.NaN, 4]);
    assert.equal(result[0].forest, 0);
    assert.ok(Math.abs(result[0].correlation - 1) < 1e-12);
  });
});
