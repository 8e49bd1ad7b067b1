/** Japanese numeral characters: digits, small multipliers (十百千) and large units (万億兆京). Data only. */

export const KANJI_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '零': 0,
  '一': 1, '壱': 1, '壹': 1,
  '二': 2, '弐': 2, '貳': 2,
  '三': 3, '参': 3, '參': 3,
  '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

export const SMALL_UNITS: Readonly<Record<string, number>> = {
  '十': 10, '拾': 10,
  '百': 100,
  '千': 1000, '阡': 1000, '仟': 1000,
};

/** Powers of ten for the large units. */
export const LARGE_UNITS: Readonly<Record<string, number>> = {
  '万': 4, '萬': 4,
  '億': 8,
  '兆': 12,
  '京': 16,
};

/** Vague counts: 数百万 is "several million", not an amount. */
export const VAGUE_NUMERAL_PREFIXES = ['数', '何', '幾'] as const;

/** English scale words met in Japanese text (`US$5 million`, `5 billion USD`): power of ten. Lower-case keys. */
export const ENGLISH_SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 3,
  million: 6,
  mn: 6,
  mil: 6,
  billion: 9,
  bn: 9,
  trillion: 12,
  tn: 12,
};

/** Scale abbreviations written right after the digits of a symbol amount (`£17m`, `$2bn`, `€40k`). */
export const ENGLISH_SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  k: 3,
  m: 6,
  b: 9,
};
