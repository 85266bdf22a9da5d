/** EMIT FINAL: a windowed aggregation emits a window's row once, when the window closes. */
import { describe, expect, it } from 'vitest';
import { STRING } from '../../../src/types/sql-type.js';
import { catalogOf, runAggregate, source } from './aggregate-harness.js';

const catalog = catalogOf(source('INPUT', 'STREAM', [{ name: 'ID', type: STRING }], [{ name: 'COL1', type: STRING }]));
const row = (id: string): unknown[] => [id, 'v'];

describe('EMIT FINAL', () => {
  it('emits nothing while the window is open, then the final count when close time reaches its end', () => {
    const run = runAggregate('SELECT id, COUNT(*) FROM input WINDOW TUMBLING (SIZE 2 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY id EMIT FINAL;', catalog);
    expect(run.push(0, row('k1'))).toEqual([]);
    expect(run.push(1, row('k1'))).toEqual([]);
    expect(run.push(2, row('k1'))).toEqual([]);
    // Out of order but within the grace period: still counted.
    expect(run.push(1, row('k1'))).toEqual([]);
    // Stream time 3: close time 2 = the end of [0, 2).
    expect(run.push(3, row('k1'))).toEqual([['k1', 3n, 0n, 2n]]);
    // A record for the closed window is late and dropped.
    expect(run.push(0, row('k1'))).toEqual([]);
    expect(run.lateRecords()).toBe(1);
  });

  it('without a grace period, closes a window at its end', () => {
    const run = runAggregate('SELECT id, COUNT(*) FROM input WINDOW TUMBLING (SIZE 2 MILLISECONDS) GROUP BY id EMIT FINAL;', catalog);
    run.push(0, row('k1'));
    run.push(1, row('k1'));
    expect(run.push(2, row('k1'))).toEqual([['k1', 2n, 0n, 2n]]);
  });

  it('windows that stream time jumps over close without a row, as ksqlDB does', () => {
    const run = runAggregate('SELECT id, COUNT(*) FROM input WINDOW TUMBLING (SIZE 2 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY id EMIT FINAL;', catalog);
    run.push(0, row('k1'));
    run.push(2, row('k1'));
    // Close time jumps from 1 to 4: [2, 4) ends there and is emitted; [0, 2) is not.
    expect(run.push(5, row('k1'))).toEqual([['k1', 1n, 2n, 4n]]);
  });

  it('with a RETENTION longer than size + grace, windows jumped over are still emitted', () => {
    const run = runAggregate(
      'SELECT id, COUNT(*) FROM input WINDOW TUMBLING (SIZE 2 MILLISECONDS, RETENTION 10 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY id EMIT FINAL;',
      catalog,
    );
    run.push(0, row('k1'), row('k1'));
    run.push(2, row('k1'));
    // Close time 4; retention keeps windows starting at 5 − 10 or later: both [0, 2) and [2, 4).
    expect(run.push(5, row('k1'))).toEqual([
      ['k1', 2n, 0n, 2n],
      ['k1', 1n, 2n, 4n],
    ]);
    // Stream time 20: [4, 6) starts before 20 − 10 and is no longer retained.
    expect(run.push(20, row('k1'))).toEqual([]);
  });

  it('emits every group of a closing window', () => {
    const run = runAggregate('SELECT id, COUNT(*) FROM input WINDOW TUMBLING (SIZE 2 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY id EMIT FINAL;', catalog);
    run.push(0, row('a'), row('b'), row('a'));
    expect(run.push(3, row('c'))).toEqual([
      ['a', 2n, 0n, 2n],
      ['b', 1n, 0n, 2n],
    ]);
  });

  it('session windows: each session once, after its end passes the close time', () => {
    const run = runAggregate('SELECT id, COUNT(*) FROM input WINDOW SESSION (5 MILLISECONDS, GRACE PERIOD 6 MILLISECONDS) GROUP BY id EMIT FINAL;', catalog);
    for (const ts of [0, 4, 8, 12, 14]) expect(run.push(ts, row('k1'))).toEqual([]);
    expect(run.push(30, row('k1'))).toEqual([['k1', 5n, 0n, 14n]]);
    expect(run.push(29, row('k1'))).toEqual([]);
    expect(run.push(42, row('k1'))).toEqual([['k1', 2n, 29n, 30n]]);
  });
});
