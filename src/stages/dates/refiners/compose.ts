/**
 * Joins adjacent candidates into one date: 2025年 + 11月 + 2日 + (月); 今年 + の + 9月; 来週 + の + 月曜日;
 * 2026年 + 末; 11月 + 上旬; 2025年 + の + 第1四半期; 11月 + 2~3日 (a range gets the month on both ends);
 * 明日 + 9月9日 (apposition: the explicit date wins).
 */
import { type DateCandidate, type DateRefiner, unionOf } from '../types.js';
import { bottomLevel, topLevel } from './levels.js';

const UNIT_LEVEL: Record<string, number> = { year: 1, fiscal: 1, month: 2, week: 3, day: 4 };

function merged(a: DateCandidate, b: DateCandidate, fields: Partial<DateCandidate>): DateCandidate {
  return { ...a, ...fields, start: a.start, end: b.end, stated: unionOf(a.stated, b.stated), rule: a.rule };
}

/** Fields of `b` that a composition copies onto `a`. */
function calendarFields(b: DateCandidate): Partial<DateCandidate> {
  const out: Partial<DateCandidate> = {};
  for (const key of ['month', 'day', 'weekday', 'quarter', 'season', 'half', 'mod', 'days', 'monthTo', 'fiscalClose'] as const) {
    if (b[key] !== undefined) (out as Record<string, unknown>)[key] = b[key];
  }
  return out;
}

function composeSuffix(a: DateCandidate, b: DateCandidate, gap: string): DateCandidate | null {
  if (gap !== '' && gap !== 'の') return null;
  if (a.mod || a.half || a.season || a.quarter || a.days || a.range || a.weekday !== undefined) return null;
  const bottom = bottomLevel(a);
  if (a.fixed) return b.mod && !b.days ? merged(a, b, { mod: b.mod }) : null;
  if (b.days && bottom !== 2) return null;
  if (b.season && (bottom !== 1 || a.fiscal)) return null;
  if (b.half && bottom > 2) return null;
  if (b.mod && bottom > 3) return null;
  if (b.periodWord && UNIT_LEVEL[b.rel!.unit] !== bottom) return null;
  if (bottom < 0) return null;
  const fields: Partial<DateCandidate> = {};
  if (b.mod) fields.mod = b.mod;
  if (b.half) fields.half = b.half;
  if (b.days) fields.days = b.days;
  if (b.season) fields.season = b.season;
  if (a.bareYear) {
    // 20年春, 90年後半: a two-digit year, not a count of years.
    fields.bareYear = false;
    fields.shortYear = true;
  }
  const out = merged(a, b, fields);
  if (b.periodWord) out.stated.delete(b.rel!.unit === 'month' ? 'month' : 'year');
  if (b.half) out.stated.add('half');
  if (b.season) out.stated.add('season');
  return out;
}

function composeRange(a: DateCandidate, b: DateCandidate, gap: string): DateCandidate | null {
  if (gap !== '' && gap !== 'の') return null;
  const bottom = bottomLevel(a);
  const from = b.range!.from;
  const to = b.range!.to;
  if (a.range || a.rel?.anaphoric === undefined && a.rel && bottom !== 1 && bottom !== 2) return null;
  if (!(bottom === 1 && topLevel(from) === 2) && !(bottom === 2 && topLevel(from) === 4)) return null;
  if (from.year !== undefined || to.year !== undefined) return null;
  const prefix = (c: DateCandidate): DateCandidate => ({ ...a, ...calendarFields(c), start: c.start, end: c.end, rule: c.rule, stated: unionOf(a.stated, c.stated), ...(a.bareYear ? { bareYear: false, shortYear: true } : {}) });
  const out: DateCandidate = { ...b, start: a.start, stated: unionOf(a.stated, b.stated) };
  out.range = { from: prefix(from), to: prefix(to) };
  out.range.from.start = a.start;
  return out;
}

export function compose(a: DateCandidate, b: DateCandidate, gap: string): DateCandidate | null {
  // 3年の夏, 3年3組: a one-digit bare year is a count or a school year, never an abbreviated year.
  if (a.bareYear && !a.shortYear && a.year! < 10) return null;
  if (a.nextPrefix) {
    if (gap !== '' || b.rel || b.suffixOnly || b.duration || b.offset || b.vague || b.range || topLevel(b) < 1) return null;
    return { ...b, start: a.start, anchored: true, rule: 'ja.date.anaphoric.next', stated: new Set(b.stated) };
  }
  if (a.dayPrefix) {
    // 本25日, 同17日: the prefix names the month of a bare day written right after it.
    if (gap !== '' || b.rel || b.suffixOnly || b.duration || b.offset || b.vague || b.range || b.month !== undefined || topLevel(b) !== 4) return null;
    return { ...b, start: a.start, rel: a.rel!, rule: a.rule, stated: new Set(b.stated) };
  }
  if (a.duration || a.offset || a.vague || a.suffixOnly || b.dayPrefix) return null;
  if (b.suffixOnly || b.periodWord) return composeSuffix(a, b, gap);
  if (b.duration || b.offset || b.vague || b.fixed) return null;
  if (b.range) return composeRange(a, b, gap);
  if (a.range) return null;
  const ta = bottomLevel(a);
  const tb = topLevel(b);
  if (b.weekday !== undefined && tb === 5) {
    if (!['', ' ', '、', 'の'].includes(gap) || a.weekday !== undefined) return null;
    if (ta !== 4 && ta !== 3) return null;
    // The candidate keeps the weekday (the value may read it); the gold sets leave a bracketed one outside the span.
    return merged(a, b, b.bracketed ? { weekday: b.weekday, spanEnd: a.spanEnd ?? a.end } : { weekday: b.weekday });
  }
  if (b.rel) return null;
  // Apposition: 明日9月9日, 今年2020年5月, きょう17日 — the explicit date says it all.
  if (a.rel && !a.rel.anaphoric && (gap === '' || gap === ' ') && !a.mod && !a.season && tb >= 0 && tb <= UNIT_LEVEL[a.rel.unit]!) {
    return { ...b, start: a.start, stated: new Set(b.stated), rule: b.rule };
  }
  if (!['', 'の', '/', ' '].includes(gap)) return null;
  if (b.year !== undefined) return null;
  const ok = (ta === 1 && tb === 2) || (ta === 2 && tb === 4) || (ta === 1 && tb === 1.5);
  if (!ok) return null;
  if (a.fixed) return null;
  if (gap === '/' && !(ta === 1 && tb === 2) && !(ta === 2 && tb === 4)) return null;
  const fields = calendarFields(b);
  if (a.bareYear) {
    fields.bareYear = false;
    fields.shortYear = true;
  }
  return merged(a, b, fields);
}

export const composeAdjacent: DateRefiner = (candidates, ctx) => {
  const out: DateCandidate[] = [];
  let current: DateCandidate | undefined;
  for (const next of candidates) {
    if (current) {
      const gap = next.start - current.end <= 2 ? ctx.text.slice(current.end, next.start) : null;
      const joined = gap === null ? null : compose(current, next, gap);
      if (joined) {
        current = joined;
        continue;
      }
      out.push(current);
    }
    current = next;
  }
  if (current) out.push(current);
  return out;
};
