// Entry loaded by VS Code's extension host (test-electron): registers the journeys with mocha and runs them.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 300_000, color: true });
  mocha.suite.emit('pre-require', globalThis, 'journeys.desktop', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./journeys.desktop');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} failed`)) : resolve())));
}
