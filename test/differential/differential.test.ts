/**
 * Differential check against SQLite: for seeded filter, GROUP BY and join queries over a finite
 * input, the engine's final sink must equal SQLite's batch result on the same rows. A failure
 * prints the seed, both queries and the first differing row; replay one seed with
 * `npm run test:differential -- --cases 1 --seed S`.
 */
import { describe, expect, it } from 'vitest';
import { firstDifference } from './compare.js';
import { runEngine } from './engine-run.js';
import { generateCase } from './generator.js';
import { runSqlite } from './sqlite-run.js';

const CASES = Number(process.env.DIFF_CASES ?? 30);
const SEED = Number(process.env.DIFF_SEED ?? 1);
const VERBOSE = process.env.DIFF_VERBOSE === '1';

describe('differential check against SQLite', () => {
  it(`${CASES} seeded cases from seed ${SEED} agree`, async () => {
    const failures: string[] = [];
    for (let seed = SEED; seed < SEED + CASES; seed++) {
      const c = generateCase(seed);
      let diff: string | undefined;
      try {
        diff = firstDifference(await runEngine(c), await runSqlite(c));
      } catch (err) {
        diff = `error: ${err instanceof Error ? err.message : String(err)}`;
      }
      if (!diff) continue;
      const records = VERBOSE ? c.sources.map((s) => `\n  ${s.name}: ${JSON.stringify(s.records)}`).join('') : '';
      failures.push(`seed ${seed} (${c.kind})\n  streamsql: ${c.ksql}\n  sqlite:    ${c.sqlite}\n  ${diff}${records}`);
    }
    expect(failures.join('\n\n')).toBe('');
  }, 600_000);
});
