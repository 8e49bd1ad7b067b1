import { describe, expect, it } from 'vitest';
import { ByteTable, CharTable, PatternScan, requiredCharSets } from '../../src/core/regex.js';
import { DATE_PARSERS } from '../../src/stages/dates/index.js';

/** What `exec` in a loop gives, as parseDates ran it before PatternScan: [pattern, index, match] for each non-empty match. */
function execLoop(patterns: readonly RegExp[], text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  patterns.forEach((pattern, i) => {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0].length === 0) pattern.lastIndex++;
      else out.push([i, m.index, m[0]]);
    }
  });
  return out;
}

function scanned(patterns: readonly RegExp[], text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  new PatternScan(patterns).run(text, (i, m) => out.push([i, m.index, m[0]]));
  return out;
}

describe('PatternScan', () => {
  const patterns = [
    /(?=[0-9一二三])(?<![0-9])([0-9]{1,4}|[一二三]+)年/g, // a leading class: tried only where it can start
    /(?=[0-9])[0-9]+(?:月|日)?/g, // overlapping matches of one pattern: the next starts after the last
    /(?=[年月])(?:年|月)?/g, // can match empty: skipped, as the loop skips it
    /昨年|今年/g, // no leading class: runs as a global regex
    /(?=[0-9])(?<a>[0-9])(?=\k<a>)/dg, // flags kept (d: indices)
    /(?=[\]\\^-])[\]\\^-]+/g, // quoted characters in the class
  ];
  it.each(
    ['2025年3月12日', '二〇二五年と三年', '昨年と今年の1122年', 'a]b\\c^d-e', '', '年年年', '12年34年5678年9', '🎌2025年'],
  )('gives the matches exec gives: %s', (text) => {
    expect(scanned(patterns, text)).toEqual(execLoop(patterns, text));
  });
  it('keeps match indices and groups', () => {
    new PatternScan([patterns[4]!]).run('x112', (_, m) => {
      expect(m.indices?.groups?.a).toEqual([1, 2]);
      expect(m.index).toBe(1);
    });
  });
  it('works with more distinct leading classes than a table word has bits', () => {
    const many = Array.from({ length: 40 }, (_, i) => new RegExp(`(?=[${String.fromCharCode(0x4e00 + i)}])${String.fromCharCode(0x4e00 + i)}+`, 'g'));
    const text = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i).repeat(1 + (i % 3))).join('x');
    expect(scanned(many, text)).toEqual(execLoop(many, text));
    expect(scanned(many, text)).toHaveLength(40);
  });
});

describe('requiredCharSets', () => {
  it.each([
    [/(?=[0-9])(\d{1,4})周年/g, ['周', '年']],
    [/(\d{4})\/?([春夏秋冬])(?![日分巻])/g, ['春夏秋冬']],
    [/(\d{2})[(（](?:(昭和|平成)|(同))(\d{1,2}|元)[)）]年(度)?/g, ['(（', ')）', '年']],
    [/(\d{1,2})([\/\-])(\d{1,2})\2/g, ['/-']],
    [/a|b/g, []], // alternatives at the top: nothing is required
    [/(?:x|y)z+w?v{0,2}u{2}/g, ['z', 'u']], // a group with alternatives, optional parts: left out
    [/(?<=前)(?!後)[^x][0-9a]\d./g, []], // lookarounds, a negated class, a range, escapes, a dot
    // `\p{L}` without the u flag (TypeScript rejects it in a literal): Annex B reads it as the characters p{L}
    [new RegExp(String.raw`(?<n>名)\k<n>\u3042\p{L}`, 'g'), ['名']],
    [/abc/i, []], // flags i and u: nothing claimed
  ])('%s needs %j', (pattern, sets) => {
    expect(requiredCharSets(pattern)).toEqual(sets);
  });
  it('claims only what every match of the date patterns holds', () => {
    const text = '2025年3月12日(水)、平成7年度の第1四半期に1990年代〜21世紀の50周年、3年目の2021夏、4/5と2024-05-06、12(平成24)年、4~6月期、翌12日';
    for (const { pattern } of DATE_PARSERS) {
      for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
        for (const set of requiredCharSets(pattern)) expect([...m[0]].some((c) => set.includes(c)), `${pattern.source} on ${m[0]}`).toBe(true);
      }
    }
  });
  it('lets the scan skip a pattern only on a text without a needed character', () => {
    const patterns = [/(?=[0-9])[0-9]+周年/g, /(?=[0-9])[0-9]+年/g];
    for (const text of ['50周年と3年', '50年', '周年', '']) expect(scanned(patterns, text)).toEqual(execLoop(patterns, text));
  });
});

describe('CharTable', () => {
  it.each([/[。!?！？\n]/, /\s/, /[、,;:・\s)）」』]/, /[\ud800-\udbff]/])('has(c) is %s.test(c) for every UTF-16 unit', (pattern) => {
    const table = new CharTable(pattern);
    for (let c = 0; c < 65536; c++) expect(table.has(c)).toBe(pattern.test(String.fromCharCode(c)));
  });
});

describe('ByteTable', () => {
  it('gives the flat table back for every code unit', () => {
    const flat = new Uint8Array(65536);
    for (let c = 0x30a1; c <= 0x30f6; c++) flat[c] = 2;
    for (let c = 0xd800; c <= 0xdfff; c++) flat[c] = 4;
    flat[0x41] = 9;
    flat[0xffff] = 255;
    const table = new ByteTable(flat);
    for (let c = 0; c < 65536; c++) if (table.of(c) !== flat[c]) expect([c, table.of(c)]).toEqual([c, flat[c]]);
  });
});
