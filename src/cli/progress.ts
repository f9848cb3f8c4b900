// How `aelab train` shows a run in a terminal: a cli-progress bar per epoch on a TTY, and one line per
// epoch (plus the summary) everywhere. Writes to stderr so stdout stays for results.
import { SingleBar } from 'cli-progress';
import type { TrainerToController } from '../shared/trainerMessages';

export interface ProgressView {
  show(message: TrainerToController): void;
  close(): void;
}

export function createProgressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  const bar = stream.isTTY
    ? new SingleBar({
        stream,
        format: 'epoch {epoch} |{bar}| {value}/{total} batches | loss {loss} | {speed} img/s | eta {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      })
    : undefined;
  let barEpoch = 0;
  const line = (text: string) => {
    bar?.stop();
    barEpoch = 0;
    stream.write(`${text}\n`);
  };
  return {
    show(message) {
      if (message.type === 'progress' && bar) {
        const payload = { epoch: message.epoch, loss: message.loss.toFixed(5), speed: Math.round(message.imagesPerSec) };
        if (barEpoch !== message.epoch) {
          bar.start(message.batches, message.batch, payload);
          barEpoch = message.epoch;
        } else bar.update(message.batch, payload);
      } else {
        const text = describeMessage(message);
        if (text) line(text);
      }
    },
    close: () => bar?.stop(),
  };
}

/** The human line for a message; progress and image messages have none. */
export function describeMessage(message: TrainerToController): string | undefined {
  const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '–' : v.toPrecision(digits));
  switch (message.type) {
    case 'started':
      return `training on ${message.backend}: ${message.parameterCount} parameters; images train ${message.sizes.train}, validation ${message.sizes.validation}, test ${message.sizes.test}`;
    case 'epoch': {
      const m = message.metrics;
      return `epoch ${message.epoch}: loss ${fmt(m.loss)} val_loss ${fmt(m.val_loss)} val_psnr ${fmt(m.val_psnr)} dB val_ssim ${fmt(m.val_ssim)} (${message.seconds.toFixed(1)} s, ${Math.round(m.images_per_sec)} img/s)`;
    }
    case 'log':
      return message.level === 'warn' ? `warning: ${message.message}` : message.message;
    case 'done':
      return `${message.status}; best epoch ${message.bestEpoch}; test mse ${fmt(message.summary.test_mse)} psnr ${fmt(message.summary.test_psnr)} dB ssim ${fmt(message.summary.test_ssim)}`;
    case 'error':
      return `trainer error: ${message.message}`;
    default:
      return undefined;
  }
}
