import type { MoneyMod } from '../schema/records.js';

/**
 * Words that qualify a money amount: 約5000万円 (APPROX), 1兆円超 (MORE_THAN), 100万円未満 (LESS_THAN) …
 * Data only. They set `mod` on the record; they are NOT part of the record's span, because the gold
 * conventions we measure against (UD Japanese GSD NE, Recognizers-Text) mark only the amount + currency
 * (`約[1億円]`, `[7,000万ドル]以上`, `[36億円]前後`).
 */
export interface MoneyQualifier {
  readonly text: string;
  readonly mod: MoneyMod;
  /** Characters that must not follow the word (強化, 弱含み: not qualifiers). Regex class body. */
  readonly notFollowedBy?: string;
}

/** Written before the amount. Longest match wins. */
export const MONEY_QUALIFIERS_BEFORE: readonly MoneyQualifier[] = [
  { text: '約', mod: 'APPROX' },
  { text: 'およそ', mod: 'APPROX' },
  { text: 'おおよそ', mod: 'APPROX' },
  { text: '概ね', mod: 'APPROX' },
  { text: 'おおむね', mod: 'APPROX' },
  { text: 'ほぼ', mod: 'APPROX' },
  { text: '推定', mod: 'APPROX' },
  { text: '最大', mod: 'UP_TO' },
  { text: '最高', mod: 'UP_TO' },
  { text: '上限', mod: 'UP_TO' },
  { text: '最低', mod: 'AT_LEAST' },
  { text: '少なくとも', mod: 'AT_LEAST' },
  { text: '下限', mod: 'AT_LEAST' },
];

/** Written after the amount (after the currency word). Longest match wins. */
export const MONEY_QUALIFIERS_AFTER: readonly MoneyQualifier[] = [
  { text: '程度', mod: 'APPROX' },
  { text: '前後', mod: 'APPROX' },
  { text: 'ほど', mod: 'APPROX' },
  { text: 'くらい', mod: 'APPROX' },
  { text: 'ぐらい', mod: 'APPROX' },
  { text: '位', mod: 'APPROX', notFollowedBy: '置階' },
  { text: '近く', mod: 'APPROX' },
  { text: '規模', mod: 'APPROX' },
  { text: '超', mod: 'MORE_THAN' },
  { text: '超え', mod: 'MORE_THAN' },
  { text: 'を超える', mod: 'MORE_THAN' },
  { text: 'を超す', mod: 'MORE_THAN' },
  { text: 'を上回る', mod: 'MORE_THAN' },
  { text: 'を突破', mod: 'MORE_THAN' },
  { text: '余り', mod: 'MORE_THAN' },
  { text: 'あまり', mod: 'MORE_THAN' },
  { text: '余', mod: 'MORE_THAN' },
  { text: '強', mod: 'MORE_THAN', notFollowedBy: '化制硬気含調い行' },
  { text: '以上', mod: 'AT_LEAST' },
  { text: '未満', mod: 'LESS_THAN' },
  { text: '弱', mod: 'LESS_THAN', notFollowedBy: '化含気体い点者' },
  { text: '足らず', mod: 'LESS_THAN' },
  { text: 'に満たない', mod: 'LESS_THAN' },
  { text: 'を下回る', mod: 'LESS_THAN' },
  { text: 'を切る', mod: 'LESS_THAN' },
  { text: '以下', mod: 'UP_TO' },
  { text: '以内', mod: 'UP_TO' },
];
