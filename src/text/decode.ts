/**
 * Bytes → text. The order of evidence: byte-order mark, then a charset the document declares,
 * then strict UTF-8, then trial decoding as Shift_JIS (CP932) and EUC-JP ranked by how
 * Japanese the result looks. Every failure is a KijiError that says what was seen.
 */
import { KijiError } from '../core/errors.js';
import { ENCODINGS, UTF8_BOM, encodingInfo, type SupportedEncoding } from '../data/encodings.js';
import {
  describeBinary,
  findCharsetDeclaration,
  hasUtf8Bom,
  looksLikeIso2022Jp,
  unsupportedBom,
  type CharsetDeclaration,
} from './byte-sniff.js';
import { hasNonAscii, japanesePlausibility } from './plausibility.js';
import { decodeLossy, tryDecode } from './trial-decode.js';

export type { SupportedEncoding } from '../data/encodings.js';

export interface DecodedText {
  readonly text: string;
  readonly encoding: SupportedEncoding;
  /** The bytes started with a UTF-8 byte-order mark (not included in `text`). */
  readonly bom: boolean;
}

export interface DecodeHint {
  /** Only used to name the file in error messages and details. */
  readonly path?: string;
}

/** Encodings tried, in order, when nothing declares one. */
const LEGACY_ENCODINGS: readonly SupportedEncoding[] = ['shift_jis', 'euc-jp'];

/**
 * A legacy reading must look at least this Japanese to be accepted undeclared: EUC-JP bytes
 * with one corrupt byte still "decode" as Shift_JIS, into half-width-kana garbage (score < 0).
 * Japanese prose scores above 1; full-width-only lines about 0.5.
 */
const MIN_LEGACY_PLAUSIBILITY = 0.25;

export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodedText {
  const where = hint.path ? `${hint.path}: ` : '';
  const pathDetail = hint.path ? { path: hint.path } : {};

  if (bytes.length === 0) throw new KijiError('E_EMPTY', `${where}the file is empty (0 bytes)`, pathDetail);

  const otherBom = unsupportedBom(bytes);
  if (otherBom) {
    throw new KijiError(
      'E_DECODE',
      `${where}the file starts with a ${otherBom} byte-order mark; kiji reads UTF-8, Shift_JIS and EUC-JP — re-save it as UTF-8`,
      { ...pathDetail, encoding: otherBom, byteOffset: 0 },
    );
  }
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;

  const binary = describeBinary(body);
  if (binary) throw new KijiError('E_BINARY', `${where}not a text file: ${binary}`, pathDetail);
  if (looksLikeIso2022Jp(body)) {
    throw new KijiError(
      'E_DECODE',
      `${where}the file is ISO-2022-JP (JIS) encoded, which kiji does not read; re-save it as UTF-8`,
      { ...pathDetail, encoding: 'iso-2022-jp' },
    );
  }

  const decoded = bom ? decodeAfterBom(body, where, pathDetail) : detectAndDecode(body, where, pathDetail);
  if (decoded.text.trim() === '') {
    throw new KijiError('E_EMPTY', `${where}the file holds only whitespace (${bytes.length} bytes)`, pathDetail);
  }
  return { ...decoded, bom };
}

/** A UTF-8 BOM is strong evidence: no fallback to other encodings. Offsets count the BOM. */
function decodeAfterBom(body: Uint8Array, where: string, pathDetail: object): Omit<DecodedText, 'bom'> {
  const result = tryDecode(body, 'utf-8');
  if (result.ok) return { text: result.text, encoding: 'utf-8' };
  const byteOffset = result.byteOffset + UTF8_BOM.length;
  throw new KijiError(
    'E_DECODE',
    `${where}invalid UTF-8 at byte ${byteOffset} (${hexByte(body[result.byteOffset])}) after a UTF-8 byte-order mark`,
    { ...pathDetail, encoding: 'utf-8', byteOffset },
  );
}

function detectAndDecode(bytes: Uint8Array, where: string, pathDetail: object): Omit<DecodedText, 'bom'> {
  const declaration = findCharsetDeclaration(bytes);
  const declared = declaration?.encoding?.name;
  const utf8 = tryDecode(bytes, 'utf-8');

  if (declared && declared !== 'utf-8') {
    const result = tryDecode(bytes, declared);
    // Files are often converted to UTF-8 with the old <meta charset> left in place; valid UTF-8
    // that reads as more Japanese than the declared reading wins over the declaration.
    const utf8Better =
      utf8.ok && hasNonAscii(utf8.text) && result.ok && japanesePlausibility(utf8.text) > japanesePlausibility(result.text);
    if (result.ok && !utf8Better) return { text: result.text, encoding: declared };
  }
  if (utf8.ok) return { text: utf8.text, encoding: 'utf-8' };

  const candidates = LEGACY_ENCODINGS.map((encoding) => ({ encoding, result: tryDecode(bytes, encoding) }));
  let best: { encoding: SupportedEncoding; text: string; score: number } | undefined;
  for (const { encoding, result } of candidates) {
    if (!result.ok) continue;
    const score = japanesePlausibility(result.text);
    if (score < MIN_LEGACY_PLAUSIBILITY) continue;
    // Ties keep the earlier (Shift_JIS) reading: it is the more common legacy encoding.
    if (!best || score > best.score) best = { encoding, text: result.text, score };
  }
  if (best) return { text: best.text, encoding: best.encoding };

  const offsets: Record<string, number> = { 'utf-8': utf8.ok ? -1 : utf8.byteOffset };
  for (const { encoding, result } of candidates) offsets[encoding] = result.ok ? -1 : result.byteOffset;
  throw undecodableError(bytes, offsets, declaration, where, pathDetail);
}

/** Names the best-guess encoding (declared, else the most Japanese-looking lossy reading) and where it breaks. */
function undecodableError(
  bytes: Uint8Array,
  offsets: Readonly<Record<string, number>>,
  declaration: CharsetDeclaration | undefined,
  where: string,
  pathDetail: object,
): KijiError {
  const ranked = ENCODINGS.map((info) => ({ info, score: japanesePlausibility(decodeLossy(bytes, info.name)) }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.info);
  const guess = declaration?.encoding ?? ranked[0] ?? encodingInfo('utf-8');
  const byteOffset = offsets[guess.name] ?? 0;
  const others = ENCODINGS.filter((e) => e !== guess).map((e) => e.display);
  const declared = declaration
    ? `; the file declares ${declaration.unsupported ?? declaration.label} in ${declaration.source}`
    : '';
  return new KijiError(
    'E_DECODE',
    `${where}invalid ${guess.display} at byte ${byteOffset} (${hexByte(bytes[byteOffset])}); not valid ${others.join(' or ')} either${declared}`,
    { ...pathDetail, encoding: guess.name, byteOffset, firstInvalidByteByEncoding: offsets },
  );
}

function hexByte(b: number | undefined): string {
  return b === undefined ? 'end of file' : `0x${b.toString(16).padStart(2, '0')}`;
}
