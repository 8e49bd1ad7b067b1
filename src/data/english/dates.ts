/** English calendar words. Data only: the date stage builds its patterns from these tables. */

/** Month names and abbreviations (capitalized as written; a trailing period is optional in the pattern). */
export const MONTHS: Readonly<Record<string, number>> = {
  January: 1, Jan: 1, February: 2, Feb: 2, March: 3, Mar: 3, April: 4, Apr: 4, May: 5, June: 6, Jun: 6,
  July: 7, Jul: 7, August: 8, Aug: 8, September: 9, Sept: 9, Sep: 9, October: 10, Oct: 10,
  November: 11, Nov: 11, December: 12, Dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6, Sunday: 7,
};

/** Words before a year or month that set the TIMEX `mod` (`late 2026` → END). Case-insensitive. */
export const PERIOD_MODIFIERS: Readonly<Record<string, 'START' | 'MID' | 'END'>> = {
  early: 'START', 'the beginning of': 'START', 'the start of': 'START', 'the early part of': 'START', 'beginning of': 'START', 'start of': 'START',
  'mid-': 'MID', mid: 'MID', 'the middle of': 'MID', 'middle of': 'MID',
  late: 'END', 'the end of': 'END', 'end of': 'END', 'the latter part of': 'END', 'the close of': 'END',
};

/** Duration units → TIMEX unit letter and whether it is a date part (Y, M, W, D). */
export const DURATION_UNITS: Readonly<Record<string, { unit: 'Y' | 'M' | 'W' | 'D'; times: number }>> = {
  year: { unit: 'Y', times: 1 }, years: { unit: 'Y', times: 1 },
  month: { unit: 'M', times: 1 }, months: { unit: 'M', times: 1 },
  week: { unit: 'W', times: 1 }, weeks: { unit: 'W', times: 1 },
  day: { unit: 'D', times: 1 }, days: { unit: 'D', times: 1 },
  quarter: { unit: 'M', times: 3 }, quarters: { unit: 'M', times: 3 },
  decade: { unit: 'Y', times: 10 }, decades: { unit: 'Y', times: 10 },
};

/** Ordinals for quarters and halves. */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** Seasons → TIMEX season codes. */
export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

/** Words before a month name that place it relative to the reference date (`last July`, `this past July`). */
export const MONTH_RELATIVES: Readonly<Record<string, 'last' | 'next' | 'this'>> = {
  last: 'last', 'this past': 'last', next: 'next', 'this coming': 'next', this: 'this',
};

/** Words before a bare four-digit year from before 1900 that make it a year (`In 1756, Franklin…`). */
export const HISTORIC_YEAR_CUES: readonly string[] = ['in', 'since', 'until', 'by', 'from', 'during', 'of'];

/** Month the (Japanese) fiscal year starts in: `this fiscal year` in an article of 2025-11 is FY2025. */
export const FISCAL_YEAR_START_MONTH = 4;

/**
 * Qualifiers before a duration (`more than two decades`) → TIMEX mod, outside the span (`two decades` + MORE_THAN),
 * with the money qualifiers' names, as the shared gold marks them. Case-insensitive.
 */
export const DURATION_QUALIFIERS: Readonly<Record<string, 'MORE_THAN' | 'LESS_THAN' | 'APPROX' | 'AT_LEAST' | 'UP_TO'>> = {
  // Not `over`: `over three years` is a stretch of time, not more than one.
  'more than': 'MORE_THAN', 'longer than': 'MORE_THAN',
  'less than': 'LESS_THAN', under: 'LESS_THAN', 'fewer than': 'LESS_THAN',
  about: 'APPROX', around: 'APPROX', nearly: 'APPROX', almost: 'APPROX', roughly: 'APPROX', some: 'APPROX', approximately: 'APPROX',
  'at least': 'AT_LEAST', 'up to': 'UP_TO', 'no more than': 'UP_TO',
};
