// The parent side of one trainer run: forks dist/trainer.js (or takes over an idle one that a previous run
// left, see keepAlive), sends it 'start', validates what it sends back, keeps its stderr tail, and stops it
// politely ('stop', then SIGTERM, then SIGKILL).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../../shared/runConfig';
import { isTrainerToController, type ControllerToTrainer, type TrainerToController } from '../../shared/trainerMessages';
import { findPackageRoot } from '../data/packageRoot';
import { OutputTail } from './outputTail';
import { describeExit, TrainerProcessError } from './trainerProcessError';
import { TypedEmitter } from './typedEmitter';

export interface TrainerProcessOptions {
  runId: string;
  runDir: string;
  config: RunConfig;
  /** Default: <package root>/dist/trainer.js (run `npm run build` first). */
  trainerScript?: string;
  /** The node binary (default: this process's). */
  nodePath?: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** After 'stop', how long the trainer gets to finish its batch before SIGTERM, then SIGKILL. */
  stopGraceMs?: number;
  /** Keep the process after a clean run: the run completes at the trainer's 'idle', and takeIdleChild() hands it on. */
  keepAlive?: boolean;
}

export interface TrainerCompletion {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
  /** The last 'done' message, when the trainer finished or stopped properly. */
  done?: Extract<TrainerToController, { type: 'done' }>;
  /** Set whenever the run did not end with a 'done' and a clean exit (or, kept alive, a clean 'idle'). */
  error?: TrainerProcessError;
  /** The run ended with the trainer idle and alive (keepAlive): exitCode and signal are then null. */
  idle?: true;
}

/** A trainer process that finished a run and waits for the next 'start'; only TrainerProcess uses it. */
export interface IdleTrainer {
  readonly child: ChildProcess;
}

interface TrainerEvents {
  started: { pid: number };
  message: TrainerToController;
  /** Raw text the trainer wrote to stderr (or stdout), as it arrives. */
  output: string;
  /** A message that failed validation (logged by whoever listens, otherwise ignored). */
  invalidMessage: unknown;
  completed: TrainerCompletion;
}

export const defaultTrainerScript = () => join(findPackageRoot(__dirname), 'dist', 'trainer.js');

function forkTrainer(options: TrainerProcessOptions): ChildProcess {
  const script = options.trainerScript ?? defaultTrainerScript();
  if (!existsSync(script)) throw new Error(`trainer script ${script} not found; run \`npm run build\` first`);
  return fork(script, ['--run', options.runId], {
    execPath: options.nodePath,
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
}

export class TrainerProcess extends TypedEmitter<TrainerEvents> {
  readonly completed: Promise<TrainerCompletion>;
  private readonly child: ChildProcess;
  private readonly stderr = new OutputTail();
  private done?: Extract<TrainerToController, { type: 'done' }>;
  private reported?: Extract<TrainerToController, { type: 'error' }>;
  private timers: NodeJS.Timeout[] = [];
  private stopForced = false;
  private completion?: TrainerCompletion;
  private handedOver = false;
  /** Removes this run's listeners from the child (when the child goes on to another run). */
  private readonly unwire: Array<() => void> = [];

  private constructor(private readonly options: TrainerProcessOptions, idle?: IdleTrainer) {
    super();
    this.child = idle?.child ?? forkTrainer(options);
    this.completed = new Promise((resolve) => {
      this.listen('close', (code: number | null, signal: NodeJS.Signals | null) => resolve(this.complete(code, signal)));
      // A process that never started (bad nodePath) emits 'error' and no 'close'.
      this.listen('error', (error: Error) => {
        this.stderr.append(`\n[trainer process] ${error.message}\n`);
        if (this.child.pid === undefined) resolve(this.complete(null, null));
      });
      this.listen('message', (raw: unknown) => this.receive(raw, () => resolve(this.complete(null, null, true))));
    });
    this.wire(idle !== undefined);
  }

  static start(options: TrainerProcessOptions): TrainerProcess {
    return new TrainerProcess(options);
  }

  /** The next run on a trainer that a previous run left idle (see takeIdleChild). */
  static startOn(idle: IdleTrainer, options: TrainerProcessOptions): TrainerProcess {
    return new TrainerProcess({ ...options, keepAlive: true }, idle);
  }

  /** After a run that ended idle: the live process, for startOn; undefined otherwise, or once taken. */
  takeIdleChild(): IdleTrainer | undefined {
    if (!this.completion?.idle || !this.child.connected || this.handedOver) return undefined;
    this.handedOver = true;
    return { child: this.child };
  }

  get config(): RunConfig {
    return this.options.config;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the trainer to stop after its current batch; escalates to SIGTERM then SIGKILL if it does not exit. */
  stop(reason: 'user' | 'pruned' = 'user'): void {
    if (this.completion || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'stop', reason });
    const grace = this.options.stopGraceMs ?? 30_000;
    this.timers.push(setTimeout(() => this.child.kill('SIGTERM'), grace));
    this.timers.push(setTimeout(() => {
      this.stopForced = true;
      this.child.kill('SIGKILL');
    }, grace * 2));
  }

  /** Kills the trainer at once (SIGKILL); not once it was handed on to another run. */
  kill(): void {
    if (!this.handedOver) this.child.kill('SIGKILL');
  }

  dispose(): void {
    this.kill();
    this.timers.forEach(clearTimeout);
  }

  private listen(event: string, listener: (...args: never[]) => void, emitter: NodeJS.EventEmitter | null = this.child): void {
    if (!emitter) return;
    const untyped = listener as unknown as (...args: unknown[]) => void;
    emitter.on(event, untyped);
    this.unwire.push(() => emitter.off(event, untyped));
  }

  private wire(reused: boolean): void {
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.stderr.append(text);
      this.fire('output', text);
    };
    this.listen('data', onOutput, this.child.stderr);
    this.listen('data', onOutput, this.child.stdout);
    const begin = () => {
      this.fire('started', { pid: this.child.pid ?? -1 });
      const afterRun = this.options.keepAlive ? 'wait' : 'exit';
      this.send({ type: 'start', runId: this.options.runId, runDir: this.options.runDir, config: this.options.config, afterRun });
    };
    // A reused process is already running: start on the next tick, once the caller has subscribed.
    if (reused) setImmediate(begin);
    else this.child.once('spawn', begin);
  }

  private receive(raw: unknown, onIdle: () => void): void {
    if (!isTrainerToController(raw)) {
      this.fire('invalidMessage', raw);
      return;
    }
    if (raw.type === 'done') this.done = raw;
    if (raw.type === 'error') this.reported = raw;
    if (raw.type === 'idle') return onIdle();
    this.fire('message', raw);
  }

  private send(message: ControllerToTrainer): void {
    if (this.child.connected) this.child.send(message, (error) => error && this.stderr.append(`\n[trainer process] send failed: ${error.message}\n`));
  }

  private complete(exitCode: number | null, signal: NodeJS.Signals | null, idle = false): TrainerCompletion {
    if (this.completion) return this.completion;
    this.timers.forEach(clearTimeout);
    if (idle) this.unwire.forEach((remove) => remove());
    const stderrTail = this.stderr.toString();
    const clean = (idle || exitCode === 0) && this.done !== undefined && this.reported === undefined;
    const completion: TrainerCompletion = { exitCode, signal, stderrTail, ...(this.done ? { done: this.done } : {}), ...(idle ? { idle: true as const } : {}) };
    // A trainer that went idle without finishing its run properly is not trusted with another: let it go.
    if (idle && !clean && this.child.connected) this.child.disconnect();
    if (!clean) {
      const message = this.reported?.message ?? (idle ? "the trainer went idle without finishing its run (no 'done')" : describeExit(exitCode, signal, stderrTail, this.stopForced));
      completion.error = new TrainerProcessError(message, exitCode, signal, stderrTail, this.reported?.stack);
    }
    this.completion = completion;
    this.fire('completed', completion);
    return completion;
  }
}
