import { describe, expect, it } from 'vitest';
import { addDecimals, formatDecimal, japaneseInteger, japaneseNumberText, parseJapaneseNumber, scaleDecimal } from '../../src/text/numerals.js';

describe('japaneseNumberText', () => {
  it.each([
    ['1億3000万', '130000000'],
    ['一億三千万', '130000000'],
    ['四十九兆九千五百九十二億', '49959200000000'],
    ['二〇億', '2000000000'],
    ['14万2000', '142000'],
    ['3千万', '30000000'],
    ['8.5万', '85000'],
    ['1兆2345億6789万1234', '1234567891234'],
    ['9007199254740993', '9007199254740993'],
    ['壱萬', '10000'],
    ['二〇二五', '2025'],
    ['十一', '11'],
    ['0.5', '0.5'],
  ])('%s = %s', (input, expected) => {
    expect(japaneseNumberText(input)).toBe(expected);
  });

  it.each(['', '万', '百千', '億万', 'abc'])('rejects %j', (input) => {
    expect(japaneseNumberText(input)).toBeNull();
  });

  it('reads small integers for dates', () => {
    expect(japaneseInteger('二〇二五')).toBe(2025);
    expect(japaneseInteger('十二')).toBe(12);
    expect(japaneseInteger('8.5')).toBeNull();
  });
});

describe('numeral additions for money', () => {
  it('reads the Chinese-style compound 万億 as 兆 and still rejects other unit orders', () => {
    expect(japaneseNumberText('1万億')).toBe('1000000000000');
    expect(japaneseNumberText('一万億')).toBe('1000000000000');
    expect(japaneseNumberText('2万億3000万')).toBe('2000030000000');
    expect(japaneseNumberText('1億万')).toBeNull();
    expect(japaneseNumberText('1兆1万億')).toBeNull();
  });

  it('adds and scales exactly, without floating point', () => {
    const yen = parseJapaneseNumber('2222')!;
    const sen = scaleDecimal(parseJapaneseNumber('13')!, -2);
    expect(formatDecimal(addDecimals(yen, sen))).toBe('2222.13');
    expect(formatDecimal(scaleDecimal(parseJapaneseNumber('5.25')!, 6))).toBe('5250000');
    expect(formatDecimal(scaleDecimal(parseJapaneseNumber('9007199254740993')!, 0))).toBe('9007199254740993');
    expect(formatDecimal(scaleDecimal(parseJapaneseNumber('0.1')!, -1))).toBe('0.01');
  });
});
