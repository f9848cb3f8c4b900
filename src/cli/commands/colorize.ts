// `aelab colorize IMAGE`: colorizes an image of any size with a trained colorizer (by default the finished
// colorize run with the best val_loss in the store) and writes <name>.colorized.png beside it.
import type { Command } from 'commander';
import type { BackendName } from '../../shared/runConfig';
import { DEFAULT_STORE_DIR, storePaths, type RunRecord } from '../../shared/storeSchema';
import { ExperimentStore } from '../../store';
import { initBackend } from '../../trainer/backend';
import { colorizeImage } from '../../trainer/inference/colorizeImage';
import { BACKEND_OPTION_HELP, backendFromEnv, parseBackendName } from '../backendOption';

interface ColorizeOptions {
  run?: string;
  model?: string;
  out?: string;
  greyOut?: string;
  store: string;
  force?: boolean;
  backend?: BackendName;
  json?: boolean;
}

export function registerColorize(program: Command): void {
  program
    .command('colorize')
    .description('colorize a grey (or colour) image at full resolution with a trained colorizer')
    .argument('<image>', 'PNG, JPEG or WebP file, any size')
    .option('--run <id>', 'the colorize run whose best checkpoint to use (default: the best finished one)')
    .option('--model <dir>', 'a checkpoint folder instead of a run')
    .option('--out <path>', 'output PNG (default: <name>.colorized.png beside the image)')
    .option('--grey-out <path>', 'also write the grey input the model saw')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .option('--force', 'overwrite existing output files')
    .option('--backend <name>', `inference ${BACKEND_OPTION_HELP}`, parseBackendName, backendFromEnv())
    .option('--json', 'print the result as JSON')
    .action((image: string, options: ColorizeOptions) => colorize(image, options));
}

async function colorize(imagePath: string, options: ColorizeOptions): Promise<void> {
  const modelDir = options.model ?? (await runModelDir(options));
  const backend = await initBackend(options.backend ?? 'auto', () => undefined);
  const result = await colorizeImage({ imagePath, modelDir, outPath: options.out, greyOutPath: options.greyOut, force: options.force });
  if (options.json) process.stdout.write(`${JSON.stringify({ ...result, modelDir, backend: backend.name })}\n`);
  else process.stdout.write(`${result.outPath}\n${result.greyOutPath ? `${result.greyOutPath}\n` : ''}`);
}

/** The best checkpoint of --run, or of the finished colorize run with the lowest val_loss. */
async function runModelDir(options: ColorizeOptions): Promise<string> {
  const store = await ExperimentStore.open(options.store);
  const run = options.run ? await store.getRun(options.run) : bestColorizeRun(await store.listRuns());
  if (!run) throw new Error(options.run ? `no run ${options.run} in ${store.dbPath}` : `no finished colorize run in ${store.dbPath}; train one with: aelab train --task colorize`);
  if (run.config.task !== 'colorize') throw new Error(`run ${run.id} is a '${run.config.task}' run, not a colorizer`);
  return store.file(storePaths.model(run.id, 'best'));
}

function bestColorizeRun(runs: RunRecord[]): RunRecord | undefined {
  const candidates = runs.filter((r) => r.config.task === 'colorize' && r.status === 'finished' && Number.isFinite(r.summary.val_loss));
  return candidates.sort((a, b) => a.summary.val_loss - b.summary.val_loss)[0];
}
