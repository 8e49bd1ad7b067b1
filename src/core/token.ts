/**
 * One token of the tokenized text. The kernel only needs the shape (the document holds a token
 * layer); which tokenizer fills it is the tokenize stage's business. The fields are IPADIC's, the
 * only dictionary kiji ships. `start`/`end` are offsets into the normalized text.
 */
export interface Token {
  surface: string;
  start: number;
  end: number;
  /** 品詞 and its three sub-levels, e.g. 名詞 / 固有名詞 / 組織 / * */
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  /** Dictionary form ('*' for unknown words). */
  basic: string;
  /** Undefined for unknown words and where the dictionary has none (present on every token, so all have one shape). */
  reading: string | undefined;
  /** False for words the dictionary does not know. */
  known: boolean;
  /**
   * The tokenizer's id for the dictionary entry this token is: equal ids (within one process or worker) mean the
   * same surface and the same fields, so a stage can key per-word tables by it instead of by the surface string.
   * -1 when the token is not a dictionary entry (unknown words, or a surface that differs from the entry's).
   */
  word: number;
}

/**
 * Word ids from this on get no slot in a flat table keyed by Token.word: a stage looks such a token up as it would
 * an unknown word. It keeps those tables to a few MB per table even when a thread holds many tokenizers.
 */
export const WORD_TABLE_LIMIT = 1 << 22;

/** `table` if index `at` is in it, else a copy grown by doubling (from at least `min` slots), its new slots `empty`. */
export function withSlot<T extends Int32Array | Uint16Array>(table: T, at: number, empty: number, min: number): T {
  if (at < table.length) return table;
  let length = Math.max(min, table.length);
  while (length <= at) length *= 2;
  const grown = new (table.constructor as new (length: number) => T)(length);
  grown.fill(empty);
  grown.set(table);
  return grown;
}
