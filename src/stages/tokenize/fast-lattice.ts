/**
 * A faster, output-identical lattice builder for kuromoji 0.1.2 (IPADIC).
 *
 * kuromoji's ViterbiBuilder.build looks up dictionary words at every position by copying the whole rest
 * of the segment (`slice(pos)`), wrapping it in a SurrogateAwareString (a full scan) and encoding it to
 * UTF-8 (another full copy) before walking the trie — quadratic in segment length and, on news text,
 * over half of kuromoji's time. This builder walks the same double-array trie one character at a time
 * and stops where no dictionary word continues, so each position costs only the length of its longest
 * match. Lattice nodes are created with the same arguments in the same order, so the Viterbi search
 * sees the same lattice and returns the same tokens (checked token for token on the whole livedoor
 * corpus: bench/tokenizer-identity.mjs).
 *
 * Feature lines are decoded once per word by kiji's token reader (word-info.ts), not here.
 *
 * Segments containing surrogates keep kuromoji's own builder (kiji masks astral characters before
 * tokenizing, so that path is only a safety net).
 */
import { createRequire } from 'node:module';
import type { KuromojiTokenizer } from './kuromoji.js';

const requireFromHere = createRequire(import.meta.url);

interface ViterbiNodeLike {
  readonly start_pos: number;
}
type ViterbiNodeConstructor = new (name: number, cost: number, startPos: number, length: number, type: 'KNOWN' | 'UNKNOWN', leftId: number, rightId: number, surface: string) => ViterbiNodeLike;
interface ViterbiLatticeLike {
  append(node: ViterbiNodeLike): void;
  appendEos(): void;
}
type ViterbiLatticeConstructor = new () => ViterbiLatticeLike;

interface ByteBufferLike {
  getShort(index: number): number;
}
interface CharClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number | boolean;
  is_grouping: number | boolean;
}
interface DictionaryLike {
  dictionary: ByteBufferLike;
  target_map: Record<number, ArrayLike<number | string>>;
}
interface UnknownDictionaryLike extends DictionaryLike {
  lookup(ch: string): CharClass;
}
interface DoubleArrayLike {
  bc: { getBase(index: number): number; getCheck(index: number): number };
}
interface ViterbiBuilderLike {
  trie: DoubleArrayLike;
  token_info_dictionary: DictionaryLike;
  unknown_dictionary: UnknownDictionaryLike;
  build(sentence: string): ViterbiLatticeLike;
}
interface TokenizerInternals {
  viterbi_builder: ViterbiBuilderLike;
  token_info_dictionary: DictionaryLike;
  unknown_dictionary: UnknownDictionaryLike;
}

/** doublearray's constants: the root node and the code that marks the end of a key. */
const ROOT_ID = 0;
const TERM_CODE = 0;
const NOT_FOUND = -1;

const SURROGATE = /[\ud800-\udfff]/;
const installed = new WeakSet<object>();

/** Replaces the tokenizer's lattice builder and feature lookups in place (once per tokenizer). */
export function installFastLattice(tokenizer: KuromojiTokenizer): void {
  const internals = tokenizer as unknown as TokenizerInternals;
  if (installed.has(internals)) return;
  const builder = internals.viterbi_builder;
  if (!builder?.trie?.bc || !builder.token_info_dictionary?.target_map || typeof builder.unknown_dictionary?.lookup !== 'function') {
    return; // not the kuromoji this was written for: keep its own builder
  }
  const ViterbiNode = requireFromHere('kuromoji/src/viterbi/ViterbiNode.js') as ViterbiNodeConstructor;
  const ViterbiLattice = requireFromHere('kuromoji/src/viterbi/ViterbiLattice.js') as ViterbiLatticeConstructor;
  const original = builder.build.bind(builder);
  const { bc } = builder.trie;
  const known = builder.token_info_dictionary;
  const unknown = builder.unknown_dictionary;

  const traverse = (parent: number, code: number): number => {
    const child = bc.getBase(parent) + code;
    return bc.getCheck(child) === parent ? child : NOT_FOUND;
  };
  /** Walks the UTF-8 bytes of one BMP character; NOT_FOUND when no key continues with it. */
  const step = (parent: number, code: number): number => {
    if (code < 0x80) return traverse(parent, code);
    if (code < 0x800) {
      const p = traverse(parent, (code >>> 6) | 0xc0);
      return p === NOT_FOUND ? p : traverse(p, (code & 0x3f) | 0x80);
    }
    let p = traverse(parent, (code >>> 12) | 0xe0);
    if (p === NOT_FOUND) return p;
    p = traverse(p, ((code >> 6) & 0x3f) | 0x80);
    return p === NOT_FOUND ? p : traverse(p, (code & 0x3f) | 0x80);
  };
  const dict = known.dictionary;
  const unknownDict = unknown.dictionary;

  builder.build = (sentence: string): ViterbiLatticeLike => {
    if (SURROGATE.test(sentence)) return original(sentence);
    const lattice = new ViterbiLattice();
    const length = sentence.length;
    for (let pos = 0; pos < length; pos++) {
      let found = false;
      let parent = ROOT_ID;
      for (let i = pos; i < length; i++) {
        parent = step(parent, sentence.charCodeAt(i));
        if (parent === NOT_FOUND) break;
        const leaf = traverse(parent, TERM_CODE);
        if (leaf === NOT_FOUND) continue;
        found = true;
        const base = bc.getBase(leaf);
        const ids = known.target_map[-base - 1];
        if (base > 0 || !ids) continue;
        const surface = sentence.slice(pos, i + 1);
        for (let n = 0; n < ids.length; n++) {
          const id = Number(ids[n]);
          lattice.append(new ViterbiNode(id, dict.getShort(id + 4), pos + 1, surface.length, 'KNOWN', dict.getShort(id), dict.getShort(id + 2), surface));
        }
      }

      // Unknown words, exactly as kuromoji decides them: when no dictionary word starts here, or the
      // character class always invokes them; grouping classes take the whole run of that class.
      const head = sentence[pos]!;
      const headClass = unknown.lookup(head);
      if (!found || headClass.is_always_invoke === 1) {
        let end = pos + 1;
        if (headClass.is_grouping === 1) {
          while (end < length && unknown.lookup(sentence[end]!).class_name === headClass.class_name) end++;
        }
        const surface = sentence.slice(pos, end);
        const ids = unknown.target_map[headClass.class_id]!;
        for (let n = 0; n < ids.length; n++) {
          const id = Number(ids[n]);
          lattice.append(new ViterbiNode(id, unknownDict.getShort(id + 4), pos + 1, surface.length, 'UNKNOWN', unknownDict.getShort(id), unknownDict.getShort(id + 2), surface));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };

  installed.add(internals);
}
