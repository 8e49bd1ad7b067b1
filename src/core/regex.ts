/**
 * Building regular expressions from data (word lists, labels): the one place that knows how to quote.
 * No pattern here uses the `u` flag, under which quoting a character that needs none would be an error.
 */

/** `s` quoted to match itself (also `/`, so it can go into a pattern printed as a literal). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Characters quoted for the inside of a character class (`]`, `\`, `^`, `-`). */
export function escapeCharClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * An alternation of words, longest first (so `令和元年` is tried before `令和`), each quoted by `quote`
 * (default: literally), duplicates dropped.
 */
export function alternation(words: Iterable<string>, quote: (word: string) => string = escapeRegExp): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(quote).join('|');
}

/** The leading `(?=[…])` a pattern opens with (as `startsWith` writes it in the date patterns): the characters a match can start with. */
const LEADING_CLASS = /^\(\?=\[((?:\\.|[^\]\\])+)\]\)/;

/**
 * Runs a list of global patterns over a text with the matches `exec` in a loop would give (each pattern from
 * index 0, the next search at the end of the last match, one past an empty one), pattern by pattern, in order.
 * A pattern that opens with a lookahead on its first character (`(?=[0-9〇一…])`) is tried, sticky, only at the
 * positions holding one of those characters, found for all such patterns in one pass over the text: V8 otherwise
 * enters the pattern at every position of the text, for every pattern. Other patterns run as global regexes.
 */
export class PatternScan {
  /** Per pattern: its sticky copy and the bit of its leading class, or the pattern itself (bit 0) to run as is. */
  private readonly runs: { pattern: RegExp; bit: number }[];
  /**
   * Which leading classes each UTF-16 unit is in, as a small two-level table (after the tokenizer has walked its
   * dictionary, a flat 256 KB table is out of the cache for every article): `pages[c >> 8]` picks a page of 256
   * entries in `leaves` (page 0 is all zeros, shared by the blocks no class touches), whose entry indexes `masks`.
   */
  private readonly pages: Uint16Array;
  private readonly leaves: Uint8Array;
  private readonly masks: Uint32Array;
  private readonly classes: number;

  constructor(patterns: readonly RegExp[]) {
    const bits = new Map<string, number>();
    const table = new Uint32Array(65536);
    this.runs = patterns.map((pattern) => {
      const lead = LEADING_CLASS.exec(pattern.source);
      if (!lead || !pattern.global || (!bits.has(lead[1]!) && bits.size === 32)) return { pattern, bit: 0 };
      let bit = bits.get(lead[1]!);
      if (bit === undefined) {
        bit = 1 << bits.size;
        bits.set(lead[1]!, bit);
        const member = new RegExp(`^[${lead[1]}]$`, pattern.flags.replace(/[gyd]/g, ''));
        for (let c = 0; c < 65536; c++) if (member.test(String.fromCharCode(c))) table[c]! |= bit;
      }
      return { pattern: new RegExp(pattern.source, pattern.flags.replace('g', 'y')), bit };
    });
    this.classes = bits.size;
    // Distinct masks numbered (0 for none), so that a leaf is a byte.
    const numbered = new Map<number, number>([[0, 0]]);
    const entries = table.map((mask) => {
      if (!numbered.has(mask)) numbered.set(mask, numbered.size);
      return numbered.get(mask)!;
    });
    if (numbered.size > 256) throw new Error(`PatternScan: ${numbered.size} combinations of leading classes, more than a byte holds`);
    const { pages, leaves } = foldTable(entries);
    this.pages = pages;
    this.leaves = Uint8Array.from(leaves);
    this.masks = Uint32Array.from(numbered.keys());
  }

  /** Calls `each(patternIndex, match)` for every non-empty match, all of pattern 0's first, then pattern 1's … */
  run(text: string, each: (patternIndex: number, match: RegExpExecArray) => void): void {
    const positions: number[][] = Array.from({ length: this.classes }, () => []);
    if (this.classes > 0) {
      const { pages, leaves, masks } = this;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const entry = leaves[(pages[c >> 8]! << 8) | (c & 255)]!;
        if (entry === 0) continue;
        let bits = masks[entry]!;
        while (bits !== 0) {
          const low = bits & -bits;
          positions[31 - Math.clz32(low)]!.push(i);
          bits ^= low;
        }
      }
    }
    this.runs.forEach(({ pattern, bit }, index) => {
      if (bit === 0) {
        pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = pattern.exec(text)) !== null) {
          if (m[0].length === 0) pattern.lastIndex++;
          else each(index, m);
        }
        return;
      }
      let next = 0;
      for (const at of positions[31 - Math.clz32(bit)]!) {
        if (at < next) continue;
        pattern.lastIndex = at;
        const m = pattern.exec(text);
        if (m === null) continue;
        next = at + (m[0].length || 1);
        if (m[0].length > 0) each(index, m);
      }
    });
  }
}

/**
 * Folds a value per UTF-16 unit (65,536 of them) into two levels: `pages[c >> 8]` picks a block of 256 values in
 * `leaves`, block 0 all zeros and shared by every block that holds only zeros. A few kilobytes instead of a flat
 * table that, after the tokenizer has walked its dictionary, is out of the cache for every article.
 */
function foldTable(values: ArrayLike<number>): { pages: Uint16Array; leaves: number[] } {
  const pages = new Uint16Array(256);
  const leaves: number[] = new Array<number>(256).fill(0);
  for (let page = 0; page < 256; page++) {
    const block = Array.from({ length: 256 }, (_, k) => values[page * 256 + k]!);
    if (block.every((v) => v === 0)) continue;
    pages[page] = leaves.length / 256;
    leaves.push(...block);
  }
  return { pages, leaves };
}

/**
 * The UTF-16 code units a one-character pattern matches (`/\s/`, `/[。!?]/`), found by testing each:
 * `has(text.charCodeAt(i))` is what `pattern.test(text[i])` was, without a string and a regex call per character.
 */
export class CharTable {
  private readonly pages: Uint16Array;
  private readonly leaves: Uint8Array;

  constructor(pattern: RegExp) {
    const probe = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    const flat = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) if (probe.test(String.fromCharCode(c))) flat[c] = 1;
    const { pages, leaves } = foldTable(flat);
    this.pages = pages;
    this.leaves = Uint8Array.from(leaves);
  }

  has(code: number): boolean {
    return this.leaves[(this.pages[code >> 8]! << 8) | (code & 255)] === 1;
  }
}
