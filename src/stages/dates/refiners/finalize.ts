/**
 * Last clean-up before resolution: a bare `3年` (or `100年`, `5000年`) that nothing made into a year is a count of years (P3Y);
 * `04年` and `25年度` are years; suffix words (上旬, 末, 春) that attached to nothing are dropped.
 */
import { DURATION_QUALIFIERS_AFTER } from '../../../data/date-words.js';
import { alternation } from '../../../core/regex.js';
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

const QUALIFIER_AFTER = new RegExp(`^(?:${alternation(Object.keys(DURATION_QUALIFIERS_AFTER))})`);

/**
 * A qualifier after a length of time goes into its `mod`, outside the span (`5年以内` → `5年` P5Y + UP_TO). After a
 * bare day of the month it makes a count of days (`3日以内に回答` is within three days, not the 3rd), and after a
 * plain year a count of years (`1500年以上の歴史`: no calendar year is "or more").
 */
export const qualifyLengths: DateRefiner = (candidates, ctx) => candidates.map((c) => {
  const end = c.spanEnd ?? c.end;
  const word = QUALIFIER_AFTER.exec(ctx.text.slice(end, end + 2))?.[0];
  if (!word) return c;
  const mod = DURATION_QUALIFIERS_AFTER[word]!;
  if (c.duration) return c.mod ? c : { ...c, mod };
  const bareDay = c.day !== undefined && c.month === undefined && c.year === undefined && !c.rel && !c.anchored && !c.listed && c.weekday === undefined && c.stated.size === 1;
  if (bareDay && c.rule === 'ja.date.partial.day' && mod !== 'APPROX') return { start: c.start, end: c.end, rule: 'ja.date.duration', duration: `P${c.day}D`, mod, stated: new Set() };
  const plainYear = c.rule === 'ja.date.absolute.y' && c.year !== undefined && c.month === undefined && !c.shortYear && !c.fiscal && !c.era && !c.rel && !c.range && !ctx.text.startsWith('西暦', c.start);
  if (plainYear) return { start: c.start, end: c.end, rule: 'ja.date.duration', duration: `P${c.year}Y`, mod, stated: new Set() };
  return c;
});
