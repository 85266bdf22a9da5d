#!/usr/bin/env node
/**
 * `npm run test:differential -- --cases N --seed S [--verbose]`: the differential check with more
 * (or other) seeded cases than npm test runs. --verbose prints each failing case's input records.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' }, verbose: { type: 'boolean', default: false } },
});
for (const [name, v] of [['cases', values.cases], ['seed', values.seed]]) {
  if (!/^\d+$/.test(v)) {
    console.error(`--${name} takes a non-negative integer, not '${v}'`);
    process.exit(2);
  }
}
const env = { ...process.env, DIFF_CASES: values.cases, DIFF_SEED: values.seed, DIFF_VERBOSE: values.verbose ? '1' : '' };
const r = spawnSync('npx', ['vitest', 'run', 'test/differential/differential.test.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
