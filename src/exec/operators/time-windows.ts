/** Which time windows a timestamp falls into (Kafka Streams' TimeWindows semantics). */
import type { WindowSpec } from '../../sql/ast.js';

/** Kafka Streams' old default grace period, which ksqlDB keeps when none is given: 24 hours. */
export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** Windows [start, start + size) containing ts: one for TUMBLING, size/advance for HOPPING. */
export function windowsFor(spec: Exclude<WindowSpec, { kind: 'SESSION' }>, ts: number): TimeWindow[] {
  const starts: number[] = [];
  const n = windowStartsFor(spec, ts, starts);
  return starts.slice(0, n).map((start) => ({ start, end: start + spec.size.ms }));
}

/**
 * The starts of the windows containing ts, ascending, written into `starts` (reused by the
 * caller: an aggregate asks for every record); returns how many there are.
 */
export function windowStartsFor(spec: Exclude<WindowSpec, { kind: 'SESSION' }>, ts: number, starts: number[]): number {
  const size = spec.size.ms;
  const advance = spec.kind === 'HOPPING' ? spec.advance.ms : size;
  // The latest window start at or before ts, then earlier ones while they still contain ts.
  const latest = ts - (((ts % advance) + advance) % advance);
  let earliest = latest;
  while (earliest - advance > ts - size) earliest -= advance;
  let n = 0;
  for (let start = earliest; start <= latest; start += advance) if (start >= 0) starts[n++] = start;
  return n;
}

/**
 * Window (and pane) starts as state-key text, memoized: consecutive records fall into the same
 * few windows, and number-to-string conversion was a visible part of a hopping aggregate's
 * per-record cost.
 */
const START_TEXT_CACHE = 64;
const startTexts = new Map<number, string>();
export function startText(start: number): string {
  let text = startTexts.get(start);
  if (text === undefined) {
    if (startTexts.size >= START_TEXT_CACHE) startTexts.delete(startTexts.keys().next().value!);
    startTexts.set(start, (text = String(start)));
  }
  return text;
}

export function graceMs(spec: WindowSpec): number {
  return spec.grace?.ms ?? DEFAULT_GRACE_MS;
}
