import type { Language } from '../schema/records.js';

/**
 * Language by script ratio: Japanese when kana and kanji are a real share of the letters.
 * A Japanese article full of Latin names (ADMM+, ASEAN, Toyota Motor Corp.) still has far more
 * kana/kanji than the 10 % this asks for; an English article quoting one Japanese word does not.
 */
export function detectLanguage(text: string): Language {
  let japanese = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff66 && code <= 0xff9f)) japanese++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
    // Decided once the kana and kanji so far are 10 % even if every character left were Latin (about an eighth into a Japanese article).
    if ((i & 1023) === 1023 && japanese >= 0.1 * (japanese + latin + (text.length - 1 - i))) return 'ja';
  }
  if (japanese === 0 && latin === 0) return 'ja';
  return japanese >= 0.1 * (japanese + latin) ? 'ja' : 'en';
}
