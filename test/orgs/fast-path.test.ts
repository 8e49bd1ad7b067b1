import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/schema/config.js';
import { buildOrgLexicon, OrgLexicon } from '../../src/stages/orgs/lexicon.js';
import { EDGE_GROUPS, extractFeatures, groupedFeatures, posBigramLeft, posBigramRight, tinyHashes, type FeatureInput } from '../../src/stages/orgs/model/features.js';
import { viterbi } from '../../src/stages/orgs/model/perceptron.js';
import { loadOrgTagger, type OrgTagger } from '../../src/stages/orgs/model/tagger.js';
import { featureInputOf, tokenizedDocument } from '../../src/stages/orgs/model/train.js';
import { loadTokenizer, type Tokenizer } from '../../src/stages/tokenize/kuromoji.js';
import { referenceFeatures } from './reference-features.js';

/**
 * The tagger's fast path (features hashed from per-surface caches, the table lookup, the BIO-masked
 * Viterbi) must give exactly what the straightforward code gives: the string-built features of
 * reference-features.ts and the plain Viterbi the training uses. Sentences written for this test.
 */
const SENTENCES = [
  '北陸みらい銀行と株式会社ミナトロボティクスは5日、業務提携を発表した。',
  '防衛省の報道官によると、拡大ASEAN国防相会議は来月ハノイで開かれる。',
  'Brightline Robotics, Inc.の山田太郎社長は東京大学大学院の出身だ。',
  '国際協力機構(JICA)と東電、(株)サクラ精機が覚書に署名した。',
  '日豪両政府は合同委員会を開き、相手国政府と調達代理機関の役割を確かめた。',
  '大陽日酸は5日、子会社のPIALab.(徳島市)を通じてケア21から事業を取得すると発表した。',
  'ミライ港湾サービスは拡張を発表した。MPSの株価は上昇した。',
  '𠮷野家ホールディングスと𩸽水産は、新商品「ほっけ丼」を売り出す。',
  '　全角スペースで始まる文、そして 半角 スペース 入り の文。',
  'Ministry of Defence of India と日本の防衛装備庁が協議した。',
  'ＮＴＴドコモ、ＫＤＤＩ、ソフトバンクの３社は共同で声明を出した。',
  '国連安全保障理事会の決議を受けて、欧州連合(EU)理事会と北大西洋条約機構が会合を持った。',
  'あ',
  '。',
  'トヨタ自動車株式会社代表取締役社長の佐藤氏は記者会見で、米国トヨタ自動車販売の新体制を示した。',
  '県警と地検、最高裁判所、内閣府、金融庁、日本銀行。',
  '東京証券取引所プライム市場に上場する中堅企業の多くが、持株会社体制への移行を検討している。\n日本政府は同日、閣議決定した。',
];
const LONG = Array.from({ length: 40 }, (_, i) => `第${i}回の会合には株式会社サンプル${i}号と三葉商事が参加した`).join('、') + '。';

let tokenizer: Tokenizer;
let tagger: OrgTagger;
const lexicons: OrgLexicon[] = [];
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  tagger = loadOrgTagger();
  lexicons.push(buildOrgLexicon(parseConfig({})));
  lexicons.push(buildOrgLexicon(parseConfig({ lexicons: { organisations: [{ name: 'ミライ港湾サービス', aliases: ['MPS'], kind: 'company' }] } })));
});

const inputs = (): FeatureInput[] => lexicons.flatMap((lexicon) => [...SENTENCES, LONG, SENTENCES.join('')].map((text) => featureInputOf(tokenizedDocument(tokenizer, text), lexicon)));

describe('the organisation tagger fast path', () => {
  it('hashes exactly the features the string-built reference hashes, in the same order', () => {
    for (const input of inputs()) {
      const fast = extractFeatures(input);
      const reference = referenceFeatures(input);
      expect(fast.count, input.text).toBe(reference.count);
      expect([...fast.offsets], input.text).toEqual([...reference.offsets]);
      expect([...fast.hashes], input.text).toEqual([...reference.hashes]);
    }
  });

  it('splits the same features into per-surface and per-POS groups, POS bigrams, numbers of few values and the rest (the tagger sums all but the rest once per value)', () => {
    for (const input of inputs()) {
      const g = groupedFeatures(input);
      const reference = referenceFeatures(input);
      const n = g.count;
      for (let i = 0; i < n; i++) {
        const at = (k: number) => [g.table.groups(g.ids[k]!), g.poses[k]!.groups];
        const union = [...g.hashes.subarray(g.offsets[i], g.offsets[i + 1]), ...tinyHashes(g.tiny[i]!)];
        union.push(posBigramLeft(i > 0 ? g.poses[i - 1] : undefined, g.poses[i]!), posBigramRight(g.poses[i]!, i + 1 < n ? g.poses[i + 1] : undefined));
        for (const groups of at(i)) union.push(...groups.self);
        for (const groups of i > 0 ? at(i - 1) : []) union.push(...groups.prev);
        for (const groups of i > 1 ? at(i - 2) : []) union.push(...groups.prev2);
        for (const groups of i + 1 < n ? at(i + 1) : []) union.push(...groups.next);
        for (const groups of i + 2 < n ? at(i + 2) : []) union.push(...groups.next2);
        if (i === 0) union.push(...EDGE_GROUPS.prev);
        if (i < 2) union.push(...EDGE_GROUPS.prev2);
        if (i + 1 >= n) union.push(...EDGE_GROUPS.next);
        if (i + 2 >= n) union.push(...EDGE_GROUPS.next2);
        const expected = [...reference.hashes.subarray(reference.offsets[i], reference.offsets[i + 1])];
        expect(union.sort(), `${input.text} token ${i}`).toEqual(expected.sort());
      }
    }
  });

  it('tags exactly as the plain Viterbi over the reference features', () => {
    let organisations = 0;
    for (const input of inputs()) {
      const f = referenceFeatures(input);
      const rows = Int32Array.from(f.hashes, (h) => tagger.rowOf(h));
      const expected = viterbi(f.count, f.offsets, rows, tagger.model.weights, tagger.model.transitions);
      const got = tagger.tag(input);
      expect([...got], input.text).toEqual([...expected]);
      organisations += expected.filter((t) => t === 1).length;
    }
    // The sentences exercise the model: it finds organisations in them.
    expect(organisations).toBeGreaterThan(20);
  });

  it('still tags exactly so once the surface table has filled up and started again', () => {
    // 41,000 distinct number tokens: more surfaces than the table keeps, so the next document empties it
    // and reuses the ids, whose cached sums in the tagger must not be taken for the new surfaces'.
    const numbers = Array.from({ length: 41_000 }, (_, i) => String(100_000 + i)).join('、');
    const before = groupedFeatures(featureInputOf(tokenizedDocument(tokenizer, numbers), lexicons[0]!)).table.generation;
    tagger.tag(featureInputOf(tokenizedDocument(tokenizer, numbers), lexicons[0]!));
    let checked = 0;
    for (const input of inputs()) {
      const f = referenceFeatures(input);
      const rows = Int32Array.from(f.hashes, (h) => tagger.rowOf(h));
      expect([...tagger.tag(input)], input.text).toEqual([...viterbi(f.count, f.offsets, rows, tagger.model.weights, tagger.model.transitions)]);
      checked++;
    }
    expect(groupedFeatures(inputs()[0]!).table.generation).toBeGreaterThan(before);
    expect(checked).toBeGreaterThan(10);
  }, 120_000);
});
