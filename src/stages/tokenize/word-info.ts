/**
 * kiji's read of kuromoji's best path, without kuromoji's token objects.
 *
 * `Tokenizer.tokenize` builds, for every token, a ten-field object from a freshly split feature line;
 * kiji then copies five of those fields into its own token. Here the Viterbi path is walked directly and
 * each word's fields are split once per word id and shared, so a token costs one object. The path, the
 * splitting at 、 and 。 and the fields are kuromoji 0.1.2's own (Tokenizer.tokenize / tokenizeForSentence /
 * IpadicFormatter), so the tokens are the same (test/tokenize/fast-lattice.test.ts, bench/tokenizer-identity.mjs).
 */
import type { KuromojiTokenizer } from './kuromoji.js';

/** The dictionary fields of one word, shared by all its occurrences. */
export interface WordInfo {
  /** The dictionary's surface (known words); unknown words take theirs from the text. */
  readonly surface: string | undefined;
  readonly pos: string;
  readonly pos1: string;
  readonly pos2: string;
  readonly pos3: string;
  readonly basic: string;
  /** Undefined for unknown words and where IPADIC has `*`. */
  readonly reading: string | undefined;
  readonly known: boolean;
}

interface PathNode {
  name: number;
  type: 'KNOWN' | 'UNKNOWN' | string;
  surface_form: string;
}
interface Internals {
  viterbi_builder: { build(sentence: string): unknown };
  viterbi_searcher: { search(lattice: unknown): PathNode[] };
  token_info_dictionary: { getFeatures(id: number): string | null | undefined };
  unknown_dictionary: { getFeatures(id: number): string | null | undefined };
}

const caches = new WeakMap<object, { known: Map<number, WordInfo>; unknown: Map<number, WordInfo> }>();

function infoOf(features: string | null | undefined, known: boolean): WordInfo {
  const f = features == null ? [] : features.split(',');
  const reading = known ? f[8] : undefined;
  return {
    surface: known ? f[0] : undefined,
    pos: f[1]!,
    pos1: f[2]!,
    pos2: f[3]!,
    pos3: f[4]!,
    basic: f[7]!,
    reading: reading === undefined || reading === '*' ? undefined : reading,
    known,
  };
}

/**
 * Calls `visit(surface, info)` for each token of `piece`, in order: what `tokenizer.tokenize(piece)` gives,
 * as (surface_form, fields). `piece` must contain no surrogates (kiji masks them first).
 */
export function forEachWord(tokenizer: KuromojiTokenizer, piece: string, visit: (surface: string, info: WordInfo) => void): void {
  const t = tokenizer as unknown as Internals;
  let cache = caches.get(t);
  if (!cache) caches.set(t, (cache = { known: new Map(), unknown: new Map() }));
  // kuromoji's splitByPunctuation: each sentence ends after 、 or 。 and gets its own lattice.
  let from = 0;
  while (from < piece.length) {
    let to = from;
    while (to < piece.length && piece[to] !== '、' && piece[to] !== '。') to++;
    if (to < piece.length) to++;
    const path = t.viterbi_searcher.search(t.viterbi_builder.build(piece.slice(from, to)));
    for (const node of path) {
      if (node.type === 'KNOWN') {
        let info = cache.known.get(node.name);
        if (!info) cache.known.set(node.name, (info = infoOf(t.token_info_dictionary.getFeatures(node.name), true)));
        visit(info.surface ?? '', info); // no feature line: an empty surface, which the caller's coverage check reports
      } else {
        // Unknown words (and, in kuromoji, user-dictionary words, which kiji does not load).
        let info = cache.unknown.get(node.name);
        if (!info) cache.unknown.set(node.name, (info = infoOf(t.unknown_dictionary.getFeatures(node.name), false)));
        visit(node.surface_form, info);
      }
    }
    from = to;
  }
}
