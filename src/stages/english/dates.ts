import { type CalendarDate, addDays, addMonths, isoWeekday, nearestYear } from '../../core/calendar.js';
import { defineStage } from '../../core/stage.js';
import { DURATION_QUALIFIERS, DURATION_UNITS, FISCAL_YEAR_START_MONTH, HISTORIC_YEAR_CUES, MONTH_RELATIVES, MONTHS, ORDINALS, PERIOD_MODIFIERS, SEASONS, WEEKDAYS } from '../../data/english/dates.js';
import { NUMBER_WORDS } from '../../data/english/numbers.js';
import type { DateMod, DatePart, DateRecord } from '../../schema/records.js';
import { EN_ANALYSIS } from './analysis.js';
import { type DateValue, dayValue, durationValue, fiscalYearValue, isoWeekValue, monthValue, rangeValue, yearValue } from './timex.js';
import { alternation } from '../../core/regex.js';

/**
 * English dates: one small rule per form (a pattern over the normalized text and a resolver), the
 * same TIMEX values and reference-date resolution as the Japanese stage (one calendar, src/core/calendar.ts). Overlapping candidates
 * are settled by the pipeline's shared rule (longest wins), so `Nov. 2, 2025` beats `2025`.
 */

const FULL_MONTHS = Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'May' || m === 'June' || m === 'July');
const ABBR_MONTHS = Object.keys(MONTHS).filter((m) => !FULL_MONTHS.includes(m));
/** A month name, or an abbreviation with an optional period. */
const MON = `(?:${alternation(FULL_MONTHS)}|(?:${alternation(ABBR_MONTHS)})\\.?)(?![A-Za-z])`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)`;
const YEAR = `(\\d{4})(?!\\d)`;
const MOD = `(${alternation(Object.keys(PERIOD_MODIFIERS).filter((k) => k !== 'mid-' && k !== 'mid'))}|mid-?)`;
const NUM_WORD = alternation(Object.keys(NUMBER_WORDS).filter((w) => !['a', 'an', 'a half', 'a couple of', 'dozen'].includes(w)));
const NUM = `(\\d+|${NUM_WORD})`;
const UNIT = `(${alternation(Object.keys(DURATION_UNITS))})`;
const WEEKDAY = `(${alternation(Object.keys(WEEKDAYS))})`;
/** After a weekday, a full date it only names the day of (`Wednesday, December 28, 2011`): the date is the record. */
const DATE_AFTER_WEEKDAY = new RegExp(`^,?\\s+(?:the\\s+)?(?:${MON}\\s+\\d|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON})`);
/** `last July`, `this past July` before a month name. */
const MONTH_RELATIVE_BEFORE = new RegExp(`\\b(${alternation(Object.keys(MONTH_RELATIVES))})\\s+$`, 'i');
/** `In 1756,`: a year before 1900 only after one of these words and before punctuation (not `in 1500 cases`). */
const HISTORIC_YEAR_BEFORE = new RegExp(`\\b(?:${alternation(HISTORIC_YEAR_CUES)})\\s+$`, 'i');

const monthOf = (word: string): number => MONTHS[word.replace(/\.$/, '')] ?? 0;
const modOf = (word: string | undefined): DateMod | undefined => {
  if (!word) return undefined;
  const key = word.toLowerCase().replace(/\s+/g, ' ').trim();
  return PERIOD_MODIFIERS[key] ?? (key.startsWith('mid') ? 'MID' : undefined);
};
const numberOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()]);
const validYear = (y: number) => y >= 1900 && y <= 2100;

interface Context {
  ref: CalendarDate | undefined;
  text: string;
  raw: (start: number, end: number) => string;
  /** Is the word after this offset a plural noun (`2025 people`, `2000 troops`)? From compromise's tags. */
  pluralAfter: (offset: number) => boolean;
}

interface Rule {
  name: string;
  pattern: RegExp;
  /** Returns the value and optionally a narrower span (normalized offsets) than the whole match. */
  resolve(m: RegExpExecArray, ctx: Context): { value: DateValue; start?: number; end?: number } | null;
}

/** Day and month with an optional year, and an optional second day or month-day: `Nov. 2-3, 2025`. */
function monthDay(ctx: Context, mon: string, day: string, year: string | undefined): DateValue | null {
  const m = monthOf(mon);
  const d = Number(day);
  if (year !== undefined && validYear(Number(year))) return dayValue(Number(year), m, d, ['year', 'month', 'day']);
  if (ctx.ref) return dayValue(nearestYear(ctx.ref, m, d), m, d, ['month', 'day'], ['year']);
  return dayValue(undefined, m, d, ['month', 'day']);
}

function monthOnly(ctx: Context, mon: string, year: number | undefined, mod?: DateMod, relative?: string): DateValue | null {
  const m = monthOf(mon);
  if (year !== undefined) return monthValue(year, m, ['year', 'month'], [], mod);
  if (!ctx.ref) return monthValue(undefined, m, ['month'], [], mod);
  let y = nearestYear(ctx.ref, m, 15);
  const rel = relative?.toLowerCase();
  if (rel === 'last') y = m < ctx.ref.month ? ctx.ref.year : ctx.ref.year - 1;
  else if (rel === 'next') y = m > ctx.ref.month ? ctx.ref.year : ctx.ref.year + 1;
  else if (rel === 'this') y = ctx.ref.year;
  return monthValue(y, m, ['month'], ['year'], mod);
}

function relativeUnit(ctx: Context, unit: string, offset: number, mod?: DateMod): DateValue | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const u = unit.toLowerCase();
  if (u === 'year') return yearValue(ref.year + offset, [], ['year'], mod);
  if (u === 'month') {
    const { year, month } = addMonths(ref.year, ref.month, offset);
    return monthValue(year, month, [], ['year', 'month'], mod);
  }
  if (u === 'week') return isoWeekValue(addDays(ref, 7 * offset), [], ['year', 'week']);
  if (u === 'day') {
    const d = addDays(ref, offset);
    return dayValue(d.year, d.month, d.day, [], ['year', 'month', 'day']);
  }
  if (u === 'fiscal year') return fiscalYearValue(currentFiscalYear(ref) + offset, [], ['fiscalYear'], FISCAL_YEAR_START_MONTH);
  return null;
}

/** `three and a half years` → P3Y6M, `two and a half months` → P2M15D; half a week or day has no whole unit below it here. */
function halfDuration(whole: number, unit: { unit: 'Y' | 'M' | 'W' | 'D'; times: number }): DateValue | null {
  const halves = unit.times / 2;
  if (Number.isInteger(halves)) return durationValue(whole + halves, unit.unit);
  if (unit.unit === 'Y') return { ...durationValue(whole, 'Y'), value: `P${whole}Y6M` };
  if (unit.unit === 'M') return { ...durationValue(whole, 'M'), value: `P${whole}M15D` };
  return null;
}

const currentFiscalYear = (ref: CalendarDate) => (ref.month >= FISCAL_YEAR_START_MONTH ? ref.year : ref.year - 1);

const RELATIVE_OFFSETS: Readonly<Record<string, number>> = {
  last: -1, previous: -1, 'the previous': -1, 'the past': -1, next: 1, 'the next': 1, 'the coming': 1, 'the following': 1,
  this: 0, 'the current': 0, 'earlier this': 0, 'later this': 0, current: 0,
};
const RELATIVE = `(${alternation(Object.keys(RELATIVE_OFFSETS))})`;

/** Words before a bare year that make it a date for sure (`in 2011`, `since 1995`). */
const YEAR_CUE = /(?:\b(?:in|since|by|until|till|through|from|of|during|before|after|for|between|and|to|as of|early|late|mid|year|fiscal)\s*-?\s*|[-~–]\s*|\(|^)$/i;
/** What may not stand right before a bare four-digit number (`page 2011`, `Model 2000`, `$2025`). */
const NOT_YEAR_BEFORE = /(?:\b(?:pages?|pp?\.|No\.|no\.|numbers?|Model|model|Room|room|Flight|flight|Route|route|Article|article|Section|section|Highway|highway|Unit|unit|Ext\.?|ext\.?)\s*|[#$€£¥₩+]\s*|\d[\s.-]?|[-/.:]\s*)$/;
/** … or right after it (`2011 %`, `2000 troops`, `2025-1234`). */
const NOT_YEAR_AFTER = /^(?:\s*(?:%|percent|per cent)|[-/.:,]?\d|\s*(?:yen|dollars|euros|won|yuan|pesos|tons|tonnes|units|km|kg|m\b|meters|metres))/i;
const PLURAL_AFTER = /^\s+[a-z]+[^s\W]?s\b/;

const RULES: Rule[] = [
  {
    name: 'en.iso',
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => {
      const v = dayValue(Number(m[1]), Number(m[2]), Number(m[3]), ['year', 'month', 'day']);
      return v && validYear(Number(m[1])) ? { value: v } : null;
    },
  },
  {
    name: 'en.mdy-numeric',
    pattern: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    resolve: (m) => {
      const v = dayValue(Number(m[3]), Number(m[1]), Number(m[2]), ['year', 'month', 'day']);
      return v ? { value: v } : null;
    },
  },
  {
    // Nov. 2 / November 2, 2025 / Nov. 2-3 / Oct. 30-Nov. 2, 2025 / Sunday, Nov. 2
    name: 'en.month-day',
    pattern: new RegExp(`\\b(${MON})\\s+${DAY}(?:\\s*(?:-|to|through|until)\\s*(?:(${MON})\\s+)?${DAY})?(?:,?\\s+${YEAR})?`, 'gd'),
    resolve: (m, ctx) => {
      const [, mon1, d1, mon2, d2, year] = m;
      const yearOk = year !== undefined && validYear(Number(year));
      const end = yearOk ? m.index + m[0].length : (m.indices![d2 ? 4 : 2]![1] + (/^(?:st|nd|rd|th)/.exec(ctx.text.slice(m.indices![d2 ? 4 : 2]![1]))?.[0].length ?? 0));
      const y = yearOk ? year : undefined;
      const first = monthDay(ctx, mon1!, d1!, y);
      if (!first) return null;
      if (!d2) return { value: first, end };
      let second = monthDay(ctx, mon2 ?? mon1!, d2, y);
      // The year of the second day carries to the first (Dec. 30-Jan. 2, 2026).
      if (second && y === undefined && first.value && second.value && first.value > second.value && !first.value.startsWith('X')) {
        second = monthDay(ctx, mon2 ?? mon1!, d2, String(Number(first.value.slice(0, 4)) + 1));
      }
      if (second && yearOk && mon2 && monthOf(mon2) < monthOf(mon1!)) {
        const firstPrev = monthDay(ctx, mon1!, d1!, String(Number(year) - 1));
        if (firstPrev) return { value: rangeValue(firstPrev, second) ?? firstPrev, end };
      }
      if (!second) return { value: first, end };
      const range = rangeValue(first, second);
      return range ? { value: range, end } : null;
    },
  },
  {
    // 2 November 2025 / 2-3 November
    name: 'en.day-month',
    pattern: new RegExp(`\\b${DAY}(?:\\s*(?:-|to)\\s*${DAY})?\\s+(?:of\\s+)?(${MON})(?:,?\\s+${YEAR})?`, 'gd'),
    resolve: (m, ctx) => {
      const [, d1, d2, mon, year] = m;
      const yearOk = year !== undefined && validYear(Number(year));
      const end = yearOk ? undefined : m.indices![3]![1];
      const first = monthDay(ctx, mon!, d1!, yearOk ? year : undefined);
      if (!first) return null;
      if (!d2) return end !== undefined ? { value: first, end } : { value: first };
      const second = monthDay(ctx, mon!, d2, yearOk ? year : undefined);
      const range = second ? rangeValue(first, second) : null;
      if (!range) return null;
      return end !== undefined ? { value: range, end } : { value: range };
    },
  },
  {
    // November 2025 / late November 2025 / early March
    name: 'en.month-year',
    pattern: new RegExp(`(?:\\b${MOD}\\s*)?\\b(${MON})(?:,?\\s+(?:of\\s+)?${YEAR})?(?!\\s*\\d)`, 'gi'),
    resolve: (m, ctx) => {
      const [, modWord, mon, year] = m;
      if (!/^[A-Z]/.test(mon!)) return null; // months are capitalized
      const yearOk = year !== undefined && validYear(Number(year));
      const mod = modOf(modWord);
      // A month name alone needs a cue: a modifier, a preposition, or a year (May, March and June are also words and names).
      const before = ctx.text.slice(Math.max(0, m.index - 16), m.index);
      const relative = MONTH_RELATIVE_BEFORE.exec(before);
      const cued = yearOk || mod !== undefined || relative !== null || /\b(?:in|since|until|till|by|from|through|during|of|and|or|to|between|before|after|each|every|as|early as|late as|until|for)\s+$/i.test(before);
      if (!cued) return null;
      const rel = relative ? MONTH_RELATIVES[relative[1]!.toLowerCase().replace(/\s+/g, ' ')] : undefined;
      const value = monthOnly(ctx, mon!, yearOk ? Number(year) : undefined, mod, rel);
      if (!value) return null;
      const start = relative ? m.index - (before.length - relative.index) : m.index;
      const end = yearOk || year === undefined ? m.index + m[0].length : m.index + m[0].indexOf(mon!) + mon!.length;
      return { value, start, end };
    },
  },
  {
    // 2011 / late 2026 / mid-2026 / fiscal 2025 / FY2025 / 1995-2025 / fiscal 2025-26
    name: 'en.year',
    pattern: new RegExp(`(?:\\b${MOD}\\s*)?(?:\\b(fiscal(?:\\s+year)?|FY)\\s*|\\b)${YEAR}(?:\\s*(?:-|to|through|and)\\s*(\\d{4}|\\d{2})(?!\\d))?`, 'gi'),
    resolve: (m, ctx) => {
      const [, modWord, fiscal, yearText, secondText] = m;
      const y = Number(yearText);
      if (!validYear(y)) {
        const end = m.index + m[0].length;
        const historic = !modWord && !fiscal && !secondText && y >= 1000 && HISTORIC_YEAR_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 8), m.index)) && /^(?:[,.;:)]|$)/.test(ctx.text.slice(end, end + 1));
        return historic ? { value: yearValue(y, ['year']) } : null;
      }
      const yearStart = m.index + m[0].indexOf(yearText!, (modWord?.length ?? 0) + (fiscal?.length ?? 0));
      const before = ctx.text.slice(Math.max(0, yearStart - 14), yearStart);
      const beforeAll = ctx.text.slice(Math.max(0, m.index - 14), m.index);
      if (!modWord && !fiscal && NOT_YEAR_BEFORE.test(before)) return null;
      if (/\d,$/.test(ctx.raw(yearStart, yearStart + 4)) || /,/.test(ctx.raw(yearStart, yearStart + 4))) return null; // 2,011 is a count
      let end = m.index + m[0].length;
      let second: number | undefined;
      if (secondText) {
        const s = secondText.length === 2 ? Math.floor(y / 100) * 100 + Number(secondText) : Number(secondText);
        const joiner = m[0].slice(m[0].indexOf(yearText!) + 4, m[0].lastIndexOf(secondText));
        const andNeedsBetween = /and/i.test(joiner) && !/\bbetween\s+$/i.test(beforeAll + m[0].slice(0, m[0].indexOf(yearText!)));
        if (s > y && s - y < 200 && !andNeedsBetween && !NOT_YEAR_AFTER.test(ctx.text.slice(end))) second = s;
        else end = yearStart + 4;
      }
      const after = ctx.text.slice(end);
      if (second === undefined && NOT_YEAR_AFTER.test(after)) return null;
      const cued = modWord !== undefined || fiscal !== undefined || YEAR_CUE.test(before);
      if (!cued && (PLURAL_AFTER.test(after) || ctx.pluralAfter(end))) return null;
      const mod = modOf(modWord);
      if (fiscal) return { value: fiscalYearValue(y, ['fiscalYear'], [], FISCAL_YEAR_START_MONTH), end };
      if (second !== undefined) {
        const range = rangeValue(yearValue(y, ['year']), yearValue(second, ['year']));
        if (!range) return null;
        // "from 1995 to 2025" / "between 1995 and 2025": the preposition opens the range and belongs to it.
        const opener = /\b(between|from)\s+$/i.exec(ctx.text.slice(Math.max(0, yearStart - 10), yearStart));
        return { value: range, start: opener ? yearStart - opener[0].length : yearStart, end };
      }
      return { value: yearValue(y, ['year'], [], mod), end };
    },
  },
  {
    // the 2018 fiscal year
    name: 'en.fiscal-year-after',
    pattern: /\b(\d{4})\s+fiscal\s+year\b/g,
    resolve: (m) => (validYear(Number(m[1])) ? { value: fiscalYearValue(Number(m[1]), ['fiscalYear'], [], FISCAL_YEAR_START_MONTH) } : null),
  },
  {
    name: 'en.fiscal-short',
    pattern: /\bFY\s?(\d{2})(?!\d)/g,
    resolve: (m) => ({ value: fiscalYearValue(2000 + Number(m[1]), ['fiscalYear'], [], FISCAL_YEAR_START_MONTH) }),
  },
  {
    // the 1990s / the early 2000s: 199X, as the Japanese 1990年代
    name: 'en.decade',
    pattern: new RegExp(`\\b(?:the\\s+)?(?:${MOD}\\s*)?((?:1[89]|20)\\d)0s\\b`, 'gi'),
    resolve: (m) => {
      const mod = modOf(m[1]);
      const value: DateValue = { value: `${m[2]}X`, kind: 'point', startDate: `${m[2]}0-01-01`, endDate: `${m[2]}9-12-31`, stated: ['year'], implied: [] };
      return { value: mod ? { ...value, mod } : value };
    },
  },
  {
    // the first quarter of 2025 / the second half of fiscal 2025 / Q3 2025
    name: 'en.quarter',
    pattern: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\\s+(quarter|half)(?:\\s+of\\s+(?:(fiscal(?:\\s+year)?|FY)\\s*)?(?:${YEAR}|(this|last|next)\\s+(?:fiscal\\s+)?year))?|\\b([QH])([1-4])(?:\\s+(?:(fiscal(?:\\s+year)?|FY)\\s*)?${YEAR})?`, 'gi'),
    resolve: (m, ctx) => {
      const [, ord, unit, fiscal1, year1, rel, qh, n, fiscal2, year2] = m;
      const isHalf = (unit ?? qh ?? '').toLowerCase().startsWith('h');
      const k = ord ? ORDINALS[ord.toLowerCase()]! : Number(n);
      if (isHalf && k > 2) return null;
      if (qh && !/^[QH]$/.test(qh)) return null;
      const fiscal = fiscal1 ?? fiscal2;
      let y = year1 ?? year2 ? Number(year1 ?? year2) : undefined;
      const implied: DatePart[] = [];
      if (y === undefined) {
        if (!ctx.ref) return null;
        const base = fiscal ? currentFiscalYear(ctx.ref) : ctx.ref.year;
        y = base + (rel ? RELATIVE_OFFSETS[rel.toLowerCase()]! : 0);
        implied.push('year');
      }
      if (!validYear(y)) return null;
      const label = `${isHalf ? 'H' : 'Q'}${k}`;
      const value: DateValue = { value: `${fiscal ? 'FY' : ''}${y}-${label}`, kind: 'point', stated: [isHalf ? 'half' : 'quarter', ...(implied.length ? [] : [fiscal ? 'fiscalYear' as const : 'year' as const])], implied };
      if (!fiscal) {
        const months = isHalf ? 6 : 3;
        const firstMonth = (k - 1) * months + 1;
        const last = monthValue(y, firstMonth + months - 1, [])!;
        value.startDate = monthValue(y, firstMonth, [])!.startDate!;
        value.endDate = last.endDate!;
      }
      return { value };
    },
  },
  {
    // summer 2025 / early spring 2026
    name: 'en.season',
    pattern: new RegExp(`\\b(?:${MOD}\\s*)?(spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?${YEAR}`, 'gi'),
    resolve: (m) => {
      const y = Number(m[3]);
      if (!validYear(y)) return null;
      const value: DateValue = { value: `${y}-${SEASONS[m[2]!.toLowerCase()]}`, kind: 'point', stated: ['season', 'year'], implied: [] };
      const mod = modOf(m[1]);
      return { value: mod ? { ...value, mod } : value };
    },
  },
  {
    // last year / next month / this week / the end of this year / next fiscal year / the previous year
    name: 'en.relative',
    pattern: new RegExp(`(?:\\b${MOD}\\s+)?\\b${RELATIVE}\\s+(fiscal\\s+year|year|month|week)\\b(?!s|-)`, 'gi'),
    resolve: (m, ctx) => {
      const offset = RELATIVE_OFFSETS[m[2]!.toLowerCase().replace(/\s+/g, ' ')];
      if (offset === undefined) return null;
      const unit = m[3]!.toLowerCase().replace(/\s+/g, ' ');
      // "the past year" and "the next month" are stretches of time, not calendar periods.
      if (/^the (past|next)$/i.test(m[2]!) && !m[1]) return { value: durationValue(1, unit === 'month' ? 'M' : unit === 'week' ? 'W' : 'Y') };
      const value = relativeUnit(ctx, unit, offset, modOf(m[1]));
      return value ? { value } : null;
    },
  },
  {
    // the end of the year / year-end / the end of the month
    name: 'en.relative-current',
    pattern: new RegExp(`\\b${MOD}\\s+the\\s+(year|month)\\b|\\b(year|month)-end\\b`, 'gi'),
    resolve: (m, ctx) => {
      const value = relativeUnit(ctx, (m[2] ?? m[3])!, 0, m[1] ? modOf(m[1]) : 'END');
      return value ? { value } : null;
    },
  },
  {
    name: 'en.deictic-day',
    pattern: /\b(yesterday|today|tomorrow)\b/gi,
    resolve: (m, ctx) => {
      const offset = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today'];
      const value = relativeUnit(ctx, 'day', offset);
      return value ? { value } : null;
    },
  },
  {
    // three years ago / a year earlier / two weeks ago
    name: 'en.ago',
    pattern: new RegExp(`\\b(${NUM_WORD}|\\d+|a|an)\\s+(year|month|week|day)s?\\s+(ago|earlier)\\b`, 'gi'),
    resolve: (m, ctx) => {
      const n = /^an?$/i.test(m[1]!) ? 1 : numberOf(m[1]!);
      if (n === undefined || !ctx.ref) return null;
      const unit = m[2]!.toLowerCase();
      if (unit === 'week') return { value: isoWeekValue(addDays(ctx.ref, -7 * n), [], ['year', 'week']) };
      const value = relativeUnit(ctx, unit, -n);
      return value ? { value } : null;
    },
  },
  {
    // on Monday / last Friday / next Tuesday
    name: 'en.weekday',
    pattern: new RegExp(`\\b(?:(last|next|this)\\s+)?${WEEKDAY}\\b`, 'g'),
    resolve: (m, ctx) => {
      if (!ctx.ref || DATE_AFTER_WEEKDAY.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const target = WEEKDAYS[m[2]!]!;
      const today = isoWeekday(ctx.ref);
      let delta: number;
      if (m[1] === 'next') delta = ((target - today + 7) % 7) || 7;
      else if (m[1] === 'last') delta = -(((today - target + 7) % 7) || 7);
      else delta = -((today - target + 7) % 7); // news: the most recent such day, today included
      const d = addDays(ctx.ref, delta);
      const value = dayValue(d.year, d.month, d.day, ['weekday'], ['year', 'month', 'day']);
      return value ? { value } : null;
    },
  },
  {
    // three years / the past four years / more than two decades / three days before / the next 12 months
    name: 'en.duration',
    pattern: new RegExp(`(?:\\b(${alternation(Object.keys(DURATION_QUALIFIERS))})\\s+(?=\\d|(?:${NUM_WORD})\\b))?\\b(?:(?:the|a|an)\\s+)?(?:(past|last|next|coming|previous|following|first|final)\\s+)?${NUM}(\\s+and\\s+a\\s+half)?(?:\\s+|-)${UNIT}\\b(?!-old|\\s+old|\\s+ago|\\s+earlier|\\s+later|-[a-z])(?:\\s+(before|after|later|earlier)\\b)?`, 'gi'),
    resolve: (m, ctx) => {
      const [, qualifier, , numberText, half, unitText] = m;
      const n = numberOf(numberText!);
      const unit = DURATION_UNITS[unitText!.toLowerCase()];
      if (n === undefined || !unit || n === 0 || n > 1000) return null;
      if (/^\d+$/.test(numberText!) && n >= 1900 && n <= 2100) return null;
      // `a five-year partnership`, `a 10-year grace period` are lengths too (P5Y, P10Y), as the shared gold marks them.
      // The qualifier (`more than`, `nearly`) is the mod, outside the span, as for money; so is the article of `a 10-year`.
      const lead = (qualifier ? qualifier.length + /^\s*/.exec(m[0].slice(qualifier.length))![0].length : 0);
      const article = /^an?\s+/i.exec(m[0].slice(lead))?.[0].length ?? 0;
      const start = lead + article > 0 ? m.index + lead + article : undefined;
      // `the first nine months of 2025`: part of a year, a range of months.
      const ofYear = /^\s+of\s+(\d{4})(?!\d)/.exec(ctx.text.slice(m.index + m[0].length));
      if (ofYear && /^(first|last)$/i.test(m[2] ?? '') && !qualifier) {
        const y = Number(ofYear[1]);
        const span = unit.unit === 'M' ? n * unit.times : 0;
        if (validYear(y) && span > 0 && span <= 12) {
          const from = /^first$/i.test(m[2]!) ? 1 : 13 - span;
          const range = rangeValue(monthValue(y, from, ['year', 'month'])!, monthValue(y, from + span - 1, ['year', 'month'])!);
          if (range) return { value: range, end: m.index + m[0].length + ofYear[0].length };
        }
      }
      const value = half ? halfDuration(n * unit.times, unit) : durationValue(n * unit.times, unit.unit);
      if (!value) return null;
      const mod = qualifier ? DURATION_QUALIFIERS[qualifier.toLowerCase().replace(/\s+/g, ' ')] : undefined;
      return { value: mod ? { ...value, mod } : value, ...(start !== undefined ? { start } : {}) };
    },
  },
  {
    // the past decade / the coming decade
    name: 'en.duration-decade',
    pattern: /\b(?:the\s+)?(past|last|next|coming)\s+decade\b/gi,
    resolve: () => ({ value: durationValue(10, 'Y') }),
  },
];

export const englishDatesStage = defineStage({
  name: 'en.dates',
  languages: ['en'],
  switch: 'dates',
  requires: [EN_ANALYSIS],
  provides: ['DATE'],
  create: () => (doc) => {
    const text = doc.norm.text;
    const analysis = doc.get(EN_ANALYSIS);
    const termAt = new Map(analysis.terms.map((t, i) => [t.start, i]));
    const pluralAfter = (offset: number): boolean => {
      const next = /^\s+/.exec(text.slice(offset, offset + 4));
      const index = next ? termAt.get(offset + next[0].length) : undefined;
      const term = index === undefined ? undefined : analysis.terms[index];
      return term !== undefined && term.tags.has('Plural') && /^[a-z]/.test(term.text);
    };
    const ctx: Context = { ref: doc.ref, text, raw: (s, e) => doc.rawSpan(s, e).text, pluralAfter };
    const records: DateRecord[] = [];
    for (const rule of RULES) {
      rule.pattern.lastIndex = 0;
      for (const m of text.matchAll(rule.pattern)) {
        const found = rule.resolve(m as RegExpExecArray, ctx);
        if (!found) continue;
        let start = found.start ?? m.index;
        let end = found.end ?? m.index + m[0].length;
        // Never end a span on spaces or a comma left by an optional group.
        while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
        while (start < end && /\s/.test(text[start]!)) start++;
        // A leading article is not part of a date (`the first half of 2027` → `first half of 2027`).
        const article = /^the\s+(?!(?:end|beginning|start|middle|close|early part|latter part)\b)/i.exec(text.slice(start, end));
        if (article && end - start > article[0].length) start += article[0].length;
        if (end <= start) continue;
        const { value } = found;
        const record: DateRecord = { type: 'DATE', ...doc.rawSpan(start, end), rule: rule.name, value: value.value, kind: value.kind, stated: value.stated, implied: value.implied };
        if (value.mod) record.mod = value.mod;
        if (value.startDate) record.startDate = value.startDate;
        if (value.endDate) record.endDate = value.endDate;
        records.push(record);
      }
    }
    return records;
  },
});
