import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../src/functions/registry.js';
import { array, BOOLEAN, INTEGER, map, STRING, struct } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const m = (...entries: [string, number | null][]): [ReturnType<typeof map>, Map<string, number | null>] => [map(STRING, INTEGER), new Map(entries)];

describe('map functions', () => {
  it('AS_MAP pairs keys and values by position', () => {
    const r = callFn('AS_MAP', [
      [array(STRING), ['a', 'b']],
      [array(INTEGER), [1]],
    ]);
    expect(r).toEqual({ value: new Map([['a', 1], ['b', null]]), type: map(STRING, INTEGER) });
  });

  it('MAP_KEYS / MAP_VALUES', () => {
    expect(callFn('MAP_KEYS', [m(['a', 1], ['b', 2])])).toEqual({ value: ['a', 'b'], type: array(STRING) });
    expect(callFn('MAP_VALUES', [m(['a', 1], ['b', null])]).value).toEqual([1, null]);
  });

  it('MAP_UNION lets the second map win and treats one NULL map as empty', () => {
    expect(callFn('MAP_UNION', [m(['a', 1], ['b', 2]), m(['b', 3])]).value).toEqual(new Map([['a', 1], ['b', 3]]));
    expect(callFn('MAP_UNION', [[map(STRING, INTEGER), null], m(['b', 3])]).value).toEqual(new Map([['b', 3]]));
    expect(callFn('MAP_UNION', [[map(STRING, INTEGER), null], [map(STRING, INTEGER), null]]).value).toBeNull();
  });

  it('ENTRIES lists K/V structs, sorted on request', () => {
    const r = callFn('ENTRIES', [m(['b', 2], ['a', 1]), [BOOLEAN, true]]);
    expect(r.value).toEqual([{ K: 'a', V: 1 }, { K: 'b', V: 2 }]);
    expect(r.type).toEqual(array(struct([{ name: 'K', type: STRING }, { name: 'V', type: INTEGER }])));
    expect(callFn('ENTRIES', [m(['b', 2], ['a', 1]), [BOOLEAN, false]]).value).toEqual([{ K: 'b', V: 2 }, { K: 'a', V: 1 }]);
    expect(resolveFunction('ENTRIES', [map(STRING, array(INTEGER)), BOOLEAN]).ok).toBe(false);
  });
});
