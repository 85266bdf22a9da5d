/** Milliseconds per time unit of WINDOW / WITHIN durations and WINDOW_SIZE (singular, upper case). */
export const MS_PER_UNIT: Readonly<Record<string, number>> = {
  MILLISECOND: 1,
  SECOND: 1000,
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
};

/**
 * Parses a duration property such as WINDOW_SIZE='30 seconds' the way ksqlDB's DurationParser
 * does: exactly two words, a whole number and a unit in any case, singular or plural.
 * Returns milliseconds, or the reason in ksqlDB's words (`Invalid duration: ...`).
 */
export function parseDurationText(text: string): { ms: number } | { error: string } {
  const parts = text.trim().split(/\s+/).filter((p) => p !== '');
  const invalid = (why: string): { error: string } => ({ error: `Invalid duration: '${text}'. ${why}` });
  if (parts.length !== 2) return invalid(`Expected 2 tokens, got: ${parts.length}`);
  const [count, unitText] = parts as [string, string];
  if (!/^\d+$/.test(count)) return invalid(`Not numeric: '${count}'`);
  const unit = unitText.toUpperCase();
  const per = MS_PER_UNIT[unit.endsWith('S') ? unit.slice(0, -1) : unit];
  if (per === undefined) return invalid(`Unknown time unit: '${unit}'`);
  return { ms: Number(count) * per };
}
