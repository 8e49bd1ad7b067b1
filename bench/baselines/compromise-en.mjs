#!/usr/bin/env node
// Baseline: plain compromise on English articles — `.organizations()` → ORG, `.money()` → MONEY,
// compromise-dates `.dates({today: ref})` and `.durations()` → DATE, and (compromise has no agreement
// extractor) one `.match()` of a head word with the adjectives/nouns before it → AGREEMENT.
// Usage: node bench/baselines/compromise-en.mjs GOLD.jsonl > PRED.jsonl
// Offsets come from `.json({offset: true})` (UTF-16 indices into the text given); trailing punctuation
// that compromise keeps in a match (`dollars,`) is trimmed off the span.
import nlp from 'compromise';
import dates from 'compromise-dates';
import { runBaseline, Counter } from './common.mjs';

nlp.plugin(dates);

const CURRENCIES = { dollar: 'USD', usd: 'USD', 'jpy/yen': 'JPY', yen: 'JPY', jpy: 'JPY', euro: 'EUR', eur: 'EUR', pound: 'GBP', gbp: 'GBP', won: 'KRW', yuan: 'CNY', rupee: 'INR', peso: 'PHP', dong: 'VND' };
const currencyOf = (c) => (c ? CURRENCIES[String(c).toLowerCase()] ?? CURRENCIES[String(c).toLowerCase().replace(/s$/, '')] ?? String(c).toUpperCase() : null);

const AGREEMENT_KINDS = { memorandum: 'memorandum', agreement: 'agreement', accord: 'agreement', pact: 'agreement', treaty: 'treaty', convention: 'treaty', statement: 'statement', declaration: 'declaration', charter: 'charter', framework: 'framework', partnership: 'partnership' };

/** The span of a compromise match, trimmed of the punctuation and spaces compromise keeps around terms. */
function spanOf(text, offset) {
  let start = offset.start;
  let end = offset.start + offset.length;
  while (end > start && /[\s.,;:!?)"'”’]/.test(text[end - 1])) end--;
  while (start < end && /[\s("'“‘]/.test(text[start])) start++;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

const pad = (n) => String(n).padStart(2, '0');
function timexOf(d) {
  if (!d?.start) return null;
  const s = d.start.slice(0, 10);
  const e = d.end?.slice(0, 10);
  if (d.unit === 'year') return s.slice(0, 4);
  if (d.unit === 'month') return s.slice(0, 7);
  if (d.unit === 'day' || s === e) return s;
  return e ? `${s}/${e}` : s;
}
function durationOf(duration) {
  const parts = Object.entries(duration ?? {}).filter(([, v]) => v);
  if (parts.length !== 1) return null;
  const [unit, n] = parts[0];
  const letter = { years: 'Y', year: 'Y', months: 'M', month: 'M', weeks: 'W', week: 'W', days: 'D', day: 'D' }[unit];
  return letter ? `P${n}${letter}` : null;
}

await runBaseline({
  name: 'compromise-en',
  usage: 'usage: node bench/baselines/compromise-en.mjs GOLD.jsonl > PRED.jsonl',
  setup: () => ({ counts: new Counter() }),
  perDoc(doc, { counts }) {
    const text = doc.text;
    const d = nlp(text);
    const spans = [];
    const push = (offset, type, value, rule) => {
      const span = spanOf(text, offset);
      if (!span) return counts.add('empty');
      spans.push({ ...span, type, value, rule });
      counts.add(type);
    };
    for (const o of d.organizations().json({ offset: true })) push(o.offset, 'ORG', { name: o.text }, 'compromise.organizations');
    for (const m of d.money().json({ offset: true })) {
      const num = m.money?.num ?? null;
      push(m.offset, 'MONEY', { amount: num, currency: currencyOf(m.money?.currency) }, 'compromise.money');
    }
    const today = doc.ref ? String(doc.ref).slice(0, 10) : undefined;
    for (const x of d.dates(today ? { today } : {}).json({ offset: true })) push(x.offset, 'DATE', timexOf(x.dates), 'compromise-dates.dates');
    for (const x of d.durations().json({ offset: true })) push(x.offset, 'DATE', durationOf(x.duration), 'compromise-dates.durations');
    const heads = Object.keys(AGREEMENT_KINDS).join('|');
    // compromise's optional groups skip bare heads, so bare heads are a second match that fills the gaps.
    const named = d.match(`(#Adjective|#Noun|#ProperNoun)? (#Adjective|#Noun|#ProperNoun)? (#Adjective|#Noun|#ProperNoun)? (${heads}) (of understanding)?`).json({ offset: true });
    const bare = d.match(`(${heads}) (of understanding)?`).json({ offset: true });
    const taken = [];
    for (const a of [...named, ...bare]) {
      const s = a.offset.start;
      const e = s + a.offset.length;
      if (taken.some(([ts, te]) => s < te && ts < e)) continue;
      taken.push([s, e]);
      const head = Object.keys(AGREEMENT_KINDS).find((h) => a.text.toLowerCase().includes(h));
      push(a.offset, 'AGREEMENT', { kind: AGREEMENT_KINDS[head] ?? 'other' }, 'compromise.match');
    }
    return spans;
  },
  summary: ({ counts }) => counts.toString(),
});
