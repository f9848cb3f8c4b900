// The models' convolution with a ReLU: tfjs's own Conv2D layer (saved and loaded as 'Conv2D', with the
// same weights and config, so a checkpoint stays a plain tfjs/Keras model) whose call runs the project's
// AelabConvBiasRelu kernel where the backend has it: one kernel and one tape node instead of three
// forward and four backward. Other cases, and backends without the kernel, take Conv2D's own call.
import * as tf from '@tensorflow/tfjs';
import { CONV_BIAS_RELU, convBiasRelu } from '../kernels/convBiasRelu';

/** The fields of tfjs-layers' Conv2D read here (public at run time; the class itself is not exported). */
interface StockConv2D extends tf.layers.Layer {
  kernel: tf.LayerVariable;
  bias: tf.LayerVariable | null;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number | number[];
  activation: { getClassName(): string };
}

type Conv2DArgs = Parameters<typeof tf.layers.conv2d>[0];
type Kwargs = Parameters<tf.layers.Layer['call']>[1];

const StockConv2DClass = tf.serialization.SerializationMap.getMap().classNameMap.Conv2D[0] as unknown as new (args: Conv2DArgs) => StockConv2D;

export class ReluConv2D extends StockConv2DClass {
  /** Serialised as tfjs's Conv2D: a checkpoint loads wherever tfjs or Keras runs. */
  static className = 'Conv2D';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!this.fusable(x)) return super.call(inputs, kwargs);
    const attrs = { strides: [this.strides[0], this.strides[1]] as [number, number], pad: this.padding as 'same' | 'valid' };
    return tf.tidy(() => convBiasRelu(x as tf.Tensor4D, this.kernel.read() as tf.Tensor4D, this.bias!.read() as tf.Tensor1D, attrs));
  }

  private fusable(x: tf.Tensor): boolean {
    const dilations = Array.isArray(this.dilationRate) ? this.dilationRate : [this.dilationRate];
    return tf.getKernel(CONV_BIAS_RELU, tf.getBackend()) !== undefined && this.activation.getClassName() === 'relu' && this.bias !== null &&
      this.dataFormat === 'channelsLast' && x.rank === 4 && x.dtype === 'float32' && dilations.every((d) => d === 1) &&
      (this.padding === 'same' || this.padding === 'valid');
  }
}
