/**
 * Resolution: a candidate's stated parts, completed from the reference date (or from the last date the article
 * mentioned, for 同年/翌日), become a TIMEX value, a kind, and the first and last day covered.
 */
import { SEASONS } from '../../data/date-words.js';
import { type CalendarDate, addDays, addMonths, daysInMonth, isoDay, isoWeek, isoWeekday, nearestMonth, nearestYear, pad } from '../../core/calendar.js';
import type { DateKind, DateMod, DatePart } from '../../schema/records.js';
import type { DateCandidate } from './types.js';

export interface Resolved {
  value: string | null;
  kind: DateKind;
  mod?: DateMod;
  start?: CalendarDate;
  end?: CalendarDate;
  implied: DatePart[];
  /** The date this one anchors later anaphora to (同年, 翌日). */
  anchor?: Anchor;
}

export interface Anchor {
  year: number;
  month?: number;
  day?: number;
}

const first = (year: number, month: number): CalendarDate => ({ year, month, day: 1 });
const last = (year: number, month: number): CalendarDate => ({ year, month, day: daysInMonth(year, month) });

function expandShortYear(n: number, ref: CalendarDate | undefined): number {
  const pivot = ref ? (ref.year % 100) + 5 : 30;
  return n <= pivot ? 2000 + n : 1900 + n;
}

// ---------------------------------------------------------------- resolution

const PART_OF_UNIT: Record<string, DatePart> = { year: 'year', fiscal: 'fiscalYear', month: 'month', week: 'week', day: 'day' };

/** The last dates the article mentioned, per precision: 同年 looks at the last year, 同日 at the last day. */
export interface Anchors {
  year?: Anchor;
  month?: Anchor;
  day?: Anchor;
}

export interface ResolveContext {
  ref: CalendarDate | undefined;
  anchors: Anchors;
  /** The years resolved for the candidates that state one, for the months marked `yearFrom` them. */
  yearsStated?: ReadonlyMap<DateCandidate, number>;
}

export function withAnchor(anchors: Anchors, anchor: Anchor | undefined): Anchors {
  if (!anchor) return anchors;
  return { year: anchor, month: anchor.month !== undefined ? anchor : anchors.month, day: anchor.day !== undefined ? anchor : anchors.day };
}

export function resolveCandidate(c: DateCandidate, ctx: ResolveContext): Resolved {
  if (c.range) return resolveRange(c, ctx);
  if (c.vague) return { value: null, kind: 'vague', implied: [] };
  if (c.duration) return { value: c.duration, kind: 'duration', implied: [], ...(c.mod ? { mod: c.mod } : {}) };
  if (c.offset) return resolveOffset(c, ctx);
  if (c.fixed) return resolveFixed(c);
  if (c.century !== undefined) return resolveCentury(c);
  if (c.decade !== undefined) return resolveDecade(c, ctx);
  return resolveCalendar(c, ctx);
}

function resolveRange(c: DateCandidate, ctx: ResolveContext): Resolved {
  const from = resolveCandidate(c.range!.from, ctx);
  const to = resolveCandidate(c.range!.to, { ...ctx, anchors: withAnchor(ctx.anchors, from.anchor) });
  const value = from.value !== null && to.value !== null ? `${from.value}/${to.value}` : null;
  const out: Resolved = { value, kind: 'range', implied: [...new Set([...from.implied, ...to.implied])] };
  if (from.start && to.end) {
    out.start = from.start;
    out.end = to.end;
  }
  const anchor = to.anchor ?? from.anchor;
  if (anchor) out.anchor = anchor;
  return out;
}

function resolveOffset(c: DateCandidate, ctx: ResolveContext): Resolved {
  const { ref } = ctx;
  const approx = c.mod ? { mod: c.mod } : {};
  if (c.vague) return { value: null, kind: 'vague', implied: [], ...approx };
  if (!ref) return { value: null, kind: 'point', implied: [], ...approx };
  const { unit, n } = c.offset!;
  if (unit === 'D' || unit === 'W') {
    const d = addDays(ref, unit === 'D' ? n : 7 * n);
    return { value: isoDay(d), kind: 'point', start: d, end: d, implied: ['year', 'month', 'day'], anchor: { year: d.year, month: d.month, day: d.day }, ...approx };
  }
  if (unit === 'M') {
    const ym = addMonths(ref.year, ref.month, n);
    return { value: `${pad(ym.year, 4)}-${pad(ym.month)}`, kind: 'point', start: first(ym.year, ym.month), end: last(ym.year, ym.month), implied: ['year', 'month'], anchor: ym, ...approx };
  }
  const year = ref.year + n;
  if (year < 1 || year > 9999) return { value: null, kind: 'point', implied: [], ...approx };
  return { value: pad(year, 4), kind: 'point', start: first(year, 1), end: last(year, 12), implied: ['year'], anchor: { year }, ...approx };
}

function resolveFixed(c: DateCandidate): Resolved {
  const f = c.fixed!;
  const out: Resolved = { value: f.value, kind: f.value?.includes('/') ? 'range' : 'point', implied: [], ...(c.mod ? { mod: c.mod } : {}) };
  if (f.startYear !== undefined && f.endYear !== undefined) {
    out.start = first(f.startYear, 1);
    out.end = last(f.endYear, 12);
  }
  return out;
}

function resolveCentury(c: DateCandidate): Resolved {
  const n = c.century!;
  const mod = c.mod ? { mod: c.mod } : c.half ? { mod: (c.half === 1 ? 'START' : 'END') as DateMod } : {};
  if (c.bc) return { value: `BC${pad(n - 1)}XX`, kind: 'point', implied: [], ...mod };
  return { value: `${pad(n - 1)}XX`, kind: 'point', start: first((n - 1) * 100 + 1, 1), end: last(n * 100, 12), implied: [], ...mod };
}

function resolveDecade(c: DateCandidate, ctx: ResolveContext): Resolved {
  let decade = c.decade!;
  const implied: DatePart[] = [];
  if (c.shortYear) {
    decade = expandShortYear(decade, ctx.ref);
    implied.push('year');
  }
  const mod = c.mod ? { mod: c.mod } : c.half ? { mod: (c.half === 1 ? 'START' : 'END') as DateMod } : {};
  // Before the common era: the TIMEX value only (no calendar days, as for other BC dates).
  if (c.bc) return { value: `BC${pad(Math.floor(decade / 10), 3)}X`, kind: 'point', implied, ...mod };
  return { value: `${pad(Math.floor(decade / 10), 3)}X`, kind: 'point', start: first(decade, 1), end: last(decade + 9, 12), implied, ...mod };
}

/** The base of a relative word: the reference date, or for 同年/翌日 the last date mentioned. */
function baseOf(c: DateCandidate, ctx: ResolveContext): { date: CalendarDate; precise: boolean } | undefined {
  const unit = c.rel?.unit;
  const anchor = unit === 'day' || unit === 'week' ? ctx.anchors.day : unit === 'month' ? ctx.anchors.month ?? ctx.anchors.day : ctx.anchors.year;
  if (c.rel?.anaphoric && anchor) {
    const a = anchor;
    return { date: { year: a.year, month: a.month ?? ctx.ref?.month ?? 1, day: a.day ?? 1 }, precise: a.month !== undefined };
  }
  return ctx.ref ? { date: ctx.ref, precise: true } : undefined;
}

function resolveCalendar(c: DateCandidate, ctx: ResolveContext): Resolved {
  const { ref } = ctx;
  const implied: DatePart[] = [];
  let year = c.year;
  let month = c.month;
  let day = c.day;
  let weekDate: CalendarDate | undefined;
  const modOut = c.mod ? { mod: c.mod } : {};

  // Without a base, 本25日 and 今月25日 still state their day (XXXX-XX-25); other relative words have no value.
  const base = c.rel ? baseOf(c, ctx) : undefined;
  if (c.rel && !base && !(c.rel.unit === 'month' && day !== undefined)) return { value: null, kind: 'point', implied: [], ...modOut };
  if (c.rel && base) {
    const { unit, offset } = c.rel;
    implied.push(PART_OF_UNIT[unit]!);
    if (unit === 'year') {
      year = base.date.year + offset;
    } else if (unit === 'fiscal') {
      // An anchor that is a year (令和5年度, 2023年) is the fiscal year in question; a dated one (or the reference date) lies in one.
      const fy = !base.precise ? base.date.year : base.date.month >= 4 ? base.date.year : base.date.year - 1;
      year = fy + offset;
    } else if (unit === 'month') {
      const ym = addMonths(base.date.year, base.date.month, offset);
      year = ym.year;
      month = ym.month;
      implied.push('year');
    } else if (unit === 'week') {
      weekDate = addDays(base.date, 7 * offset);
      implied.push('year');
    } else {
      const d = addDays(base.date, offset);
      year = d.year;
      month = d.month;
      day = d.day;
      implied.push('year', 'month');
    }
  }

  // 翌12日, 翌9月, 翌1791年: the missing parts come from the last date mentioned, and the date follows it.
  const nextAnchor = day !== undefined ? ctx.anchors.day ?? ctx.anchors.month : month !== undefined ? ctx.anchors.month ?? ctx.anchors.year : ctx.anchors.year;
  if (c.anchored && nextAnchor) {
    const a = nextAnchor;
    if (year === undefined && month !== undefined) {
      year = a.year + (a.month !== undefined && month < a.month ? 1 : 0);
      implied.push('year');
    } else if (year === undefined && day !== undefined) {
      const ym = a.month !== undefined && a.day !== undefined && day < a.day ? addMonths(a.year, a.month, 1) : { year: a.year, month: a.month ?? ref?.month ?? 1 };
      year = ym.year;
      month = ym.month;
      implied.push('year', 'month');
    }
  }

  if (c.shortYear && year !== undefined && year < 100) {
    year = expandShortYear(year, ref);
    implied.push('year');
  }

  // Weeks: 先週 → 2025-W44; 来週の月曜日 → that day; 週末 → 2025-W44-WE.
  if (weekDate) {
    const w = isoWeek(weekDate);
    const monday = addDays(weekDate, 1 - isoWeekday(weekDate));
    if (c.weekday !== undefined) {
      const d = addDays(monday, c.weekday - 1);
      return { value: isoDay(d), kind: 'point', start: d, end: d, implied, anchor: { year: d.year, month: d.month, day: d.day }, ...modOut };
    }
    const weekValue = `${pad(w.year, 4)}-W${pad(w.week)}`;
    if (c.weekend) {
      const sat = addDays(monday, 5);
      return { value: `${weekValue}-WE`, kind: 'point', start: sat, end: addDays(sat, 1), implied, ...modOut };
    }
    return { value: weekValue, kind: 'point', start: monday, end: addDays(monday, 6), implied, ...modOut };
  }

  // A weekday alone: the nearest such day to the reference date (within three days), else XXXX-WXX-N.
  if (year === undefined && month === undefined && day === undefined && c.weekday !== undefined && c.quarter === undefined) {
    if (!ref) return { value: `XXXX-WXX-${c.weekday}`, kind: 'point', implied: [], ...modOut };
    let delta = c.weekday - isoWeekday(ref);
    if (delta > 3) delta -= 7;
    if (delta < -3) delta += 7;
    const d = addDays(ref, delta);
    return { value: isoDay(d), kind: 'point', start: d, end: d, implied: ['year', 'month', 'day'], anchor: { year: d.year, month: d.month, day: d.day }, ...modOut };
  }

  // A month in a sentence that stated its year (2022年には、2月に…): that year, the next one for January–March of a fiscal year.
  const stated = c.yearFrom && month !== undefined && year === undefined ? ctx.yearsStated?.get(c.yearFrom) : undefined;
  if (stated !== undefined) {
    year = stated + (c.yearFrom!.fiscal && month! < 4 ? 1 : 0);
    implied.push('year');
  }

  // Partial dates take the nearest sensible year/month from the reference date; without one they stay partial.
  if (year === undefined && ref) {
    const options = { notAfter: c.past === true };
    if (month !== undefined) {
      year = nearestYear(ref, month, day, options);
      implied.push('year');
    } else if (day !== undefined) {
      const ym = nearestMonth(ref, day, options);
      year = ym.year;
      month = ym.month;
      implied.push('year', 'month');
    } else {
      year = ref.year;
      implied.push('year');
    }
  }

  const Y = year === undefined ? 'XXXX' : c.bc ? `BC${pad(year, 4)}` : pad(year, 4);
  const known = year !== undefined && !c.bc;
  // Built by stores, not spreads of small objects (each a copy through the generic path).
  let anchor: Anchor | undefined;
  if (known) {
    anchor = { year: year! };
    if (month !== undefined) anchor.month = month;
    if (day !== undefined) anchor.day = day;
  }
  const done = (value: string, start?: CalendarDate, end?: CalendarDate, kind: DateKind = 'point', mod: DateMod | undefined = c.mod): Resolved => {
    const out: Resolved = { value, kind, implied: implied.length < 2 ? implied : [...new Set(implied)] };
    if (mod) out.mod = mod;
    if (known && start && end) {
      out.start = start;
      out.end = end;
    }
    if (anchor) out.anchor = anchor;
    return out;
  };

  // Fiscal periods named by months: 3月期 (the fiscal year closing in March), 4-6月期.
  if (c.monthTo !== undefined && month !== undefined) {
    const endYear = c.monthTo < month && year !== undefined ? year + 1 : year;
    const EY = endYear === undefined ? 'XXXX' : pad(endYear, 4);
    return done(`${Y}-${pad(month)}/${EY}-${pad(c.monthTo)}`, known ? first(year!, month) : undefined, known ? last(endYear!, c.monthTo) : undefined, 'range');
  }
  if (c.fiscalClose && month !== undefined && day === undefined) {
    if (!known) return done(month === 3 ? 'FYXXXX' : `XXXX-${pad(month)}`);
    const start = addMonths(year!, month, -11);
    const fy = month === 3 ? `FY${pad(year! - 1, 4)}` : undefined;
    if (fy && (c.half !== undefined || c.quarter !== undefined)) {
      const size = c.half !== undefined ? 6 : 3;
      const index = (c.half ?? c.quarter)! - 1;
      const s = addMonths(start.year, start.month, size * index);
      const e = addMonths(s.year, s.month, size - 1);
      return done(`${fy}-${c.half !== undefined ? 'H' : 'Q'}${index + 1}`, first(s.year, s.month), last(e.year, e.month));
    }
    const value = month === 3 ? `FY${pad(year! - 1, 4)}` : `${pad(start.year, 4)}-${pad(start.month)}/${Y}-${pad(month)}`;
    return done(value, first(start.year, start.month), last(year!, month), month === 3 ? 'point' : 'range');
  }

  if (c.fiscal && month === undefined) {
    const FY = `FY${Y}`;
    if (c.quarter !== undefined) {
      const sm = addMonths(year ?? 2000, 4, 3 * (c.quarter - 1));
      const em = addMonths(sm.year, sm.month, 2);
      return done(`${FY}-Q${c.quarter}`, first(sm.year, sm.month), last(em.year, em.month));
    }
    if (c.half !== undefined) {
      const sm = addMonths(year ?? 2000, 4, 6 * (c.half - 1));
      const em = addMonths(sm.year, sm.month, 5);
      return done(`${FY}-H${c.half}`, first(sm.year, sm.month), last(em.year, em.month));
    }
    return done(FY, known ? first(year!, 4) : undefined, known ? last(year! + 1, 3) : undefined);
  }

  if (month === undefined && day === undefined) {
    if (c.quarter !== undefined) {
      const sm = 3 * (c.quarter - 1) + 1;
      return done(`${Y}-Q${c.quarter}`, first(year ?? 0, sm), last(year ?? 0, sm + 2));
    }
    if (c.half !== undefined) {
      const sm = c.half === 1 ? 1 : 7;
      return done(`${Y}-H${c.half}`, first(year ?? 0, sm), last(year ?? 0, sm + 5));
    }
    if (c.season !== undefined) {
      const s = SEASONS[c.season]!;
      const endYear = (year ?? 0) + (s.months[1] < s.months[0] ? 1 : 0);
      return done(`${Y}-${s.code}`, first(year ?? 0, s.months[0]), last(endYear, s.months[1]));
    }
    return done(Y, first(year ?? 0, 1), last(year ?? 0, 12));
  }

  const M = month === undefined ? 'XX' : pad(month);
  if (day === undefined) {
    // A month, possibly narrowed: 上旬 (days 1–10), 前半 (days 1–15).
    let mod = c.mod;
    let days = c.days;
    if (c.half !== undefined) {
      mod = c.half === 1 ? 'START' : 'END';
      days = c.half === 1 ? [1, 15] : [16, 31];
    }
    const y = year ?? 0;
    const m = month!;
    const start = days ? { year: y, month: m, day: days[0] } : first(y, m);
    const end = days ? { year: y, month: m, day: Math.min(days[1], daysInMonth(y, m)) } : last(y, m);
    return done(`${Y}-${M}`, start, end, 'point', mod);
  }
  const D = pad(day);
  if (month !== undefined && year !== undefined && day > daysInMonth(year, month)) return done(`${Y}-${M}-${D}`);
  const d = { year: year ?? 0, month: month ?? 1, day };
  return done(`${Y}-${M}-${D}`, d, d);
}

