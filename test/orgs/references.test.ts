import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/core/document.js';
import { isInsideWorkTitle, isQuotedTerm } from '../../src/stages/orgs/references.js';
import { orgPaths, orgTexts as orgs } from '../helpers/org-paths.js';

/**
 * Words that read as organisation names in lifestyle and business news but are not (issue #15, "Precision on
 * livedoor"): terms in quotation marks, common words written in katakana, and a kind of group named by its group word.
 * Both paths, the tagger's (the default) and the rules' alone. Sentences written for this test.
 */
const paths = orgPaths();

describe('what is not a name', () => {
  it.each([
    // The tagger took each of these for an organisation before the guards.
    ['若い女性の間では“イケメン”という言葉がよく使われる。', 'a term in quotation marks'],
    ['最近は「コラーゲン」入りの飲料が人気だ。', 'a term in brackets'],
    ['詳しい内容は→コチラ', 'a pronoun written in katakana'],
    ['今年はアイドルグループのデビューが続いた。', 'a kind of group: common words before the group word'],
    ['戦車部隊が国境付近に展開した。', 'a kind of unit'],
  ])('%s (%s)', (text) => {
    for (const [, p] of paths) expect(orgs(p, text)).toEqual([]);
  });
});

describe('names that stay', () => {
  it.each([
    ['東海運輸グループは新会社を設立した。', '東海運輸グループ'],
    ['株式会社ミナトグループは本社を移転した。', '株式会社ミナトグループ'],
  ])('%s → %s', (text, name) => {
    for (const [, p] of paths) expect(orgs(p, text)).toEqual([name]);
  });
});

describe('isQuotedTerm', () => {
  const quoted = (text: string, inner: string) => {
    const start = text.indexOf(inner);
    return isQuotedTerm({ norm: { text }, tokens: [] } as unknown as ArticleDocument, { start, end: start + inner.length });
  };
  it('takes the whole of what a pair of quotes or brackets holds as a term', () => {
    expect(quoted('“スマイル”が口癖だ。', 'スマイル')).toBe(true);
    expect(quoted('【ハピネス】のお知らせ', 'ハピネス')).toBe(true);
    expect(quoted('『ムーンライト』を観た。', 'ムーンライト')).toBe(true);
  });
  it('not a part of what they hold, nor a span outside them', () => {
    expect(quoted('「スマイルの会」に入った。', 'スマイル')).toBe(false);
    expect(quoted('スマイルが口癖だ。', 'スマイル')).toBe(false);
    expect(quoted('「スマイル』が口癖だ。', 'スマイル')).toBe(false);
  });
  it('not a name ending with an organisation word, nor one the words around the quotes call an organisation', () => {
    expect(quoted('「ミナミヨットクラブ」の会員が集まった。', 'ミナミヨットクラブ')).toBe(false);
    expect(quoted('主催団体“ハートフルリンク”から脱会した。', 'ハートフルリンク')).toBe(false);
    expect(quoted('「グリーンウェーブ」という団体が活動している。', 'グリーンウェーブ')).toBe(false);
    expect(quoted('“スマイルリンク”という謎の組織が主催した。', 'スマイルリンク')).toBe(false);
  });
});

describe('isInsideWorkTitle', () => {
  const inside = (text: string, name: string) => {
    const start = text.indexOf(name);
    return isInsideWorkTitle(text, { start, end: start + name.length });
  };
  it('takes a name inside a work title in 『』 as part of the title', () => {
    expect(inside('新刊『北陸銀行と地方の百年』が出た。', '北陸銀行')).toBe(true);
  });
  it('not the whole of what the brackets hold, a headline quoted in them, or a name outside them', () => {
    expect(inside('『北陸新報』の取材に答えた。', '北陸新報')).toBe(false);
    expect(inside('記事『北陸銀行、新店舗を開業！』を読んだ。', '北陸銀行')).toBe(false);
    expect(inside('北陸銀行は『百年史』を出した。', '北陸銀行')).toBe(false);
  });
});
