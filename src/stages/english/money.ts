import { defineStage } from '../../core/stage.js';
import { CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_WORDS, MONEY_MODIFIERS, SCALE_WORDS, SPACED_SCALES, VAGUE_MAGNITUDES } from '../../data/english/currencies.js';
import { NUMBER_WORDS } from '../../data/english/numbers.js';
import type { MoneyMod, MoneyRecord, MoneyValue } from '../../schema/records.js';
import { type ExactDecimal, formatDecimal, parseJapaneseNumber } from '../../text/numerals.js';
import { MONEY_SPAN_INCLUDES_QUALIFIERS } from '../money/index.js';
import { alternation } from '../../core/regex.js';

/**
 * English money: a currency symbol or code before the amount (`$130 million`, `US$1.2bn`, `¥3 trillion`,
 * `USD 5 million`) or a currency word after it (`130 million dollars`), with scale words and an
 * optional qualifier (`about`, `more than`, `up to`). compromise's `.money()` drops the scale word
 * (`$130 million` → `$130`), so amounts are read here, exactly (BigInt decimals, never floats).
 */


const PREFIX = `(${alternation([...Object.keys(CURRENCY_PREFIXES), ...CURRENCY_CODES])})`;
const WORD_NUMBERS = Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w]! >= 1 && Number.isInteger(NUMBER_WORDS[w]!));
const NUMBER = `(\\d+(?:\\.\\d+)?|${alternation(WORD_NUMBERS)})`;
const SPACED = alternation(SPACED_SCALES);
const ATTACHED = alternation(Object.keys(SCALE_WORDS));
/** A scale word apart from the digits (`5 million`, `a $130-million grant`) or attached to them (`€40m`, `1.2bn`). */
const SCALE = `(?:(?:\\s+|-)(${SPACED})|(${ATTACHED}))(?![A-Za-z])`;
const SUFFIX = `(${alternation([...Object.keys(CURRENCY_WORDS), ...CURRENCY_CODES])})`;
const MOD = `(?:\\b(${alternation([...Object.keys(MONEY_MODIFIERS), 'between'])})\\s+)?`;
const RANGE = `(?:\\s*(?:-|to|(?<=between\\s+\\S+(?:\\s+\\S+)?)\\s+and)\\s*(?:${PREFIX}\\s?)?(\\d+(?:\\.\\d+)?)(?:${SCALE})?)?`;

/** `$130 million`, `US$1.2bn`, `USD 5 million`, `$3-4 billion`, `¥3 trillion ($20 billion)` (each its own record). */
const PREFIXED = new RegExp(`${MOD}(?<![A-Za-z0-9])${PREFIX}\\s?${NUMBER}(?:${SCALE})?${RANGE}`, 'gi');
/** `130 million dollars`, `3 trillion yen`, `5 million USD`, `two billion U.S. dollars`. */
const SUFFIXED = new RegExp(`${MOD}\\b${NUMBER}(?:${SCALE})?${RANGE}\\s+${SUFFIX}(?![A-Za-z])`, 'gi');
/** `billions of dollars`, `hundreds of millions of yen`, `several billion dollars`. */
const VAGUE = new RegExp(`${MOD}\\b(${alternation(VAGUE_MAGNITUDES)})\\s+(?:of\\s+)?${SUFFIX}(?![A-Za-z])`, 'gi');

function exact(numberText: string, exponent: number): ExactDecimal | null {
  const word = NUMBER_WORDS[numberText.toLowerCase()];
  const base = word !== undefined ? { units: BigInt(word), scale: 0 } : parseJapaneseNumber(numberText);
  if (!base) return null;
  if (base.scale >= exponent) return { units: base.units, scale: base.scale - exponent };
  return { units: base.units * 10n ** BigInt(exponent - base.scale), scale: 0 };
}

const scaleOf = (spaced: string | undefined, attached: string | undefined): number | undefined => {
  const word = (spaced ?? attached)?.toLowerCase();
  return word === undefined ? undefined : SCALE_WORDS[word];
};

const codeOf = (symbol: string): string | undefined => CURRENCY_PREFIXES[symbol] ?? CURRENCY_PREFIXES[symbol.toUpperCase()] ?? (CURRENCY_CODES.includes(symbol.toUpperCase()) ? symbol.toUpperCase() : undefined);
const wordCurrency = (word: string): string | undefined => CURRENCY_WORDS[word.toLowerCase().replace(/\s+/g, ' ')] ?? (CURRENCY_CODES.includes(word.toUpperCase()) ? word.toUpperCase() : undefined);
const modOf = (word: string | undefined): MoneyMod | undefined => (word ? MONEY_MODIFIERS[word.toLowerCase().replace(/\s+/g, ' ')] : undefined);

/**
 * Where the span starts. A qualifier (`about`, `more than`) is outside it, as in the Japanese stage, unless
 * MONEY_SPAN_INCLUDES_QUALIFIERS says otherwise; `between` is range syntax and belongs to the span only when a
 * range follows (`between $850 million and $900 million`).
 */
function startOf(m: RegExpMatchArray, modWord: string | undefined, second: string | undefined): number {
  if (!modWord) return m.index!;
  const keep = modOf(modWord) ? MONEY_SPAN_INCLUDES_QUALIFIERS : second !== undefined;
  if (keep) return m.index!;
  return m.index! + modWord.length + (/^\s*/.exec(m[0].slice(modWord.length))?.[0].length ?? 0);
}

interface Amounts {
  value: MoneyValue;
}

/** Builds the value from the captured numbers and scales; a scale written only after the second number applies to both (`$3-4 billion`). */
function amounts(currency: string, n1: string, s1: number | undefined, n2: string | undefined, s2: number | undefined, mod: MoneyMod | undefined, symbolOnly: boolean): Amounts | null {
  // Number words need a scale or a currency word after them (`two billion dollars`, not `a $`).
  if (!/^\d/.test(n1) && s1 === undefined && s2 === undefined && symbolOnly) return null;
  const first = exact(n1, s1 ?? (n2 !== undefined ? s2 ?? 0 : 0));
  if (!first) return null;
  const amountText = formatDecimal(first);
  const value: MoneyValue = { amount: Number(amountText), amountText, currency };
  if (n2 !== undefined) {
    const second = exact(n2, s2 ?? s1 ?? 0);
    if (second) {
      const maxText = formatDecimal(second);
      if (Number(maxText) > value.amount!) {
        value.amountMax = Number(maxText);
        value.amountMaxText = maxText;
      }
    }
  }
  if (mod) value.mod = mod;
  return { value };
}

/** Regular expressions over the normalized text: no compromise analysis needed. */
export const englishMoneyStage = defineStage({
  name: 'en.money',
  languages: ['en'],
  switch: 'money',
  requires: [],
  provides: ['MONEY'],
  create: () => (doc) => {
    const text = doc.norm.text;
    const records: MoneyRecord[] = [];
    const push = (start: number, end: number, value: MoneyValue, rule: string) => {
      while (end > start && /[\s,-]/.test(text[end - 1]!)) end--;
      records.push({ type: 'MONEY', ...doc.rawSpan(start, end), rule, value });
    };
    for (const m of text.matchAll(PREFIXED)) {
      const [, modWord, symbol, n1, sp1, at1, symbol2, n2, sp2, at2] = m;
      const currency = codeOf(symbol!);
      if (!currency) continue;
      // Currency codes and letter prefixes are written in capitals (`USD`, `RM`), not `usd`/`rm`.
      if (/^[A-Za-z]/.test(symbol!) && symbol !== symbol!.toUpperCase() && !/^(Rs|Rp)/.test(symbol!)) continue;
      if (symbol2 && codeOf(symbol2) !== currency) continue;
      const found = amounts(currency, n1!, scaleOf(sp1, at1), n2, scaleOf(sp2, at2), modOf(modWord), true);
      if (found) push(startOf(m, modWord, n2), m.index + m[0].length, found.value, modWord ? 'en.money.prefix+mod' : 'en.money.prefix');
    }
    for (const m of text.matchAll(SUFFIXED)) {
      const [, modWord, n1, sp1, at1, symbol2, n2, sp2, at2, word] = m;
      if (symbol2) continue;
      const currency = wordCurrency(word!);
      if (!currency) continue;
      // Codes are written in capitals (`5 million USD`); currency words in any case (`yen`, `Won`).
      if (CURRENCY_WORDS[word!.toLowerCase()] === undefined && word !== word!.toUpperCase()) continue;
      // A word number needs a scale (`two billion dollars`); `one dollar` alone is not news money.
      if (!/^\d/.test(n1!) && scaleOf(sp1, at1) === undefined && scaleOf(sp2, at2) === undefined) continue;
      const found = amounts(currency, n1!, scaleOf(sp1, at1), n2, scaleOf(sp2, at2), modOf(modWord), false);
      if (found) push(startOf(m, modWord, n2), m.index + m[0].length, found.value, modWord ? 'en.money.suffix+mod' : 'en.money.suffix');
    }
    for (const m of text.matchAll(VAGUE)) {
      const [, modWord, , word] = m;
      const currency = wordCurrency(word!);
      if (!currency) continue;
      const value: MoneyValue = { amount: null, amountText: null, currency, vague: true };
      const mod = modOf(modWord);
      if (mod) value.mod = mod;
      push(startOf(m, modWord, undefined), m.index + m[0].length, value, 'en.money.vague');
    }
    return records;
  },
});
