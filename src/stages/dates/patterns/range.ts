/**
 * Ranges whose first end is a bare number: 1995~2025年, 2025-2026年, 1995~98年, 2004-05 (a season), 1997~1999,
 * 2~4日, 1~3月; and lists of days or months (1、2日 → two dates). Ranges between two full dates
 * (2025年11月2日から3日) are joined by the range refiner instead.
 */
import { DAY_NUM, KANJI_NUM, MONTH_NUM, blockedBefore, startsWith, toInt } from '../fragments.js';
import { candidate, type DateCandidate, type DateParser, unionOf } from '../types.js';

function range(start: number, end: number, rule: string, from: DateCandidate, to: DateCandidate): DateCandidate {
  const c = candidate(start, end, rule, {}, []);
  c.range = { from, to };
  c.stated = unionOf(from.stated, to.stated);
  return c;
}

export const rangeParsers: readonly DateParser[] = [
  {
    name: 'ja.date.range.years',
    pattern: /(?=[0-9])(?<![\d.\-\/])(\d{4})\s?([~\-])\s?(\d{4}|\d{2})(?:(年)(度)?)?(?![\d.\/%]|-\d)/g,
    extract(m) {
      const y1 = Number(m[1]);
      let y2 = Number(m[3]);
      if (y1 < 1000 || y1 > 2199) return null;
      if (m[3]!.length === 2) {
        y2 += y1 - (y1 % 100);
        if (y2 <= y1) y2 += 100;
        if (!m[4] && y2 !== y1 + 1) return null; // 2004-05 (a season) but not 2004-07 (a month, or nothing)
      }
      if (y2 <= y1 || y2 - y1 > 200) return null;
      const fiscal = m[5] ? { fiscal: true } : {};
      const part = m[5] ? 'fiscalYear' : 'year';
      const s = m.index;
      const e = m.index + m[0].length;
      return range(s, e, this.name, candidate(s, s + 4, this.name, { year: y1, ...fiscal }, [part]), candidate(e - m[3]!.length - (m[4] ? 1 : 0) - (m[5] ? 1 : 0), e, this.name, { year: y2, ...fiscal }, [part]));
    },
  },
  {
    name: 'ja.date.range.units',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}`)}(?:(${DAY_NUM})\\s?([~\\-、,・])\\s?(${DAY_NUM})日|(${MONTH_NUM})\\s?([~\\-、,・])\\s?(${MONTH_NUM})月(?!期))`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index)) return null;
      const isDay = m[1] !== undefined;
      const a = toInt(isDay ? m[1]! : m[4]!);
      const b = toInt(isDay ? m[3]! : m[6]!);
      const sep = isDay ? m[2]! : m[5]!;
      const max = isDay ? 31 : 12;
      if (a === null || b === null || a < 1 || b < 1 || a > max || b > max) return null;
      const field = isDay ? 'day' : 'month';
      const s = m.index;
      const e = m.index + m[0].length;
      const firstEnd = s + (isDay ? m[1]! : m[4]!).length;
      const secondStart = e - (isDay ? m[3]! : m[6]!).length - 1;
      const from = candidate(s, firstEnd, `ja.date.partial.${field}`, { [field]: a }, [field]);
      const to = candidate(secondStart, e, `ja.date.partial.${field}`, { [field]: b }, [field]);
      if (sep === '~' || sep === '-') return a < b ? range(s, e, this.name, from, to) : null;
      // A list (1、2日): two dates; the first borrows the unit of the second.
      return [from, to];
    },
  },
];
