// Trainer processes kept between a sweep's runs (as Ray Tune's reuse_actors): a run that ends cleanly leaves
// its process idle, and the next run on the same backend starts there, with the backend initialised and the
// JIT warm. A fresh process per run pays ~0.3 s of start-up and a first epoch ~15 % slower, and its JIT work
// on a second core is what kept two runs on two cores from scaling (bench/NOTES.md, attempt 19).
import { TrainerProcess, type IdleTrainer, type TrainerProcessOptions } from '../../trainer/process';

export class WarmTrainers {
  private readonly idle: Array<{ backend: string; trainer: IdleTrainer; forget: () => void }> = [];
  /** Runs started here and not given back yet: dispose() still lets their processes go once they end. */
  private readonly notGivenBack = new Set<TrainerProcess>();
  private disposed = false;

  /** `maxIdle`: processes kept waiting at most (the sweep's concurrency); more are let go. */
  constructor(readonly maxIdle: number) {}

  /** Starts the run on an idle process of the same backend, or forks one. */
  start(options: TrainerProcessOptions): TrainerProcess {
    const backend = options.config.backend;
    const index = this.idle.findIndex((entry) => entry.backend === backend && entry.trainer.child.connected);
    const reused = index >= 0 ? this.take(index) : undefined;
    const trainer = reused ? TrainerProcess.startOn(reused, options) : TrainerProcess.start({ ...options, keepAlive: true });
    this.notGivenBack.add(trainer);
    return trainer;
  }

  /**
   * After a run has completed and been recorded: keeps its process for the next run if it ended idle.
   * (Only then: until its record says it ended, `aelab stop RUN` may still signal that process for it.)
   */
  giveBack(trainer: TrainerProcess): void {
    this.notGivenBack.delete(trainer);
    this.keep(trainer.config.backend, trainer.takeIdleChild());
  }

  /** Processes waiting for a run now. */
  get idleCount(): number {
    return this.idle.length;
  }

  /** Lets every idle process go (they exit when their IPC channel closes), also those of runs not given back. */
  dispose(): void {
    this.disposed = true;
    while (this.idle.length > 0) release(this.take(0));
    for (const trainer of this.notGivenBack) void trainer.completed.then(() => this.giveBack(trainer));
  }

  private take(index: number): IdleTrainer {
    const [entry] = this.idle.splice(index, 1);
    entry.forget();
    return entry.trainer;
  }

  private keep(backend: string, trainer: IdleTrainer | undefined): void {
    if (!trainer) return;
    if (this.disposed || this.idle.length >= this.maxIdle) return release(trainer);
    // An idle process that dies (killed from outside) is dropped from the list, not handed to a run.
    const onExit = () => {
      const at = this.idle.findIndex((entry) => entry.trainer === trainer);
      if (at >= 0) this.take(at);
    };
    // Nobody else listens while it waits: an unheard 'error' event would throw in this process.
    const onError = () => trainer.child.kill('SIGKILL');
    trainer.child.once('exit', onExit).on('error', onError);
    this.idle.push({ backend, trainer, forget: () => trainer.child.off('exit', onExit).off('error', onError) });
  }
}

/** An idle trainer exits when its parent disconnects; SIGKILL if it has not within a few seconds. */
function release(trainer: IdleTrainer): void {
  const { child } = trainer;
  child.on('error', () => undefined); // it is being let go: a failed disconnect or kill changes nothing
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  timer.unref();
  child.once('exit', () => clearTimeout(timer));
}
