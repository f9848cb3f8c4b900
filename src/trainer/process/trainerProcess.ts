// The parent side of one trainer: forks dist/trainer.js, sends it 'start', validates what it sends back,
// keeps its stderr tail, and stops it politely ('stop', then SIGTERM, then SIGKILL).
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
}

export interface TrainerCompletion {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
  /** The last 'done' message, when the trainer finished or stopped properly. */
  done?: Extract<TrainerToController, { type: 'done' }>;
  /** Set whenever the run did not end with a 'done' and a clean exit. */
  error?: TrainerProcessError;
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

export class TrainerProcess extends TypedEmitter<TrainerEvents> {
  readonly completed: Promise<TrainerCompletion>;
  private readonly child: ChildProcess;
  private readonly stderr = new OutputTail();
  private done?: Extract<TrainerToController, { type: 'done' }>;
  private reported?: Extract<TrainerToController, { type: 'error' }>;
  private timers: NodeJS.Timeout[] = [];
  private stopForced = false;
  private completion?: TrainerCompletion;

  private constructor(private readonly options: TrainerProcessOptions) {
    super();
    const script = options.trainerScript ?? defaultTrainerScript();
    if (!existsSync(script)) throw new Error(`trainer script ${script} not found; run \`npm run build\` first`);
    this.child = fork(script, ['--run', options.runId], {
      execPath: options.nodePath,
      execArgv: options.execArgv ?? [],
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.completed = new Promise((resolve) => {
      this.child.once('close', (code, signal) => resolve(this.complete(code, signal)));
      // A process that never started (bad nodePath) emits 'error' and no 'close'.
      this.child.on('error', (error) => {
        this.stderr.append(`\n[trainer process] ${error.message}\n`);
        if (this.child.pid === undefined) resolve(this.complete(null, null));
      });
    });
    this.wire();
  }

  static start(options: TrainerProcessOptions): TrainerProcess {
    return new TrainerProcess(options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the trainer to stop after its current batch; escalates to SIGTERM then SIGKILL if it does not exit. */
  stop(reason: 'user' | 'pruned' = 'user'): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'stop', reason });
    const grace = this.options.stopGraceMs ?? 30_000;
    this.timers.push(setTimeout(() => this.child.kill('SIGTERM'), grace));
    this.timers.push(setTimeout(() => {
      this.stopForced = true;
      this.child.kill('SIGKILL');
    }, grace * 2));
  }

  /** Kills the trainer at once (SIGKILL). */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  dispose(): void {
    this.kill();
    this.timers.forEach(clearTimeout);
  }

  private wire(): void {
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.stderr.append(text);
      this.fire('output', text);
    };
    this.child.stderr?.on('data', onOutput);
    this.child.stdout?.on('data', onOutput);
    this.child.on('message', (raw) => this.receive(raw));
    this.child.once('spawn', () => {
      this.fire('started', { pid: this.child.pid ?? -1 });
      this.send({ type: 'start', runId: this.options.runId, runDir: this.options.runDir, config: this.options.config });
    });
  }

  private receive(raw: unknown): void {
    if (!isTrainerToController(raw)) {
      this.fire('invalidMessage', raw);
      return;
    }
    if (raw.type === 'done') this.done = raw;
    if (raw.type === 'error') this.reported = raw;
    this.fire('message', raw);
  }

  private send(message: ControllerToTrainer): void {
    if (this.child.connected) this.child.send(message, (error) => error && this.stderr.append(`\n[trainer process] send failed: ${error.message}\n`));
  }

  private complete(exitCode: number | null, signal: NodeJS.Signals | null): TrainerCompletion {
    if (this.completion) return this.completion;
    this.timers.forEach(clearTimeout);
    const stderrTail = this.stderr.toString();
    const clean = exitCode === 0 && this.done !== undefined && this.reported === undefined;
    const completion: TrainerCompletion = { exitCode, signal, stderrTail, ...(this.done ? { done: this.done } : {}) };
    if (!clean) {
      const message = this.reported?.message ?? describeExit(exitCode, signal, stderrTail, this.stopForced);
      completion.error = new TrainerProcessError(message, exitCode, signal, stderrTail, this.reported?.stack);
    }
    this.completion = completion;
    this.fire('completed', completion);
    return completion;
  }
}
