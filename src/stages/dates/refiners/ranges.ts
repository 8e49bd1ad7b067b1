/**
 * Joins `A <connector> B` into one range record (1995年~2025年, 2025年11月2日から3日, 昭和20年から21年, 今日から明日):
 * B takes from A the parts it does not state (the year and month of `3日` in `11月2日から3日`).
 */
import { findEra, eraYear } from '../../../data/eras.js';
import { CONNECTOR } from '../fragments.js';
import { type DateCandidate, type DateRefiner, unionOf } from '../types.js';
import { isCalendar, topLevel } from './levels.js';

function expandShort(base: number, n: number): number {
  let y = base - (base % 100) + n;
  if (y < base) y += 100;
  return y;
}

/** B completed from A. */
export function inherit(a: DateCandidate, b: DateCandidate): DateCandidate {
  const to: DateCandidate = { ...b, stated: new Set(b.stated) };
  if (b.bareYear && a.year !== undefined && !a.bareYear) {
    const era = a.era ? findEra(a.era) : undefined;
    to.year = era ? eraYear(era, b.year!) : expandShort(a.year, b.year!);
    to.bareYear = false;
    if (era) to.era = era.name;
    if (a.fiscal) to.fiscal = true;
    return to;
  }
  const top = topLevel(b);
  if (top > 1 && b.year === undefined && !b.rel) {
    if (a.year !== undefined) {
      to.year = a.year;
      if (a.shortYear) to.shortYear = true;
      if (a.era) to.era = a.era;
    } else if (a.rel && (a.rel.unit === 'year' || a.rel.unit === 'fiscal' || (a.rel.unit === 'month' && top > 2))) {
      to.rel = a.rel;
    }
    if (top > 2 && b.month === undefined && a.month !== undefined) to.month = a.month;
  }
  return to;
}

/** After a bare `N年`, words that make it a length of time (2010年から2年が経過, 3年間, 5年ぶり), not a range's end. */
const LENGTH_AFTER = /^(?:間|が経|が過ぎ|経|後|以上|以内|未満|ぶり|振り|越し|目|近く|余り|ほど|程|前|来|連続|連覇|連勝|連敗)/;

export const joinRanges: DateRefiner = (candidates, ctx) => {
  const out: DateCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1];
    if (b && !a.range && !b.range && isCalendar(a) && isCalendar(b) && !a.periodWord && !b.periodWord && !(a.bareYear && !b.bareYear && b.year !== undefined) && !(a.bareYear && b.bareYear)) {
      const gap = ctx.text.slice(a.end, b.start);
      // After a Western year, a one-digit bare year is a count (2004年から3年連続), never 2003 or 2103; eras keep theirs (平成元年から3年).
      const length = b.bareYear === true && (LENGTH_AFTER.test(ctx.text.slice(b.end, b.end + 3)) || (!a.era && !b.shortYear && a.year !== undefined && a.year >= 1000 && b.year! < 10));
      if (gap.length <= 4 && CONNECTOR.test(gap) && !(gap.trim() === '-' && (a.bareYear || b.bareYear)) && !length) {
        const to = inherit(a, b);
        out.push({ start: a.start, end: b.end, ...(b.spanEnd !== undefined ? { spanEnd: b.spanEnd } : {}), rule: 'ja.date.range', stated: unionOf(a.stated, b.stated), range: { from: a, to } });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
};
