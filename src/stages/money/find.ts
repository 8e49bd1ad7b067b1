import { CURRENCIES, type CurrencySpec, MINOR_UNITS } from '../../data/currencies.js';
import { MONEY_QUALIFIERS_AFTER, MONEY_QUALIFIERS_BEFORE, type MoneyQualifier } from '../../data/money-qualifiers.js';
import { ENGLISH_SCALE_ABBREVIATIONS, ENGLISH_SCALE_WORDS, KANJI_DIGITS, LARGE_UNITS, SMALL_UNITS, VAGUE_NUMERAL_PREFIXES } from '../../data/numerals.js';
import { parseJapaneseNumber } from '../../text/numerals.js';
import { alternation, ByteTable, escapeCharClass, escapeRegExp } from '../../core/regex.js';

/**
 * Step 1 of the money stage: find candidate spans in one sentence of the NORMALIZED text.
 * A candidate says what was written (numeral text, currency word, qualifier words, range, minor unit);
 * `resolve.ts` turns it into a value. Nothing here computes an amount.
 *
 * Forms found:
 * - numeral + currency word: `1億3000万ドル`, `四十九兆九千五百九十二億円`, `5百万USD`, `5 million USD`, `2222円13銭`
 * - currency symbol or code + numeral: `$100`, `US$5 million`, `USD 5 million`, `¥1000`, `€50`
 * - ranges sharing the currency: `3億～4億円`, `3億から4億円`, `3～4億円`, `2、3万円`
 * - vague magnitudes: `数百万円`, `十数億ドル`
 * - a minor unit alone: `15銭`, `50セント`
 */

export interface NumeralText {
  /** The numeral as written (normalized, no spaces): `1億3000万`, `8.5`, `数百万`. */
  text: string;
  /** An English scale word after it (`million`), lower-cased. */
  scaleWord?: string;
}

export type CandidateForm = 'suffix' | 'prefix' | 'range' | 'minor';

export interface MoneyCandidate {
  /** Normalized offsets of the money expression proper (amount + currency; qualifiers excluded). */
  start: number;
  end: number;
  form: CandidateForm;
  amount: NumeralText;
  /** Upper bound of a range (`4億` in `3～4億円`). */
  max?: NumeralText;
  /** The currency word or symbol as written (`ドル`, `US$`, `円`, `銭` for a minor unit alone). */
  currency: string;
  /** Where the currency was written. */
  currencySide: 'after' | 'before' | 'minor';
  /** A minor unit after the main one (`13銭` in `2222円13銭`). */
  minor?: { text: string; unit: string };
  /** Qualifier words next to the span (`約`, `超`), not part of it. */
  qualifierBefore?: MoneyQualifier;
  qualifierAfter?: MoneyQualifier;
  /** Normalized offsets covering the qualifiers too. */
  outerStart: number;
  outerEnd: number;
  /** The sentence text before the span (for the ドル / ペソ context rules) and the whole sentence (for ¥). */
  before: string;
  sentence: string;
}

// ------------------------------------------------------------------ patterns built from the data

/** ASCII letters match either case (`us$`, `Million`), without making the whole pattern case-insensitive. */
const caseless = (s: string) => escapeRegExp(s).replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const caselessAlternation = (words: Iterable<string>) => alternation(words, caseless);

interface WordInfo {
  spec: CurrencySpec;
}
const AFTER_WORDS = new Map<string, WordInfo>();
const BEFORE_WORDS = new Map<string, WordInfo>();
for (const spec of CURRENCIES) {
  for (const w of spec.after ?? []) if (!AFTER_WORDS.has(w)) AFTER_WORDS.set(w, { spec });
  for (const w of spec.before ?? []) if (!BEFORE_WORDS.has(w)) BEFORE_WORDS.set(w, { spec });
}
const lookupWord = (map: Map<string, WordInfo>, written: string): WordInfo | undefined => {
  const direct = map.get(written);
  if (direct) return direct;
  const lower = written.toLowerCase();
  for (const [w, info] of map) if (w.toLowerCase() === lower) return info;
  return undefined;
};
/** Currency names that may also stand before the amount (人民元八千元), by their last character. */
const NAMES_BY_LAST_CHAR = new Map<string, { word: string; code: string }[]>();
for (const [word, { spec }] of AFTER_WORDS) {
  if (word.length < 2 || spec.context || /^[A-Za-z]/.test(word)) continue;
  const last = word[word.length - 1]!;
  NAMES_BY_LAST_CHAR.set(last, [...(NAMES_BY_LAST_CHAR.get(last) ?? []), { word, code: spec.code }].sort((a, b) => b.word.length - a.word.length));
}

export function currencySpecOf(written: string, side: 'after' | 'before'): CurrencySpec | undefined {
  return lookupWord(side === 'after' ? AFTER_WORDS : BEFORE_WORDS, written)?.spec;
}

const KANJI = `${Object.keys(KANJI_DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(LARGE_UNITS).join('')}`;
const UNIT_CHARS = `${Object.keys(SMALL_UNITS).join('')}${Object.keys(LARGE_UNITS).join('')}`;
const VAGUE = VAGUE_NUMERAL_PREFIXES.join('');
/** A numeral: runs of Arabic digits (with decimals) and kanji numeral characters; 数/何/幾 before a unit (数百万). */
const NUM = `(?:[0-9]+(?:\\.[0-9]+)?|[${KANJI}]|[${VAGUE}](?=[${UNIT_CHARS}]))+`;
const SCALE = `(?:${caselessAlternation(Object.keys(ENGLISH_SCALE_WORDS))})(?![A-Za-z])`;
const AFTER = caselessAlternation(AFTER_WORDS.keys());
/** Symbols and codes before the amount match as written (RS422 is not rupees), plus lower case for `$` forms (us$). */
const BEFORE = [...new Set([...BEFORE_WORDS.keys()].flatMap((w) => (w.includes('$') ? [w, w.toLowerCase()] : [w])))]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const RANGE_CONNECTOR = '(?:~|-|から|ないし|、)';

/** numeral (+ scale word) [range] + currency word. */
const SUFFIX_PATTERN = new RegExp(
  `(?<![0-9.万萬億兆])(?<num>${NUM})(?: ?(?<scale>${SCALE}))?` +
    `(?: ?(?<conn>${RANGE_CONNECTOR}) ?(?<num2>${NUM})(?: ?(?<scale2>${SCALE}))?)?` +
    ` ?(?<cur>${AFTER})`,
  'dg',
);
/** currency symbol or code + numeral (+ 万/億 or scale word). */
const ATTACHED_SCALE = `(?:${Object.keys(ENGLISH_SCALE_ABBREVIATIONS).join('|')})(?![A-Za-z])`;
const PREFIX_PATTERN = new RegExp(
  `(?<![A-Za-z])(?<cur>${BEFORE}) ?(?<num>${NUM})(?: ?(?<unit>[万億兆]))?(?: ?(?<scale>${SCALE})|(?<abbr>${ATTACHED_SCALE}))?`,
  'g',
);
const MINOR_NAMES = caselessAlternation(Object.keys(MINOR_UNITS));
const MINOR_ALONE_NAMES = caselessAlternation(Object.entries(MINOR_UNITS).filter(([, u]) => u.alone).map(([w]) => w));
/** A minor unit after the main one: `13銭`, `と5セント`, `三角`. */
const MINOR_AFTER = new RegExp(`^と?(?<num>[0-9]+|[${Object.keys(KANJI_DIGITS).join('')}十]+)(?<unit>${MINOR_NAMES})`);
const MINOR_ALONE_PATTERN = new RegExp(`(?<![0-9.万萬億兆])(?<num>[0-9]+(?:\\.[0-9]+)?|[${KANJI}]+)(?<unit>${MINOR_ALONE_NAMES})`, 'g');
/** A first character of a minor unit written alone, either case: without one MINOR_ALONE_PATTERN (a leading lookbehind, entered at every position) has no match. */
const MINOR_ALONE_START = new RegExp(`[${escapeCharClass([...new Set(Object.entries(MINOR_UNITS).filter(([, u]) => u.alone).flatMap(([w]) => [w[0]!.toLowerCase(), w[0]!.toUpperCase()]))].join(''))}]`);

/**
 * Cheap pre-check, one table look-up per character: every form has a numeral character right before
 * the first character of a currency word, scale word or minor unit (`億円`, `5 million`, `13銭`), or the
 * last character of a symbol or code right before a numeral (`$5`, `USD 5`). Most sentences fail it.
 */
const NUMERAL_CHAR = 1;
const STARTS_WORD = 2;
const ENDS_SYMBOL = 4;
const CHAR_FLAGS = (() => {
  const flags = new Uint8Array(0x10000);
  const mark = (c: string, flag: number) => {
    for (const v of [c.toLowerCase(), c.toUpperCase()]) flags[v.charCodeAt(0)]! |= flag;
  };
  for (const c of `0123456789${KANJI}${VAGUE}`) mark(c, NUMERAL_CHAR);
  for (const w of [...AFTER_WORDS.keys(), ...Object.keys(ENGLISH_SCALE_WORDS), ...Object.keys(MINOR_UNITS)]) mark(w[0]!, STARTS_WORD);
  for (const w of BEFORE_WORDS.keys()) mark(w[w.length - 1]!, ENDS_SYMBOL);
  // Two levels (ByteTable): read for every character of every sentence, a flat 64 KB table misses the cache after the tokenizer.
  return new ByteTable(flags);
})();

/** Which patterns are worth running on a sentence: bit 1 numeral-first forms, bit 2 symbol-first forms; 0 = none. */
export function moneyTriggers(sentence: string): number {
  const n = sentence.length;
  let found = 0;
  for (let i = 0; i < n - 1; i++) {
    const f = CHAR_FLAGS.of(sentence.charCodeAt(i));
    if (f === 0) continue;
    let next = sentence.charCodeAt(i + 1);
    if (next === 0x20 && i + 2 < n) next = sentence.charCodeAt(i + 2);
    const g = CHAR_FLAGS.of(next);
    if (f & NUMERAL_CHAR && g & STARTS_WORD) found |= 1;
    if (f & ENDS_SYMBOL && g & NUMERAL_CHAR) found |= 2;
    if (found === 3) break;
  }
  return found;
}

const QUALIFIERS_BEFORE = [...MONEY_QUALIFIERS_BEFORE].sort((a, b) => b.text.length - a.text.length);
const QUALIFIERS_AFTER = [...MONEY_QUALIFIERS_AFTER].sort((a, b) => b.text.length - a.text.length);

const KANJI_DIGIT_CHARS = new Set(Object.keys(KANJI_DIGITS));
const ARABIC_KANJI_ADJACENT = new RegExp(`[0-9][${Object.keys(KANJI_DIGITS).join('')}]|[${Object.keys(KANJI_DIGITS).join('')}][0-9]`);
const IDEOGRAPH = /\p{Script=Han}/u;

/** Holds a vague numeral's character (数百万): one class test, not an array of them and a search for each per numeral. */
const VAGUE_CHAR = new RegExp(`[${escapeCharClass(VAGUE)}]`);

/** A numeral we can read (or a vague one): 一100 (統一100…) or 百千 are not. */
function isNumeral(text: string): boolean {
  if (ARABIC_KANJI_ADJACENT.test(text)) return false;
  if (VAGUE_CHAR.test(text)) return true;
  return parseJapaneseNumber(text) !== null;
}

/** 関東一円, 三元中継: a lone kanji digit glued to a preceding kanji word, before 円 or 元, is not an amount. */
function isGluedKanjiDigit(sentence: string, at: number, num: string, currency: string): boolean {
  return (currency === '円' || currency === '元') && num.length === 1 && KANJI_DIGIT_CHARS.has(num) && at > 0 && IDEOGRAPH.test(sentence[at - 1]!);
}

/** 1/28ポンド: the denominator of a fraction (a weight, not money). */
function isInsideOtherNumber(sentence: string, at: number): boolean {
  return at > 1 && sentence[at - 1] === '/' && /[0-9]/.test(sentence[at - 2]!);
}



function notFollowedBy(spec: CurrencySpec, sentence: string, end: number): boolean {
  return end >= sentence.length || !spec.notFollowedBy?.test(sentence.slice(end, end + 4));
}

function qualifierBefore(sentence: string, at: number): MoneyQualifier | undefined {
  const head = sentence.slice(Math.max(0, at - 6), at);
  return QUALIFIERS_BEFORE.find((q) => head.endsWith(q.text));
}

const QUALIFIER_NOT_FOLLOWED_BY = new Map(MONEY_QUALIFIERS_AFTER.filter((q) => q.notFollowedBy).map((q) => [q, new RegExp(`^[${q.notFollowedBy}]`)]));
function qualifierAfter(sentence: string, at: number): MoneyQualifier | undefined {
  const tail = sentence.slice(at, at + 8);
  return QUALIFIERS_AFTER.find((q) => tail.startsWith(q.text) && !QUALIFIER_NOT_FOLLOWED_BY.get(q)?.test(tail.slice(q.text.length)));
}

interface LocalSpan {
  start: number;
  end: number;
}

/** Finds the money candidates of one sentence. `offset` is the sentence's start in the normalized text. */
export function findMoney(sentence: string, offset = 0): MoneyCandidate[] {
  const triggers = moneyTriggers(sentence);
  if (triggers === 0) return [];
  const found: MoneyCandidate[] = [];
  const make = (span: LocalSpan, fields: Omit<MoneyCandidate, 'start' | 'end' | 'outerStart' | 'outerEnd' | 'before' | 'sentence'>): void => {
    const qb = qualifierBefore(sentence, span.start);
    const qa = qualifierAfter(sentence, span.end);
    found.push({
      start: offset + span.start,
      end: offset + span.end,
      ...fields,
      ...(qb ? { qualifierBefore: qb } : {}),
      ...(qa ? { qualifierAfter: qa } : {}),
      outerStart: offset + span.start - (qb?.text.length ?? 0),
      outerEnd: offset + span.end + (qa?.text.length ?? 0),
      before: sentence.slice(0, span.start),
      sentence,
    });
  };

  // numeral + currency word (with ranges and minor units)
  SUFFIX_PATTERN.lastIndex = triggers & 1 ? 0 : sentence.length;
  for (let m = SUFFIX_PATTERN.exec(sentence); m; m = SUFFIX_PATTERN.exec(sentence)) {
    const g = m.groups!;
    const spec = currencySpecOf(g.cur!, 'after')!;
    let start = m.index;
    let end = m.index + m[0].length;
    const amount: NumeralText = { text: g.num!, ...(g.scale ? { scaleWord: g.scale.toLowerCase() } : {}) };
    const max: NumeralText | undefined = g.num2 ? { text: g.num2, ...(g.scale2 ? { scaleWord: g.scale2.toLowerCase() } : {}) } : undefined;
    // 2、3万円 is a range only for neighbouring digits; otherwise look again from the number after the comma.
    if (max && g.conn === '、' && !areNeighbours(amount.text, max.text)) {
      SUFFIX_PATTERN.lastIndex = m.indices!.groups!.num2![0];
      continue;
    }
    const reject = () => {
      SUFFIX_PATTERN.lastIndex = m!.index + 1;
    };
    const minorMatch = MINOR_AFTER.exec(sentence.slice(end));
    const hasMinor = minorMatch !== null && spec.minor?.includes(minorMatch.groups!.unit!) === true;
    const loneKanjiDigit = amount.text.length === 1 && KANJI_DIGIT_CHARS.has(amount.text);
    if (
      !isNumeral(amount.text) ||
      (max && !isNumeral(max.text)) ||
      !notFollowedBy(spec, sentence, end) ||
      spec.notInSentence?.test(sentence) ||
      (spec.loneKanjiDigitNeedsMinor && loneKanjiDigit && !max && !hasMinor) ||
      isGluedKanjiDigit(sentence, start, amount.text, g.cur!) ||
      isInsideOtherNumber(sentence, start)
    ) {
      reject();
      continue;
    }
    // A word needs a break after it in its own script (5 USDT, 3フランス, 1ドルショップ are not currencies);
    // 元 and other ambiguous words take no space before them (3 元).
    const spaced = sentence[end - g.cur!.length - 1] === ' ';
    if (runsOn(g.cur!, sentence[end]) || (spaced && (spec.tight || spec.notFollowedBySpaced?.test(sentence.slice(end, end + 4))))) {
      reject();
      continue;
    }
    // The currency named before the amount too: 人民元五十元.
    const named = NAMES_BY_LAST_CHAR.get(sentence[start - 1] ?? '')?.find((w) => sentence.startsWith(w.word, start - w.word.length) && w.code === spec.code);
    if (named) start -= named.word.length;
    let minor: MoneyCandidate['minor'];
    if (hasMinor) {
      minor = { text: minorMatch.groups!.num!, unit: minorMatch.groups!.unit! };
      end += minorMatch[0].length;
    }
    make({ start, end }, { form: max ? 'range' : 'suffix', amount, ...(max ? { max } : {}), currency: g.cur!, currencySide: 'after', ...(minor ? { minor } : {}) });
    SUFFIX_PATTERN.lastIndex = end;
  }

  // currency symbol or code + numeral
  PREFIX_PATTERN.lastIndex = triggers & 2 ? 0 : sentence.length;
  for (let m = PREFIX_PATTERN.exec(sentence); m; m = PREFIX_PATTERN.exec(sentence)) {
    const g = m.groups!;
    const text = g.num! + (g.unit ?? '');
    const spec = currencySpecOf(g.cur!, 'before')!;
    const end = m.index + m[0].length;
    // Letters codes need a break after them (`USD 5`, `USD5`), and the numeral must read.
    if (!isNumeral(text) || (/[A-Za-z]$/.test(g.cur!) && /[A-Za-z]/.test(sentence[m.index + g.cur!.length] ?? ''))) {
      PREFIX_PATTERN.lastIndex = m.index + 1;
      continue;
    }
    let minor: MoneyCandidate['minor'];
    const minorMatch = MINOR_AFTER.exec(sentence.slice(end));
    if (minorMatch && spec.minor?.includes(minorMatch.groups!.unit!)) minor = { text: minorMatch.groups!.num!, unit: minorMatch.groups!.unit! };
    make({ start: m.index, end: end + (minorMatch && minor ? minorMatch[0].length : 0) }, { form: 'prefix', amount: { text, ...(g.scale || g.abbr ? { scaleWord: (g.scale ?? g.abbr)!.toLowerCase() } : {}) }, currency: g.cur!, currencySide: 'before', ...(minor ? { minor } : {}) });
  }

  // a minor unit alone (15銭), where no larger candidate covers it
  MINOR_ALONE_PATTERN.lastIndex = triggers & 1 && MINOR_ALONE_START.test(sentence) ? 0 : sentence.length;
  for (let m = MINOR_ALONE_PATTERN.exec(sentence); m; m = MINOR_ALONE_PATTERN.exec(sentence)) {
    const start = offset + m.index;
    const end = start + m[0].length;
    if (found.some((c) => c.start < end && start < c.end)) continue;
    if (!isNumeral(m.groups!.num!) || isGluedKanjiDigit(sentence, m.index, m.groups!.num!, m.groups!.unit!) || isInsideOtherNumber(sentence, m.index)) continue;
    make({ start: m.index, end: m.index + m[0].length }, { form: 'minor', amount: { text: m.groups!.num! }, currency: m.groups!.unit!, currencySide: 'minor' });
  }
  return found;
}

const KATAKANA = /[\u30A1-\u30FA\u30FC]/;
const LATIN = /[A-Za-z]/;
/** Does the word continue into a longer word of the same script (USDT, フランス)? */
function runsOn(word: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const last = word[word.length - 1]!;
  return (LATIN.test(last) && LATIN.test(next)) || (KATAKANA.test(last) && KATAKANA.test(next));
}

/** 2、3 / 二、三: the comma range of neighbouring digits. */
function areNeighbours(a: string, b: string): boolean {
  const da = a.length === 1 ? (KANJI_DIGITS[a] ?? (/[0-9]/.test(a) ? Number(a) : undefined)) : undefined;
  const lead = b[0] ?? '';
  const db = KANJI_DIGITS[lead] ?? (/[0-9]/.test(lead) ? Number(lead) : undefined);
  const restIsUnits = [...b.slice(1)].every((c) => UNIT_CHARS.includes(c));
  return da !== undefined && db !== undefined && db === da + 1 && restIsUnits;
}
