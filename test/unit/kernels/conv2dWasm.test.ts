// The wasm C forward convolutions (src/trainer/kernels/wasm/conv2d.c: output channels a multiple
// of 4, or 1-3 of them from input channels a multiple of 4) against a float64 convolution on random
// shapes, strides and paddings with signed inputs (inner tiles and border pixels); FusedConv2D with
// bias and each activation; and the cases left to the stock kernels.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { conv2dRef, maxRelativeError, seededRandom, signedValues, type Pad } from './reference';

type Shape4 = [number, number, number, number];

function check(xShape: Shape4, wShape: Shape4, stride: [number, number], pad: Pad, rand: () => number, dilation = 1): void {
  const x = signedValues(xShape.reduce((a, b) => a * b), rand);
  const w = signedValues(wShape.reduce((a, b) => a * b), rand);
  const before = tf.memory().numTensors;
  const got = tf.tidy(() => tf.conv2d(tf.tensor4d(Float32Array.from(x), xShape), tf.tensor4d(Float32Array.from(w), wShape), stride, pad, 'NHWC', dilation).dataSync());
  assert.equal(tf.memory().numTensors, before, 'tensors leaked');
  const what = `x ${xShape} w ${wShape} stride ${stride} pad ${JSON.stringify(pad)} dilation ${dilation}`;
  if (dilation !== 1) return; // the float64 reference has no dilation: only that it ran
  const want = conv2dRef(x, xShape, w, wShape, stride, pad).y;
  assert.equal(got.length, want.length, what);
  assert.ok(maxRelativeError(got, want) < 1e-5, `off by ${maxRelativeError(got, want)} for ${what}`);
}

describe('wasm C forward convolution (Conv2D on wasm)', () => {
  before(async () => { await initBackend('wasm'); });

  it('matches a float64 convolution on 40 random shapes, strides and paddings (Co a multiple of 4)', () => {
    const rand = seededRandom(21);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let n = 0; n < 40; n++) {
      const k: [number, number] = [pick([1, 2, 3, 5]), pick([1, 3, 4])];
      const explicit: Pad = [[0, 0], [pick([0, 1, 2]), pick([0, 1, 3])], [pick([0, 1, 2]), pick([0, 2])], [0, 0]];
      const ci = pick([1, 2, 3, 4, 7, 12]);
      check([1 + Math.floor(rand() * 3), k[0] + Math.floor(rand() * 20), k[1] + Math.floor(rand() * 20), ci], [k[0], k[1], ci, 4 * pick([1, 2, 3, 4, 5])],
        [pick([1, 1, 2, 3]), pick([1, 1, 2, 3])], pick<Pad>(['same', 'valid', explicit]), rand);
    }
  });

  it('matches on 30 random cases with 1-3 output channels and input channels a multiple of 4', () => {
    const rand = seededRandom(22);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let n = 0; n < 30; n++) {
      const k: [number, number] = [pick([1, 2, 3, 5]), pick([1, 3, 4])];
      const ci = 4 * pick([1, 2, 3, 5]);
      check([1 + Math.floor(rand() * 3), k[0] + Math.floor(rand() * 20), k[1] + Math.floor(rand() * 20), ci], [k[0], k[1], ci, pick([1, 2, 3])],
        [pick([1, 1, 2, 3]), pick([1, 1, 2])], pick<Pad>(['same', 'valid', [[0, 0], [1, 2], [2, 0], [0, 0]]]), rand);
    }
  });

  for (const activation of ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu'] as const) {
    it(`FusedConv2D with bias and ${activation} matches the float64 convolution, bias and activation`, () => {
      const rand = seededRandom(activation.length);
      for (const [ci, co] of [[12, 3], [5, 8]]) {
        const xShape: Shape4 = [2, 9, 11, ci];
        const wShape: Shape4 = [3, 3, ci, co];
        const x = signedValues(xShape.reduce((p, q) => p * q), rand).map((v) => 4 * v);
        const w = signedValues(wShape.reduce((p, q) => p * q), rand);
        const bias = signedValues(co, rand);
        const got = tf.tidy(() => tf.fused.conv2d({
          x: tf.tensor4d(Float32Array.from(x), xShape), filter: tf.tensor4d(Float32Array.from(w), wShape), strides: 1, pad: 'same',
          bias: tf.tensor1d(Float32Array.from(bias)), activation, leakyreluAlpha: 0.1,
        }).dataSync());
        const f = { linear: (v: number) => v, relu: (v: number) => Math.max(0, v), relu6: (v: number) => Math.min(6, Math.max(0, v)),
          elu: (v: number) => (v > 0 ? v : Math.exp(v) - 1), sigmoid: (v: number) => 1 / (1 + Math.exp(-v)), leakyrelu: (v: number) => (v > 0 ? v : 0.1 * v) }[activation];
        const want = conv2dRef(x, xShape, w, wShape, [1, 1], 'same').y.map((v, i) => f(v + bias[i % co]));
        assert.ok(maxRelativeError(got, want) < 1e-5, `off by ${maxRelativeError(got, want)} for ${ci} -> ${co}`);
      }
    });
  }

  it('FusedConv2D with a scalar bias (broadcast through Add, not in C) is still right', () => {
    const rand = seededRandom(77);
    const xShape: Shape4 = [2, 6, 5, 8];
    const wShape: Shape4 = [3, 3, 8, 4];
    const x = signedValues(xShape.reduce((p, q) => p * q), rand);
    const w = signedValues(wShape.reduce((p, q) => p * q), rand);
    const got = tf.tidy(() => tf.fused.conv2d({ x: tf.tensor4d(Float32Array.from(x), xShape), filter: tf.tensor4d(Float32Array.from(w), wShape), strides: 1, pad: 'valid', bias: tf.scalar(0.75) }).dataSync());
    const want = conv2dRef(x, xShape, w, wShape, [1, 1], 'valid').y.map((v) => v + 0.75);
    assert.ok(maxRelativeError(got, want) < 1e-5);
  });

  it('matches on the baseline\'s forward layers at batch 8', () => {
    const rand = seededRandom(4);
    for (const [s, ci, co] of [[32, 3, 8], [16, 8, 12], [8, 12, 16], [16, 16, 12], [32, 12, 3]]) check([8, s, s, ci], [3, 3, ci, co], [1, 1], 'same', rand);
  });

  it('leaves 3 outputs from 5 inputs and dilation 2 to the stock kernel, still right', () => {
    const rand = seededRandom(9);
    check([2, 9, 7, 5], [3, 3, 5, 3], [1, 1], 'same', rand);
    check([2, 9, 7, 5], [3, 3, 5, 8], [1, 1], 'same', rand, 2);
    const ones = tf.tidy(() => Array.from(tf.conv2d(tf.ones([1, 5, 5, 1]) as tf.Tensor4D, tf.ones([2, 2, 1, 4]) as tf.Tensor4D, 1, 'valid', 'NHWC', 2).dataSync()));
    assert.deepEqual(ones, new Array(9 * 4).fill(4));
  });
});
