import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { KijiError } from '../../src/core/errors.js';
import { decodeBytes } from '../../src/text/decode.js';

const ARTICLE = '北海道電力㈱は①新料金を発表した。値上げ幅は約≒３％、ⅰ期の計画で髙橋社長が説明した。';
const PLAIN = '東京都は二十三日、新たな防災計画を公表した。区民への説明会は来月開く予定だ。';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const encode = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function decodeError(bytes: Uint8Array): KijiError {
  try {
    decodeBytes(bytes);
  } catch (error) {
    if (error instanceof KijiError) return error;
    throw error;
  }
  throw new Error('expected decodeBytes to throw');
}

describe('decodeBytes: encodings detected from the bytes', () => {
  it.each([
    ['UTF-8', ARTICLE, 'utf-8', 'utf-8'],
    ['CP932 with NEC/IBM extensions (①㈱≒ⅰ髙)', ARTICLE, 'cp932', 'shift_jis'],
    ['Shift_JIS without extension chars', PLAIN, 'shift_jis', 'shift_jis'],
    ['EUC-JP with NEC row (①㈱)', ARTICLE, 'euc-jp', 'euc-jp'],
    ['EUC-JP without extension chars', PLAIN, 'euc-jp', 'euc-jp'],
  ] as const)('%s', (_name, text, iconvName, encoding) => {
    expect(decodeBytes(encode(text, iconvName))).toEqual({ text, encoding, bom: false });
  });

  it('a corrupt EUC-JP file is an error, not half-width-kana Shift_JIS garbage', () => {
    const before = encode('北海道電力㈱は新料金を発表した。', 'euc-jp');
    const error = decodeError(concat(before, new Uint8Array([0xa4, 0x20]), encode('値上げ幅は約３％。', 'euc-jp')));
    expect(error.details).toMatchObject({ encoding: 'euc-jp', byteOffset: before.length });
  });

  it('short legacy texts: 1-line Shift_JIS and EUC-JP are told apart', () => {
    expect(decodeBytes(encode('株価が上昇', 'shift_jis'))).toMatchObject({ encoding: 'shift_jis', text: '株価が上昇' });
    expect(decodeBytes(encode('株価が上昇', 'euc-jp'))).toMatchObject({ encoding: 'euc-jp', text: '株価が上昇' });
  });

  it('strips a UTF-8 BOM from the text and reports it', () => {
    const result = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(PLAIN)));
    expect(result).toEqual({ text: PLAIN, encoding: 'utf-8', bom: true });
  });

  it('pure ASCII is UTF-8', () => {
    expect(decodeBytes(utf8('Tokyo, Nov 23 (Reuters) - Shares rose.'))).toMatchObject({ encoding: 'utf-8' });
  });
});

describe('decodeBytes: declared charsets', () => {
  const page = (head: string) => `<html><head>${head}<title>記事</title></head><body><p>${ARTICLE}</p></body></html>`;

  it.each([
    ['<meta charset="shift_jis">', 'cp932', 'shift_jis'],
    ['<meta charset=Shift_JIS>', 'cp932', 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=x-sjis">', 'cp932', 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">', 'euc-jp', 'euc-jp'],
    ['<meta charset="windows-31j">', 'cp932', 'shift_jis'],
  ] as const)('%s', (meta, iconvName, encoding) => {
    const html = page(meta);
    const result = decodeBytes(encode(html, iconvName));
    expect(result).toMatchObject({ encoding, text: html });
  });

  it('<?xml encoding="EUC-JP"?>', () => {
    const xml = `<?xml version="1.0" encoding="EUC-JP"?><doc>${PLAIN}</doc>`;
    expect(decodeBytes(encode(xml, 'euc-jp'))).toMatchObject({ encoding: 'euc-jp', text: xml });
  });

  it('a stale <meta charset="shift_jis"> on a file re-saved as UTF-8 does not win', () => {
    const html = page('<meta charset="shift_jis">');
    expect(decodeBytes(utf8(html))).toMatchObject({ encoding: 'utf-8', text: html });
  });

  it('a declaration that does not decode falls back to detection', () => {
    const html = page('<meta charset="utf-8">');
    expect(decodeBytes(encode(html, 'cp932'))).toMatchObject({ encoding: 'shift_jis', text: html });
  });
});

describe('decodeBytes: errors', () => {
  it.each([
    ['0 bytes', new Uint8Array(), /empty \(0 bytes\)/],
    ['only whitespace', utf8(' \n\t\r\n　 '), /only whitespace/],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), /only whitespace/],
  ])('E_EMPTY: %s', (_name, bytes, message) => {
    const error = decodeError(bytes);
    expect(error.code).toBe('E_EMPTY');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a PNG header', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], /PNG image/],
    ['a zip archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], /zip archive/],
    ['NUL bytes', [...Buffer.from('本文'), 0, 0x41], /NUL bytes \(first at byte 6\)/],
    ['UTF-16LE without BOM', [...Buffer.from('Tokyo shares rose today', 'utf16le')], /looks like UTF-16/],
    ['many control bytes', [...Buffer.from('ab'), ...Array<number>(20).fill(0x01), ...Buffer.from('cd')], /control bytes/],
  ])('E_BINARY: %s', (_name, bytes, message) => {
    const error = decodeError(new Uint8Array(bytes));
    expect(error.code).toBe('E_BINARY');
    expect(error.message).toMatch(message);
  });

  it('E_DECODE names the first invalid byte of a mostly-UTF-8 file', () => {
    const before = utf8('日本銀行は金融政策の現状維持を決めた。');
    const error = decodeError(concat(before, new Uint8Array([0xff]), utf8('以上。')));
    expect(error.code).toBe('E_DECODE');
    expect(error.details.byteOffset).toBe(before.length);
    expect(error.details.encoding).toBe('utf-8');
    expect(error.message).toBe(`invalid UTF-8 at byte ${before.length} (0xff); not valid Shift_JIS or EUC-JP either`);
  });

  it('E_DECODE points at the lead byte of a truncated UTF-8 sequence at the end', () => {
    const before = utf8('大阪府の人口は減少した');
    const error = decodeError(concat(before, new Uint8Array([0xe3, 0x81])));
    expect(error.details.byteOffset).toBe(before.length);
  });

  it('E_DECODE in a Shift_JIS file reports the Shift_JIS offset of an unmapped pair', () => {
    const before = encode('東証株価指数は反落した。', 'cp932');
    const bytes = concat(before, new Uint8Array([0x85, 0x40]), encode('終値', 'cp932'));
    const error = decodeError(bytes);
    expect(error.code).toBe('E_DECODE');
    expect(error.details).toMatchObject({ encoding: 'shift_jis', byteOffset: before.length });
    expect(error.message).toContain(`invalid Shift_JIS at byte ${before.length} (0x85)`);
  });

  it('E_DECODE uses the declared encoding as the best guess', () => {
    const before = encode('<meta charset="euc-jp"><p>政府は', 'euc-jp');
    const error = decodeError(concat(before, new Uint8Array([0xa4, 0x20]), encode('発表', 'euc-jp')));
    expect(error.details).toMatchObject({ encoding: 'euc-jp', byteOffset: before.length });
    expect(error.message).toMatch(/declares euc-jp in <meta charset>/);
  });

  it('E_DECODE after a BOM counts the BOM in the offset', () => {
    const error = decodeError(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('本文'), new Uint8Array([0xc0, 0x80])));
    expect(error.details).toMatchObject({ encoding: 'utf-8', byteOffset: 9 });
  });

  it('E_DECODE for UTF-16 BOMs and ISO-2022-JP, by name', () => {
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).message).toMatch(/UTF-16LE byte-order mark/);
    // iconv-lite has no ISO-2022-JP encoder: JIS bytes are EUC-JP bytes without the high bit, between escapes.
    const jis = concat(new Uint8Array([0x1b, 0x24, 0x42]), encode('政府は発表した', 'euc-jp').map((b) => b & 0x7f), new Uint8Array([0x1b, 0x28, 0x42]));
    expect(decodeError(jis).message).toMatch(/ISO-2022-JP/);
  });

  it('includes the path from the hint', () => {
    try {
      decodeBytes(new Uint8Array(), { path: 'news/a.txt' });
      expect.unreachable();
    } catch (error) {
      expect((error as KijiError).message).toMatch(/^news\/a\.txt: /);
      expect((error as KijiError).details.path).toBe('news/a.txt');
    }
  });
});
