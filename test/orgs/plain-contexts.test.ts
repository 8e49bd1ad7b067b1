import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/index.js';
import { orgPaths, orgTexts as orgs } from '../helpers/org-paths.js';

/**
 * Kinds of organisation errors, each as a class (issue #15): names in the plain contexts of business news that were
 * missed, and capitals glued to a word or generic references taken as names. Both paths, the tagger's (the default)
 * and the rules' alone. Sentences written for this test.
 */
const paths = orgPaths();
const eachPath = (check: (p: Pipeline) => void) => () => {
  for (const [, p] of paths) check(p);
};

describe('the subject of the news opener (Xは5日、…)', () => {
  it.each([
    ['大陽日酸は5日、工場を新設すると発表した。', '大陽日酸'],
    ['大陽日酸は12月3日夜、声明を出した。', '大陽日酸'],
    ['ヒューリックは同日、新しい本社の計画を発表した。', 'ヒューリック'],
    ['PKSHA Technologyは5日、新サービスを始めると発表した。', 'PKSHA Technology'],
    ['ケア21は5日、介護施設を開くと発表した。', 'ケア21'],
  ])('%s → %s', (text, name) => eachPath((p) => expect(orgs(p, text)).toEqual([name]))());

  it.each([
    '田中社長は5日、記者会見を開いた。',
    '山田太郎は5日、辞任を表明した。',
    '鈴木氏は5日、辞任を表明した。',
    'ナデラ最高経営責任者は5日、表明した。',
    '円相場は5日、下落した。',
    '原油価格は5日、上昇した。',
    '政府は5日、方針を決めた。',
    '同社は5日、発表した。',
    '米国は5日、制裁を発表した。',
    '東京都は5日、感染者数を発表した。',
  ])('no organisation: %s', (text) => eachPath((p) => expect(orgs(p, text)).toEqual([]))());

  // A duration is no date of news: the opener rule takes nothing here (the tagger may still read a name in it).
  it('no opener subject before a duration (ヒューリックは5日間、…), rules only', () => {
    expect(orgs(paths[1]![1], 'ヒューリックは5日間、営業を休んだ。')).toEqual([]);
  });

  it.each([
    ['東洋炭素は5日、増産すると発表した。', '東洋炭素'],
    ['北辰精器は5日、新工場の建設を発表した。', '北辰精器'],
  ])('common kanji words that announce: %s → %s', (text, name) => eachPath((p) => expect(orgs(p, text)).toEqual([name]))());

  it.each(['研究班は5日、調査結果を公表した。', '調査会社は5日、調査結果を発表した。', '政府与党は5日、方針を発表した。', '米中両国は5日、共同声明を発表した。', '国内新車販売は5日、前年を上回ったと発表された。'])(
    'no organisation, though announcing: %s',
    (text) => eachPath((p) => expect(orgs(p, text)).toEqual([]))(),
  );

  it('keeps what was found before (a name IPADIC knows, the lexicon)', eachPath((p) => {
    expect(orgs(p, 'トヨタ自動車は5日、決算を発表した。')).toEqual(['トヨタ自動車']);
    expect(orgs(p, 'JR東日本は5日、運賃を改定した。')).toEqual(['JR東日本']);
  }));
});

describe('a name with its head office in brackets', () => {
  it.each([
    ['画像解析を手がける子会社のPIALab.(徳島市)を設立した。', 'PIALab.'],
    ['同社はミナトロボ(東京・千代田)と提携した。', 'ミナトロボ'],
    ['新会社ミナトロボ(東京・港)が開発した。', 'ミナトロボ'],
    ['ケアリンク(本社・大阪市)は新施設を開いた。', 'ケアリンク'],
    ['ヒューリック(米カリフォルニア州)と提携した。', 'ヒューリック'],
  ])('%s → %s', (text, name) => eachPath((p) => expect(orgs(p, text)).toEqual([name]))());

  it.each([
    '山田太郎(徳島市)が受賞した。',
    '新工場(愛知県豊田市)が完成した。',
    'ラツィオタワー(イタリア)に登った。',
    'ミナトリゾート(山梨県)に泊まった。',
    'ミナトホール(徳島市)で開かれた。',
  ])('no organisation: %s', (text) => eachPath((p) => expect(orgs(p, text)).toEqual([]))());
});

describe('a party to a deal', () => {
  it.each([
    ['ケア21から介護事業を取得した。', 'ケア21'],
    ['同社はケア21から介護事業を取得すると発表した。', 'ケア21'],
    ['ミナトロボに株式を売却した。', 'ミナトロボ'],
  ])('%s → %s', (text, name) => eachPath((p) => expect(orgs(p, text)).toEqual([name]))());

  it('not a market or a class word', eachPath((p) => {
    expect(orgs(p, '市場から株式を取得した。')).toEqual([]);
    expect(orgs(p, '子会社から事業を取得した。')).toEqual([]);
  }));
});

describe('capitals glued to the katakana word before them', () => {
  it.each(['ビデオSALONの最新号が発売された。', '液晶テレビAQUOSと連携する。', 'ベルギーGPで優勝した。'])('no organisation: %s', (text) =>
    eachPath((p) => expect(orgs(p, text)).toEqual([]))(),
  );

  it('keeps acronyms standing alone, after kanji, after a class word, and legal forms', eachPath((p) => {
    expect(orgs(p, 'NHKは番組を放送した。')).toEqual(['NHK']);
    expect(orgs(p, '米IBMは発表した。')).toEqual(['IBM']);
    expect(orgs(p, '人気アイドルグループKARAが来日した。')).toEqual(['KARA']);
    expect(orgs(p, 'ミナトシステムズABが開発した。').join('')).toContain('AB');
  }));

  it('keeps 日本IBM with the tagger', () => {
    expect(orgs(paths[0]![1], '日本IBMは新しいサービスを始めた。')).toEqual(['日本IBM']);
  });
});

describe('generic references', () => {
  it.each([
    '日豪両政府は協定に署名した。',
    '日米両国政府は合意した。',
    '合同委員会が開かれた。',
    '相手国政府と協議した。',
    '加盟国政府が反対した。',
    '調達代理機関を通じて購入する。',
    '金融機関は融資を増やした。',
  ])('no organisation: %s', (text) => eachPath((p) => expect(orgs(p, text)).toEqual([]))());

  it.each([
    ['日米合同委員会が開かれた。', '日米合同委員会'],
    ['国際原子力機関が査察した。', '国際原子力機関'],
    ['東南アジア諸国連合の会議に出た。', '東南アジア諸国連合'],
    ['公正取引委員会は調査した。', '公正取引委員会'],
    ['防衛装備庁は契約した。', '防衛装備庁'],
  ])('a name stays: %s', (text, name) => eachPath((p) => expect(orgs(p, text)).toEqual([name]))());
});
