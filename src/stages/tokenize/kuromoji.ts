import type kuromoji from 'kuromoji';
import { KijiError } from '../../core/errors.js';
import type { Token } from '../../core/token.js';
import type { Segment } from '../../text/sentences.js';
import { openDictionaryImage } from './dictionary.js';
import { defaultDictionaryPath, loadDictionaryImage } from './dictionary-file.js';
import { Tokenizer } from './tokenizer.js';

export { Tokenizer } from './tokenizer.js';

/** Stock kuromoji, for benchmarks and identity checks against kiji's tokenizer. */
export type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

export interface LoadTokenizerOptions {
  /** Stock kuromoji 0.1.2 (its own loader, lattice and token objects), for benchmarks against it. */
  stock?: boolean;
}

const loaded = new Map<string, Promise<Tokenizer | KuromojiTokenizer>>();
/** An image handed over by whoever loaded it first (a batch run's main thread, for its workers). */
let provided: { dicPath: string; image: ArrayBufferLike } | undefined;

/**
 * Makes this thread's tokenizer read a dictionary image already in (shared) memory instead of its file:
 * how a batch run's workers share one copy of the dictionary. Call before the first loadTokenizer.
 */
export function useDictionaryImage(image: ArrayBufferLike, dicPath = defaultDictionaryPath()): void {
  provided = { dicPath, image };
}

/**
 * Loads the IPADIC tokenizer once per process (or worker). kiji's tokenizer opens the dictionary image
 * (dictionary-file.ts: read once, tens of milliseconds; shared with worker threads); stock kuromoji loads
 * and inflates its own files (≈ 1.5 s and ≈ 300 MB per copy).
 */
export function loadTokenizer(dicPath?: string, options?: { stock?: false }): Promise<Tokenizer>;
export function loadTokenizer(dicPath: string | undefined, options: { stock: true }): Promise<KuromojiTokenizer>;
export function loadTokenizer(dicPath = defaultDictionaryPath(), options: LoadTokenizerOptions = {}): Promise<Tokenizer | KuromojiTokenizer> {
  const key = `${options.stock ? 'stock' : 'kiji'}:${dicPath}`;
  let tokenizer = loaded.get(key);
  if (!tokenizer) {
    tokenizer = options.stock
      ? import('kuromoji').then(
          ({ default: stock }) =>
            new Promise<KuromojiTokenizer>((resolve, reject) => {
              stock.builder({ dicPath }).build((error, built) => {
                if (error) return reject(new KijiError('E_INTERNAL', `could not load the kuromoji dictionary from ${dicPath}: ${String(error)}; reinstall kiji's dependencies (npm ci)`));
                resolve(built);
              });
            }),
        )
      : Promise.resolve().then(() => new Tokenizer(openDictionaryImage(provided?.dicPath === dicPath ? provided.image : loadDictionaryImage(dicPath))));
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
export function tokenizeSegments(tokenizer: Tokenizer, text: string, segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    const real = text.slice(segment.start, segment.end);
    const piece = maskAstral(real);
    const masked = piece !== real;
    let cursor = segment.start;
    tokenizer.forEachWord(piece, (info, at, length, word) => {
      const start = segment.start + at;
      if (start !== cursor) {
        throw new KijiError('E_TOKENIZE', `a token at offset ${start} does not follow the one before it, which ended at ${cursor}`, { start });
      }
      const end = start + length;
      const surface = text.slice(start, end);
      // A masked surrogate pair's token has the real characters, not its entry's 〓〓: no entry's word id.
      if (masked && word >= 0 && surface !== piece.slice(at, at + length)) word = -1;
      // A dictionary form that is the surface is the surface's string: comparing the two (the organisation features,
      // tense) is then a pointer test, not a comparison of characters.
      const basic = word >= 0 && info.basicIsSurface ? surface : info.basic;
      tokens.push({ surface, start, end, pos: info.pos, pos1: info.pos1, pos2: info.pos2, pos3: info.pos3, basic, reading: info.reading, known: info.known, word });
      cursor = end;
    });
    if (cursor !== segment.end) {
      throw new KijiError('E_TOKENIZE', `tokens cover ${cursor - segment.start} of ${segment.end - segment.start} characters of a segment at offset ${segment.start}`);
    }
  }
  return tokens;
}
