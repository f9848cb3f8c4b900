// The wasm SIMD filter gradient (src/trainer/kernels/wasm/filterGrad.c), run on tfjs-backend-wasm's
// heap: against a float64 sum on random shapes, strides, paddings and signed inputs, through the
// registered Conv2DBackpropFilter kernel; and the shipped binary is the one its loader uses and
// cannot write outside the tensors it is given (no data segment, only tfjs's memory imported).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { wasmKernelsFor } from '../../../src/trainer/kernels/wasm/kernelsModule';
import { KERNELS_WASM_BASE64 } from '../../../src/trainer/kernels/wasm/kernelsBinary';
import { filterGradRef, maxRelativeError, seededRandom, signedValues, type Pad } from './reference';

type Shape4 = [number, number, number, number];
const wasmDir = join(__dirname, '../../../src/trainer/kernels/wasm');

function gradOnWasm(x: Float64Array, xShape: Shape4, dy: Float64Array, dyShape: Shape4, wShape: Shape4, stride: [number, number], pad: Pad): Float32Array {
  return tf.tidy(() => {
    const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: tf.tensor4d(Float32Array.from(x), xShape), dy: tf.tensor4d(Float32Array.from(dy), dyShape) },
      { strides: stride, pad, dataFormat: 'NHWC', filterShape: wShape }) as tf.Tensor;
    assert.deepEqual(dw.shape, wShape);
    return dw.dataSync() as Float32Array;
  });
}

function check(xShape: Shape4, wShape: Shape4, stride: [number, number], pad: Pad, rand: () => number): void {
  const x = signedValues(xShape.reduce((a, b) => a * b), rand);
  const info = tf.backend_util.computeConv2DInfo(xShape, wShape, stride, 1, pad);
  const dyShape: Shape4 = [xShape[0], info.outHeight, info.outWidth, wShape[3]];
  const dy = signedValues(dyShape.reduce((a, b) => a * b), rand);
  const before = tf.memory().numTensors;
  const got = gradOnWasm(x, xShape, dy, dyShape, wShape, stride, pad);
  assert.equal(tf.memory().numTensors, before, 'tensors leaked');
  const err = maxRelativeError(got, filterGradRef(x, xShape, dy, wShape, stride, pad));
  assert.ok(err < 2e-5, `dW off by ${err} for x ${xShape} w ${wShape} stride ${stride} pad ${JSON.stringify(pad)}`);
}

describe('wasm SIMD filter gradient (Conv2DBackpropFilter on wasm)', () => {
  before(async () => { await initBackend('wasm'); });

  it('binds to the wasm backend\'s own memory', () => {
    assert.equal(typeof wasmKernelsFor(tf.backend())?.filter_grad, 'function');
  });

  it('matches a float64 sum on 40 random shapes, strides and paddings (either channel count a multiple of 4)', () => {
    const rand = seededRandom(11);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let n = 0; n < 40; n++) {
      const k: [number, number] = [pick([1, 2, 3, 5]), pick([1, 3, 4])];
      const vectorSide = 4 * pick([1, 2, 3, 4, 5]);
      const other = pick([1, 2, 3, 5, 6, 7, 9]);
      const [ci, co] = n % 2 === 0 ? [other, vectorSide] : [vectorSide, other];
      const h = k[0] + Math.floor(rand() * 30);
      const w = k[1] + Math.floor(rand() * 30);
      const explicit: Pad = [[0, 0], [pick([0, 1, 2]), pick([0, 1, 3])], [pick([0, 1, 2]), pick([0, 2])], [0, 0]];
      check([1 + Math.floor(rand() * 3), h, w, ci], [k[0], k[1], ci, co], [pick([1, 1, 2, 3]), pick([1, 2, 3])], pick<Pad>(['same', 'valid', explicit]), rand);
    }
  });

  it('matches a float64 sum on the baseline\'s five layers at batch 64 (many cache chunks)', () => {
    const rand = seededRandom(5);
    for (const [s, ci, co] of [[32, 3, 8], [16, 8, 12], [8, 12, 16], [16, 16, 12], [32, 12, 3]]) {
      check([64, s, s, ci], [3, 3, ci, co], [1, 1], 'same', rand);
    }
  });

  it('leaves channel counts with no multiple of 4 to the conv formulation (still correct)', () => {
    check([2, 9, 7, 3], [3, 3, 3, 5], [1, 1], 'same', seededRandom(3));
  });

  it('ships the binary its loader uses, with no data segment and only tfjs\'s memory imported', () => {
    const bytes = readFileSync(join(wasmDir, 'kernels.wasm'));
    assert.ok(bytes.equals(Buffer.from(KERNELS_WASM_BASE64, 'base64')), 'kernelsBinary.ts is stale: run src/trainer/kernels/wasm/build.sh');
    const mod = new WebAssembly.Module(bytes);
    assert.deepEqual(WebAssembly.Module.imports(mod), [{ module: 'env', name: 'memory', kind: 'memory' }]);
    assert.deepEqual(WebAssembly.Module.exports(mod).map((e) => e.name).sort(), ['adam_update', 'add_bias', 'conv2d', 'conv2d_narrow', 'filter_grad', 'max_pool_2x2_grad', 'relu_bias_grad', 'resize_2x', 'resize_2x_grad', 'sum_rows']);
    // Walk the sections: id 11 is a data segment, which would be copied over tfjs's heap at address 0.
    let at = 8;
    const ids: number[] = [];
    while (at < bytes.length) {
      ids.push(bytes[at++]);
      let size = 0;
      for (let shift = 0; ; shift += 7) { const b = bytes[at++]; size |= (b & 0x7f) << shift; if (b < 0x80) break; }
      at += size;
    }
    assert.ok(!ids.includes(11), `unexpected data segment (sections ${ids})`);
  });
});
