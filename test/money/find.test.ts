import { describe, expect, it } from 'vitest';
import { findMoney, moneyTriggers } from '../../src/stages/money/find.js';

/** find alone: spans and what was written, no values. Offsets are into the (already normalized) sentence. */
const spans = (sentence: string) => findMoney(sentence).map((c) => sentence.slice(c.start, c.end));

describe('findMoney', () => {
  it('finds numeral + currency word and returns what was written', () => {
    const [c] = findMoney('予算は1億3000万ドルだ。');
    expect(c).toMatchObject({ form: 'suffix', amount: { text: '1億3000万' }, currency: 'ドル', currencySide: 'after', before: '予算は' });
  });

  it('offsets are shifted by the sentence offset', () => {
    const [c] = findMoney('予算は100円だ。', 40);
    expect([c!.start, c!.end]).toEqual([43, 47]);
  });

  it('finds symbol + numeral with scale words and units', () => {
    expect(spans('調達額はUS$5 millionで、別に$ 48.2 万、USD 3 billionもある。')).toEqual(['US$5 million', '$ 48.2 万', 'USD 3 billion']);
    expect(findMoney('価格は$ 48.2 万だ。')[0]!.amount).toEqual({ text: '48.2万' });
  });

  it('keeps qualifiers out of the span and reports them', () => {
    const [c] = findMoney('総額約5億ドル超を投じる。');
    expect('総額約5億ドル超を投じる。'.slice(c!.start, c!.end)).toBe('5億ドル');
    expect(c!.qualifierBefore?.text).toBe('約');
    expect(c!.qualifierAfter?.text).toBe('超');
    expect([c!.outerStart, c!.outerEnd]).toEqual([2, 8]);
  });

  it('does not take 強化 or 弱含み as qualifiers', () => {
    expect(findMoney('100億円強化する')[0]!.qualifierAfter).toBeUndefined();
  });

  it('finds ranges as one candidate', () => {
    const [c] = findMoney('3~4億円の見通し'); // normalized text: ～ and 〜 are already ~
    expect(c).toMatchObject({ form: 'range', amount: { text: '3' }, max: { text: '4億' } });
  });

  it('2、3万円 is a range only for neighbouring numbers', () => {
    expect(findMoney('費用は2、3万円だ')[0]).toMatchObject({ form: 'range', amount: { text: '2' }, max: { text: '3万' } });
    expect(spans('東京、5万円')).toEqual(['5万円']);
    expect(spans('2、5万円')).toEqual(['5万円']);
  });

  it('attaches minor units of the same currency only', () => {
    expect(spans('2222円13銭で引けた')).toEqual(['2222円13銭']);
    expect(spans('545ドルと5セント')).toEqual(['545ドルと5セント']);
    expect(spans('100円5セント')).toEqual(['100円', '5セント']);
  });

  it('restarts inside a numeral that does not read (統一100億円 → 100億円)', () => {
    expect(spans('統一100億円')).toEqual(['100億円']);
    expect(spans('6万3800円/6万1800円')).toEqual(['6万3800円', '6万1800円']);
  });

  it('skips idioms and non-money units', () => {
    expect(spans('関東一円で')).toEqual([]);
    expect(spans('一元管理する')).toEqual([]);
    expect(spans('1/28ポンドの鉛球')).toEqual([]);
    expect(spans('アイドル300人')).toEqual([]);
    expect(spans('USDT 500')).toEqual([]);
  });

  it('a numbered heading before 円借款 is not an amount; the loan amount itself is', () => {
    expect(spans('2 円借款の概要')).toEqual([]);
    expect(spans('80億円借款を供与する。')).toEqual(['80億円']);
    expect(spans('価格は100 円高い。')).toEqual(['100 円']);
  });

  it('the trigger says which patterns can match', () => {
    expect(moneyTriggers('今日は晴れ。')).toBe(0);
    expect(moneyTriggers('300件の相談')).toBe(0);
    expect(moneyTriggers('5億円')).toBe(1);
    expect(moneyTriggers('$5')).toBe(2);
  });
});
