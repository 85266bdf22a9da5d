/**
 * Which cases are skipped and why. Only two reasons exist: the case is disabled for the ksqlDB
 * version we model, or it needs a schema-registry format we do not implement. Every other case
 * runs, and if it cannot run it fails — a skip must never hide a gap.
 */
import type { QttCase } from './qtt-case.js';

/** Formats that need a schema registry; cases using them are skipped, not failed. */
export const UNSUPPORTED_FORMATS = ['AVRO', 'PROTOBUF', 'PROTOBUF_NOSR', 'JSON_SR'] as const;

/** The ksqlDB version whose behaviour we follow, for `versions: {min, max}` bounds. */
export const MODELLED_KSQL_VERSION = '8.0.0';

/** WITH (...) format properties naming a format, in any statement. */
const FORMAT_PROPERTY = /\b(?:KEY_FORMAT|VALUE_FORMAT|FORMAT)\s*=\s*'([^']*)'/gi;

/** Returns the skip reason, or undefined when the case must run. */
export function skipReason(c: QttCase): string | undefined {
  if (!c.enabled) return 'disabled';
  if (c.versions && !versionInRange(MODELLED_KSQL_VERSION, c.versions.min, c.versions.max)) {
    return `version: applies to ${c.versions.min ?? '*'}..${c.versions.max ?? '*'}`;
  }
  const used = new Set<string>();
  for (const s of c.statements) for (const m of s.matchAll(FORMAT_PROPERTY)) used.add(m[1]!.toUpperCase());
  for (const t of c.topics) for (const f of [t.format, t.keyFormat, t.valueFormat]) if (f) used.add(f.toUpperCase());
  // Default-format properties (ksql.persistence.default.format.*) select a format too.
  for (const [k, v] of c.properties) if (/format/i.test(k)) used.add(v.toUpperCase());
  if (c.unsupportedKeys.includes('testPullWithProtoFormat') || (c.responses ?? []).some((r) => r.kind === 'queryProto')) used.add('PROTOBUF');
  const unsupported = UNSUPPORTED_FORMATS.filter((f) => used.has(f));
  return unsupported.length > 0 ? `format: ${unsupported.join(', ')}` : undefined;
}

/** Dotted numeric versions, compared part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function versionInRange(v: string, min: string | undefined, max: string | undefined): boolean {
  return (min === undefined || compareVersions(v, min) >= 0) && (max === undefined || compareVersions(v, max) <= 0);
}
