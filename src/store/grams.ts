/**
 * The index for searches of one or two characters, which the trigram index cannot serve (`映画`, `円`, `の`).
 *
 * `articles_grams` (SQLite, FTS5, contentless, detail=none) holds, per article, the set of its distinct
 * characters and pairs of adjacent characters, each as one ASCII token: a code point is four base-36 digits,
 * a pair eight. A one- or two-character search is then one doclist lookup, exact (a pair is in the set if and
 * only if the text contains it), instead of a scan of every text (170–380 ms on the livedoor corpus).
 * Tokens are ASCII so SQLite's tokenizer cannot split them differently from here: the `ascii` tokenizer
 * keeps [0-9a-z] runs whole, whatever Unicode version SQLite's tables know. Letters are folded to lower case
 * here, one code point at a time, on both sides (the trigram index also matches either case).
 *
 * The writer fills it beside each article row (triggers cannot: the tokens are computed in JavaScript);
 * triggers delete an article's entry when the row is deleted or its title or text changes.
 */

/** The longest search the gram index answers; longer ones go to the trigram index. */
export const MAX_GRAM = 2;

const DIGITS = 4;
const codeCache = new Map<number, string>();

/** Folded BMP code points, filled on first use (0: not yet known). */
const FOLDED_BMP = new Uint32Array(0x10000);

/** A code point folded to lower case when that stays one code point (İ does not: it stays). */
function folded(cp: number): number {
  if (cp < 0x41) return cp;
  if (cp <= 0x5a) return cp + 0x20;
  if (cp < 0xc0) return cp;
  if (cp <= 0xffff && FOLDED_BMP[cp] !== 0) return FOLDED_BMP[cp]!;
  const lower = String.fromCodePoint(cp).toLowerCase();
  const l = lower.codePointAt(0)!;
  const out = lower.length === (l > 0xffff ? 2 : 1) ? l : cp;
  if (cp <= 0xffff) FOLDED_BMP[cp] = out;
  return out;
}

function code(cp: number): string {
  let s = codeCache.get(cp);
  if (s === undefined) {
    s = cp.toString(36).padStart(DIGITS, '0');
    if (codeCache.size < 65536) codeCache.set(cp, s);
  }
  return s;
}

/** The folded code points of a string. */
function codePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    out.push(folded(cp));
  }
  return out;
}

/** The gram tokens of an article's columns (title, text), space-separated: what the writer inserts. */
export function gramTokens(...columns: readonly (string | null | undefined)[]): string {
  // Characters of the Basic Multilingual Plane (nearly all) as 16-bit numbers, pairs of them as 32-bit ones,
  // sorted and deduplicated in typed arrays; the rare astral ones in a Set of their tokens.
  let length = 0;
  for (const column of columns) length += column?.length ?? 0;
  const singles = new Uint16Array(length);
  const pairs = new Uint32Array(length);
  let ns = 0;
  let np = 0;
  const astral = new Set<string>();
  for (const column of columns) {
    if (!column) continue;
    const cps = codePoints(column);
    for (let i = 0; i < cps.length; i++) {
      const a = cps[i]!;
      const b = cps[i + 1];
      if (a > 0xffff) astral.add(code(a));
      else singles[ns++] = a;
      if (b === undefined) continue;
      if (a > 0xffff || b > 0xffff) astral.add(code(a) + code(b));
      else pairs[np++] = ((a << 16) | b) >>> 0;
    }
  }
  const tokens: string[] = [...astral];
  const s = singles.subarray(0, ns).sort();
  for (let i = 0; i < ns; i++) if (i === 0 || s[i] !== s[i - 1]) tokens.push(code(s[i]!));
  const p = pairs.subarray(0, np).sort();
  for (let i = 0; i < np; i++) if (i === 0 || p[i] !== p[i - 1]) tokens.push(code(p[i]! >>> 16) + code(p[i]! & 0xffff));
  return tokens.join(' ');
}

/** The FTS5 MATCH expression for a search of one or two characters; null for longer or empty ones. */
export function gramMatch(needle: string): string | null {
  const cps = codePoints(needle);
  if (cps.length === 0 || cps.length > MAX_GRAM) return null;
  return `"${cps.map(code).join('')}"`;
}
