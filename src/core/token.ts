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
  reading?: string;
  /** False for words the dictionary does not know. */
  known: boolean;
}
