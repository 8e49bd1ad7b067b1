/**
 * The dictionary fields of a word, decoded from its feature line the first time the word is met and
 * shared by all its occurrences (a news corpus meets a few tens of thousands of IPADIC's 390 k words).
 * The fields are kuromoji's (IpadicFormatter): surface, 品詞 and three sub-levels, conjugation type and
 * form, dictionary form, reading, pronunciation, comma-separated.
 */
import type { IpadicDictionary, WordTable } from './dictionary.js';

/** The dictionary fields of one word, shared by all its occurrences. */
export interface WordInfo {
  readonly pos: string;
  readonly pos1: string;
  readonly pos2: string;
  readonly pos3: string;
  readonly basic: string;
  /** The dictionary form is the word's surface (a known word's; false for unknown words). */
  readonly basicIsSurface: boolean;
  /** Undefined for unknown words and where IPADIC has `*`. */
  readonly reading: string | undefined;
  readonly known: boolean;
}

/** A word table's feature lines as text (Buffer's UTF-8 decoder reads shared memory without a copy). */
export class FeatureLines {
  private readonly bytes: Buffer;
  private readonly table: WordTable;

  constructor(table: WordTable) {
    this.table = table;
    this.bytes = Buffer.from(table.features.buffer, table.features.byteOffset, table.features.byteLength);
  }

  /** kuromoji's getFeatures: the NUL-terminated line at the entry's offset ('' past the end). */
  line(entry: number): string {
    const at = this.table.featureAt[entry]!;
    if (at < 0 || at >= this.bytes.length) return '';
    let end = this.bytes.indexOf(0, at);
    if (end < 0) end = this.bytes.length;
    return this.bytes.toString('utf8', at, end);
  }
}

/**
 * One string per part-of-speech value (IPADIC has a few dozen), not one per word: every token of a 名詞 then points at
 * the same `名詞`, which the stages after the tokenizer compare and look up per token (token features, agreements, the
 * organisation tagger) and find in the cache instead of in a string of its own beside each word's line. The shared copy
 * is the one V8 keeps as a property name (internalized), so a comparison with a literal `'名詞'` is a pointer test.
 */
const POS_VALUES = new Map<string, string>();
function posValue(s: string): string {
  if (typeof s !== 'string') return s; // a line past the end of the table ('') has no fields: kept as it was
  let shared = POS_VALUES.get(s);
  if (shared === undefined) {
    shared = Object.keys({ [s]: 0 })[0]!;
    POS_VALUES.set(s, shared);
  }
  return shared;
}

function infoOf(line: string, known: boolean): WordInfo {
  const f = line.split(',');
  const reading = known ? f[8] : undefined;
  return {
    pos: posValue(f[1]!),
    pos1: posValue(f[2]!),
    pos2: posValue(f[3]!),
    pos3: posValue(f[4]!),
    basic: f[7]!,
    basicIsSurface: known && f[7] === f[0],
    reading: reading === undefined || reading === '*' ? undefined : reading,
    known,
  };
}

/** Word infos by entry, decoded lazily; one per tokenizer (per worker). */
export class WordInfos {
  readonly knownLines: FeatureLines;
  readonly unknownLines: FeatureLines;
  private readonly known: (WordInfo | undefined)[];
  private readonly unknown: (WordInfo | undefined)[];

  constructor(dict: IpadicDictionary) {
    this.knownLines = new FeatureLines(dict.known);
    this.unknownLines = new FeatureLines(dict.unknown);
    // Filled arrays, not holey ones: V8 keeps them as flat element arrays (3 MB for IPADIC).
    this.known = new Array<WordInfo | undefined>(dict.known.left.length).fill(undefined);
    this.unknown = new Array<WordInfo | undefined>(dict.unknown.left.length).fill(undefined);
  }

  /** `entry` as the lattice gives it: ≥ 0 a known word, < 0 (~entry) an unknown-word template. */
  of(entry: number): WordInfo {
    if (entry >= 0) return (this.known[entry] ??= infoOf(this.knownLines.line(entry), true));
    return (this.unknown[~entry] ??= infoOf(this.unknownLines.line(~entry), false));
  }
}
