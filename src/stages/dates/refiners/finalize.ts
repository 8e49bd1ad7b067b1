/**
 * Last clean-up before resolution: a bare `3年` (or `100年`, `5000年`) that nothing made into a year is a count of years (P3Y);
 * `04年` and `25年度` are years; suffix words (上旬, 末, 春) that attached to nothing are dropped.
 */
import type { DateCandidate, DateRefiner } from '../types.js';

function finalizeOne(c: DateCandidate): DateCandidate | null {
  if (c.suffixOnly) return null;
  if (c.range) {
    const from = finalizeOne(c.range.from);
    const to = finalizeOne(c.range.to);
    if (!from || !to) return null;
    return { ...c, range: { from, to } };
  }
  if (c.countLikeYear && c.month === undefined && c.day === undefined) {
    return { start: c.start, end: c.end, rule: 'ja.date.duration', duration: `P${c.year}Y`, stated: new Set() };
  }
  if (c.bareYear) {
    if (c.shortYear || c.fiscal || c.month !== undefined) return { ...c, bareYear: false, shortYear: true };
    return { start: c.start, end: c.end, rule: 'ja.date.duration', duration: `P${c.year}Y`, stated: new Set() };
  }
  return c;
}

export const finalize: DateRefiner = (candidates) => candidates.map(finalizeOne).filter((c): c is DateCandidate => c !== null);
