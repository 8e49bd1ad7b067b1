import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { KijiError } from '../../core/errors.js';
import type { Segment } from '../../text/sentences.js';
import { installFastLattice } from './fast-lattice.js';
import { forEachWord } from './word-info.js';

/** One kuromoji (IPADIC) token. `start`/`end` are offsets into the normalized text. */
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
  /** False for words IPADIC does not know. */
  known: boolean;
}

export type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

const requireFromHere = createRequire(import.meta.url);

export function defaultDictionaryPath(): string {
  return join(dirname(requireFromHere.resolve('kuromoji/package.json')), 'dict');
}

const loaded = new Map<string, Promise<KuromojiTokenizer>>();

export interface LoadTokenizerOptions {
  /**
   * Keep kuromoji's own lattice builder and feature lookup (for benchmarks against stock kuromoji).
   * By default kiji installs an output-identical, faster builder (fast-lattice.ts).
   */
  stock?: boolean;
}

/** Loads the IPADIC tokenizer once per process (or worker): ~0.7 s and ~370 MB, so never twice. */
export function loadTokenizer(dicPath = defaultDictionaryPath(), options: LoadTokenizerOptions = {}): Promise<KuromojiTokenizer> {
  const key = `${options.stock ? 'stock' : 'fast'}:${dicPath}`;
  let tokenizer = loaded.get(key);
  if (!tokenizer) {
    tokenizer = new Promise((resolve, reject) => {
      kuromoji.builder({ dicPath }).build((error, built) => {
        if (error) return reject(new KijiError('E_INTERNAL', `could not load the kuromoji dictionary from ${dicPath}: ${String(error)}`));
        if (!options.stock) installFastLattice(built);
        resolve(built);
      });
    });
    loaded.set(key, tokenizer);
  }
  return tokenizer;
}

/** A BMP stand-in for each half of a surrogate pair: same length, so offsets stay exact. */
const ASTRAL_MASK = '\u3013';

/**
 * kuromoji mishandles characters outside the BMP (𠮷, emoji): it miscounts their positions and can
 * drop the characters after them. It is fed each surrogate pair as two 〓 symbols instead, and token
 * surfaces are taken back from the real text.
 */
function maskAstral(piece: string): string {
  return /[\ud800-\udfff]/.test(piece) ? piece.replace(/[\ud800-\udfff]/g, ASTRAL_MASK) : piece;
}

/**
 * Tokenizes each segment separately and places tokens in the whole text.
 * The tokens of a segment must spell the segment exactly: a mismatch is an error, not a silent drift.
 */
export function tokenizeSegments(tokenizer: KuromojiTokenizer, text: string, segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    const piece = maskAstral(text.slice(segment.start, segment.end));
    let cursor = segment.start;
    forEachWord(tokenizer, piece, (surface, info) => {
      const start = cursor;
      const end = start + surface.length;
      if (!piece.startsWith(surface, start - segment.start)) {
        throw new KijiError('E_TOKENIZE', `token "${surface}" does not line up with the text at offset ${start}`, { start });
      }
      const token: Token = { surface: text.slice(start, end), start, end, pos: info.pos, pos1: info.pos1, pos2: info.pos2, pos3: info.pos3, basic: info.basic, known: info.known };
      if (info.reading !== undefined) token.reading = info.reading;
      tokens.push(token);
      cursor = end;
    });
    if (cursor !== segment.end) {
      throw new KijiError('E_TOKENIZE', `tokens cover ${cursor - segment.start} of ${segment.end - segment.start} characters of a segment at offset ${segment.start}`);
    }
  }
  return tokens;
}
