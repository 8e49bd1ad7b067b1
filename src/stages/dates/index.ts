/**
 * The Japanese date stage, in the style of chrono: an ordered list of small parsers (one file per form under
 * `patterns/`) finds candidates on the normalized text; an ordered list of refiners removes overlaps, composes
 * adjacent parts (2025年 + 11月 + 2日), joins ranges, drops what is not a date, and `timex.ts` resolves values
 * against the article's reference date. Records are built with `doc.rawSpan`, so offsets point into the raw text.
 *
 * Decisions (see fixtures/specs/dates/*.json for the cases):
 * - A range is one record (`1995年~2025年` → `1995/2025`), though some gold sets split it in two.
 * - `50周年` is a DATE of kind duration (`P50Y`, rule ja.date.anniversary): it is a span of years (the ud gold labels
 *   it), and never the year 0050. A bare `30年` with nothing after it is likewise a count of years (`P30Y`).
 * - A bare four-digit number (`博覧会2024`, `賀正2010`) is not a date: it becomes one only as the end of a range
 *   (`1997~1999`, `2004-05`), with 年, or before a season (`2021夏`).
 * - Relative words (昨年, 先週) and vague ones (近年, 最近) are recorded even where a gold set does not label them;
 *   without a reference date a relative word has value null and a partial date stays partial (`XXXX-11-02`).
 * - A partial date takes the nearest year/month to the reference date, a later one counting double (news reports
 *   the past): a January article's `12月28日` is last December, a December article's `1月10日` next January.
 * - …unless the date's own predicate is in the past tense (`大晦日も休まず出動した`, read in tense.ts): then it is the
 *   nearest one on or before the reference date (last year's 大晦日 for a November article), whatever the weighting.
 * - 同年/同月/同日 (and この日, 翌日, 翌12日, 同17日, 前年度) resolve against the last year/month/day the article mentioned;
 *   the basis of a comparison (前年度比) is not one to resolve later words against.
 * - A month without a year takes the year its sentence is framed by (`2022年には、2月に…`; refiners/sentence-year.ts).
 * - A weekday in brackets after a date (`11月18日(月)`) is read but left outside the span; `本25日` keeps its 本;
 *   qualifiers of a length (`5年以内`, `約10カ月`) are its `mod`, outside the span, as for money.
 * - Dates in a list share what the first states (`5月3日・10日`, `3日と10日`: the later day is in the first's month).
 * - A magazine's issue label (`週刊文春（5月3日・10日号）`, `7月号`) is a DATE — the issue's cover date, as the ud
 *   gold labels it — though it is not the date of what the article reports: its rule is `ja.date.issue.*`, and it
 *   takes no tense (the verb after it is the citing one's, and a weekly is dated ahead of its sale).
 */
import { TOKENS } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { pastTenseAfter } from './tense.js';
import { HISTORICAL_PERIODS, HOLIDAYS, RELATIVE_WORDS, VAGUE_WORDS, WEEKDAYS } from '../../data/date-words.js';
import { ALL_ERAS } from '../../data/eras.js';
import { type CalendarDate, isoDay } from '../../core/calendar.js';
import type { DatePart, DateRecord } from '../../schema/records.js';
import { absoluteParsers } from './patterns/absolute.js';
import { calendarParsers } from './patterns/calendar.js';
import { durationParsers } from './patterns/duration.js';
import { eraParsers } from './patterns/era.js';
import { fiscalParsers } from './patterns/fiscal.js';
import { holidayParsers } from './patterns/holiday.js';
import { periodParsers } from './patterns/period.js';
import { rangeParsers } from './patterns/range.js';
import { relativeParsers } from './patterns/relative.js';
import { weekdayParsers } from './patterns/weekday.js';
import { composeAdjacent } from './refiners/compose.js';
import { finalize, qualifyLengths } from './refiners/finalize.js';
import { removeOverlaps } from './refiners/overlaps.js';
import { joinRanges } from './refiners/ranges.js';
import { markIssueLabels, shareLists } from './refiners/lists.js';
import { statesYear, takeSentenceYear } from './refiners/sentence-year.js';
import { type Anchors, resolveCandidate, withAnchor } from './timex.js';
import type { DateCandidate, DateParser, DateRefiner, ParseContext } from './types.js';
import { escapeCharClass, PatternScan } from '../../core/regex.js';

export const DATE_PARSERS: readonly DateParser[] = [
  ...absoluteParsers,
  ...eraParsers,
  ...rangeParsers,
  ...calendarParsers,
  ...fiscalParsers,
  ...periodParsers,
  ...relativeParsers,
  ...weekdayParsers,
  ...durationParsers,
  ...holidayParsers,
];

export const DATE_REFINERS: readonly DateRefiner[] = [removeOverlaps, composeAdjacent, joinRanges, composeAdjacent, shareLists, markIssueLabels, finalize, qualifyLengths, takeSentenceYear];

/** Characters without which no date expression can start (digits, units, first characters of every listed word): skip the stage when none occur. */
const TRIGGER = (() => {
  const words = [...Object.keys(RELATIVE_WORDS), ...Object.keys(HOLIDAYS), ...VAGUE_WORDS, ...Object.keys(HISTORICAL_PERIODS), ...ALL_ERAS.map((e) => e.name), ...Object.keys(WEEKDAYS)];
  const chars = new Set([...words.map((w) => w[0]!), ...'年月日週度旬期紀代曜春夏秋冬半数第西QMTSHRmtshr(〇一二三四五六七八九十百千']);
  return new RegExp(`[\\d${escapeCharClass([...chars].join(''))}]`);
})();

/** One scan per list of parsers (DATE_PARSERS, or a test's own list), made the first time the list is used. */
const scans = new WeakMap<readonly DateParser[], PatternScan>();

export function parseDates(text: string, ref: CalendarDate | undefined, parsers: readonly DateParser[] = DATE_PARSERS, refiners: readonly DateRefiner[] = DATE_REFINERS): DateCandidate[] {
  if (!TRIGGER.test(text)) return [];
  const ctx: ParseContext = { text, ref };
  let candidates: DateCandidate[] = [];
  let scan = scans.get(parsers);
  if (!scan) scans.set(parsers, (scan = new PatternScan(parsers.map((p) => p.pattern))));
  scan.run(text, (i, m) => {
    const found = parsers[i]!.extract(m, ctx);
    if (Array.isArray(found)) for (const c of found) candidates.push(c);
    else if (found) candidates.push(found);
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const refine of refiners) candidates = refine(candidates, ctx);
  return candidates;
}

const CALENDAR_RULE = /^ja\.date\.(absolute\.(y|ymd|ym)|partial|era\.(y|numeric)|relative\.(year|fiscal|month|week|day)|anaphoric|fiscal\.(year|era)|weekday|period\.(season|quarter))/;

const REL_SHAPE: Readonly<Record<NonNullable<DateCandidate['rel']>['unit'], string>> = { year: 'y', fiscal: 'fy', month: 'm', week: 'w', day: 'd' };

/** The rule name of a composed candidate says its family and the parts it has (ja.date.relative.ym). */
export function ruleOf(c: DateCandidate): string {
  if (c.range) return c.rule.startsWith('ja.date.range') ? c.rule : 'ja.date.range';
  if (!CALENDAR_RULE.test(c.rule)) return c.rule;
  const family = c.issue ? 'issue' : c.listed ? 'list' : c.rel ? (c.rel.anaphoric ? 'anaphoric' : 'relative') : c.anchored ? 'anaphoric' : c.era ? 'era' : c.fiscal || c.fiscalClose ? 'fiscal' : c.year !== undefined ? 'absolute' : 'partial';
  // The parts it has, one letter each, in this order (a string built as it goes: no array and join per record).
  let shape = c.rel ? REL_SHAPE[c.rel.unit] : c.fiscal ? 'fy' : c.year !== undefined ? 'y' : '';
  if (c.month !== undefined && c.rel?.unit !== 'month') shape += 'm';
  if (c.day !== undefined && c.rel?.unit !== 'day') shape += 'd';
  if (c.weekday !== undefined) shape += 'w';
  if (c.quarter !== undefined) shape += 'q';
  if (c.half !== undefined) shape += 'h';
  if (c.season !== undefined) shape += 's';
  return `ja.date.${family}.${shape || 'x'}${c.mod ? '.mod' : ''}`;
}

const PART_ORDER: readonly DatePart[] = ['era', 'year', 'fiscalYear', 'half', 'quarter', 'season', 'month', 'week', 'day', 'weekday'];
const PART_BIT = new Map(PART_ORDER.map((p, i) => [p, 1 << i]));
/** Parts as bits of PART_ORDER (no Set per record). */
const bitsOf = (parts: Iterable<DatePart>) => {
  let bits = 0;
  for (const p of parts) bits |= PART_BIT.get(p) ?? 0;
  return bits;
};
/** The parts of `bits`, in PART_ORDER. */
const partsOf = (bits: number) => {
  const out: DatePart[] = [];
  for (let i = 0; i < PART_ORDER.length; i++) if (bits & (1 << i)) out.push(PART_ORDER[i]!);
  return out;
};

/** Candidates → DATE records (raw offsets via `rawSpan`), resolving in text order so 同年/翌日 see the date before them. */
export function toRecords(
  candidates: readonly DateCandidate[],
  ref: CalendarDate | undefined,
  rawSpan: (s: number, e: number) => { start: number; end: number; text: string },
  pastAt?: (end: number) => boolean,
): DateRecord[] {
  const records: DateRecord[] = [];
  let anchors: Anchors = {};
  const yearsStated = new Map<DateCandidate, number>();
  for (const found of candidates) {
    // Only a date whose year the reference date supplies can change with the tense.
    const partial = ref && pastAt && found.year === undefined && !found.rel && !found.anchored && !found.range && !found.issue && (found.month !== undefined || found.day !== undefined);
    const c = partial && pastAt(found.end) ? { ...found, past: true } : found;
    const r = resolveCandidate(c, { ref, anchors, yearsStated });
    if (!found.comparison) anchors = withAnchor(anchors, r.anchor);
    if (r.anchor && statesYear(found)) yearsStated.set(found, r.anchor.year);
    const stated = bitsOf(c.stated);
    const span = rawSpan(c.spanStart ?? c.start, c.spanEnd ?? c.end);
    const record: DateRecord = {
      type: 'DATE',
      start: span.start,
      end: span.end,
      text: span.text,
      rule: ruleOf(c),
      value: r.value,
      kind: r.kind,
      stated: partsOf(stated),
      implied: partsOf(bitsOf(r.implied) & ~stated),
    };
    if (r.mod) record.mod = r.mod;
    if (r.start && r.end && r.start.year > 0) {
      record.startDate = isoDay(r.start);
      record.endDate = isoDay(r.end);
    }
    records.push(record);
  }
  return records;
}

/** Finds dates on the normalized text alone; the tokens only tell a partial date's tense (see tense.ts). */
export const datesStage = defineStage({
  name: 'dates',
  languages: ['ja'],
  switch: 'dates',
  requires: [TOKENS],
  provides: ['DATE'],
  create: () => (doc) => toRecords(parseDates(doc.norm.text, doc.ref), doc.ref, (s, e) => doc.rawSpan(s, e), (end) => pastTenseAfter(doc.tokens, doc.norm.text, end)),
});
