// A copy of the weights of the best epoch so far (by val_loss), so the test split is measured on the same
// model as the 'best' checkpoint, like Keras' restore_best_weights.
import * as tf from '@tensorflow/tfjs';

export class BestWeights {
  private weights: tf.Tensor[] = [];

  keep(model: tf.LayersModel): void {
    tf.dispose(this.weights);
    this.weights = model.getWeights().map((w) => w.clone());
  }

  /** Puts the kept weights back into the model (no-op when none were kept). */
  restore(model: tf.LayersModel): void {
    if (this.weights.length > 0) model.setWeights(this.weights);
  }

  dispose(): void {
    tf.dispose(this.weights);
    this.weights = [];
  }
}
