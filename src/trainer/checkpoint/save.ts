// Saves a LayersModel in the TensorFlow.js layers format (model.json + weights.bin) without
// tfjs-node: tf.io.withSaveHandler hands us the artefacts and we write the files ourselves.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { writeDirAtomically, writeFileDurably } from './atomicDir';
import { META_FILE, makeMeta, type CheckpointMetaInput } from './meta';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

function modelJson(artifacts: tf.io.ModelArtifacts): tf.io.ModelJSON {
  return {
    modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  };
}

/**
 * Writes `dir`/model.json, weights.bin and (with `meta`) meta.json, replacing `dir` atomically.
 * Loadable by tf.loadLayersModel('file://…/model.json') in tfjs-node, or by loadModelFromDir here.
 */
export async function saveModelToDir(model: tf.LayersModel, dir: string, meta?: CheckpointMetaInput): Promise<void> {
  await writeDirAtomically(dir, async (temp) => {
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      if (artifacts.modelTopology instanceof ArrayBuffer || !artifacts.modelTopology) throw new Error('saveModelToDir: expected a layers model topology');
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      await writeFileDurably(join(temp, MODEL_FILE), JSON.stringify(modelJson(artifacts)));
      await writeFileDurably(join(temp, WEIGHTS_FILE), new Uint8Array(weights));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }));
    if (meta) await writeFileDurably(join(temp, META_FILE), `${JSON.stringify(makeMeta(meta), null, 2)}\n`);
  });
}
