/**
 * Cheap looks at the raw bytes before any decoding: byte-order marks, binary files,
 * and charset declarations in the first bytes of HTML/XML.
 */
import { BINARY_SIGNATURES } from '../data/binary-signatures.js';
import {
  ISO_2022_JP_ESCAPES,
  UNSUPPORTED_BOMS,
  UNSUPPORTED_ENCODING_LABELS,
  UTF8_BOM,
  encodingForLabel,
  type EncodingInfo,
} from '../data/encodings.js';

/** How far binary sniffing and charset declarations are looked for. */
export const BINARY_SNIFF_BYTES = 8192;
export const DECLARATION_SNIFF_BYTES = 2048;
/** Above this share of control bytes in the sniff window the file is not text. */
const MAX_CONTROL_SHARE = 0.1;

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return startsWithBytes(bytes, UTF8_BOM);
}

/** Name of an encoding we don't decode whose BOM starts the bytes (UTF-16). */
export function unsupportedBom(bytes: Uint8Array): string | undefined {
  return UNSUPPORTED_BOMS.find((sig) => startsWithBytes(bytes, sig.bytes))?.what;
}

function hexBytes(bytes: Uint8Array, count: number): string {
  return Array.from(bytes.subarray(0, count), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Control bytes that never appear in text (tab, LF, VT, FF, CR and ESC do). */
function isTextHostileControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** 1 for a text-hostile control byte: counting them is a table look-up per byte (a third of the time of a for-of loop with the test, which every article's read paid). */
const HOSTILE_CONTROL = Uint8Array.from({ length: 256 }, (_, b) => (isTextHostileControl(b) ? 1 : 0));

/** Why the bytes are not text, or undefined when they may be. */
export function describeBinary(bytes: Uint8Array): string | undefined {
  const signature = BINARY_SIGNATURES.find((sig) => startsWithBytes(bytes, sig.bytes));
  if (signature) return `looks like ${signature.what} (starts with ${hexBytes(bytes, signature.bytes.length)})`;

  const window = bytes.subarray(0, BINARY_SNIFF_BYTES);
  // NUL is searched in the whole file (memchr: cheap): one after the sniffed window used to reach the
  // tokenizer and fail the article as E_TOKENIZE instead of E_BINARY.
  const firstNul = bytes.indexOf(0);
  if (firstNul >= BINARY_SNIFF_BYTES) return `contains a NUL byte at byte ${firstNul} (text never does: the file is damaged or not text)`;
  if (firstNul >= 0) {
    // UTF-16 text without a BOM is the usual source of NULs in "text" files: say so.
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = 0; i < window.length; i++) if (window[i] === 0) i % 2 === 0 ? evenNuls++ : oddNuls++;
    const half = window.length / 2;
    const utf16 = Math.max(evenNuls, oddNuls) > half * 0.3 && Math.min(evenNuls, oddNuls) < half * 0.02;
    return `contains NUL bytes (first at byte ${firstNul})${utf16 ? '; it looks like UTF-16 without a byte-order mark' : ''}`;
  }
  let controls = 0;
  for (let i = 0; i < window.length; i++) controls += HOSTILE_CONTROL[window[i]!]!;
  if (window.length > 0 && controls / window.length > MAX_CONTROL_SHARE) {
    const pct = Math.round((controls / window.length) * 100);
    return `${pct}% of the first ${window.length} bytes are control bytes`;
  }
  return undefined;
}

/** True when the bytes switch into JIS X 0208 the ISO-2022-JP way; they would otherwise pass as ASCII. */
export function looksLikeIso2022Jp(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, BINARY_SNIFF_BYTES);
  for (let i = window.indexOf(0x1b); i >= 0; i = window.indexOf(0x1b, i + 1)) {
    if (ISO_2022_JP_ESCAPES.some((esc) => esc.every((b, k) => window[i + k] === b))) return true;
  }
  return false;
}

export interface CharsetDeclaration {
  /** The label as written, e.g. "Shift_JIS". */
  readonly label: string;
  /** Where it was found, for messages. */
  readonly source: '<meta charset>' | '<?xml encoding?>';
  /** The supported encoding it names, if any. */
  readonly encoding?: EncodingInfo;
  /** Display name of a known but unsupported encoding it names (ISO-2022-JP, UTF-16). */
  readonly unsupported?: string;
}

// Structural patterns only; what the label means is looked up in the encodings table.
const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i;
// Matches both <meta charset="x"> and <meta http-equiv=... content="text/html; charset=x">.
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a document declares in its first bytes (read as ASCII). */
export function findCharsetDeclaration(bytes: Uint8Array): CharsetDeclaration | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_SNIFF_BYTES)).toString('latin1');
  const xml = XML_DECLARATION.exec(head);
  const meta = xml ? undefined : META_CHARSET.exec(head);
  const label = xml?.[1] ?? meta?.[1];
  if (label === undefined) return undefined;
  const source = xml ? '<?xml encoding?>' : '<meta charset>';
  const encoding = encodingForLabel(label);
  const unsupported = UNSUPPORTED_ENCODING_LABELS[label.toLowerCase()];
  return { label, source, ...(encoding ? { encoding } : {}), ...(unsupported ? { unsupported } : {}) };
}
