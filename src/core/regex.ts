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
  /**
   * The characters each pattern's matches must hold (requiredCharSets: `周` of `…周年`), up to 32 sets as bits, in a
   * table of the same kind: a pattern is not run on a text that lacks one of its sets.
   */
  private readonly needs: Uint32Array;
  private readonly needPages: Uint16Array;
  private readonly needLeaves: Uint8Array;
  private readonly needMasks: Uint32Array;

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
    const lead = numberedTable(table);
    if (!lead) throw new Error('PatternScan: more combinations of leading classes than a byte holds');
    ({ pages: this.pages, leaves: this.leaves, masks: this.masks } = lead);

    const setBits = new Map<string, number>();
    const needTable = new Uint32Array(65536);
    this.needs = Uint32Array.from(patterns, (pattern) => {
      let need = 0;
      for (const set of requiredCharSets(pattern)) {
        let bit = setBits.get(set);
        if (bit === undefined) {
          if (setBits.size === 32) continue;
          bit = 1 << setBits.size;
          setBits.set(set, bit);
          for (let k = 0; k < set.length; k++) needTable[set.charCodeAt(k)]! |= bit;
        }
        need |= bit;
      }
      return need;
    });
    const need = numberedTable(needTable);
    if (!need) this.needs.fill(0); // too many combinations: run every pattern
    ({ pages: this.needPages, leaves: this.needLeaves, masks: this.needMasks } = need ?? numberedTable(new Uint32Array(65536))!);
  }

  /** Per leading class, the positions of the text being run that hold one of its characters (kept between runs, no arrays per text). */
  private readonly positions: number[][] = [];

  /**
   * Calls `each(patternIndex, match)` for every non-empty match, all of pattern 0's first, then pattern 1's …
   * Not re-entrant: `each` must not run this scan again (its position lists are reused from text to text).
   */
  run(text: string, each: (patternIndex: number, match: RegExpExecArray) => void): void {
    const { pages, leaves, masks, needPages, needLeaves, needMasks, needs, positions, runs } = this;
    for (let k = 0; k < this.classes; k++) {
      if (positions[k] === undefined) positions[k] = [];
      else positions[k]!.length = 0;
    }
    let seen = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      seen |= needMasks[needLeaves[(needPages[c >> 8]! << 8) | (c & 255)]!]!;
      const entry = leaves[(pages[c >> 8]! << 8) | (c & 255)]!;
      if (entry === 0) continue;
      let bits = masks[entry]!;
      while (bits !== 0) {
        const low = bits & -bits;
        positions[31 - Math.clz32(low)]!.push(i);
        bits ^= low;
      }
    }
    for (let index = 0; index < runs.length; index++) {
      if ((seen & needs[index]!) >>> 0 !== needs[index]) continue;
      const { pattern, bit } = runs[index]!;
      if (bit === 0) {
        pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = pattern.exec(text)) !== null) {
          if (m[0].length === 0) pattern.lastIndex++;
          else each(index, m);
        }
        continue;
      }
      const at = positions[31 - Math.clz32(bit)]!;
      let next = 0;
      for (let k = 0; k < at.length; k++) {
        const from = at[k]!;
        if (from < next) continue;
        pattern.lastIndex = from;
        const m = pattern.exec(text);
        if (m === null) continue;
        next = from + (m[0].length || 1);
        if (m[0].length > 0) each(index, m);
      }
    }
  }
}

/**
 * Sets of characters a match of `pattern` must contain, one character of each (`/(\d{1,4})周年/` → `周`, `年`): its
 * literal characters and character classes outside any alternative, optional part or lookaround, read conservatively
 * (a range, an escape class, a negated class or anything unusual adds nothing; the flags `i` and `u` give none).
 * A text holding no character of one of them has no match.
 */
export function requiredCharSets(pattern: RegExp): string[] {
  if (/[iuv]/.test(pattern.flags)) return [];
  const src = pattern.source;
  let i = 0;
  /** The sets of a sequence up to `)` or the end; undefined when it has alternatives at its own level. */
  const sequence = (): string[] | undefined => {
    const sets: string[] = [];
    let alternatives = false;
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        alternatives = true;
        i++;
        continue;
      }
      const atom = atomSets();
      const min = quantifierMin();
      if (min >= 1) sets.push(...atom);
    }
    return alternatives ? undefined : sets;
  };
  const atomSets = (): string[] => {
    const c = src[i]!;
    if (c === '\\') {
      const d = src[i + 1];
      if (d === undefined) throw new Error('dangling escape');
      if (/[A-Za-z0-9]/.test(d)) {
        // \d, \b, \2, \uXXXX, \p{…}, \k<…>: no literal character (the rest of the escape is skipped).
        const long = /^\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[pP]\{[^}]*\}|k<[^>]*>|c[A-Za-z]|[0-9]+|[A-Za-z])/.exec(src.slice(i));
        if (!long) throw new Error('unknown escape');
        i += long[0].length;
        return [];
      }
      i += 2;
      return [d];
    }
    if (c === '[') {
      let j = i + 1;
      let chars = '';
      let plain = src[j] !== '^';
      for (; j < src.length && src[j] !== ']'; j++) {
        if (src[j] === '\\') {
          const d = src[++j];
          if (d === undefined || /[A-Za-z0-9]/.test(d)) plain = false;
          else chars += d;
        } else if (src[j] === '-' && chars !== '' && src[j + 1] !== ']') plain = false;
        else chars += src[j];
      }
      if (j >= src.length) throw new Error('unclosed class');
      i = j + 1;
      return plain && chars !== '' ? [chars] : [];
    }
    if (c === '(') {
      const head = /^\((\?:|\?=|\?!|\?<=|\?<!|\?<[A-Za-z_$][\w$]*>)?/.exec(src.slice(i))!;
      i += head[0].length;
      const inner = sequence();
      if (src[i] !== ')') throw new Error('unclosed group');
      i++;
      const lookaround = head[1] === '?=' || head[1] === '?!' || head[1] === '?<=' || head[1] === '?<!';
      return lookaround || !inner ? [] : inner;
    }
    if ('*+?'.includes(c)) throw new Error('quantifier without an atom');
    i++;
    return c === '.' || c === '^' || c === '$' ? [] : [c];
  };
  /** The quantifier after an atom (consumed): its minimum count, 1 when there is none. */
  const quantifierMin = (): number => {
    const q = /^(?:([?*+])|\{(\d+)(?:,\d*)?\})\??/.exec(src.slice(i));
    if (!q) return 1;
    i += q[0].length;
    return q[1] === '+' ? 1 : q[1] ? 0 : Number(q[2]);
  };
  try {
    const sets = sequence();
    return sets && i === src.length ? [...new Set(sets)] : [];
  } catch {
    return [];
  }
}

/** A mask per UTF-16 unit as a folded table of byte entries into its distinct masks (0 for none); undefined beyond 256 masks. */
function numberedTable(table: Uint32Array): { pages: Uint16Array; leaves: Uint8Array; masks: Uint32Array } | undefined {
  const numbered = new Map<number, number>([[0, 0]]);
  const entries = table.map((mask) => {
    if (!numbered.has(mask)) numbered.set(mask, numbered.size);
    return numbered.get(mask)!;
  });
  if (numbered.size > 256) return undefined;
  const { pages, leaves } = foldTable(entries);
  return { pages, leaves: Uint8Array.from(leaves), masks: Uint32Array.from(numbered.keys()) };
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
 * A byte per UTF-16 code unit (flags of a character), held as the two-level table `foldTable` makes: a flat 64 KB
 * table read per character after the tokenizer has walked its dictionary misses the cache for most characters
 * (every kanji reads its own line of zeros); here all blocks of zeros share one 256-byte block.
 */
export class ByteTable {
  private readonly pages: Uint16Array;
  private readonly leaves: Uint8Array;

  constructor(flat: Uint8Array) {
    const { pages, leaves } = foldTable(flat);
    this.pages = pages;
    this.leaves = Uint8Array.from(leaves);
  }

  of(code: number): number {
    return this.leaves[(this.pages[code >> 8]! << 8) | (code & 255)]!;
  }
}

/**
 * The UTF-16 code units a one-character pattern matches (`/\s/`, `/[。!?]/`), found by testing each:
 * `has(text.charCodeAt(i))` is what `pattern.test(text[i])` was, without a string and a regex call per character.
 */
export class CharTable extends ByteTable {
  constructor(pattern: RegExp) {
    super(unitsMatching(pattern));
  }

  has(code: number): boolean {
    return this.of(code) === 1;
  }
}

/** 1 for each UTF-16 code unit a one-character pattern matches. */
function unitsMatching(pattern: RegExp): Uint8Array {
  const probe = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const flat = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (probe.test(String.fromCharCode(c))) flat[c] = 1;
  return flat;
}
