/**
 * The JSONPath subset EXTRACTJSONFIELD reads, as ksqlDB's JsonPathTokenizer reads it: `$`, then
 * `.name` (letters, digits, `_`, `:`, `@`), `[index]` or `["quoted key"]` (escapes `\"`, `\\`).
 * Anything else throws `Invalid JSON path`. Paths are usually constants, so results are cached.
 */

const CACHE_LIMIT = 256;
const cache = new Map<string, readonly string[]>();

const isSubscriptChar = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c);
const isSegmentChar = (c: string): boolean => c === ':' || c === '@' || isSubscriptChar(c);

export function jsonPathTokens(path: string): readonly string[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const bad = (): never => {
    throw new Error(`Invalid JSON path: '${path}'`);
  };
  if (path[0] !== '$') bad();
  const tokens: string[] = [];
  let i = 1;
  const run = (ok: (c: string) => boolean): string => {
    const start = i;
    while (i < path.length && ok(path[i]!)) i++;
    if (i === start) bad();
    return path.slice(start, i);
  };
  while (i < path.length) {
    const c = path[i++];
    if (c === '.') tokens.push(run(isSegmentChar));
    else if (c === '[') {
      if (path[i] === '"') {
        i++;
        let tok = '';
        for (;;) {
          const ch = path[i++];
          if (ch === undefined) bad();
          if (ch === '"') break;
          if (ch === '\\') {
            const esc = path[i++];
            if (esc !== '"' && esc !== '\\') bad();
            tok += esc;
          } else tok += ch;
        }
        tokens.push(tok);
      } else tokens.push(run(isSubscriptChar));
      if (path[i++] !== ']') bad();
    } else bad();
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(path, tokens);
  return tokens;
}
