/** Holidays and customary days on fixed dates (元日, 大晦日, クリスマス, こどもの日) and spans (お盆, ゴールデンウィーク). */
import { HOLIDAYS } from '../../../data/date-words.js';

import { startsWithWords } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { alternation } from '../../../core/regex.js';

export const holidayParsers: readonly DateParser[] = [
  {
    name: 'ja.date.holiday',
    pattern: new RegExp(`${startsWithWords(Object.keys(HOLIDAYS))}(?:${alternation(Object.keys(HOLIDAYS))})`, 'g'),
    extract(m) {
      const [month, day, monthTo, dayTo] = HOLIDAYS[m[0]]!;
      const start = m.index;
      const end = m.index + m[0].length;
      const first = candidate(start, end, this.name, { month, day }, ['month', 'day']);
      if (monthTo === undefined) return first;
      const c = candidate(start, end, 'ja.date.holiday.span', {}, ['month', 'day']);
      c.range = { from: first, to: candidate(start, end, this.name, { month: monthTo, day: dayTo! }, ['month', 'day']) };
      return c;
    },
  },
];
