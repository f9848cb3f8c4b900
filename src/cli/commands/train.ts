// `aelab train`: one run in the foreground. Builds the configuration, forks the real trainer process,
// records it in the store and shows progress (or, with --json, one JSON object a line, summary last).
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { ExperimentStore } from '../../store';
import { recordRun } from '../../store/runRecorder';
import { TrainerProcess } from '../../trainer/process';
import { buildRunConfig } from '../../trainer/train/runConfigInput';
import { createProgressView } from '../progress';

interface TrainOptions {
  task?: string;
  dataset?: string;
  config?: string;
  set: string[];
  store: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train one model in the foreground and record it in the store')
    .option('--task <task>', 'reconstruct | colorize (default: reconstruct, or the config file\'s task)')
    .option('--dataset <spec>', "'sample', 'cifar10' or 'folder:PATH'")
    .option('--config <file>', 'a run configuration in YAML or JSON')
    .option('--set <key=value>', 'override one configuration key (repeatable), e.g. --set train.epochs=2', collect, [])
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .option('--json', 'print one JSON object per line: the events, then the summary')
    .action((options: TrainOptions) => train(options));
}

async function train(options: TrainOptions): Promise<void> {
  const config = buildRunConfig({ task: options.task, configFile: options.config, dataset: options.dataset, sets: options.set });
  const store = await ExperimentStore.open(options.store);
  const run = await store.createRun({ config });
  const runDir = store.runDir(run.id);
  const print = (object: object) => process.stdout.write(`${JSON.stringify(object)}\n`);
  const view = options.json ? undefined : createProgressView();
  if (!options.json) process.stderr.write(`run ${run.id} (${runDir})\n`);

  const trainer = TrainerProcess.start({ runId: run.id, runDir, config });
  trainer.on('message', (message) => (options.json ? print(message) : view?.show(message)));
  // Ctrl-C: the first stops after the current batch (the child gets SIGINT too), the second kills.
  let interrupts = 0;
  const onSigint = () => (++interrupts === 1 ? trainer.stop('user') : trainer.kill());
  process.on('SIGINT', onSigint);
  try {
    const { run: final, completion } = await recordRun(store, run.id, trainer);
    view?.close();
    const summary = { type: 'summary', runId: final.id, runDir, status: final.status, bestEpoch: final.bestEpoch, summary: final.summary, backend: final.backend, ...(final.error ? { error: final.error.message } : {}) };
    if (options.json) print(summary);
    else if (completion.error) process.stderr.write(`run ${final.id} failed: ${completion.error.message}\n${completion.stderrTail.slice(-4000)}\n`);
    else process.stderr.write(`run ${final.id} ${final.status}: ${runDir}\n`);
    if (final.status === 'failed') process.exitCode = 1;
    else if (final.status === 'stopped') process.exitCode = 130;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
