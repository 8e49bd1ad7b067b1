/**
 * Shared regex fragments for the date patterns (on NFKC-normalized text: ASCII digits, `~` for 〜/～).
 * Kanji numerals are read with `src/text/numerals.ts`; these fragments only find them.
 */
import { ALL_ERAS, MODERN_ERAS } from '../../data/eras.js';
import { japaneseInteger } from '../../text/numerals.js';
import { alternation, escapeCharClass } from '../../core/regex.js';

export const KANJI_NUM = '〇一二三四五六七八九十百千';
/** A year number: 1–4 Arabic digits or a kanji numeral (二〇二五, 千九百九十五). */
export const YEAR_NUM = `(?:\\d{1,4}|[${KANJI_NUM}]{1,7})`;
/** A month number 1–12. */
export const MONTH_NUM = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
/** A day number 1–31. */
export const DAY_NUM = '(?:3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
/** A count: Arabic (with decimals) or kanji; bounded so a long run of digits cannot make matching quadratic. */
export const COUNT_NUM = `(?:\\d{1,9}(?:\\.\\d{1,4})?|[${KANJI_NUM}]{1,9})`;

/** Not preceded by something that makes the number part of a longer number, an ordinal or a vague count. */
export const NUM_BEFORE_CHARS = `0123456789.${KANJI_NUM}第数何幾`;

/**
 * True when the character before `index` is one of `chars`. Patterns check their left context with this in code
 * rather than with a leading lookbehind, which V8 would evaluate at every position of the text (twice as slow).
 */
export function blockedBefore(text: string, index: number, chars: string = NUM_BEFORE_CHARS): boolean {
  return index > 0 && chars.includes(text[index - 1]!);
}

/** A lookahead on the first character, so the regex engine skips positions that cannot start a match. */
export function startsWith(chars: string): string {
  return `(?=[${escapeCharClass(chars)}])`;
}


/** `startsWith` the first characters of `words`. */
export function startsWithWords(words: Iterable<string>, extra = ''): string {
  return startsWith([...new Set([...words].map((w) => w[0]!))].join('') + extra);
}

export const ERA_NAMES = alternation(ALL_ERAS.map((e) => e.name));
export const ERA_LETTERS = MODERN_ERAS.map((e) => e.abbreviation!).join('') + MODERN_ERAS.map((e) => e.abbreviation!.toLowerCase()).join('');
/** What an era year can start with: an era's first character or its letter (R7年). */
export const ERA_START = startsWithWords(ALL_ERAS.map((e) => e.name), ERA_LETTERS);

/** An integer from Arabic or kanji digits; null when the numeral does not read as an integer. */
export function toInt(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return japaneseInteger(text);
}

export const CONNECTOR = /^\s?(?:~|-|から|より)\s?$/;
