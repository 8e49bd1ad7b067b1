/**
 * How much a decoded string looks like Japanese text. Used to choose between Shift_JIS and
 * EUC-JP readings of the same bytes (both often decode without error) and to rank guesses
 * for error messages. Misdecoded Japanese turns into half-width katakana, rare kanji and
 * symbols, but almost never into hiragana, so hiragana weighs most.
 */

/** Weight of one non-ASCII character; ASCII is neutral. */
function weight(code: number): number {
  if (code >= 0x3041 && code <= 0x309f) return 2; // hiragana
  if (code >= 0x30a0 && code <= 0x30ff) return 1.5; // katakana
  if (code >= 0x4e00 && code <= 0x9fff) return 1; // CJK unified ideographs
  if (code >= 0x3000 && code <= 0x303f) return 1; // 、。「」 and friends
  if (code >= 0xff01 && code <= 0xff5e) return 0.5; // full-width ASCII
  if (code >= 0xff61 && code <= 0xff9f) return -1; // half-width katakana: typical of EUC-JP read as Shift_JIS
  if (code === 0xfffd) return -5; // replacement character
  if (code >= 0xe000 && code <= 0xf8ff) return -2; // private use (CP932 user-defined area)
  if (code >= 0x80 && code <= 0x9f) return -3; // C1 controls
  return -0.5;
}

/** Mean weight over non-ASCII characters: about 1–2 for Japanese prose, negative for garbage, 0 for ASCII-only text. */
export function japanesePlausibility(text: string): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Surrogate pairs count once, as "other".
    if (code >= 0xd800 && code <= 0xdbff) i++;
    sum += weight(code >= 0xd800 && code <= 0xdfff ? 0x10000 : code);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/** True when the string has any non-ASCII character (ASCII decodes the same in every supported encoding). */
export function hasNonAscii(text: string): boolean {
  return /[^\x00-\x7f]/.test(text);
}
