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
