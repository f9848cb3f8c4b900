// The forked trainer (bundled to dist/trainer.js): waits for 'start', initialises the backend, trains,
// and reports. 'stop', SIGTERM or a vanished parent end the run after the current batch; a fatal error
// is reported as an 'error' message (with its stack) before the process exits non-zero.
import { isControllerToTrainer, type StartMessage, type TrainerToController } from '../shared/trainerMessages';
import { initBackend } from './backend';
import { withBatchSizeAdvice } from './backend/webgpu';
import { runTraining } from './train/runTraining';

let stopRequested = false;
let started = false;

/** Sends a message if the parent is still there; resolves once it is handed to the OS. */
function send(message: TrainerToController): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

const log = (message: string) => void send({ type: 'log', level: 'info', message });

async function run(start: StartMessage): Promise<void> {
  const backend = await initBackend(start.config.backend, log);
  await runTraining({
    config: start.config,
    runDir: start.runDir,
    emit: (message) => void send(message),
    shouldStop: () => stopRequested,
    backend: backend.name,
    adapter: backend.adapter,
  });
  process.exit(0);
}

async function fatal(error: unknown): Promise<void> {
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`${err.stack ?? err.message}\n`);
  await send({ type: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
  process.exit(1);
}

process.on('uncaughtException', (error) => void fatal(error));
process.on('unhandledRejection', (reason) => void fatal(reason));
process.on('SIGTERM', () => (stopRequested = true));
process.on('SIGINT', () => (stopRequested = true));
process.on('disconnect', () => {
  // The parent is gone: nobody will read the results, but stopping cleanly keeps the checkpoints.
  stopRequested = true;
  if (!started) process.exit(0);
});
// `--probe-backend`: report the backend 'auto' picks here, and exit (the sweep controller sizes its pool by it).
if (process.argv.includes('--probe-backend')) {
  initBackend('auto').then(
    (backend) => process.stdout.write(`${JSON.stringify({ backend: backend.name, adapter: backend.adapter })}\n`, () => process.exit(0)),
    (error: unknown) => fatal(error),
  );
}

process.on('message', (raw: unknown) => {
  if (!isControllerToTrainer(raw)) {
    process.stderr.write(`trainer: ignoring an invalid message: ${JSON.stringify(raw)}\n`);
    return;
  }
  if (raw.type === 'stop') {
    stopRequested = true;
  } else if (!started) {
    started = true;
    run(raw).catch((error: unknown) => fatal(withBatchSizeAdvice(error, raw.config.train?.batchSize)));
  }
});
