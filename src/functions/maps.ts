/** Map functions: AS_MAP, MAP_KEYS, MAP_VALUES, MAP_UNION, ENTRIES. Maps are JS Maps in insertion order. */
import { array, BOOLEAN, STRING, struct } from '../types/sql-type.js';
import { generic, isArray, isMap, type MapType } from './generic.js';
import { unifyTypes } from './function.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;

export const AS_MAP = generic({
  name: 'AS_MAP',
  description: 'A map from an array of keys and an array of values, paired by position (missing values are NULL).',
  signatures: ['AS_MAP(ARRAY<STRING>, ARRAY<T>) → MAP<STRING, T>'],
  resolve: (args) => {
    const [k, v] = args;
    if (args.length !== 2 || !isArray(k!) || k.element.kind !== 'STRING' || !isArray(v!)) return undefined;
    return {
      params: [k, v],
      returnType: { kind: 'MAP', key: STRING, value: v.element },
      impl: ([keys, values]) => {
        const m = new Map<unknown, unknown>();
        (keys as unknown[]).forEach((key, i) => m.set(key, (values as unknown[])[i] ?? null));
        return m;
      },
    };
  },
});

const mapPart = (name: string, description: string, part: 'key' | 'value') =>
  generic({
    name,
    description,
    signatures: [`${name}(MAP<K, V>) → ARRAY<${part === 'key' ? 'K' : 'V'}>`],
    resolve: (args) => {
      if (args.length !== 1 || !isMap(args[0]!)) return undefined;
      const t = args[0] as MapType;
      return { params: [t], returnType: array(t[part]), impl: ([m]) => [...(part === 'key' ? (m as Map<unknown, unknown>).keys() : (m as Map<unknown, unknown>).values())] };
    },
  });

export const MAP_KEYS = mapPart('MAP_KEYS', 'The keys of a map, as an array.', 'key');
export const MAP_VALUES = mapPart('MAP_VALUES', 'The values of a map, as an array.', 'value');

export const MAP_UNION = generic({
  name: 'MAP_UNION',
  description: 'The entries of both maps; the second wins on a shared key; a NULL map counts as empty unless both are NULL.',
  signatures: ['MAP_UNION(MAP<STRING, T>, MAP<STRING, T>) → MAP<STRING, T>'],
  acceptsNulls: true,
  resolve: (args) => {
    if (args.length !== 2 || !args.every((a) => a === null || a.kind === 'MAP')) return undefined;
    const t = unifyTypes(args);
    if (!t || !isMap(t) || t.key.kind !== 'STRING') return undefined;
    return {
      params: [t, t],
      returnType: t,
      impl: ([a, b]) => (isNull(a) && isNull(b) ? null : new Map([...((a as Map<unknown, unknown>) ?? []), ...((b as Map<unknown, unknown>) ?? [])])),
    };
  },
});

const ENTRY_VALUE_KINDS = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'STRING']);

export const ENTRIES = generic({
  name: 'ENTRIES',
  description: 'The entries of a map as an array of STRUCT<K, V>, optionally sorted by key.',
  signatures: ['ENTRIES(MAP<STRING, T>, BOOLEAN sorted) → ARRAY<STRUCT<K STRING, V T>>, for T INTEGER, BIGINT, DOUBLE, BOOLEAN or STRING'],
  acceptsNulls: true,
  resolve: (args) => {
    const [m, s] = args;
    if (args.length !== 2 || !isMap(m!) || m.key.kind !== 'STRING' || !ENTRY_VALUE_KINDS.has(m.value.kind) || (s !== null && s!.kind !== 'BOOLEAN')) return undefined;
    return {
      params: [m, BOOLEAN],
      returnType: array(struct([{ name: 'K', type: STRING }, { name: 'V', type: m.value }])),
      impl: ([map, sorted]) => {
        if (isNull(map) || isNull(sorted)) return null;
        const entries = [...(map as Map<string, unknown>)];
        if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return entries.map(([K, V]) => ({ K, V }));
      },
    };
  },
});

export const MAP_FUNCTIONS = [AS_MAP, MAP_KEYS, MAP_VALUES, MAP_UNION, ENTRIES];
