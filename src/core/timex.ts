/**
 * The days a TIMEX value covers, read off the value alone: the first and last day (ISO, inclusive). This is
 * what the store keeps beside every stored date value — a DATE's own and an agreement's — so one SQL
 * comparison filters both by period. The dates stages resolve the same days while they build a value (a
 * test holds them to this reading); only a `mod` narrows them further (上旬 = days 1–10), and a mod is not
 * part of the value.
 *
 * kiji's conventions: a fiscal year (`FY2025`, `FY2025-H1`, `FY2025-Q3`) runs April to March; `NNXX` is the
 * century whose years start with NN+1 (`20XX` = the 21st century, 2001–2100); `199X` the decade; seasons
 * `SP`/`SU`/`FA`/`WI` are March–May, June–August, September–November, December–February; `YYYY-Www` is an
 * ISO week, `-WE` its weekend, `-N` its Nth day. Unknown years (`XXXX-11-02`), BC years, durations (`P4Y`)
 * and sets cover no known days: undefined.
 */
import { type CalendarDate, addDays, addMonths, daysInMonth, isoDay, isoWeekday } from './calendar.js';

export interface DayRange {
  start: string;
  end: string;
}

const SEASON_MONTHS: Readonly<Record<string, readonly [number, number]>> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };
const FISCAL_START_MONTH = 4;

const months = (year: number, firstMonth: number, count: number): DayRange => {
  const last = addMonths(year, firstMonth, count - 1);
  return {
    start: isoDay({ year, month: firstMonth, day: 1 }),
    end: isoDay({ year: last.year, month: last.month, day: daysInMonth(last.year, last.month) }),
  };
};

const days = (from: CalendarDate, to: CalendarDate): DayRange => ({ start: isoDay(from), end: isoDay(to) });

/** Monday of ISO week `week` of `year` (4 January is always in week 1). */
function isoWeekMonday(year: number, week: number): CalendarDate {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(addDays(jan4, 1 - isoWeekday(jan4)), 7 * (week - 1));
}

function pointDays(value: string): DayRange | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(value))) return Number(m[1]) > 0 ? months(Number(m[1]), 1, 12) : undefined;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return year > 0 && month >= 1 && month <= 12 ? months(year, month, 1) : undefined;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const valid = date.year > 0 && date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month);
    return valid ? days(date, date) : undefined;
  }
  if ((m = /^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?$/.exec(value))) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (year < 1 || week < 1 || week > 53) return undefined;
    const monday = isoWeekMonday(year, week);
    if (m[3] === 'WE') return days(addDays(monday, 5), addDays(monday, 6));
    if (m[3]) return days(addDays(monday, Number(m[3]) - 1), addDays(monday, Number(m[3]) - 1));
    return days(monday, addDays(monday, 6));
  }
  if ((m = /^(FY)?(\d{4})-([HQ])(\d)$/.exec(value))) {
    const [fiscal, year, unit, n] = [m[1] !== undefined, Number(m[2]), m[3], Number(m[4])];
    const size = unit === 'H' ? 6 : 3;
    if (year < 1 || n < 1 || n > 12 / size) return undefined;
    const first = addMonths(year, fiscal ? FISCAL_START_MONTH : 1, size * (n - 1));
    return months(first.year, first.month, size);
  }
  if ((m = /^FY(\d{4})$/.exec(value))) return Number(m[1]) > 0 ? months(Number(m[1]), FISCAL_START_MONTH, 12) : undefined;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const [from, to] = SEASON_MONTHS[m[2]!]!;
    return Number(m[1]) > 0 ? months(Number(m[1]), from, to >= from ? to - from + 1 : 12 - from + to + 1) : undefined;
  }
  if ((m = /^(\d{3})X$/.exec(value))) return months(Number(m[1]) * 10, 1, 120);
  if ((m = /^(\d{2})XX$/.exec(value))) return months(Number(m[1]) * 100 + 1, 1, 1200);
  return undefined;
}

/** The first and last day a TIMEX value covers (a range `A/B`: A's first day to B's last), or undefined when its days are unknown. */
export function timexDays(value: string | null | undefined): DayRange | undefined {
  if (!value) return undefined;
  const parts = value.split('/');
  if (parts.length === 1) return pointDays(value);
  if (parts.length !== 2) return undefined;
  const [from, to] = [pointDays(parts[0]!), pointDays(parts[1]!)];
  return from && to && from.start <= to.end ? { start: from.start, end: to.end } : undefined;
}
