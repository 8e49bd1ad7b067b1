/**
 * Dates in a list share what the first one states: in `5月3日・10日号`, `3日と10日`, `2025年3月、4月` the later
 * items leave out the month or year because the first gave it. Without this, `10日` took the month nearest the
 * reference date (April, for an article of late April) instead of the list's May.
 */
import type { DateCandidate, DateRefiner } from '../types.js';
import { inherit } from './ranges.js';
import { isCalendar, topLevel } from './levels.js';

/** What joins two items of a list of dates (after NFKC: `、` stays, `，` becomes `,`). */
const LIST_SEPARATOR = /^\s?(?:・|、|,|と|や|及び|および|または|又は|か)\s?$/;

/** A later item that leaves its year (and month) to the one before it, and a first item that can lend them. */
function lends(a: DateCandidate, b: DateCandidate): boolean {
  if (!isCalendar(a) || !isCalendar(b) || a.range || b.range || b.rel || a.periodWord || b.periodWord) return false;
  if (b.year !== undefined || b.fiscal || b.fiscalClose || b.weekday !== undefined && b.day === undefined) return false;
  const top = topLevel(b);
  // The first item must state what the later one lacks: a month for a bare day, a year for a month.
  if (top === 4) return a.month !== undefined && a.day !== undefined;
  if (top === 2) return topLevel(a) <= 1 && a.month !== undefined && a.day === undefined;
  return false;
}

export const shareLists: DateRefiner = (candidates, ctx) => {
  const out: DateCandidate[] = [];
  for (const c of candidates) {
    const prev = out[out.length - 1];
    if (prev && c.start - prev.end <= 4 && LIST_SEPARATOR.test(ctx.text.slice(prev.end, c.start)) && lends(prev, c)) {
      out.push({ ...inherit(prev, c), listed: true });
      continue;
    }
    out.push(c);
  }
  return out;
};

/**
 * A magazine's issue label (`7月号`, `5月3日・10日号`): the dates before 号, and the items of a list ending in one,
 * are the issue's cover date. They stay DATEs (rule ja.date.issue.*) but take no tense: the verb after a label is
 * the citing one (…号で報じた), and a weekly is dated ahead of its sale.
 */
export const markIssueLabels: DateRefiner = (candidates, ctx) => {
  const out = candidates.slice();
  for (let i = 0; i < out.length; i++) {
    if (ctx.text[out[i]!.end] !== '号' || !isCalendar(out[i]!) || out[i]!.range) continue;
    for (let k = i; k >= 0; k--) {
      out[k] = { ...out[k]!, issue: true };
      if (!out[k]!.listed) break;
    }
  }
  return out;
};
