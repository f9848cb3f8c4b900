export { MODEL_FILE, WEIGHTS_FILE, saveModelToDir } from './save';
export { loadModelFromDir } from './load';
export { META_FILE, readCheckpointMeta, type CheckpointMeta, type CheckpointMetaInput } from './meta';
export { writeDirAtomically } from './atomicDir';
