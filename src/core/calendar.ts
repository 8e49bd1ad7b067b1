/**
 * Calendar arithmetic on dates without a time zone (the article's own calendar day), shared by every
 * language: UTC underneath, so no host time zone leaks in, and `setUTCFullYear`, so years below 100 stay
 * themselves (Date.UTC would read 0–99 as 1900–1999).
 */

/** A calendar date with no time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month, 0);
  return t.getUTCDate();
}

/** `YYYY-MM-DD`. */
export function isoDay(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function utc(date: CalendarDate): number {
  const t = new Date(0);
  t.setUTCFullYear(date.year, date.month - 1, date.day);
  return t.getTime();
}

/** Days since 1970-01-01. */
function dayNumber(date: CalendarDate): number {
  return Math.round(utc(date) / 86_400_000);
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  const d = new Date(utc(date) + n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: ((index % 12) + 12) % 12 + 1 };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: CalendarDate): number {
  const wd = new Date(utc(date)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** ISO 8601 week of a date: the week's Thursday decides its year. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1 };
}

/**
 * News mostly reports what has happened: when a partial date could fall on either side of the reference
 * date, a date after it counts as twice as far away as one before it.
 */
const FUTURE_WEIGHT = 2;
function distanceTo(ref: CalendarDate, date: CalendarDate): number {
  const d = dayNumber(date) - dayNumber(ref);
  return d > 0 ? d * FUTURE_WEIGHT : -d;
}

export interface NearestOptions {
  /** Only dates on or before the reference date: the text tells of the date in the past tense (大晦日も出動した). */
  notAfter?: boolean;
}

/**
 * The year that puts a month and day written without one nearest the reference date (a January article's
 * 12月28日 / December 28 is last December; a December article's 1月10日 / January 10 next January). A month
 * without a day counts from its middle; the 29th of February in a year without one from the 28th.
 */
export function nearestYear(ref: CalendarDate, month: number, day?: number, options: NearestOptions = {}): number {
  let best = ref.year;
  let bestDistance = Infinity;
  for (const year of [ref.year, ref.year - 1, ref.year + 1]) {
    // Told of in the past tense: the month must have begun (a day, have come) by the reference date.
    if (options.notAfter && dayNumber({ year, month, day: day ?? 1 }) > dayNumber(ref)) continue;
    const distance = distanceTo(ref, { year, month, day: Math.min(day ?? 15, daysInMonth(year, month)) });
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** The month that puts a day written alone (20日) nearest the reference date, by the same rule. */
export function nearestMonth(ref: CalendarDate, day: number, options: NearestOptions = {}): { year: number; month: number } {
  let best = { year: ref.year, month: ref.month };
  let bestDistance = Infinity;
  for (const n of options.notAfter ? [0, -1, -2] : [0, -1, 1]) {
    const ym = addMonths(ref.year, ref.month, n);
    if (day > daysInMonth(ym.year, ym.month)) continue;
    if (options.notAfter && dayNumber({ ...ym, day }) > dayNumber(ref)) continue;
    const distance = distanceTo(ref, { ...ym, day });
    if (distance < bestDistance) {
      best = ym;
      bestDistance = distance;
    }
  }
  return best;
}
