/** Milliseconds per time unit of WINDOW / WITHIN durations and WINDOW_SIZE (singular, upper case). */
export const MS_PER_UNIT: Readonly<Record<string, number>> = {
  MILLISECOND: 1,
  SECOND: 1000,
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
};
