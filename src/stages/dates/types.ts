import type { CalendarDate } from '../../core/calendar.js';
import type { DateMod, DatePart } from '../../schema/records.js';
import type { RelativeUnit } from '../../data/date-words.js';

/**
 * A date candidate in NORMALIZED offsets: the calendar fields the text stated, before resolution.
 * Parsers make candidates; refiners merge, filter and resolve them; `timex.ts` turns them into values.
 */
export interface DateCandidate {
  start: number;
  end: number;
  /**
   * Where the record's span ends, when before `end`: a bracketed weekday after a date (`11月18日(月)`) is read for
   * the value but left outside the span, as the gold sets mark it. Refiners keep using `end` (what was read).
   */
  spanEnd?: number;
  /** Where the record's span starts, when after `start`: a qualifier before a length (`約10カ月`) is its `mod`, outside the span. */
  spanStart?: number;
  /** The rule that made it (`ja.date.absolute.ymd`); merges keep the head's rule family. */
  rule: string;
  /** Gregorian year as written (or from an era). */
  year?: number;
  /** The year was written with two digits (`'90年`, `90年3月`) and needs a century. */
  shortYear?: boolean;
  /** A bare `N年` with N < 1000 and nothing after it: a year count unless a range or month makes it a year. */
  bareYear?: boolean;
  /** `100年`, `5000年`: a round or far-future number of years, read as a year only when a month or day follows. */
  countLikeYear?: boolean;
  month?: number;
  day?: number;
  weekday?: number;
  fiscal?: boolean;
  /** Before the common era (紀元前). */
  bc?: boolean;
  /** The era name, when the year was written in one. */
  era?: string;
  /** Relative to the reference date (offset 0 = this year/month/week/day) or, when anaphoric, to the last date mentioned. */
  rel?: { unit: RelativeUnit; offset: number; anaphoric?: boolean };
  season?: string;
  quarter?: number;
  half?: 1 | 2;
  weekend?: boolean;
  mod?: DateMod;
  /** Days of the month covered (上旬 = [1, 10]). */
  days?: readonly [number, number];
  /** Decade (1970 for 1970年代; 70 with shortYear for 70年代). */
  decade?: number;
  /** Century number (19 for 19世紀). */
  century?: number;
  /** A duration (TIMEX `P4Y`), already formatted. */
  duration?: string;
  /** An offset from the reference date (`3日前` = {unit: 'D', n: -3}). */
  offset?: { unit: 'Y' | 'M' | 'W' | 'D'; n: number };
  vague?: boolean;
  /** A period with a fixed value (江戸時代, 昭和 alone). */
  fixed?: { value: string | null; startYear?: number; endYear?: number };
  /** A fiscal year named by its closing month (3月期 = the year ending in March). */
  fiscalClose?: boolean;
  /** Last month of a span of months (4-6月期). */
  monthTo?: number;
  range?: { from: DateCandidate; to: DateCandidate };
  /** `翌` before a date (翌12日, 翌1791年): the parts it leaves out come from the last date mentioned, and it follows that date. */
  anchored?: boolean;
  /** A later item of a list (`5月3日・10日`): the year and month it leaves out came from the item before it. */
  listed?: boolean;
  /** Part of a magazine's issue label (`5月3日・10日号`). */
  issue?: boolean;
  /** The predicate after the date is in the past tense (`…出動した`): a partial date resolves on or before the reference date. */
  past?: boolean;
  /** The basis of a comparison (前年度比): a date, but not one the text moves to, so no anchor for later 同年/前年度. */
  comparison?: boolean;
  /** A weekday in brackets (`(月)`, `(火曜日)`). */
  bracketed?: boolean;
  /** The candidate earlier in the sentence whose year this month is in (refiners/sentence-year.ts). */
  yearFrom?: DateCandidate;
  /** The candidate is a prefix before a day number (本, 同 in DAY_PREFIXES), carrying the month in `rel`. */
  dayPrefix?: boolean;
  /** The candidate is the prefix 翌 itself, waiting for a date after it. */
  nextPrefix?: boolean;
  /** A relative period word (年末, 上半期, 月末) that can also act as a suffix after a date. */
  periodWord?: boolean;
  /** The candidate is a suffix word (上旬, 末, 春) that only counts when attached to a date before it. */
  suffixOnly?: boolean;
  /** The candidate may stand alone only in a range or composition (a bare day-number in `1~2日`). */
  stated: Set<DatePart>;
}

export interface ParseContext {
  readonly text: string;
  readonly ref: CalendarDate | undefined;
}

/** A parser: one pattern (global regex) and what to make of each match. */
export interface DateParser {
  readonly name: string;
  readonly pattern: RegExp;
  extract(match: RegExpExecArray, ctx: ParseContext): DateCandidate | DateCandidate[] | null;
}

/** A refiner: candidates in, candidates out (sorted by start). */
export type DateRefiner = (candidates: DateCandidate[], ctx: ParseContext) => DateCandidate[];

export function candidate(start: number, end: number, rule: string, fields: Partial<DateCandidate>, stated: DatePart[]): DateCandidate {
  return { start, end, rule, ...fields, stated: new Set(stated) };
}

/** The parts of both, `a`'s first (a Set as `new Set([...a, ...b])` gives it, without the array between). */
export function unionOf(a: ReadonlySet<DatePart>, b: ReadonlySet<DatePart>): Set<DatePart> {
  const out = new Set(a);
  for (const p of b) out.add(p);
  return out;
}
