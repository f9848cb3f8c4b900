// Loads a checkpoint folder written by saveModelToDir (or any tfjs layers model.json + weight files),
// with errors that name the file at fault.
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { recoverFromDeadWriters } from './atomicDir';
import { MODEL_FILE } from './save';

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

function expectedBytes(specs: tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((sum, spec) => {
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    return sum + spec.shape.reduce((n, d) => n * d, 1) * (DTYPE_BYTES[dtype] ?? 4);
  }, 0);
}

async function readModelJson(path: string): Promise<tf.io.ModelJSON> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`checkpoint ${path}: cannot read (${(err as Error).message})`);
  }
  let json: Partial<tf.io.ModelJSON>;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`checkpoint ${path}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object' || json.modelTopology === null) {
    throw new Error(`checkpoint ${path}: missing "modelTopology"`);
  }
  if (!Array.isArray(json.weightsManifest)) throw new Error(`checkpoint ${path}: missing "weightsManifest"`);
  return json as tf.io.ModelJSON;
}

/** Reads the weight files the manifest names (inside `dir` only) and checks their total size. */
async function readWeights(dir: string, modelPath: string, manifest: tf.io.WeightsManifestConfig): Promise<ArrayBuffer> {
  const buffers: Buffer[] = [];
  for (const group of manifest) {
    for (const name of group.paths) {
      const path = resolve(dir, name);
      if (relative(resolve(dir), path).startsWith('..')) throw new Error(`checkpoint ${modelPath}: weight path "${name}" leaves the checkpoint folder`);
      try {
        buffers.push(await readFile(path));
      } catch (err) {
        throw new Error(`checkpoint ${path}: cannot read weights (${(err as Error).message})`);
      }
    }
  }
  const data = Buffer.concat(buffers);
  const expected = expectedBytes(manifest.flatMap((group) => group.weights));
  if (data.byteLength !== expected) {
    const names = manifest.flatMap((group) => group.paths).join(', ');
    throw new Error(`checkpoint ${join(dir, names)}: ${data.byteLength} bytes of weights, ${modelPath} describes ${expected}`);
  }
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

export async function loadModelFromDir(dir: string): Promise<tf.LayersModel> {
  const modelPath = join(dir, MODEL_FILE);
  // A writer killed between moving the old checkpoint aside and moving the new one in left no `dir`.
  if (!existsSync(dir)) await recoverFromDeadWriters(dir).catch(() => undefined);
  const json = await readModelJson(modelPath);
  const weightData = await readWeights(dir, modelPath, json.weightsManifest);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      trainingConfig: json.trainingConfig,
    }));
  } catch (err) {
    throw new Error(`checkpoint ${modelPath}: cannot build the model (${(err as Error).message})`);
  }
}
