// What runTraining takes: the run's configuration, where to write, a sink for messages and a stop flag.
import type { RunConfig } from '../../shared/runConfig';
import type { AdapterInfo, TrainerToController } from '../../shared/trainerMessages';
import type { ImageSplit } from './batches';

export interface TrainingDataset {
  train: ImageSplit;
  validation: ImageSplit;
  test: ImageSplit;
  /** Images the loader skipped (corrupt or unreadable). */
  skipped: string[];
}

export interface RunTrainingOptions {
  config: RunConfig;
  /** The run's folder: media/ and model/ are written under it. */
  runDir: string;
  emit: (message: TrainerToController) => void;
  /** Polled after every batch; true ends the run after the current batch. */
  shouldStop: () => boolean;
  /** Data already loaded (tests, benchmark); otherwise loaded from config.data. */
  dataset?: TrainingDataset;
  /** The backend's name for the 'started' message (default: tf.getBackend()). */
  backend?: string;
  /** The GPU adapter the backend runs on, when it has one (webgpu). */
  adapter?: AdapterInfo;
  /** Progress messages at most this often (ms). */
  progressIntervalMs?: number;
  /** Where the data loader keeps downloads and decoded folders (default: the loader's, $AELAB_CACHE_DIR or ~/.cache/aelab). */
  cacheDir?: string;
}
