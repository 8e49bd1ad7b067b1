import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../../src/core/token.js';
import { type KuromojiTokenizer, loadTokenizer, type Tokenizer, tokenizeSegments } from '../../src/stages/tokenize/kuromoji.js';
import { splitSentences } from '../../src/text/sentences.js';

/**
 * kiji's tokenizer (dictionary image + typed-array lattice) must give exactly stock kuromoji's tokens
 * (every field), only faster.
 * The whole livedoor corpus is checked by bench/tokenizer-identity.mjs; here, the fixture articles and
 * the character classes where kuromoji's unknown-word rules differ.
 */
const repoRoot = resolve(import.meta.dirname, '../..');

const HARD_CASES = [
  '防衛省は11月2日、ハノイで了解覚書に署名した。',
  'スアン・チエン国防次官とカーティス・ハリソン氏が会談した',
  'ＡＢＣＤ株式会社とXYZ Holdings Inc.が1,200万ドルで合意', // full-width and Latin runs (grouping classes)
  'ｶﾀｶﾅﾊﾝｶｸとｶﾞｷﾞｸﾞ', // half-width katakana
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン', // a long katakana run
  '〓〓川精機の社長は「〓〓」と書いた', // kiji's stand-in for 𠮷 and emoji
  '顰蹙・齟齬・魑魅魍魎・鬱', // rare kanji
  '1234567890１２３４５６７８９０', // digits
  '！？。、・（）「」『』【】〈〉《》…—～〜', // symbols
  'ｱ', // one character
  '\u00a0 \t', // spaces only
  'Ωαβγδ ЖЗИЙ 한국어 ไทย', // other scripts
];

describe('kiji tokenizer', () => {
  let stock: KuromojiTokenizer;
  let fast: Tokenizer;
  beforeAll(async () => {
    stock = await loadTokenizer(undefined, { stock: true });
    fast = await loadTokenizer();
  });

  it('is kiji\'s own, loaded once per process', async () => {
    expect(fast).not.toBe(stock);
    expect(await loadTokenizer()).toBe(fast);
    expect(fast.dictionary.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it.each(HARD_CASES)('same tokens as kuromoji: %s', (text) => {
    expect(fast.tokenize(text)).toEqual(stock.tokenize(text));
  });

  it('same tokens as kuromoji on every fixture article, segment by segment', () => {
    const dir = join(repoRoot, 'fixtures/articles');
    const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && !/sjis|eucjp/.test(f));
    expect(files.length).toBeGreaterThan(10);
    let segments = 0;
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/[\ud800-\udfff]/g, '\u3013');
      for (const s of splitSentences(text)) {
        const piece = text.slice(s.start, s.end);
        expect(fast.tokenize(piece), `${file} at ${s.start}`).toEqual(stock.tokenize(piece));
        segments++;
      }
    }
    expect(segments).toBeGreaterThan(200);
  });

  it('tokenizes text with surrogate pairs as kuromoji tokenizes it with each half masked, keeping the real surfaces', () => {
    const text = '𠮷野家と😀の話';
    const tokens = tokenizeSegments(fast, text, splitSentences(text));
    expect(tokens.map((t) => t.surface).join('')).toBe(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    const masked = text.replace(/[\ud800-\udfff]/g, '\u3013');
    // A token whose real surface is not its entry's (〓 for a surrogate half) has no word id.
    const expected = fromKuromojiTokens(masked).map((t) => (text.slice(t.start, t.end) === t.surface ? t : { ...t, word: -1 }));
    expect(tokens.map((t) => ({ ...t, surface: masked.slice(t.start, t.end) }))).toStrictEqual(expected);
    for (const t of tokens) if (/[\ud800-\udfff]/.test(t.surface)) expect(t.word, t.surface).toBe(-1);
    expect(tokens.some((t) => t.word >= 0)).toBe(true);
  });

  // tokenizeSegments walks the Viterbi path itself (word-info.ts) instead of calling tokenize: it must
  // give what kiji built from kuromoji's own token objects, field for field.
  function fromKuromojiTokens(text: string): Token[] {
    const out: Token[] = [];
    for (const s of splitSentences(text)) {
      let cursor = s.start;
      for (const t of stock.tokenize(text.slice(s.start, s.end))) {
        const known = t.word_type === 'KNOWN';
        const reading = t.reading !== undefined && t.reading !== '*' ? t.reading : undefined;
        // kuromoji's word_id of a known word is its entry × 10 (an entry's 10 bytes).
        const token: Token = { surface: t.surface_form, start: cursor, end: cursor + t.surface_form.length, pos: t.pos, pos1: t.pos_detail_1, pos2: t.pos_detail_2, pos3: t.pos_detail_3, basic: t.basic_form, reading, known, word: known ? fast.firstWord + t.word_id / 10 : -1 };
        out.push(token);
        cursor = token.end;
      }
    }
    return out;
  }

  it.each(HARD_CASES.filter((t) => t.trim() !== ''))('tokenizeSegments gives the fields of kuromoji\'s tokens: %s', (text) => {
    expect(tokenizeSegments(fast, text, splitSentences(text))).toStrictEqual(fromKuromojiTokens(text));
  });

  it('tokenizeSegments gives the fields of kuromoji\'s tokens on every fixture article', () => {
    const dir = join(repoRoot, 'fixtures/articles');
    for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && !/sjis|eucjp/.test(f))) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/[\ud800-\udfff]/g, '\u3013');
      expect(tokenizeSegments(fast, text, splitSentences(text)), file).toStrictEqual(fromKuromojiTokens(text));
    }
  });
});
