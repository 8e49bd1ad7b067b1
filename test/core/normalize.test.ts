import { describe, expect, it } from 'vitest';
import { normalizeText, toRawSpan } from '../../src/text/normalize.js';

const cases: [raw: string, normalized: string][] = [
  ['２０２５年１１月２日', '2025年11月2日'],
  ['1,300,000円', '1300000円'],
  ['１，３００万米ドル', '1300万米ドル'],
  ['5,00円', '5,00円'], // not a thousands separator: kept
  ['㈱トヨタ', '(株)トヨタ'],
  ['ｶﾞｿﾘﾝ', 'ガソリン'],
  ['1995年〜2025年', '1995年~2025年'],
  ['1995年～2025年', '1995年~2025年'],
  ['𠮷野家で😀食べた', '𠮷野家で😀食べた'],
];

describe('normalizeText', () => {
  it.each(cases)('%s → %s', (raw, normalized) => {
    expect(normalizeText(raw).text).toBe(normalized);
  });

  it('maps every normalized span back to the raw characters it came from', () => {
    const raw = '𠮷の会社㈱が１，３００万ｶﾞｿﾘﾝ😀代を';
    const norm = normalizeText(raw);
    const at = norm.text.indexOf('1300万');
    const span = toRawSpan(norm, at, at + '1300万'.length);
    expect(raw.slice(span.start, span.end)).toBe('１，３００万');
    const kana = norm.text.indexOf('ガソリン');
    const kanaSpan = toRawSpan(norm, kana, kana + 4);
    expect(raw.slice(kanaSpan.start, kanaSpan.end)).toBe('ｶﾞｿﾘﾝ');
    const emoji = norm.text.indexOf('😀');
    const emojiSpan = toRawSpan(norm, emoji, emoji + 2);
    expect(raw.slice(emojiSpan.start, emojiSpan.end)).toBe('😀');
  });

  it('is linear on long input', () => {
    const raw = 'ベトナム国防省は２０２５年に１，０００万ドルを拠出した。'.repeat(20_000);
    const norm = normalizeText(raw);
    expect(norm.text.length).toBeLessThan(raw.length);
    expect(norm.rawStarts.length).toBe(norm.text.length);
  });
});
