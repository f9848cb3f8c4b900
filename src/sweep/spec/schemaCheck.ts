// Structural validation against schemas/sweep.schema.json (the same schema the editor uses for completion).
import Ajv, { type ErrorObject } from 'ajv';
import sweepSchema from '../../../schemas/sweep.schema.json';
import type { PathSegment } from './positions';

export interface RawProblem {
  path: PathSegment[];
  /** Point at the key itself (unknown or misplaced keys) rather than its value. */
  at: 'key' | 'value';
  message: string;
}

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  // verbose: errors carry their parent schema, so an unknown key's message can list the known ones.
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(sweepSchema);
  return compiled;
}

export function schemaProblems(data: unknown): RawProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  return (validate.errors ?? []).map(toProblem);
}

function toProblem(error: ErrorObject): RawProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const key = String(params.additionalProperty);
      return { path: [...path, key], at: 'key', message: `unknown key "${key}"; expected one of: ${known.join(', ')}` };
    }
    case 'required':
      return { path, at: 'value', message: `missing required key "${String(params.missingProperty)}"` };
    case 'enum':
      return { path, at: 'value', message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')} (got ${JSON.stringify(error.data)})` };
    case 'type':
      return { path, at: 'value', message: `${error.message ?? 'is invalid'} (got ${JSON.stringify(error.data)})${typeHint(path)}` };
    default:
      return { path, at: 'value', message: `${error.message ?? 'is invalid'} (got ${JSON.stringify(error.data)})` };
  }
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** How to write the two blocks W&B users most often get wrong. */
function typeHint(path: PathSegment[]): string {
  if (path.length === 1 && path[0] === 'metric') return '; write metric: {name: val_loss, goal: minimize}';
  if (path.length === 2 && path[0] === 'parameters') return '; write {value: X}, {values: [X, Y]} or {distribution: D, min: A, max: B}';
  return '';
}
