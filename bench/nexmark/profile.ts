/**
 * Where the time goes: a CPU profile of the timed region only (node:inspector, not --cpu-prof,
 * which would include start-up and reading the results back), summarized by category.
 *
 * Each sample is charged to the nearest frame of our own code (src/, bench/) or of lmdb on its
 * stack, so time spent in Node internals (Buffer allocation, UTF-8 coding) counts for the code
 * that asked for it; GC and idle time stay separate.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Categories in the order rules are tried; the first whose pattern matches the frame's URL wins. */
const CATEGORY_RULES: readonly (readonly [string, RegExp])[] = [
  ['decode (serde readers, row decoder)', /\/src\/serde\/.*(reader|cursor|deserial|delimited|kafka)|\/src\/exec\/source\//],
  ['encode (serde writers, sink writer)', /\/src\/serde\/|\/src\/exec\/sink-writer/],
  ['expressions and functions', /\/src\/exec\/compile\/|\/src\/functions\//],
  ['operators and state', /\/src\/exec\/operators\/|\/src\/exec\/state\//],
  ['store (record codec, CRC, LMDB)', /\/src\/store\/|\/lmdb\//],
  ['query loop and commits', /\/src\/exec\/|\/src\/engine\//],
  ['bench harness', /\/bench\//],
];

export function categoryOf(url: string, functionName: string): string | undefined {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle (waiting)';
  for (const [name, re] of CATEGORY_RULES) if (re.test(url)) return name;
  return undefined;
}

/** Milliseconds per category, largest first, plus the total. */
export function summarizeProfile(profile: CpuProfile): { total_ms: number; categories: [string, number][] } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const cache = new Map<number, string>();
  const categorize = (id: number): string => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const path: number[] = [];
    let cur: number | undefined = id;
    let found = 'other (Node, V8)';
    while (cur !== undefined) {
      const known = cache.get(cur);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(cur);
      const n = byId.get(cur)!;
      const c = categoryOf(n.callFrame.url, n.callFrame.functionName);
      if (c !== undefined) {
        found = c;
        break;
      }
      cur = parent.get(cur);
    }
    for (const p of path) cache.set(p, found);
    return found;
  };
  const totals = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = profile.timeDeltas[i]! / 1000;
    total += ms;
    const c = categorize(profile.samples[i]!);
    totals.set(c, (totals.get(c) ?? 0) + ms);
  }
  return { total_ms: total, categories: [...totals].sort((a, b) => b[1] - a[1]) };
}

/** Starts the V8 sampling profiler in this process; the returned function stops it and saves the profile. */
export async function startProfile(): Promise<(file: string) => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  };
}
