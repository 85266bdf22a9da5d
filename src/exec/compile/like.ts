/** SQL LIKE → RegExp: `%` any run, `_` one character, an optional one-character ESCAPE; case-sensitive. */

/** Limit on cached non-constant patterns per LIKE expression, so a column of distinct patterns cannot grow memory. */
export const LIKE_PATTERN_CACHE_LIMIT = 64;

export function likeToRegExp(pattern: string, escape?: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escape !== undefined && c === escape && i + 1 < pattern.length) {
      src += escapeRegExp(pattern[++i]!);
    } else if (c === '%') src += '[\\s\\S]*';
    else if (c === '_') src += '[\\s\\S]';
    else src += escapeRegExp(c);
  }
  return new RegExp(`^${src}$`, 'u');
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** A matcher for a non-constant pattern: compiles each distinct pattern once, with a bounded cache. */
export function cachedLike(): (value: string, pattern: string, escape?: string) => boolean {
  const cache = new Map<string, RegExp>();
  return (value, pattern, escape) => {
    const key = `${escape ?? ''}\u0000${pattern}`;
    let re = cache.get(key);
    if (!re) {
      if (cache.size >= LIKE_PATTERN_CACHE_LIMIT) cache.clear();
      re = likeToRegExp(pattern, escape);
      cache.set(key, re);
    }
    return re.test(value);
  };
}
