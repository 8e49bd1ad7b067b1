import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/schema/config.js';
import { buildOrgLexicon, type OrgLexicon } from '../../src/stages/orgs/lexicon.js';
import { loadOrgTagger, type OrgTagger } from '../../src/stages/orgs/model/tagger.js';
import { featureInputOf, tokenizedDocument } from '../../src/stages/orgs/model/train.js';
import { inputOver, taggedRanges } from '../../src/stages/orgs/tagged-ranges.js';
import { TOKEN_FEATURES } from '../../src/stages/token-features/index.js';
import { loadTokenizer, type Tokenizer } from '../../src/stages/tokenize/kuromoji.js';

/**
 * The tagger reads only the token ranges where an organisation can be (tagged-ranges.ts). Sentences written for
 * this test: the ranges hold every name-like run and every rule candidate, leave common-word stretches out (katakana
 * common nouns too), and
 * the tagger's organisations over them are the ones it finds over the whole text.
 */
const SENTENCES = [
  '北陸みらい銀行と株式会社ミナトロボティクスは5日、業務提携を発表した。',
  '今日はとても暑かったので、木陰でゆっくり休んでから歩いて帰って夕ご飯を食べた。そのあと国際協力機構の職員が来た。',
  '大陽日酸は5日、子会社のPIALab.(徳島市)を通じてケア21から事業を取得すると発表した。',
  '楽天で買った本を読んだ。',
  'ＮＴＴドコモ、ＫＤＤＩ、ソフトバンクの３社は共同で声明を出した。',
  'あ',
  'テレビを見ながらパソコンでメールを書いたあと、ゆっくりコーヒーを飲んだ。',
];

let tokenizer: Tokenizer;
let tagger: OrgTagger;
let lexicon: OrgLexicon;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  tagger = await loadOrgTagger();
  lexicon = buildOrgLexicon(parseConfig({}));
});

const rangesOf = (text: string) => {
  const doc = tokenizedDocument(tokenizer, text);
  const input = featureInputOf(doc, lexicon);
  return { doc, input, ranges: taggedRanges(doc.get(TOKEN_FEATURES), input.candidates) };
};

describe('taggedRanges', () => {
  it('gives ordered, disjoint, non-empty ranges inside the text', () => {
    for (const text of SENTENCES) {
      const { doc, ranges } = rangesOf(text);
      let end = -1;
      for (const [from, to] of ranges) {
        expect(from).toBeGreaterThan(end);
        expect(to).toBeGreaterThan(from);
        expect(to).toBeLessThanOrEqual(doc.tokens.length);
        end = to;
      }
    }
  });

  it('covers every name-like token and every rule candidate', () => {
    for (const text of SENTENCES) {
      const { doc, input, ranges } = rangesOf(text);
      const covered = (i: number) => ranges.some(([from, to]) => i >= from && i < to);
      doc.tokens.forEach((t, i) => {
        if (input.candidates.some((c) => c.start < t.end && c.end > t.start)) expect(covered(i), `${text}: ${t.surface}`).toBe(true);
        const commonKatakana = t.known && t.pos1 !== '固有名詞' && /^[ァ-ヶー]+$/.test(t.surface);
        if (/^[ァ-ヶー]{2,}$|^[A-Za-z]{2,}$/.test(t.surface) && !commonKatakana) expect(covered(i), `${text}: ${t.surface}`).toBe(true);
      });
    }
  });

  it('leaves a stretch of common words out', () => {
    const { doc, ranges } = rangesOf(SENTENCES[1]!);
    const read = ranges.reduce((n, [from, to]) => n + to - from, 0);
    expect(read).toBeLessThan(doc.tokens.length / 2);
    for (const word of ['木陰', '夕']) {
      const i = doc.tokens.findIndex((t) => t.surface === word);
      expect(ranges.some(([from, to]) => i >= from && i < to), word).toBe(false);
    }
  });

  it('leaves out katakana words IPADIC knows as common nouns, when nothing name-like is near', () => {
    const { doc, ranges } = rangesOf(SENTENCES[6]!);
    for (const word of ['テレビ', 'パソコン', 'メール', 'コーヒー']) expect(doc.tokens.some((t) => t.surface === word), word).toBe(true);
    expect(ranges).toEqual([]);
  });

  it('finds the organisations that tagging the whole text finds, here', () => {
    for (const text of SENTENCES) {
      const { input, ranges } = rangesOf(text);
      const over = ranges.flatMap(([from, to]) => tagger.organisations(inputOver(input, from, to)));
      expect(over, text).toEqual(tagger.organisations(input));
    }
  });

  it('has nothing to read in a text with no tokens', () => {
    const { ranges } = rangesOf('');
    expect(ranges).toEqual([]);
  });
});
