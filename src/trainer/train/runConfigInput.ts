// A run configuration from what a user types: the task's defaults, then a YAML/JSON file (nested or dotted
// keys), then --dataset, then each --set key=value. Unknown keys and bad values name the file/key at fault.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultRunConfig, type RunConfig, type Task } from '../../shared/runConfig';
import { isConfigKey, suggestKey, valueProblem, CONFIG_KEY_NAMES } from '../../sweep/spec/configKeys';
import { applyParams } from '../../sweep/spec/applyParams';

export interface RunConfigInput {
  task?: string;
  configFile?: string;
  dataset?: string;
  /** "key=value" strings, in order. */
  sets?: string[];
  /** Relative folder datasets are made absolute against this (default: the current directory). */
  baseDir?: string;
}

const TASKS: readonly Task[] = ['reconstruct', 'colorize'];

export function buildRunConfig(input: RunConfigInput): RunConfig {
  const file = input.configFile ? readConfigFile(input.configFile) : { task: undefined, values: {} };
  const task = input.task ?? file.task ?? 'reconstruct';
  if (!TASKS.includes(task as Task)) throw new Error(`task must be one of ${TASKS.join(', ')}; got ${JSON.stringify(task)}`);
  const values: Record<string, unknown> = { ...file.values };
  if (input.dataset !== undefined) values['data.dataset'] = input.dataset;
  for (const set of input.sets ?? []) Object.assign(values, parseSet(set));
  const config = applyParams(defaultRunConfig(task as Task), values);
  config.data.dataset = absoluteFolder(config.data.dataset, input.baseDir ?? process.cwd());
  return config;
}

/** "train.epochs=2" → { 'train.epochs': 2 }: numbers, booleans, JSON arrays/objects, otherwise the text. */
export function parseSet(set: string): Record<string, unknown> {
  const at = set.indexOf('=');
  if (at <= 0) throw new Error(`--set expects key=value, got ${JSON.stringify(set)}`);
  const key = set.slice(0, at).trim();
  if (!isConfigKey(key)) throw new Error(`--set ${key}: unknown key; ${suggestKey(key)}`);
  const value = parseValue(set.slice(at + 1).trim());
  const problem = valueProblem(key, value);
  if (problem) throw new Error(`--set ${key}: ${problem}`);
  return { [key]: value };
}

function parseValue(text: string): unknown {
  if (/^(-?\d|true$|false$|null$|\[|\{)/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A run file: task at the top level; settings nested ({train: {epochs: 2}}) or dotted ('train.epochs': 2). */
function readConfigFile(path: string): { task?: string; values: Record<string, unknown> } {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the run configuration: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${path}: expected a mapping of configuration keys`);
  const { task, version: _version, ...rest } = data as Record<string, unknown>;
  if (task !== undefined && typeof task !== 'string') throw new Error(`${path}: task must be a string`);
  const values: Record<string, unknown> = {};
  flatten(rest, '', values, path);
  return { task: task as string | undefined, values };
}

function flatten(node: Record<string, unknown>, prefix: string, out: Record<string, unknown>, path: string): void {
  for (const [key, value] of Object.entries(node)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (isConfigKey(dotted)) {
      const problem = valueProblem(dotted, value);
      if (problem) throw new Error(`${path}: ${dotted}: ${problem}`);
      out[dotted] = value;
    }
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && CONFIG_KEY_NAMES.some((k) => k.startsWith(`${dotted}.`))) {
      flatten(value as Record<string, unknown>, dotted, out, path);
    } else throw new Error(`${path}: unknown key "${dotted}"; ${suggestKey(dotted)}`);
  }
}

function absoluteFolder(dataset: string, baseDir: string): string {
  if (!dataset.startsWith('folder:')) return dataset;
  const folder = dataset.slice('folder:'.length);
  return folder === '' || isAbsolute(folder) ? dataset : `folder:${resolve(baseDir, folder)}`;
}
