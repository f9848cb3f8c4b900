// The `--backend NAME` option of the commands that run TensorFlow.js; its default comes from AELAB_BACKEND,
// which the extension sets from its "preferred backend" setting.
import { InvalidArgumentError } from 'commander';
import { BACKEND_NAMES, type BackendName } from '../shared/runConfig';

export const BACKEND_OPTION_HELP = `backend (${BACKEND_NAMES.join(', ')}); default: $AELAB_BACKEND, else auto`;

export function parseBackendName(text: string): BackendName {
  if (!(BACKEND_NAMES as readonly string[]).includes(text)) throw new InvalidArgumentError(`must be one of ${BACKEND_NAMES.join(', ')}`);
  return text as BackendName;
}

/** AELAB_BACKEND when it names a backend other than auto. */
export function backendFromEnv(): BackendName | undefined {
  const value = process.env.AELAB_BACKEND;
  return value && value !== 'auto' && (BACKEND_NAMES as readonly string[]).includes(value) ? (value as BackendName) : undefined;
}
