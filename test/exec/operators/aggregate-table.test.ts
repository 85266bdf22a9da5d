/** Aggregations over tables: a changed or deleted row is retracted from its group (undo). */
import { describe, expect, it } from 'vitest';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../../src/types/sql-type.js';
import { analysisError, catalogOf, runAggregate, source } from './aggregate-harness.js';

const users = source('USERS', 'TABLE', [{ name: 'ID', type: STRING }], [
  { name: 'REGION', type: STRING },
  { name: 'SCORE', type: INTEGER },
  { name: 'X', type: DOUBLE },
]);
const catalog = catalogOf(users, source('CLICKS', 'STREAM', [{ name: 'ID', type: STRING }], [{ name: 'REGION', type: STRING }, { name: 'SCORE', type: INTEGER }]));

describe('aggregation over a table', () => {
  it('moves a row between groups: the old group loses it, the new one gains it', () => {
    const run = runAggregate('SELECT region, COUNT(*), SUM(score) FROM users GROUP BY region EMIT CHANGES;', catalog);
    expect(run.push(1, ['u1', 'east', 10, 0])).toEqual([['east', 1n, 10]]);
    expect(run.push(2, ['u2', 'east', 5, 0])).toEqual([['east', 2n, 15]]);
    expect(run.push(3, ['u1', 'west', 7, 0])).toEqual([
      ['east', 1n, 5],
      ['west', 1n, 7],
    ]);
  });

  it('updates a row within its group as one change', () => {
    const run = runAggregate('SELECT region, COUNT(*), SUM(score) FROM users GROUP BY region EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 10, 0]);
    expect(run.push(2, ['u1', 'east', 30, 0])).toEqual([['east', 1n, 30]]);
  });

  it('retracts a deleted row; the group stays, counted down to zero', () => {
    const run = runAggregate('SELECT region, COUNT(*), COLLECT_LIST(score) FROM users GROUP BY region EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 10, 0]);
    expect(run.push(2, { delete: ['u1', null, null, null] })).toEqual([['east', 0n, []]]);
    // A deleted key that was never seen changes nothing.
    expect(run.push(3, { delete: ['u9', null, null, null] })).toEqual([]);
  });

  it('with HAVING, a group that no longer passes is deleted', () => {
    const run = runAggregate('SELECT region, SUM(score) FROM users GROUP BY region HAVING COUNT(*) > 0 EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 10, 0]);
    expect(run.push(2, { delete: ['u1', null, null, null] })).toEqual([['east', 'DELETE']]);
  });

  it('a row whose new group key is NULL only leaves its old group', () => {
    const run = runAggregate('SELECT region, COUNT(*) FROM users GROUP BY region EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 10, 0]);
    expect(run.push(2, ['u1', null, 10, 0])).toEqual([['east', 0n]]);
    expect(run.errors()).toBe(1);
    expect(run.push(3, ['u1', 'east', 10, 0])).toEqual([['east', 1n]]);
  });

  it('AVG and STDDEV_SAMP forget the old value', () => {
    const run = runAggregate('SELECT region, AVG(score), STDDEV_SAMP(score) FROM users GROUP BY region EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 1, 0], ['u2', 'east', 3, 0]);
    expect(run.push(2, ['u1', 'east', 5, 0])).toEqual([['east', 4, 2]]);
  });

  it('rejects aggregates that cannot undo, naming them in query order', () => {
    expect(analysisError('SELECT region, LATEST_BY_OFFSET(score), MIN(x), MAX(x) FROM users GROUP BY region EMIT CHANGES;', catalog)).toBe(
      'The aggregation functions LATEST_BY_OFFSET, MIN and MAX cannot be applied to a table source, only to a stream source.',
    );
    expect(analysisError('SELECT region, TOPK(score, 2) FROM users GROUP BY region EMIT CHANGES;', catalog)).toBe(
      'The aggregation function TOPK cannot be applied to a table source, only to a stream source.',
    );
    // Over a stream they are fine.
    expect(analysisError('SELECT region, MIN(score) FROM clicks GROUP BY region EMIT CHANGES;', catalog)).toBeUndefined();
  });

  it('a stream aggregation keeps counting rows of the same key (no retraction)', () => {
    const run = runAggregate('SELECT region, COUNT(*) FROM clicks GROUP BY region EMIT CHANGES;', catalog);
    run.push(1, ['u1', 'east', 1]);
    expect(run.push(2, ['u1', 'west', 1])).toEqual([['west', 1n]]);
    expect(run.push(3, ['u1', 'east', 1])).toEqual([['east', 2n]]);
  });
});

describe('value formats and aggregate state', () => {
  const delimited = catalogOf(source('D', 'STREAM', [{ name: 'ID', type: STRING }], [{ name: 'V', type: BIGINT }], 'DELIMITED'));
  const kafka = catalogOf(source('K', 'STREAM', [{ name: 'ID', type: STRING }], [{ name: 'V', type: BIGINT }], 'KAFKA'));

  it('rejects aggregates with a structured intermediate value over DELIMITED', () => {
    expect(analysisError('SELECT id, AVG(v) FROM d GROUP BY id EMIT CHANGES;', delimited)).toMatch(/^One of the functions used in the statement has an intermediate type/);
    expect(analysisError('SELECT id, SUM(v), COUNT(*) FROM d GROUP BY id EMIT CHANGES;', delimited)).toBeUndefined();
  });

  it('rejects GROUP BY over a KAFKA value format', () => {
    expect(analysisError('SELECT id, COUNT(*) FROM k GROUP BY id EMIT CHANGES;', kafka)).toBe(
      "Source(s) K are using the 'KAFKA' value format. This format does not yet support GROUP BY.",
    );
  });
  it('an argument that fails is logged and NULL; the row still counts, and is undone with NULL', () => {
    const run = runAggregate('SELECT region, COUNT(*), SUM(100 / score) FROM users GROUP BY region EMIT CHANGES;', catalog);
    expect(run.push(1, ['u1', 'east', 0, 0])).toEqual([['east', 1n, 0]]);
    expect(run.errors()).toBe(1);
    expect(run.push(2, ['u1', 'east', 50, 0])).toEqual([['east', 1n, 2]]);
    expect(run.push(3, ['u2', 'east', 25, 0])).toEqual([['east', 2n, 6]]);
    // The same over a stream: counted, the sum unchanged, one error per record.
    const stream = runAggregate('SELECT region, COUNT(*), SUM(100 / score) FROM clicks GROUP BY region EMIT CHANGES;', catalog);
    stream.push(1, ['c1', 'east', 10]);
    expect(stream.push(2, ['c2', 'east', 0])).toEqual([['east', 2n, 10]]);
    expect(stream.errors()).toBe(1);
  });
});
