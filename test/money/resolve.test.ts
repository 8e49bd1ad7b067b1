import { describe, expect, it } from 'vitest';
import type { MoneyCandidate } from '../../src/stages/money/find.js';
import { resolveMoney, shareUnit } from '../../src/stages/money/resolve.js';
import { MONEY_QUALIFIERS_AFTER, MONEY_QUALIFIERS_BEFORE } from '../../src/data/money-qualifiers.js';

/** resolve alone: candidates written by hand, no text search involved. */
function candidate(fields: Partial<MoneyCandidate> & Pick<MoneyCandidate, 'amount' | 'currency'>): MoneyCandidate {
  return { start: 0, end: 1, outerStart: 0, outerEnd: 1, form: 'suffix', currencySide: 'after', before: '', sentence: '', ...fields };
}
const q = (text: string) => [...MONEY_QUALIFIERS_BEFORE, ...MONEY_QUALIFIERS_AFTER].find((x) => x.text === text)!;

describe('resolveMoney', () => {
  it.each([
    ['1億3000万', '円', '130000000', 'JPY'],
    ['1兆2345億6789万1234', '円', '1234567891234', 'JPY'],
    ['9007199254740993', '円', '9007199254740993', 'JPY'],
    ['四十九兆九千五百九十二億', '円', '49959200000000', 'JPY'],
    ['8.5万', '元', '85000', 'CNY'],
    ['36.57億', '人民元', '3657000000', 'CNY'],
    ['1.0092', 'スイスフラン', '1.0092', 'CHF'],
    ['184億', '豪ドル', '18400000000', 'AUD'],
    ['5百万', 'USD', '5000000', 'USD'],
  ])('%s%s = %s %s', (amount, currency, amountText, code) => {
    const resolved = resolveMoney(candidate({ amount: { text: amount }, currency }));
    expect(resolved?.value).toEqual({ amount: Number(amountText), amountText, currency: code });
    expect(resolved?.rule).toBe('ja.money.suffix');
  });

  it('keeps digits beyond 2^53 in amountText (amount is only the nearest double)', () => {
    const value = resolveMoney(candidate({ amount: { text: '9007199254740993' }, currency: '円' }))!.value;
    expect(value.amountText).toBe('9007199254740993');
    expect(value.amount).toBe(9007199254740992);
  });

  it('applies English scale words exactly', () => {
    expect(resolveMoney(candidate({ form: 'prefix', currencySide: 'before', amount: { text: '5', scaleWord: 'million' }, currency: 'US$' }))!.value.amountText).toBe('5000000');
    expect(resolveMoney(candidate({ form: 'prefix', currencySide: 'before', amount: { text: '1.25', scaleWord: 'bn' }, currency: 'USD' }))!.value.amountText).toBe('1250000000');
  });

  it('adds minor units exactly', () => {
    expect(resolveMoney(candidate({ amount: { text: '2222' }, currency: '円', minor: { text: '13', unit: '銭' } }))!.value.amountText).toBe('2222.13');
    expect(resolveMoney(candidate({ amount: { text: '五' }, currency: '元', minor: { text: '三', unit: '角' } }))!.value.amountText).toBe('5.3');
    expect(resolveMoney(candidate({ form: 'minor', currencySide: 'minor', amount: { text: '15' }, currency: '銭' }))!.value).toEqual({ amount: 0.15, amountText: '0.15', currency: 'JPY' });
  });

  it('marks vague magnitudes with a null amount', () => {
    expect(resolveMoney(candidate({ amount: { text: '数百万' }, currency: '円' }))!.value).toEqual({ amount: null, amountText: null, currency: 'JPY', vague: true });
  });

  it('reads ranges, the first number taking the shared unit', () => {
    const range = (a: string, b: string) => resolveMoney(candidate({ form: 'range', amount: { text: a }, max: { text: b }, currency: '円' }))!.value;
    expect(range('3', '4億')).toMatchObject({ amountText: '300000000', amountMaxText: '400000000', amountMax: 400000000 });
    expect(range('3億', '4億')).toMatchObject({ amountText: '300000000', amountMaxText: '400000000' });
    expect(range('3千', '4千万')).toMatchObject({ amountText: '30000000', amountMaxText: '40000000' });
    expect(range('3', '5百万')).toMatchObject({ amountText: '3000000', amountMaxText: '5000000' });
    expect(range('1億5000万', '2億')).toMatchObject({ amountText: '150000000', amountMaxText: '200000000' });
    // an upper end below the lower one is not a range
    expect(range('5億', '3億')).not.toHaveProperty('amountMax');
  });

  it('shares English scale words too', () => {
    expect(shareUnit({ text: '3' }, { text: '4', scaleWord: 'million' })).toEqual({ text: '3', scaleWord: 'million' });
  });

  it('sets mod from the qualifiers; a bound wins over an approximation', () => {
    const mod = (before?: string, after?: string) =>
      resolveMoney(candidate({ amount: { text: '1億' }, currency: '円', ...(before ? { qualifierBefore: q(before) } : {}), ...(after ? { qualifierAfter: q(after) } : {}) }))!.value.mod;
    expect(mod('約')).toBe('APPROX');
    expect(mod(undefined, '超')).toBe('MORE_THAN');
    expect(mod(undefined, '以上')).toBe('AT_LEAST');
    expect(mod(undefined, '未満')).toBe('LESS_THAN');
    expect(mod(undefined, '以下')).toBe('UP_TO');
    expect(mod('約', '以上')).toBe('AT_LEAST');
    expect(mod()).toBeUndefined();
  });

  describe('context rules', () => {
    const dollar = (before: string) => resolveMoney(candidate({ amount: { text: '40' }, currency: 'ドル', before, sentence: `${before}40ドル` }))!;
    it('a bare ドル is USD by default', () => {
      expect(dollar('国防総省は').value.currency).toBe('USD');
    });
    it('a nearer dollar-country word changes it, and the rule says so', () => {
      expect(dollar('香港の最低時給は')).toMatchObject({ value: { currency: 'HKD' }, rule: 'ja.money.suffix+context' });
      expect(dollar('オーストラリア政府は').value.currency).toBe('AUD');
    });
    it('the nearest word wins (a US word after the country word)', () => {
      expect(dollar('カナダ企業が米国で').value.currency).toBe('USD');
    });
    it('a country word far back does not count', () => {
      expect(dollar('台湾の半導体大手は、長い交渉の末に新工場の建設費として').value.currency).toBe('USD');
    });
    it('¥ is JPY unless the sentence names the yuan', () => {
      const yen = (sentence: string) => resolveMoney(candidate({ form: 'prefix', currencySide: 'before', amount: { text: '200' }, currency: '¥', sentence }))!.value.currency;
      expect(yen('入場料は¥200だった。')).toBe('JPY');
      expect(yen('人民元で払い、¥200だった。')).toBe('CNY');
      expect(yen('1泊300元の宿で、朝食は¥20だった。')).toBe('CNY');
    });
    it('円 itself never becomes the yuan', () => {
      expect(resolveMoney(candidate({ amount: { text: '100' }, currency: '円', sentence: '300元と100円' }))!.value.currency).toBe('JPY');
    });
  });

  it('returns null for what does not read', () => {
    expect(resolveMoney(candidate({ amount: { text: '百千' }, currency: '円' }))).toBeNull();
    expect(resolveMoney(candidate({ amount: { text: '1' }, currency: 'ゴールド' }))).toBeNull();
  });
});
