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
  const size = spec.size.ms;
  const advance = spec.kind === 'HOPPING' ? spec.advance.ms : size;
  const out: TimeWindow[] = [];
  // The latest window start at or before ts, then earlier ones while they still contain ts.
  let start = ts - (((ts % advance) + advance) % advance);
  for (; start > ts - size; start -= advance) {
    if (start >= 0) out.push({ start, end: start + size });
  }
  return out.reverse();
}

export function graceMs(spec: WindowSpec): number {
  return spec.grace?.ms ?? DEFAULT_GRACE_MS;
}
