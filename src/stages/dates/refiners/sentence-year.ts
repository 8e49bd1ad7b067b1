/**
 * A month without a year takes the year a sentence opened with as its frame (`2022年には、2月に…、3月に…` →
 * 2022-02, 2022-03; `昨年は『…』(6月)`), not the one nearest the reference date. The year may be written (2022年,
 * 令和4年, 同年3月) or relative (昨年, 今年, 同年, 今夏), so it is known only at resolution: the month is marked with
 * the candidate that states the year (`yearFrom`), and toRecords hands over that one's resolved year.
 *
 * Only a year that frames what follows counts (a topic: は, には, では, も, or a comma right after it), and only a
 * month without a day: on 7,367 livedoor articles every year before a month in the sentence gave ~110 changed
 * values, many wrong (`昨年12月に劇場公開され、5月16日にDVDとなって` — a new event, this year's May; `2009年に
 * 記録した同ドラマが、10月5日より`).
 */
import { DATE_FRAME_AFTER } from '../../../data/date-words.js';
import type { DateCandidate, DateRefiner } from '../types.js';

/** Ends the stretch a frame year carries over: 。, ! and ?, a line break (a heading or list item ends there too). */
const SENTENCE_END = /[。!?\n]/;

/** A candidate that states a year (not a period of one: 年末, 上半期) the rest of its sentence can be in. */
export function statesYear(c: DateCandidate): boolean {
  if (c.range || c.duration || c.offset || c.vague || c.fixed || c.bc || c.issue || c.comparison || c.mod || c.half || c.quarter || c.periodWord || c.fiscalClose) return false;
  if (c.rel) return c.rel.unit === 'year' || c.rel.unit === 'fiscal';
  return c.year !== undefined && !c.bareYear && !c.countLikeYear;
}

/** A month (without a day) that leaves its year to the context. */
function needsYear(c: DateCandidate): boolean {
  return c.month !== undefined && c.day === undefined && c.year === undefined && !c.rel && !c.anchored && !c.fiscalClose && !c.issue && !c.range && !c.duration;
}

/** The refiner, with what ends the stretch of text a frame year carries over (SENTENCE_END, or another to measure). */
export const takeYearWithin = (boundary: RegExp): DateRefiner => (candidates, ctx) => {
  let source: DateCandidate | undefined;
  const mark = (c: DateCandidate): DateCandidate => (source && needsYear(c) ? { ...c, yearFrom: source } : c);
  return candidates.map((c) => {
    if (source && boundary.test(ctx.text.slice(source.end, c.start))) source = undefined;
    let out = c;
    if (c.range && source) {
      const from = mark(c.range.from);
      const to = mark(c.range.to);
      if (from !== c.range.from || to !== c.range.to) out = { ...c, range: { from, to } };
    } else {
      out = mark(c);
    }
    const end = c.spanEnd ?? c.end;
    if (statesYear(c) && DATE_FRAME_AFTER.some((w) => ctx.text.startsWith(w, end))) source = c;
    return out;
  });
};

export const takeSentenceYear = takeYearWithin(SENTENCE_END);
