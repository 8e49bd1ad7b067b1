/** Fiscal periods named by their closing month: 3月期 (the fiscal year ending in March), 4-6月期 (a quarter by months). */
import { candidate, type DateParser } from '../types.js';

export const fiscalParsers: readonly DateParser[] = [
  {
    name: 'ja.date.fiscal.period',
    pattern: /(?=[0-9])(?<![\d.])(1[0-2]|0?[1-9])(?:[~\-](1[0-2]|0?[1-9]))?月期/g,
    extract(m) {
      const month = Number(m[1]);
      if (m[2]) {
        const monthTo = Number(m[2]);
        return candidate(m.index, m.index + m[0].length, 'ja.date.fiscal.months', { month, monthTo }, ['month']);
      }
      return candidate(m.index, m.index + m[0].length, this.name, { month, fiscalClose: true }, ['month']);
    },
  },
];
