#!/usr/bin/env node
// Baseline: chrono-node's Japanese parser (chrono.ja, casual mode) → DATE spans with TIMEX-style values.
// Usage: node bench/baselines/chrono-ja.mjs GOLD.jsonl > PRED.jsonl
//
// Values (see /work/shared/eval/SCORING.md):
//   stated day+month+year       → YYYY-MM-DD
//   stated month (+year)        → YYYY-MM         stated year only → YYYY
//   year not stated, doc has ref → the year chrono implied from the ref (its nearest-year rule)
//   year not stated, no ref      → XXXX-MM-DD (likewise XX for an unstated month)
//   weekday only                 → the implied date with a ref, else XXXX-WXX-D
//   relative (今日, 昨日…)        → resolved against the ref; value null without a ref (detected by
//                                  parsing twice against two fixed dates: chrono's merge refiners drop tags)
//   range (result.end)           → START/END; the end inherits the start's stated parts
// Results that state no date part at all (午後3時) are times, not DATEs, and are not written.
// `timex` adds THH:MM when the hour was stated; `rule` names chrono's tags.
process.env.TZ = 'Asia/Tokyo'; // before chrono computes any local date
const chrono = await import('chrono-node');
const { runBaseline, refToLocalDate, pad, Counter } = await import('./common.mjs');

// Without a ref, chrono still needs one: two fixed, far-apart dates; a stated part that differs
// between the two parses was computed from the reference, i.e. the expression is relative.
const PROBE_A = new Date(2000, 0, 15, 12), PROBE_B = new Date(2013, 6, 20, 12);

/** TIMEX value of one side of a chrono result, or undefined when no date part was stated. */
function timexOf(c, { hasRef, inherit }) {
  const stated = (k) => c.isCertain(k) || (inherit?.isCertain(k) ?? false);
  const y = c.get('year'), m = c.get('month'), d = c.get('day');
  const Y = stated('year') || hasRef ? pad(y, 4) : 'XXXX';
  const M = stated('month') || hasRef ? pad(m) : 'XX';
  if (stated('day')) return `${Y}-${M}-${pad(d)}`;
  if (stated('month')) return `${Y}-${M}`;
  if (stated('year')) return Y;
  if (c.isCertain('weekday')) return hasRef ? `${Y}-${M}-${pad(d)}` : `XXXX-WXX-${c.get('weekday') || 7}`;
  return undefined;
}

const timeOf = (c) => (c.isCertain('hour') ? `T${pad(c.get('hour'))}:${pad(c.get('minute') ?? 0)}` : '');

await runBaseline({
  name: 'chrono-ja',
  usage: 'usage: node bench/baselines/chrono-ja.mjs GOLD.jsonl > PRED.jsonl',
  setup: () => ({ counts: new Counter() }),
  perDoc(doc, { counts }) {
    const refDate = refToLocalDate(doc.ref);
    const hasRef = refDate !== undefined;
    const spans = [];
    const results = chrono.ja.parse(doc.text, refDate ?? PROBE_A);
    const probe = new Map();
    if (!hasRef) for (const r of chrono.ja.parse(doc.text, PROBE_B)) probe.set(`${r.index}:${r.text}`, r);
    const both = (r, f) => {
      const v = f(r);
      if (hasRef || v === undefined) return v;
      const other = probe.get(`${r.index}:${r.text}`);
      return other && f(other) === v ? v : null;
    };
    for (const r of results) {
      const tags = [...r.tags()];
      const start = both(r, (x) => timexOf(x.start, { hasRef }));
      if (start === undefined) { counts.add('timeOnly'); continue; }
      let value = start, timex = start === null ? null : start + timeOf(r.start);
      if (r.end) {
        const end = both(r, (x) => (x.end ? timexOf(x.end, { hasRef, inherit: x.start }) : null));
        if (end !== undefined && start !== null && end !== null) {
          value = `${start}/${end}`;
          timex = `${timex}/${end}${timeOf(r.end)}`;
          counts.add('ranges');
        }
      }
      const s = r.index, e = r.index + r.text.length;
      if (doc.text.slice(s, e) !== r.text) throw new Error(`${doc.id}: chrono span ${s}-${e} does not match ${JSON.stringify(r.text)}`);
      if (value === null) counts.add('unresolvedRelative');
      spans.push({ start: s, end: e, type: 'DATE', text: r.text, value, timex, rule: `chrono.ja${tags.length ? ':' + tags.join(',') : ''}` });
    }
    return spans;
  },
  summary: ({ counts }) => `not written (time only)=${counts.get('timeOnly')}, ranges=${counts.get('ranges')}, relative without ref (value null)=${counts.get('unresolvedRelative')}`,
});
