import { type CalendarDate, daysInMonth } from './calendar.js';
import { KijiError } from './errors.js';

/**
 * Reads the publication date's calendar day as written (`2011-10-02T10:00:00+0900` → 2011-10-02).
 * The day the writer saw is what 昨日 and 今月 mean, so no time-zone conversion is applied.
 */
export function parseReferenceDate(value: string | undefined): CalendarDate | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return undefined;
  return date;
}

/**
 * A reference date someone gave (`publishedAt`, `--ref`, a JSONL `ref`): absent when empty, and an
 * E_USAGE naming the value when it is not a calendar day — never dropped in silence.
 */
export function requireReferenceDate(value: string | undefined, what: string): CalendarDate | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const date = parseReferenceDate(value);
  if (!date) throw new KijiError('E_USAGE', `${what} ${JSON.stringify(value)} is not a date: give the publication date as YYYY-MM-DD (for example 2025-11-04)`);
  return date;
}

