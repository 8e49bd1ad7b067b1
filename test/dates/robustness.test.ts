import { describe, expect, it } from 'vitest';
import { parseDates } from '../../src/stages/dates/index.js';

/** Inputs that could make regex matching quadratic: each must finish quickly and find nothing wrong. */
const REF = { year: 2025, month: 11, day: 3 };
const CASES: Array<[string, string, number]> = [
  ['a long run of kanji numerals', '一'.repeat(20_000), 0],
  ['a long run of digits', '1'.repeat(20_000), 0],
  ['a long run of digits before 年', `${'1'.repeat(20_000)}年`, 0],
  ['slashes between digits', '1/'.repeat(10_000), 0],
  ['many dates', '2025年11月2日、'.repeat(2_000), 2_000],
];

describe('date parsing stays linear on hostile input', () => {
  for (const [name, text, count] of CASES) {
    it(name, () => {
      const t0 = performance.now();
      expect(parseDates(text, REF)).toHaveLength(count);
      expect(performance.now() - t0).toBeLessThan(2_000);
    });
  }
});
