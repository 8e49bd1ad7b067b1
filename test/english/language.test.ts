import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';

/** Script-ratio language detection: English articles go to the English stages, Japanese ones stay Japanese. */
describe('detectLanguage', () => {
  it.each([
    ['拡大ASEAN国防相会議(ADMM+)が11月1日にクアラルンプールで開かれ、ASEANと日本の防衛相が出席した。', 'ja'],
    ['トヨタ自動車(Toyota Motor Corp.)は2025年11月4日、通期の業績予想を上方修正したと発表した。', 'ja'],
    ['防衛省は、ADMM+やASEAN、NATO、U.S. Department of Defenseとの協力を進めている。', 'ja'],
    ['ＡＳＥＡＮ（東南アジア諸国連合）とＥＵは１１月２日、共同声明を発表した。', 'ja'],
    ['The Pentagon pledged $130 million for dioxin cleanup at Bien Hoa.', 'en'],
    ['Japan and Vietnam signed a memorandum of understanding on defence industry cooperation in Hanoi on Nov. 2.', 'en'],
    ['TOKYO (Kyodo) -- The ministry said the term "Reiwa" (令和) will be used on all documents from May 1.', 'en'],
    ['Sony Group Corporation (ソニーグループ) reported record profit on Tuesday, citing strong game sales.', 'en'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('treats text without letters as Japanese (the default path)', () => {
    expect(detectLanguage('2025-11-04 12:00')).toBe('ja');
    expect(detectLanguage('')).toBe('ja');
  });
});
