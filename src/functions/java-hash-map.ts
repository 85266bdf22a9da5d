/**
 * The iteration order of a Java HashMap with string keys. ksqlDB's map values are HashMaps copied
 * from the deserialized map (`new HashMap<>(map)`), so an order-sensitive function over a map —
 * REDUCE — sees the entries in that order, not in the order the record wrote them.
 */

/** Java's String.hashCode: over UTF-16 units, in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Java 8–17 `HashMap(Map)`: a table of tableSizeFor(size / 0.75 + 1) buckets. */
function copiedCapacity(size: number): number {
  const wanted = Math.floor(size / 0.75 + 1);
  let cap = 1;
  while (cap < wanted) cap *= 2;
  return cap;
}

/**
 * Entries in the order a Java HashMap copy of them iterates: by bucket (the spread hash masked to
 * the table size), then in insertion order within a bucket. Non-string keys keep their order.
 */
export function javaHashMapOrder<V>(entries: Iterable<[unknown, V]>): [unknown, V][] {
  const list = [...entries];
  if (!list.every(([k]) => typeof k === 'string')) return list;
  const mask = copiedCapacity(list.length) - 1;
  const bucket = (k: string): number => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & mask;
  };
  return list
    .map((e, i) => ({ e, i, b: bucket(e[0] as string) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.e);
}
