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
 * The writer fills it beside each article row (triggers cannot: the tokens are computed in JavaScript, by the
 * worker that processed the article, see gramTokens);
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
    const cp = text.codePointAt(i)!; // a lone surrogate stands for itself
    if (cp > 0xffff) i++;
    out.push(folded(cp));
  }
  return out;
}

/**
 * The four base-36 digits of every BMP code point (what `code()` gives), as ASCII bytes. Built on first
 * use: an unchanged re-run loads this module but writes no grams, and the table's 65,536 steps in cold
 * code were ≈ 4 % of such a run.
 */
let BMP_CODES: Uint8Array | undefined;
function bmpCodes(): Uint8Array {
  if (BMP_CODES) return BMP_CODES;
  const table = new Uint8Array(0x10000 * DIGITS);
  for (let cp = 0; cp <= 0xffff; cp++) {
    for (let k = DIGITS - 1, rest = cp; k >= 0; k--, rest = Math.floor(rest / 36)) {
      const d = rest % 36;
      table[cp * DIGITS + k] = d < 10 ? 48 + d : 87 + d; // 0-9, a-z
    }
  }
  return (BMP_CODES = table);
}

/** Writes a BMP code point's code at `at`. */
function putCode(codes: Uint8Array, out: Uint8Array, at: number, cp: number): void {
  const from = cp * DIGITS;
  out[at] = codes[from]!;
  out[at + 1] = codes[from + 1]!;
  out[at + 2] = codes[from + 2]!;
  out[at + 3] = codes[from + 3]!;
}

/**
 * Scratch tables for deduplicating one article's grams without sorting them: a BMP character or a pair was
 * seen in this call when its stamp is the call's generation (so nothing is cleared between calls).
 */
const charStamp = new Uint32Array(0x10000);
let pairKeys = new Uint32Array(0);
let pairStamp = new Uint32Array(0);
let generation = 0;

/** Starts a call with room for `pairs` distinct pairs; returns the pair table's mask. */
function nextGeneration(pairs: number): number {
  let size = 1024;
  while (size < 2 * pairs) size *= 2;
  if (pairKeys.length < size) {
    pairKeys = new Uint32Array(size);
    pairStamp = new Uint32Array(size);
  }
  if (++generation === 0xffffffff) {
    charStamp.fill(0);
    pairStamp.fill(0);
    generation = 1;
  }
  return pairKeys.length - 1;
}

/**
 * The gram tokens of an article's columns (title, text), space-separated, each once (in no particular
 * order: the index is a set): what the writer inserts. Computed in the worker that processed the article
 * (batch/worker.ts), so the writer thread, which every worker waits on, only inserts them.
 */
export function gramTokens(...columns: readonly (string | null | undefined)[]): string {
  // Characters of the Basic Multilingual Plane (nearly all) as 16-bit numbers, pairs of them as 32-bit ones,
  // deduplicated in the scratch tables and written as ASCII into one buffer; the rare astral ones in a Set.
  let length = 0;
  for (const column of columns) length += column?.length ?? 0;
  const mask = nextGeneration(length);
  const gen = generation;
  const singles = new Uint16Array(Math.min(length, 0x10000));
  const pairs = new Uint32Array(length);
  let ns = 0;
  let np = 0;
  const astral = new Set<string>();
  for (const column of columns) {
    if (!column) continue;
    let previous = -1;
    for (let i = 0; i < column.length; i++) {
      const cp = column.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const b = folded(cp);
      if (previous >= 0) {
        if (previous > 0xffff || b > 0xffff) astral.add(code(previous) + code(b));
        else {
          const pair = ((previous << 16) | b) >>> 0;
          let slot = Math.imul(pair, 0x9e3779b1) & mask;
          while (pairStamp[slot] === gen && pairKeys[slot] !== pair) slot = (slot + 1) & mask;
          if (pairStamp[slot] !== gen) {
            pairStamp[slot] = gen;
            pairKeys[slot] = pair;
            pairs[np++] = pair;
          }
        }
      }
      if (b > 0xffff) astral.add(code(b));
      else if (charStamp[b] !== gen) {
        charStamp[b] = gen;
        singles[ns++] = b;
      }
      previous = b;
    }
  }
  const codes = bmpCodes();
  const out = new Uint8Array((DIGITS + 1) * ns + (2 * DIGITS + 1) * np);
  let n = 0;
  for (let i = 0; i < ns; i++) {
    if (n > 0) out[n++] = 32;
    putCode(codes, out, n, singles[i]!);
    n += DIGITS;
  }
  for (let i = 0; i < np; i++) {
    if (n > 0) out[n++] = 32;
    putCode(codes, out, n, pairs[i]! >>> 16);
    putCode(codes, out, n + DIGITS, pairs[i]! & 0xffff);
    n += 2 * DIGITS;
  }
  const ascii = Buffer.from(out.buffer, 0, n).toString('latin1');
  if (astral.size === 0) return ascii;
  const rare = [...astral].join(' ');
  return n === 0 ? rare : `${rare} ${ascii}`;
}

/** The FTS5 MATCH expression for a search of one or two characters; null for longer or empty ones. */
export function gramMatch(needle: string): string | null {
  const cps = codePoints(needle);
  if (cps.length === 0 || cps.length > MAX_GRAM) return null;
  return `"${cps.map(code).join('')}"`;
}
