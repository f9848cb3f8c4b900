import { strict as assert } from 'node:assert';
import { Low } from 'lowdb';
describe('toolchain', () => { it('loads ESM lowdb from TS', () => { assert.equal(typeof Low, 'function'); }); });
