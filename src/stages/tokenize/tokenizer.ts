/**
 * kiji's IPADIC tokenizer: kuromoji 0.1.2's tokens, from a dictionary image (dictionary.ts) and a
 * typed-array lattice (lattice.ts), without kuromoji's objects per node and per token.
 */
import type { IpadicFeatures } from 'kuromoji';
import type { IpadicDictionary } from './dictionary.js';
import { ViterbiSearch } from './lattice.js';
import { type WordInfo, WordInfos } from './word-info.js';

/** kuromoji cuts its input after each of these and searches each piece on its own. */
const SENTENCE_END_1 = 0x3001; // 、
const SENTENCE_END_2 = 0x3002; // 。

/** The first word id (Token.word) the next tokenizer of this thread gives: ids are unique across its tokenizers. */
let nextFirstWord = 0;

export class Tokenizer {
  readonly dictionary: IpadicDictionary;
  /**
   * Token.word of this tokenizer's known entry e is firstWord + e. Each tokenizer of a thread takes its own range,
   * so tokens of two dictionaries never share an id (a process holds one tokenizer, from 0, unless it asks for more).
   */
  readonly firstWord: number;
  private readonly viterbi: ViterbiSearch;
  private readonly words: WordInfos;

  constructor(dictionary: IpadicDictionary) {
    this.dictionary = dictionary;
    this.firstWord = nextFirstWord;
    nextFirstWord += dictionary.known.left.length;
    this.viterbi = new ViterbiSearch(dictionary);
    this.words = new WordInfos(dictionary);
  }

  /**
   * Calls `visit(info, start, length, word)` for each token of `text`, in order: what kuromoji's
   * `tokenize(text)` gives, as (fields, offset, length), and the token's word id (firstWord + its known
   * entry; -1 for an unknown word). `text` should contain no surrogates (kiji masks them first: kuromoji
   * counts them differently).
   */
  forEachWord(text: string, visit: (info: WordInfo, start: number, length: number, word: number) => void): void {
    const length = text.length;
    for (let from = 0; from < length; ) {
      let to = from;
      while (to < length) {
        const c = text.charCodeAt(to++);
        if (c === SENTENCE_END_1 || c === SENTENCE_END_2) break;
      }
      const path = this.viterbi.search(text, from, to);
      for (let i = 0; i < path.length; i++) {
        const entry = path.entry[i]!;
        visit(this.words.of(entry), from + path.start[i]!, path.size[i]!, entry >= 0 ? this.firstWord + entry : -1);
      }
      from = to;
    }
  }

  /** Tokens in kuromoji's own shape, field for field (IpadicFormatter, word_position included): for checking identity. */
  tokenize(text: string): IpadicFeatures[] {
    const tokens: IpadicFeatures[] = [];
    for (let from = 0; from < text.length; ) {
      let to = from;
      while (to < text.length) {
        const c = text.charCodeAt(to++);
        if (c === SENTENCE_END_1 || c === SENTENCE_END_2) break;
      }
      // kuromoji offsets a sentence's positions by the position of the previous sentence's last token.
      const lastPos = tokens.length > 0 ? tokens[tokens.length - 1]!.word_position : 0;
      const path = this.viterbi.search(text, from, to);
      for (let i = 0; i < path.length; i++) {
        const entry = path.entry[i]!;
        const position = lastPos + path.start[i]! + 1;
        if (entry >= 0) {
          const f = this.words.knownLines.line(entry).split(',');
          tokens.push({
            word_id: entry * 10, word_type: 'KNOWN', word_position: position, surface_form: f[0]!, pos: f[1]!, pos_detail_1: f[2]!, pos_detail_2: f[3]!, pos_detail_3: f[4]!,
            conjugated_type: f[5]!, conjugated_form: f[6]!, basic_form: f[7]!, reading: f[8]!, pronunciation: f[9]!,
          });
        } else {
          const f = this.words.unknownLines.line(~entry).split(',');
          tokens.push({
            word_id: ~entry * 10, word_type: 'UNKNOWN', word_position: position, surface_form: text.slice(from + path.start[i]!, from + path.start[i]! + path.size[i]!),
            pos: f[1]!, pos_detail_1: f[2]!, pos_detail_2: f[3]!, pos_detail_3: f[4]!, conjugated_type: f[5]!, conjugated_form: f[6]!, basic_form: f[7]!,
          } as IpadicFeatures);
        }
      }
      from = to;
    }
    return tokens;
  }
}
