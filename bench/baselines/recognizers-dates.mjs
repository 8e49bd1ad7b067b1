#!/usr/bin/env node
// Baseline: Microsoft Recognizers-Text `recognizeDateTime(text, culture, {}, ref)` → DATE spans.
// Usage: node bench/baselines/recognizers-dates.mjs [--culture ja-jp|zh-cn] GOLD.jsonl > PRED.jsonl
//
// Caveat measured on @microsoft/recognizers-text-suite 1.3.1: the JavaScript package has **no
// Japanese DateTime model**. With Culture.Japanese (the default here) recognizeDateTime silently
// falls back to English (it finds bare years such as "2016" and little else); with fallback off it
// throws "Could not find Model … ja-jp,DateTimeModel". `--culture zh-cn` runs the Chinese model,
// which reads much of 年月日 notation shared with Japanese; both are reported by bench/compare.mjs.
//
// Kept as DATE: typeName date, daterange, duration, datetime, datetimerange (they state a date or a
// period; SCORING.md counts durations as DATE values); time, timerange and set are not written.
// value = the distinct TIMEX strings of resolution.values (a list when there are several, as in the gold conversion
// of recognizers-text-ja); Recognizers TIMEX keeps the year unknown (XXXX-10-02) even with a ref.
process.env.TZ = 'Asia/Tokyo'; // before the recognizer computes any local date
const { default: Recognizers } = await import('@microsoft/recognizers-text-suite');
const { runBaseline, refToLocalDate, Counter } = await import('./common.mjs');
const { toSpan, offsetSummary } = await import('./recognizers.mjs');

const { recognizeDateTime, Culture } = Recognizers;
const KEEP = new Set(['date', 'daterange', 'duration', 'datetime', 'datetimerange']);
const CULTURES = { 'ja-jp': Culture.Japanese, ja: Culture.Japanese, 'zh-cn': Culture.Chinese, zh: Culture.Chinese };

await runBaseline({
  name: 'recognizers-dates',
  usage: 'usage: node bench/baselines/recognizers-dates.mjs [--culture ja-jp|zh-cn] GOLD.jsonl > PRED.jsonl',
  flags: { culture: 'string' },
  setup: (opts) => {
    const culture = CULTURES[(opts.culture ?? 'ja-jp').toLowerCase()];
    if (!culture) throw new Error(`unknown --culture ${opts.culture} (ja-jp or zh-cn)`);
    return { culture, counts: new Counter(), skipped: new Counter() };
  },
  perDoc(doc, { culture, counts, skipped }) {
    const spans = [];
    const ref = refToLocalDate(doc.ref);
    // Without a ref the recognizer uses "now"; a fixed date keeps the output reproducible.
    for (const r of recognizeDateTime(doc.text, culture, undefined, ref ?? new Date(2000, 0, 15, 12))) {
      const kind = r.typeName.replace(/^datetimeV2\./, '');
      if (!KEEP.has(kind)) { skipped.add(kind); continue; }
      const span = toSpan(doc.text, r, counts);
      if (!span) continue;
      const timexes = [...new Set((r.resolution?.values ?? []).map((v) => v.timex).filter((t) => t !== undefined))];
      const value = timexes.length === 0 ? null : timexes.length === 1 ? timexes[0] : timexes;
      spans.push({ ...span, type: 'DATE', value, label: r.typeName, rule: `recognizers.${r.typeName}` });
    }
    return spans;
  },
  summary: ({ counts, skipped }, opts) =>
    `culture=${opts.culture ?? 'ja-jp'}; ${offsetSummary(counts)}; not written: ${skipped.toString() || 'none'}`,
});
