import { currencyFromContext, MINOR_UNITS } from '../../data/currencies.js';
import { ENGLISH_SCALE_ABBREVIATIONS, ENGLISH_SCALE_WORDS, LARGE_UNITS, SMALL_UNITS, VAGUE_NUMERAL_PREFIXES } from '../../data/numerals.js';
import type { MoneyMod, MoneyValue } from '../../schema/records.js';
import { addDecimals, type ExactDecimal, formatDecimal, parseJapaneseNumber, scaleDecimal } from '../../text/numerals.js';
import { currencySpecOf, type MoneyCandidate, type NumeralText } from './find.js';

/**
 * Step 2 of the money stage: a candidate span → `{amount, amountText, currency, mod?, amountMax?, vague?}`.
 * Amounts are exact decimals (BigInt-scaled) until the very end: `amountText` is the exact string and
 * `amount = Number(amountText)` is only there for consumers that want a number.
 */

export interface ResolvedMoney {
  value: MoneyValue;
  /** Which rule made it (`ja.money.suffix`, `ja.money.prefix+context` …). */
  rule: string;
}

const isUnit = (c: string) => c in SMALL_UNITS || c in LARGE_UNITS;

/** 3～4億円: the first number takes the unit the second ends with (3億); 3千～4千万 → 3千万; 3～5百万 → 3百万. */
export function shareUnit(first: NumeralText, second: NumeralText): NumeralText {
  if (first.scaleWord === undefined && second.scaleWord !== undefined && !/[万萬億兆京]/.test(first.text)) {
    return { ...first, scaleWord: second.scaleWord };
  }
  if ([...first.text].some((c) => c in LARGE_UNITS)) return first;
  let i = second.text.length;
  while (i > 0 && isUnit(second.text[i - 1]!)) i--;
  let trailing = second.text.slice(i);
  if (!trailing || ![...trailing].some((c) => c in LARGE_UNITS)) return first;
  const last = first.text[first.text.length - 1] ?? '';
  if (last in SMALL_UNITS) trailing = trailing.replace(/^[^万萬億兆京]+/, '');
  return { ...first, text: first.text + trailing };
}

/** The exact value of a numeral with its optional English scale word; null when it does not read. */
export function numeralValue(numeral: NumeralText): ExactDecimal | null {
  const value = parseJapaneseNumber(numeral.text);
  if (value === null) return null;
  if (numeral.scaleWord === undefined) return value;
  const exponent = ENGLISH_SCALE_WORDS[numeral.scaleWord] ?? ENGLISH_SCALE_ABBREVIATIONS[numeral.scaleWord];
  return exponent === undefined ? null : scaleDecimal(value, exponent);
}

const isVague = (text: string) => VAGUE_NUMERAL_PREFIXES.some((v) => text.includes(v));

function compare(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = b.units * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 約…以上: the bound says more than the approximation. */
function modOf(candidate: MoneyCandidate): MoneyMod | undefined {
  const before = candidate.qualifierBefore?.mod;
  const after = candidate.qualifierAfter?.mod;
  if (before && after) return before === 'APPROX' ? after : before;
  return before ?? after;
}

function currencyOf(candidate: MoneyCandidate): { code: string; byContext: boolean } | null {
  if (candidate.currencySide === 'minor') {
    const code = MINOR_UNITS[candidate.currency]?.alone;
    return code ? { code, byContext: false } : null;
  }
  const spec = currencySpecOf(candidate.currency, candidate.currencySide);
  if (!spec) return null;
  if (!spec.context) return { code: spec.code, byContext: false };
  return currencyFromContext(spec.context, spec.code, candidate.before, candidate.sentence);
}

export function resolveMoney(candidate: MoneyCandidate): ResolvedMoney | null {
  const currency = currencyOf(candidate);
  if (!currency) return null;
  const mod = modOf(candidate);
  const rule = `ja.money.${candidate.form}${currency.byContext ? '+context' : ''}`;
  const base = { currency: currency.code, ...(mod ? { mod } : {}) };

  if (isVague(candidate.amount.text) || (candidate.max && isVague(candidate.max.text))) {
    return { value: { amount: null, amountText: null, ...base, vague: true }, rule };
  }

  const first = candidate.max ? shareUnit(candidate.amount, candidate.max) : candidate.amount;
  let value = numeralValue(first);
  if (value === null) return null;
  if (candidate.form === 'minor') {
    value = scaleDecimal(value, -(MINOR_UNITS[candidate.currency]?.exponent ?? 0));
  }
  if (candidate.minor) {
    const minorValue = parseJapaneseNumber(candidate.minor.text);
    const exponent = MINOR_UNITS[candidate.minor.unit]?.exponent;
    if (minorValue !== null && exponent !== undefined) value = addDecimals(value, scaleDecimal(minorValue, -exponent));
  }
  const amountText = formatDecimal(value);
  const money: MoneyValue = { amount: Number(amountText), amountText, ...base };

  if (candidate.max) {
    const max = numeralValue(candidate.max);
    // A "range" whose upper end is not above the lower one is not a range (a typo or a list): keep the first amount.
    if (max !== null && compare(max, value) > 0) {
      const amountMaxText = formatDecimal(max);
      money.amountMax = Number(amountMaxText);
      money.amountMaxText = amountMaxText;
    }
  }
  return { value: money, rule };
}
