// What a run writes besides messages: the per-epoch preview grid of the same 16 validation images,
// and the best / last checkpoints.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import type { MetricValues, TrainerToController } from '../../shared/trainerMessages';
import { saveModelToDir } from '../checkpoint';
import { batchTensor, type ImageSplit } from './batches';
import { PREVIEW_IMAGES } from './previewRows';
import { renderEpochGrid } from '../media';

/** runDir/media/epoch-NNNN.png: the layout of storePaths.mediaFile, relative to the run's folder. */
export const previewPath = (runDir: string, epoch: number) => join(runDir, 'media', `epoch-${String(epoch).padStart(4, '0')}.png`);
export const checkpointPath = (runDir: string, kind: 'best' | 'last') => join(runDir, 'model', kind);

export class RunOutputs {
  constructor(
    private readonly runDir: string,
    private readonly config: RunConfig,
    private readonly model: tf.LayersModel,
    private readonly validation: ImageSplit,
    private readonly emit: (message: TrainerToController) => void,
  ) {}

  async writePreview(epoch: number): Promise<void> {
    const count = Math.min(PREVIEW_IMAGES, this.validation.count);
    const images = batchTensor(this.validation, null, 0, count);
    const png = await renderEpochGrid(this.model, images, this.config).finally(() => images.dispose());
    const path = previewPath(this.runDir, epoch);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, png);
    this.emit({ type: 'image', epoch, path });
  }

  /** Saves the model as it is now, with meta.json (task, model options, epoch, its metrics, the run config). */
  async saveCheckpoint(kind: 'best' | 'last', epoch: number, metrics: MetricValues = {}): Promise<void> {
    const path = checkpointPath(this.runDir, kind);
    await saveModelToDir(this.model, path, { task: this.config.task, model: this.config.model, epoch, metrics, config: this.config });
    this.emit({ type: 'checkpoint', epoch, kind, path });
  }
}
