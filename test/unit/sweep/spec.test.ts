import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import schema from '../../../schemas/sweep.schema.json';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { applyParams, CONFIG_KEY_NAMES, loadSweepFile, parseSweepText, SweepFileError, sweepRunConfig, type SweepProblem } from '../../../src/sweep/spec';

function problemsOf(text: string, fileName = 'sweep.yaml'): SweepProblem[] {
  try {
    parseSweepText(text, fileName);
  } catch (error) {
    assert.ok(error instanceof SweepFileError, String(error));
    return error.problems;
  }
  assert.fail('expected a SweepFileError');
}

describe('sweep files: parsing', () => {
  it('fills W&B defaults: metric val_loss minimized, distributions inferred from value / values / min-max', () => {
    const spec = parseSweepText(
      ['method: random', 'parameters:', '  model.kernelSize: {values: [3, 5]}', '  train.epochs: {value: 2}',
        '  train.batchSize: {min: 8, max: 64}', '  train.momentum: {min: 0.5, max: 0.99}'].join('\n'),
      '/x/my-sweep.yaml',
    );
    assert.equal(spec.name, 'my-sweep');
    assert.deepEqual(spec.metric, { name: 'val_loss', goal: 'minimize' });
    assert.deepEqual(Object.fromEntries(Object.entries(spec.parameters).map(([k, p]) => [k, p.distribution])), {
      'model.kernelSize': 'categorical', 'train.epochs': 'constant', 'train.batchSize': 'int_uniform', 'train.momentum': 'uniform',
    });
    assert.equal(spec.dataset, 'sample');
    assert.equal(spec.task, 'reconstruct');
  });

  it('takes the goal from the metric when not given (psnr is maximised)', () => {
    const spec = parseSweepText('method: random\nmetric: {name: val_psnr}\nparameters: {train.epochs: {value: 1}}', 's.yaml');
    assert.equal(spec.metric.goal, 'maximize');
  });

  it('reports a bad range with key path, line and column in YAML', () => {
    const text = ['name: lr', 'method: random', 'metric:', '  name: val_loss', 'parameters:', '  train.learningRate:',
      '    min: 0.1', '    max: 0.01'].join('\n');
    const problems = problemsOf(text);
    assert.deepEqual(problems, [{ path: 'parameters.train.learningRate.min', line: 7, column: 10, message: 'must be below max (0.1 ≥ 0.01)' }]);
  });

  it('reports the same problem at its position in a JSON file', () => {
    const text = '{\n  "method": "random",\n  "parameters": {\n    "train.learningRate": {"min": 0.1, "max": 0.01}\n  }\n}';
    const [problem] = problemsOf(text, 'sweep.json');
    assert.equal(problem.path, 'parameters.train.learningRate.min');
    assert.equal(problem.line, 4);
    assert.equal(problem.column, 35);
  });

  it('lists every problem at once, in file order, in the error message', () => {
    const text = ['method: grid', 'metric: {name: accuracy}', 'parameters:', '  train.lr: {value: 1}',
      '  train.learningRate: {distribution: log_uniform_values, min: 0, max: 1}'].join('\n');
    try {
      parseSweepText(text, 'bad.yaml');
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof SweepFileError);
      const lines = error.problems.map((p) => `${p.path}@${p.line}`);
      assert.deepEqual(lines, ['metric.name@2', 'parameters.train.lr@4', 'parameters.train.learningRate.distribution@5', 'parameters.train.learningRate.min@5', 'parameters.train.learningRate.min@5']);
      assert.match(error.message, /^bad\.yaml: 5 problems/);
      assert.match(error.message, /unknown metric "accuracy"; the trainer logs: loss, val_loss, .*test_ssim/);
      assert.match(error.message, /parameters\.train\.lr: unknown parameter; valid keys: model\.filters, .*train\.learningRate/);
      assert.match(error.message, /log_uniform_values needs min > 0 \(got 0\) \(line 5, column \d+\)/);
    }
  });

  it('reports schema errors: unknown top-level key, wrong type, bad enum, missing method', () => {
    const problems = problemsOf('metod: grid\nparameters:\n  train.epochs: {value: 1}\nrun_cap: ten\ntask: paint\n');
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    assert.match(byPath.metod.message, /unknown key "metod"; expected one of: name, description, method/);
    assert.deepEqual([byPath.metod.line, byPath.metod.column], [1, 1]);
    assert.match(byPath[''].message, /missing required key "method"/);
    assert.match(byPath.run_cap.message, /must be integer \(got "ten"\)/);
    assert.equal(byPath.run_cap.line, 4);
    assert.match(byPath.task.message, /must be one of: reconstruct, colorize \(got "paint"\)/);
  });

  it('says how to write a parameter or metric given as a bare value', () => {
    const problems = problemsOf('method: random\nmetric: val_loss\nparameters:\n  train.learningRate: 0.01\n');
    assert.deepEqual(problems.map((p) => [p.path, p.line, p.message]), [
      ['metric', 2, 'must be object (got "val_loss"); write metric: {name: val_loss, goal: minimize}'],
      ['parameters.train.learningRate', 4, 'must be object (got 0.01); write {value: X}, {values: [X, Y]} or {distribution: D, min: A, max: B}'],
    ]);
  });

  it('reports a YAML syntax error, duplicate keys and a second document with their lines', () => {
    assert.match(problemsOf('method: grid\nparameters: {train.epochs: {value: 1}}\n---\nx: 1\n')[0].message, /one YAML document; a second one starts here/);
    assert.equal(problemsOf('method: grid\nparameters:\n  a: [1, 2\n').at(0)?.line, 4);
    const dup = problemsOf('method: grid\nmethod: random\nparameters: {train.epochs: {value: 1}}');
    assert.deepEqual([dup[0].line, dup[0].column], [2, 1]);
    assert.match(dup[0].message, /unique/);
  });

  it('checks values against the run configuration: types, enums, integer keys', () => {
    const problems = problemsOf(['method: random', 'parameters:', '  model.activation: {values: [relu, gelu]}',
      '  model.kernelSize: {distribution: uniform, min: 1, max: 7}', '  model.filters: {values: [[8, 16], 12]}',
      '  model.batchNorm: {distribution: normal}'].join('\n'));
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(messages, [
      'parameters.model.activation.values[1]: "gelu" is not one of relu, elu, selu, leakyRelu, tanh, swish',
      'parameters.model.kernelSize.distribution: model.kernelSize takes integers; use int_uniform, a q_ distribution with an integer q, or values',
      'parameters.model.filters.values[1]: 12 is not a non-empty list of positive integers',
      'parameters.model.batchNorm.distribution: model.batchNorm takes true or false, not numbers from distribution normal; use values',
    ]);
  });

  it('refuses a normal distribution that often falls below what the key accepts, allows a tight one', () => {
    const [problem] = problemsOf('method: random\nparameters:\n  train.learningRate: {distribution: normal, mu: 0.001, sigma: 0.001}\n');
    assert.equal(problem.message, 'train.learningRate takes numbers > 0, but this distribution falls below that 16 % of the time (use log_normal, or a uniform range)');
    parseSweepText('method: random\nparameters:\n  train.momentum: {distribution: normal, mu: 0.9, sigma: 0.02}\n  train.batchSize: {distribution: q_normal, mu: 32, sigma: 8, q: 8}', 's.yaml');
  });

  it('checks probabilities (sum, length) and fields a distribution does not read', () => {
    const problems = problemsOf(['method: random', 'parameters:', '  train.optimizer:',
      '    values: [adam, sgd]', '    probabilities: [0.5, 0.6]', '  train.learningRate:', '    distribution: log_normal', '    min: 0.1'].join('\n'));
    assert.deepEqual(problems.map((p) => [p.path, p.line, p.message]), [
      ['parameters.train.optimizer.probabilities', 5, 'must sum to 1 (they sum to 1.1)'],
      ['parameters.train.learningRate.min', 8, '"min" is not used by distribution log_normal (it reads mu, sigma)'],
    ]);
  });

  it('grid refuses a continuous parameter, naming it', () => {
    const [problem] = problemsOf('method: grid\nparameters:\n  train.learningRate: {distribution: uniform, min: 0.001, max: 0.1}\n');
    assert.equal(problem.path, 'parameters.train.learningRate.distribution');
    assert.match(problem.message, /method grid needs a finite set of values; distribution uniform is continuous/);
  });

  it('maps W&B hyperband max_iter + s onto ASHA rungs (min_iter = max_iter / eta^s), and asha defaults', () => {
    const et = (block: string) => parseSweepText(`method: random\nparameters: {train.epochs: {value: 27}}\nearly_terminate: ${block}`, 's.yaml').earlyTerminate;
    assert.deepEqual(et('{type: hyperband, max_iter: 27, s: 2, eta: 3}'), { type: 'hyperband', minIter: 3, eta: 3, maxIter: 27 });
    assert.deepEqual(et('{type: hyperband, min_iter: 2}'), { type: 'hyperband', minIter: 2, eta: 3 });
    assert.deepEqual(et('{type: asha, eta: 2}'), { type: 'asha', minIter: 1, eta: 2 });
    assert.match(problemsOf('method: random\nparameters: {train.epochs: {value: 1}}\nearly_terminate: {type: hyperband, s: 2}')[0].message, /s needs max_iter/);
  });

  it('flattens base (nested or dotted) and rejects an unknown setting', () => {
    const spec = parseSweepText('method: random\nparameters: {train.seed: {values: [1, 2]}}\nbase:\n  train: {epochs: 3}\n  data.limit: 200\n', 's.yaml');
    assert.deepEqual(spec.base, { 'train.epochs': 3, 'data.limit': 200 });
    const [problem] = problemsOf('method: random\nparameters: {train.seed: {values: [1]}}\nbase:\n  train: {epoch: 3}\n');
    assert.equal(problem.path, 'base.train.epoch');
    assert.match(problem.message, /unknown setting "train.epoch"; valid keys:/);
  });

  it('resolves a relative dataset folder against the sweep file and reports a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-spec-'));
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 's.yaml'), 'method: random\ndataset: folder:images\nparameters: {train.epochs: {value: 1}}\n');
    const spec = await loadSweepFile(join(dir, 's.yaml'));
    assert.equal(spec.dataset, `folder:${join(dir, 'images')}`);
    assert.equal(spec.sourcePath, join(dir, 's.yaml'));
    const [problem] = problemsOf('method: random\ndataset: folder:nowhere\nparameters: {train.epochs: {value: 1}}\n', join(dir, 't.yaml'));
    assert.deepEqual([problem.path, problem.line, problem.message], ['dataset', 2, `folder not found: ${join(dir, 'nowhere')}`]);
  });
});

describe('sweep files: run configurations', () => {
  it('applyParams sets dotted keys on a copy and refuses unknown keys', () => {
    const base = defaultRunConfig();
    const config = applyParams(base, { 'model.kernelSize': 7, 'model.filters': [32, 64], 'train.learningRate': 0.01 });
    assert.equal(config.model.kernelSize, 7);
    assert.deepEqual(config.model.filters, [32, 64]);
    assert.equal(config.train.learningRate, 0.01);
    assert.equal(base.model.kernelSize, 3, 'the base is not modified');
    assert.throws(() => applyParams(base, { 'model.kernel': 3 }), /"model.kernel" is not a run configuration key/);
  });

  it('sweepRunConfig starts from the task defaults, the dataset and base', () => {
    const spec = parseSweepText('method: grid\ntask: colorize\ndataset: cifar10\nbase: {train.epochs: 4}\nparameters: {model.kernelSize: {values: [5, 7]}}', 's.yaml');
    const config = sweepRunConfig(spec);
    assert.equal(config.task, 'colorize');
    assert.equal(config.data.dataset, 'cifar10');
    assert.equal(config.train.epochs, 4);
    assert.deepEqual(config.model.decoderFilters, [32]);
  });

  it('the JSON Schema compiles in ajv strict mode and describes every key (editor hover)', () => {
    new Ajv({ strict: true }).compile(schema);
    const undescribed: string[] = [];
    type Described = { description?: string; properties?: Record<string, Described> };
    const walk = (node: Described, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undescribed.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
    };
    walk(schema as Described, '');
    walk(schema.definitions.parameter as Described, 'parameter.');
    assert.deepEqual(undescribed, []);
  });

  it('the JSON Schema offers exactly the configuration keys a sweep may vary', () => {
    assert.deepEqual(Object.keys(schema.properties.parameters.properties), [...CONFIG_KEY_NAMES]);
  });
});
