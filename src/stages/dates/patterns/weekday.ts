/** Weekdays: 月曜日, 月曜, and the bracketed suffix of a date (（月）, (火・祝)). */
import { WEEKDAYS } from '../../../data/date-words.js';
import { candidate, type DateParser } from '../types.js';

const DAY_CHARS = Object.keys(WEEKDAYS).join('');

export const weekdayParsers: readonly DateParser[] = [
  {
    name: 'ja.date.weekday',
    pattern: new RegExp(`(?=[(${DAY_CHARS}])(?:\\(([${DAY_CHARS}])(?:曜日?)?(?:・?祝)?\\)|(?<![${DAY_CHARS}])([${DAY_CHARS}])曜(?:日)?)`, 'g'),
    extract(m) {
      const weekday = WEEKDAYS[m[1] ?? m[2]!]!;
      return candidate(m.index, m.index + m[0].length, this.name, { weekday, ...(m[1] ? { bracketed: true } : {}) }, ['weekday']);
    },
  },
  {
    name: 'ja.date.weekend',
    pattern: /(?=[土])(?:土日(?!祝)|土・日)/g,
    extract(m) {
      return candidate(m.index, m.index + m[0].length, this.name, { fixed: { value: 'XXXX-WXX-WE' } }, ['weekday']);
    },
  },
];
