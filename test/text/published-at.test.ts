import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../../src/text/date-value.js';
import { findPublishedAt } from '../../src/text/published-at.js';

describe('findPublishedAt', () => {
  it.each([
    ['公開日:2021/11/23', '2021-11-23'],
    ['公開日：2021年11月23日', '2021-11-23'],
    ['公開日：２０２１年１１月２３日（火）', '2021-11-23'],
    ['【配信日】2021年11月23日 10:05', '2021-11-23T10:05:00'],
    ['配信日時 2021/11/23 10時5分', '2021-11-23T10:05:00'],
    ['掲載日: 2021.11.23', '2021-11-23'],
    ['発行日　2021年1月5日', '2021-01-05'],
    ['■更新日：2021-11-24', '2021-11-24'],
    ['Published: 2021-11-23', '2021-11-23'],
    ['published on November 23, 2021', '2021-11-23'],
    ['Date: Tue, 23 Nov 2021 10:00:00 +0900', '2021-11-23T10:00:00+09:00'],
    ['2011-10-02T10:00:00+0900', '2011-10-02T10:00:00+09:00'],
    ['2021年11月23日 10時30分 配信', '2021-11-23T10:30:00'],
    ['2021年11月23日 10時 配信', '2021-11-23T10:00:00'],
    ['配信日: 2021年11月23日 午後3時5分', '2021-11-23T15:05:00'],
    ['配信日: 2021年11月23日 午前0時', '2021-11-23T00:00:00'],
    // An hour 午後 cannot take: the day only.
    ['配信日: 2021年11月23日 午後15時', '2021-11-23'],
    ['公開日：2021年11月23日 | 更新日：2021年11月24日', '2021-11-23'],
  ])('%s → %s', (line, expected) => {
    expect(findPublishedAt(`新しい防災計画を公表\n${line}\n東京都は二十三日、防災計画を公表した。`)).toBe(expected);
  });

  it('prefers a published label over an updated one, wherever they are', () => {
    expect(findPublishedAt('見出し\n更新日：2021年11月24日\n本文。\n配信日：2021年11月23日')).toBe('2021-11-23');
  });

  it('uses an updated date when nothing else is given', () => {
    expect(findPublishedAt('見出し\n本文。\n最終更新日：2021年11月24日')).toBe('2021-11-24');
  });

  it('a bare date line counts only near the top', () => {
    expect(findPublishedAt('2021-11-23\n見出し\n本文')).toBe('2021-11-23');
    expect(findPublishedAt(['見出し', '一', '二', '三', '四', '五', '2021-11-23'].join('\n'))).toBeUndefined();
  });
});

describe('findPublishedAt: negative cases', () => {
  it.each([
    ['a date inside a sentence', '政府は2021年11月23日に新たな対策を発表した。'],
    ['a label followed by a sentence', '公開日は2021年11月23日とする方針だ。'],
    ['an impossible date', '公開日：2021年2月30日'],
    ['no year', '公開日：11月23日'],
    ['a date after prose on a label line', 'Date of the meeting: 2021-11-23'],
    ['empty text', ''],
  ])('%s', (_name, text) => {
    expect(findPublishedAt(text)).toBeUndefined();
  });
});

describe('parseDateValue (shared by HTML attributes and front matter)', () => {
  it.each([
    ['2021-11-23', '2021-11-23'],
    ['2021-11-23T10:00:00+09:00', '2021-11-23T10:00:00+09:00'],
    ['2021-11-23T01:00:00.000Z', '2021-11-23T01:00:00.000+00:00'],
    ['2021-11-23 10:00 JST', '2021-11-23T10:00:00+09:00'],
    ['20211123', '2021-11-23'],
    ['2021-11-23T25:00', '2021-11-23'],
    ['2021-13-01', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });
});
