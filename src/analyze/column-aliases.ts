/**
 * How ksqlDB names an unaliased struct field in a SELECT: `s->f` is F, unless a column of a
 * source (or an earlier unaliased field) already took that name, then F_1, F_2, ... A source
 * column named F_2 takes index 2 of F, so the names never clash with the sources' columns.
 */

/** Splits `F_2` into F and 2; any other name is its own prefix with index 0. */
function prefixAndIndex(name: string): [string, number] {
  const m = /^(.+)_(\d+)$/.exec(name);
  return m ? [m[1]!, Number(m[2])] : [name, 0];
}

export function structFieldNamer(sourceColumnNames: Iterable<string>): (field: string) => string {
  const used = new Map<string, Set<number>>();
  const take = (prefix: string, index: number): void => {
    let set = used.get(prefix);
    if (!set) used.set(prefix, (set = new Set()));
    set.add(index);
  };
  for (const name of sourceColumnNames) take(...prefixAndIndex(name));
  return (field) => {
    const taken = used.get(field);
    let index = 0;
    while (taken?.has(index)) index++;
    take(field, index);
    return index === 0 ? field : `${field}_${index}`;
  };
}
