// `aelab sweep FILE` / `aelab sweep --resume ID`: runs a sweep's controller in the foreground.
import { InvalidArgumentError, type Command } from 'commander';
import type { BackendName } from '../../shared/runConfig';
import { BACKEND_OPTION_HELP, backendFromEnv, parseBackendName } from '../backendOption';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { ExperimentStore } from '../../store';
import { runSweep } from '../../sweep/controller';
import { createProgressView } from '../../sweep/controller/progressView';
import { loadSweepFile, SweepFileError, type SweepSpec } from '../../sweep/spec';

interface SweepOptions { resume?: string; store: string; concurrency?: number; backend?: BackendName; json?: boolean }

export function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run a hyperparameter sweep from a YAML/JSON sweep file, or resume an interrupted one')
    .argument('[file]', 'the sweep file')
    .option('--resume <sweepId>', 'resume this sweep: re-run the runs that were interrupted, then continue the search')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .option('--concurrency <n>', 'trainer processes at once (default: the sweep file\'s, else the CPU cores; 1 on GPU)', positiveInteger)
    .option('--backend <name>', `every run's ${BACKEND_OPTION_HELP} (a backend fixed in the sweep file wins)`, parseBackendName, backendFromEnv())
    .option('--json', 'print one JSON event per line')
    .action((file: string | undefined, options: SweepOptions) => sweep(file, options));
}

/** A backend given on the command line applies to every run, unless the sweep file fixes one itself. */
function withBackend(spec: SweepSpec, backend: BackendName | undefined): SweepSpec {
  if (!backend || 'backend' in spec.base) return spec;
  return { ...spec, base: { ...spec.base, backend } };
}

async function sweep(file: string | undefined, options: SweepOptions): Promise<void> {
  if (!file === !options.resume) {
    process.stderr.write('aelab sweep: give either a sweep FILE or --resume SWEEP_ID\n');
    process.exitCode = 2;
    return;
  }
  let spec: SweepSpec | undefined;
  if (file) {
    try {
      spec = await loadSweepFile(file);
    } catch (error) {
      // An invalid file starts nothing: every problem, with line and column, and exit code 2.
      if (!(error instanceof SweepFileError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const store = await ExperimentStore.open(options.store);
  // A terminal of unknown height (rows 0) cannot hold a redrawn table: plain lines there.
  const mode = options.json ? 'json' : process.stdout.isTTY && process.stdout.rows > 0 ? 'table' : 'lines';
  const view = createProgressView(mode);
  // First Ctrl-C / SIGTERM (`aelab stop SWEEP`): stop every run after its batch; a second Ctrl-C exits at once.
  const abort = new AbortController();
  let signals = 0;
  const onSignal = () => (++signals === 1 ? abort.abort() : process.exit(130));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runSweep({
      store,
      ...(spec ? { spec: withBackend(spec, options.backend) } : { resumeId: options.resume }),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      signal: abort.signal,
      onEvent: (event) => view.event(event),
    });
    process.exitCode = result.status === 'failed' ? 1 : result.status === 'stopped' ? 130 : 0;
  } finally {
    view.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
