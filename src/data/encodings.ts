/**
 * The encodings the decode stage supports, with the labels documents use for them.
 * Lookups go through `encodingForLabel`; nothing else in the code knows alias spellings.
 */
export type SupportedEncoding = 'utf-8' | 'shift_jis' | 'euc-jp';

export interface EncodingInfo {
  readonly name: SupportedEncoding;
  /** How messages name the encoding. */
  readonly display: string;
  /** Label handed to `TextDecoder`. WHATWG "shift_jis" is CP932 (NEC and IBM extensions included). */
  readonly decoderLabel: string;
  /** Lower-case labels seen in `<meta charset>` / `<?xml encoding?>`. */
  readonly aliases: readonly string[];
}

export const ENCODINGS: readonly EncodingInfo[] = [
  {
    name: 'utf-8',
    display: 'UTF-8',
    decoderLabel: 'utf-8',
    aliases: ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'],
  },
  {
    name: 'shift_jis',
    display: 'Shift_JIS',
    decoderLabel: 'shift_jis',
    aliases: [
      'shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'csshiftjis', 'cp932', 'ms932',
      'windows-31j', 'x-ms-cp932',
    ],
  },
  {
    name: 'euc-jp',
    display: 'EUC-JP',
    decoderLabel: 'euc-jp',
    aliases: ['euc-jp', 'eucjp', 'x-euc-jp', 'cseucpkdfmtjapanese', 'x-euc', 'ujis', 'eucjp-ms', 'euc-jp-ms'],
  },
];

/** Encodings we recognise but do not decode, so the error can name them instead of guessing. */
export const UNSUPPORTED_ENCODING_LABELS: Readonly<Record<string, string>> = {
  'iso-2022-jp': 'ISO-2022-JP (JIS)',
  csiso2022jp: 'ISO-2022-JP (JIS)',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

export interface ByteSignature {
  readonly bytes: readonly number[];
  readonly what: string;
}

/** The UTF-8 byte-order mark; stripped from the text and reported as `bom: true`. */
export const UTF8_BOM: readonly number[] = [0xef, 0xbb, 0xbf];

/** Byte-order marks of encodings we do not decode. */
export const UNSUPPORTED_BOMS: readonly ByteSignature[] = [
  { bytes: [0xff, 0xfe], what: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], what: 'UTF-16BE' },
];

/** ISO-2022-JP switches into JIS X 0208 with these escape sequences (ESC $ @, ESC $ B). */
export const ISO_2022_JP_ESCAPES: readonly (readonly number[])[] = [
  [0x1b, 0x24, 0x40],
  [0x1b, 0x24, 0x42],
];

const BY_ALIAS: ReadonlyMap<string, EncodingInfo> = new Map(
  ENCODINGS.flatMap((info) => info.aliases.map((alias) => [alias, info] as const)),
);

export function encodingForLabel(label: string): EncodingInfo | undefined {
  return BY_ALIAS.get(label.trim().toLowerCase());
}

export function encodingInfo(name: SupportedEncoding): EncodingInfo {
  const info = ENCODINGS.find((e) => e.name === name);
  if (!info) throw new Error(`unknown encoding ${name}`);
  return info;
}
