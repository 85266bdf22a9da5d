/**
 * Java regular expressions on JS RegExp. The common syntax is the same; this translates what
 * differs and what ksqlDB queries use: leading inline flags `(?i)`, `\A` / `\Z` / `\z` anchors,
 * and Java's replacement syntax (`$1`, `${name}`, `\$`), and splits the way Java's Pattern.split
 * and Guava's Splitter do. A bad pattern throws (the compiler turns it into NULL plus a
 * processing-log entry, as ksqlDB's KsqlFunctionException does).
 */

const CACHE_LIMIT = 256;
const cache = new Map<string, RegExp>();

/** A global RegExp for a Java pattern (cached: patterns are usually constants). */
export function javaRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  let body = pattern;
  let flags = 'g';
  const inline = /^\(\?([imsu]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]!) if (f !== 'u' && !flags.includes(f)) flags += f;
  }
  body = body.replace(/\\\\|\\A|\\Z|\\z/g, (m) => (m === '\\A' ? '^' : m === '\\\\' ? m : '$'));
  let re: RegExp;
  try {
    re = new RegExp(body, flags);
  } catch {
    throw new Error(`Invalid regular expression pattern: ${pattern}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Number of capturing groups, like Matcher.groupCount(). */
export function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')!.length - 1;
}

/** Every match, zero-width matches included, left to right. */
export function allMatches(input: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** Java String.replaceAll: `$n` / `${name}` refer to groups, `\x` is a literal x. */
export function javaReplaceAll(input: string, re: RegExp, replacement: string): string {
  re.lastIndex = 0;
  return input.replace(re, (...args: unknown[]) => {
    const hasNamed = typeof args[args.length - 1] === 'object';
    const groups = (hasNamed ? args[args.length - 1] : undefined) as Record<string, string | undefined> | undefined;
    const captures = args.slice(0, hasNamed ? -3 : -2) as (string | undefined)[];
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i]!;
      if (c === '\\') {
        i++;
        if (i >= replacement.length) throw new Error('character to be escaped is missing');
        out += replacement[i];
      } else if (c === '$') {
        i++;
        if (replacement[i] === '{') {
          const end = replacement.indexOf('}', i);
          const name = end < 0 ? '' : replacement.slice(i + 1, end);
          if (!groups || !(name in groups)) throw new Error(`No group with name {${name}}`);
          out += groups[name] ?? '';
          i = end;
        } else {
          const d = /^\d/.exec(replacement.slice(i));
          if (!d) throw new Error('Illegal group reference');
          // Java takes more digits while the number is still a valid group.
          let n = Number(replacement[i]);
          while (i + 1 < replacement.length && /\d/.test(replacement[i + 1]!) && n * 10 + Number(replacement[i + 1]) < captures.length) {
            n = n * 10 + Number(replacement[++i]);
          }
          if (n >= captures.length) throw new Error(`No group ${n}`);
          out += captures[n] ?? '';
        }
      } else out += c;
    }
    return out;
  });
}

/** Guava Splitter.on(pattern) for a pattern that cannot match empty: every piece, empty ones included. */
export function splitKeepingEmpty(input: string, re: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of allMatches(input, re)) {
    out.push(input.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(input.slice(from));
  return out;
}

/** Java Pattern.split(input) (limit 0): no leading empty piece for a zero-width match at 0; trailing empty pieces dropped. */
export function javaPatternSplit(input: string, re: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  let matched = false;
  for (const m of allMatches(input, re)) {
    const end = m.index + m[0].length;
    if (from === 0 && m.index === 0 && end === 0) continue;
    out.push(input.slice(from, m.index));
    from = end;
    matched = true;
  }
  if (!matched) return [input];
  out.push(input.slice(from));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
