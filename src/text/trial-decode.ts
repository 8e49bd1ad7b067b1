/**
 * Strict decoding in one encoding, and the byte offset of the first invalid sequence when it fails.
 *
 * Decoding itself is Node's native `TextDecoder` (WHATWG: "shift_jis" is CP932, "euc-jp" includes
 * the NEC row), which is linear and fast. `TextDecoder` does not say *where* it failed, so on failure
 * we find the shortest failing prefix by binary search (still O(n log n), only on the error path)
 * and map it back to the start of the byte sequence with a small structural scanner per encoding.
 */
import { TextDecoder } from 'node:util';
import { KijiError } from '../core/errors.js';
import { encodingInfo, type SupportedEncoding } from '../data/encodings.js';

export type TrialResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly byteOffset: number };

function newDecoder(encoding: SupportedEncoding, fatal: boolean): TextDecoder {
  try {
    // ignoreBOM: the caller strips a UTF-8 BOM itself and reports it.
    return new TextDecoder(encodingInfo(encoding).decoderLabel, { fatal, ignoreBOM: true });
  } catch (cause) {
    throw new KijiError(
      'E_INTERNAL',
      `this Node.js build cannot decode ${encodingInfo(encoding).display} (TextDecoder needs full ICU; process.versions.icu=${String(process.versions.icu)})`,
      { encoding },
      { cause },
    );
  }
}

export function tryDecode(bytes: Uint8Array, encoding: SupportedEncoding): TrialResult {
  try {
    return { ok: true, text: newDecoder(encoding, true).decode(bytes) };
  } catch (error) {
    if (error instanceof KijiError) throw error;
    return { ok: false, byteOffset: firstInvalidByte(bytes, encoding) };
  }
}

/** Decoding that replaces invalid sequences with U+FFFD; used only to rank guesses. */
export function decodeLossy(bytes: Uint8Array, encoding: SupportedEncoding): string {
  return newDecoder(encoding, false).decode(bytes);
}

function prefixFails(bytes: Uint8Array, encoding: SupportedEncoding, length: number): boolean {
  try {
    // stream: true — an incomplete sequence at the cut is not an error.
    newDecoder(encoding, true).decode(bytes.subarray(0, length), { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Offset of the start of the first sequence that does not decode; assumes the whole input fails. */
export function firstInvalidByte(bytes: Uint8Array, encoding: SupportedEncoding): number {
  if (!prefixFails(bytes, encoding, bytes.length)) {
    // Only the end is wrong: a sequence cut short by the end of the file.
    return sequenceStartAt(bytes, encoding, bytes.length - 1);
  }
  let lo = 1;
  let hi = bytes.length; // invariant: prefix of length hi fails, of length lo - 1 does not
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefixFails(bytes, encoding, mid)) hi = mid;
    else lo = mid + 1;
  }
  return sequenceStartAt(bytes, encoding, hi - 1);
}

/**
 * Walks sequence boundaries up to `pos` and returns the start of the sequence that contains it,
 * or the offset of an earlier structurally broken sequence.
 */
function sequenceStartAt(bytes: Uint8Array, encoding: SupportedEncoding, pos: number): number {
  const lengthAt = SEQUENCE_LENGTH[encoding];
  let i = 0;
  while (i <= pos) {
    const len = lengthAt(bytes, i);
    if (len === 0 || i + len > pos) return i;
    i += len;
  }
  return pos;
}

const inRange = (b: number | undefined, lo: number, hi: number): boolean => b !== undefined && b >= lo && b <= hi;

/** Byte length of the well-formed sequence starting at i, or 0 when it is malformed or cut short. */
type SequenceLength = (bytes: Uint8Array, i: number) => number;

const SEQUENCE_LENGTH: Readonly<Record<SupportedEncoding, SequenceLength>> = {
  // WHATWG UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
  'utf-8': (bytes, i) => {
    const b = bytes[i] ?? 0;
    const t = (k: number, lo = 0x80, hi = 0xbf) => inRange(bytes[i + k], lo, hi);
    if (b < 0x80) return 1;
    if (b >= 0xc2 && b <= 0xdf) return t(1) ? 2 : 0;
    if (b === 0xe0) return t(1, 0xa0) && t(2) ? 3 : 0;
    if (b === 0xed) return t(1, 0x80, 0x9f) && t(2) ? 3 : 0;
    if (b >= 0xe1 && b <= 0xef) return t(1) && t(2) ? 3 : 0;
    if (b === 0xf0) return t(1, 0x90) && t(2) && t(3) ? 4 : 0;
    if (b >= 0xf1 && b <= 0xf3) return t(1) && t(2) && t(3) ? 4 : 0;
    if (b === 0xf4) return t(1, 0x80, 0x8f) && t(2) && t(3) ? 4 : 0;
    return 0;
  },
  // WHATWG Shift_JIS (CP932): single bytes 00-80 and A1-DF; lead 81-9F/E0-FC, trail 40-7E/80-FC.
  shift_jis: (bytes, i) => {
    const b = bytes[i] ?? 0;
    if (b <= 0x80 || (b >= 0xa1 && b <= 0xdf)) return 1;
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      const trail = bytes[i + 1];
      return inRange(trail, 0x40, 0x7e) || inRange(trail, 0x80, 0xfc) ? 2 : 0;
    }
    return 0;
  },
  // WHATWG EUC-JP: ASCII; 8E + half-width kana; 8F + JIS X 0212 pair; A1-FE pair (JIS X 0208).
  'euc-jp': (bytes, i) => {
    const b = bytes[i] ?? 0;
    if (b < 0x80) return 1;
    if (b === 0x8e) return inRange(bytes[i + 1], 0xa1, 0xdf) ? 2 : 0;
    if (b === 0x8f) return inRange(bytes[i + 1], 0xa1, 0xfe) && inRange(bytes[i + 2], 0xa1, 0xfe) ? 3 : 0;
    if (b >= 0xa1 && b <= 0xfe) return inRange(bytes[i + 1], 0xa1, 0xfe) ? 2 : 0;
    return 0;
  },
};
