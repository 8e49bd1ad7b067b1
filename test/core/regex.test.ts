import { describe, expect, it } from 'vitest';
import { CharTable, PatternScan } from '../../src/core/regex.js';

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

describe('CharTable', () => {
  it.each([/[。!?！？\n]/, /\s/, /[、,;:・\s)）」』]/, /[\ud800-\udbff]/])('has(c) is %s.test(c) for every UTF-16 unit', (pattern) => {
    const table = new CharTable(pattern);
    for (let c = 0; c < 65536; c++) expect(table.has(c)).toBe(pattern.test(String.fromCharCode(c)));
  });
});
