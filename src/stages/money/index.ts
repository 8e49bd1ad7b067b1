import type { ArticleDocument } from '../../core/document.js';
import { SENTENCES } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import type { MoneyRecord } from '../../schema/records.js';
import { findMoney, type MoneyCandidate } from './find.js';
import { type ResolvedMoney, resolveMoney } from './resolve.js';

/**
 * The Japanese money stage: find candidate spans per sentence (find.ts), resolve each to an exact
 * value with an ISO 4217 currency (resolve.ts).
 *
 * Span convention: amount + currency only; qualifiers (約, 超, 以上 …) go into `mod`. That is how the
 * shared gold sets mark money (UD Japanese GSD NE: `約[1億円]`, `[7,000万ドル]以上`; strict F1 0.91 this
 * way, 0.71 with the qualifiers inside). The English stage and the fixture gold follow the same switch
 * (find.ts reports both spans, so flipping it is the only change needed in code).
 */
export const MONEY_SPAN_INCLUDES_QUALIFIERS = false;

/**
 * Exchange rates (`1ドル=150円`): both sides are extracted, each as the money amount it is, with the rule
 * `ja.money.rate` so that sums can leave them out. The shared gold data (UD) marks both sides too.
 */
export function extractMoney(doc: ArticleDocument): MoneyRecord[] {
  const text = doc.norm.text;
  const records: MoneyRecord[] = [];
  for (const sentence of doc.sentences) {
    const candidates = findMoney(text.slice(sentence.start, sentence.end), sentence.start);
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a.start - b.start);
    const resolved = candidates.map((c) => ({ candidate: c, money: resolveMoney(c) }));
    const rates = exchangeRateSides(text, resolved);
    for (const { candidate, money } of resolved) {
      if (!money) continue;
      records.push({
        type: 'MONEY',
        ...(MONEY_SPAN_INCLUDES_QUALIFIERS ? doc.rawSpan(candidate.outerStart, candidate.outerEnd) : doc.rawSpan(candidate.start, candidate.end)),
        rule: rates.has(candidate) ? 'ja.money.rate' : money.rule,
        value: money.value,
      });
    }
  }
  return records;
}

const NO_SIDES: ReadonlySet<MoneyCandidate> = new Set();

/** Amounts in two currencies joined by `=` (1ドル=150円, 1ユーロ＝124円): the two sides of an exchange rate (315円=3090円 is a sum). */
function exchangeRateSides(text: string, resolved: readonly { candidate: MoneyCandidate; money: ResolvedMoney | null }[]): ReadonlySet<MoneyCandidate> {
  if (resolved.length < 2) return NO_SIDES;
  const sides = new Set<MoneyCandidate>();
  for (let i = 0; i + 1 < resolved.length; i++) {
    const a = resolved[i]!;
    const b = resolved[i + 1]!;
    if (!a.money || !b.money || a.money.value.currency === b.money.value.currency) continue;
    if (b.candidate.start >= a.candidate.end && /^ ?[=:] ?$/.test(text.slice(a.candidate.end, b.candidate.start))) {
      sides.add(a.candidate);
      sides.add(b.candidate);
    }
  }
  return sides;
}

export const moneyStage = defineStage({
  name: 'money',
  languages: ['ja'],
  switch: 'money',
  requires: [SENTENCES],
  provides: ['MONEY'],
  create: () => extractMoney,
});
