// `base:` may be nested (train: {epochs: 10}) or dotted (train.epochs: 10); both become dotted RunConfig paths.
import { CONFIG_KEY_NAMES, isConfigKey, suggestKey, valueProblem } from './configKeys';
import type { PathSegment } from './positions';
import type { RawProblem } from './schemaCheck';

export function flattenBase(base: Record<string, unknown>): { values: Record<string, unknown>; problems: RawProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: RawProblem[] = [];
  const walk = (node: Record<string, unknown>, prefix: string, path: PathSegment[]) => {
    for (const [key, value] of Object.entries(node)) {
      const dotted = prefix ? `${prefix}.${key}` : key;
      const here = [...path, key];
      if (isConfigKey(dotted)) {
        const why = valueProblem(dotted, value);
        if (why) problems.push({ path: here, at: 'value', message: why });
        else if (dotted === 'data.dataset') problems.push({ path: here, at: 'key', message: 'set the dataset with the top-level dataset key' });
        else values[dotted] = value;
      } else if (isPlainObject(value) && CONFIG_KEY_NAMES.some((k) => k.startsWith(`${dotted}.`))) {
        walk(value, dotted, here);
      } else {
        const hint = dotted === 'task' ? 'set task at the top level' : suggestKey(dotted);
        problems.push({ path: here, at: 'key', message: `unknown setting "${dotted}"; ${hint}` });
      }
    }
  };
  walk(base, '', ['base']);
  return { values, problems };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
