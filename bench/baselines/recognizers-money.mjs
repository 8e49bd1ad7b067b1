#!/usr/bin/env node
// Baseline: Microsoft Recognizers-Text `recognizeCurrency(text, Culture.Japanese)` → MONEY spans.
// Usage: node bench/baselines/recognizers-money.mjs GOLD.jsonl > PRED.jsonl
// value = {amount: Number(resolution.value), currency: resolution.isoCurrency (else its unit name),
// amountText: resolution.value as the recognizer wrote it}; amount is null for a bare currency name.
// End-inclusive offsets are converted and checked (see recognizers.mjs); the summary counts drops.
import Recognizers from '@microsoft/recognizers-text-suite';
import { runBaseline, Counter } from './common.mjs';
import { toSpan, offsetSummary } from './recognizers.mjs';

const { recognizeCurrency, Culture } = Recognizers;

await runBaseline({
  name: 'recognizers-money',
  usage: 'usage: node bench/baselines/recognizers-money.mjs GOLD.jsonl > PRED.jsonl',
  setup: () => ({ counts: new Counter() }),
  perDoc(doc, { counts }) {
    const spans = [];
    for (const r of recognizeCurrency(doc.text, Culture.Japanese)) {
      const span = toSpan(doc.text, r, counts);
      if (!span) continue;
      const res = r.resolution ?? {};
      const amountText = res.value ?? null;
      spans.push({
        ...span,
        type: 'MONEY',
        value: { amount: amountText === null ? null : Number(amountText), currency: res.isoCurrency || res.unit || null },
        amountText,
        unit: res.unit,
        rule: `recognizers.${r.typeName}`,
      });
    }
    return spans;
  },
  summary: ({ counts }) => offsetSummary(counts),
});
