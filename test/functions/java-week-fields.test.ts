// Expected values are what java.time.temporal.WeekFields.of(Locale.US) gives (JDK 17).
import { describe, expect, it } from 'vitest';
import { dateOfWeek, localizedDayOfWeek, localizedFromIso, weekOfMonth, weekOfWeekBasedYear } from '../../src/functions/java-week-fields.js';

describe('Locale.US week fields', () => {
  it('numbers the days of the week from Sunday', () => {
    expect(localizedDayOfWeek({ year: 2022, month: 1, day: 2 })).toBe(1); // a Sunday
    expect(localizedDayOfWeek({ year: 2021, month: 12, day: 31 })).toBe(6); // a Friday
    expect(localizedFromIso(7)).toBe(1);
    expect(localizedFromIso(1)).toBe(2);
  });

  it('puts the days before the first Sunday of a year in the week that holds January 1', () => {
    expect(weekOfWeekBasedYear({ year: 2021, month: 12, day: 31 })).toEqual({ weekYear: 2022, week: 1 });
    expect(weekOfWeekBasedYear({ year: 2022, month: 1, day: 2 })).toEqual({ weekYear: 2022, week: 2 });
    expect(weekOfWeekBasedYear({ year: 2020, month: 12, day: 27 })).toEqual({ weekYear: 2021, week: 1 });
    expect(weekOfWeekBasedYear({ year: 1999, month: 3, day: 31 })).toEqual({ weekYear: 1999, week: 14 });
    expect(weekOfMonth({ year: 2021, month: 12, day: 31 })).toBe(5);
    expect(weekOfMonth({ year: 2027, month: 1, day: 1 })).toBe(1);
  });

  it('finds the date of a week-based year, week and day', () => {
    expect(dateOfWeek(2022, 1, 7)).toEqual({ year: 2022, month: 1, day: 1 });
    expect(dateOfWeek(2022, 1, 6)).toEqual({ year: 2021, month: 12, day: 31 });
    expect(dateOfWeek(2016, 2, 1)).toEqual({ year: 2016, month: 1, day: 3 });
  });
});
