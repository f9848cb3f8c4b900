// The forked trainer (bundled to dist/trainer.js): waits for 'start', initialises the backend, trains,
// and reports. 'stop', SIGTERM or a vanished parent end the run after the current batch; a fatal error
// is reported as an 'error' message (with its stack) before the process exits non-zero.
// A sweep's trainer (afterRun 'wait') stays up after a clean run and says 'idle': the next run then starts
// with the backend initialised and the JIT warm, instead of paying both again in a new process.
import * as tf from '@tensorflow/tfjs';
import { isControllerToTrainer, type StartMessage, type TrainerToController } from '../shared/trainerMessages';
import { initBackend, type BackendInfo } from './backend';
import { withBatchSizeAdvice } from './backend/webgpu';
import { runTraining } from './train/runTraining';

let stopRequested = false;
let started = false;
/** A signal or a vanished parent: this process ends after its run, whatever afterRun says. */
let leaving = false;
/** The backend of the previous run in this process, by the name the configuration asked for. */
let initialised: { requested: string; backend: BackendInfo } | undefined;
/** Runs started in this process so far (a warm trainer's log says which one a run is). */
let runsHere = 0;

/** Sends a message if the parent is still there; resolves once it is handed to the OS. */
function send(message: TrainerToController): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

const log = (message: string) => void send({ type: 'log', level: 'info', message });

async function backendFor(requested: StartMessage['config']['backend']): Promise<BackendInfo> {
  runsHere++;
  if (initialised?.requested === requested) {
    log(`run ${runsHere} in this trainer process (pid ${process.pid}): backend ${initialised.backend.name} chosen before`);
    return initialised.backend;
  }
  initialised = { requested, backend: await initBackend(requested, log) };
  return initialised.backend;
}

async function run(start: StartMessage): Promise<void> {
  const backend = await backendFor(start.config.backend);
  const tensorsBefore = tf.memory().numTensors;
  await runTraining({
    config: start.config,
    runDir: start.runDir,
    emit: (message) => void send(message),
    shouldStop: () => stopRequested,
    backend: backend.name,
    adapter: backend.adapter,
  });
  // Only a clean process is reused: a run that left tensors behind would grow every later run's memory.
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (start.afterRun === 'wait' && !leaving && process.connected && leaked === 0) {
    started = false;
    await send({ type: 'idle' });
    return;
  }
  if (leaked > 0) process.stderr.write(`trainer: the run left ${leaked} tensors behind; not reused\n`);
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
/** Ends the run after its batch and the process after the run; an idle process exits at once. */
function leave(): void {
  stopRequested = true;
  leaving = true;
  if (!started) process.exit(0);
}
process.on('SIGTERM', leave);
process.on('SIGINT', leave);
// The parent is gone: nobody will read the results, but stopping cleanly keeps the checkpoints.
process.on('disconnect', leave);
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
    stopRequested = false; // a 'stop' meant for the previous run must not end this one
    run(raw).catch((error: unknown) => fatal(withBatchSizeAdvice(error, raw.config.train?.batchSize)));
  }
});
