/** Numeric dates with separators: 2025/11/2, 2025-11-02, 2025.11.2, 西暦2021/7/18, 2025/11, 11/2, 21/04/2016 (not after a currency sign: ¥2,500/12個 is a price). */
import { candidate, type DateParser } from '../types.js';

const validMonth = (m: number) => m >= 1 && m <= 12;
const validDay = (d: number) => d >= 1 && d <= 31;

/** `1/2`, `2/3`, `3/4`, `1/10`: read as fractions, not as dates. */
function fractionLike(m: number, d: number): boolean {
  return (m === 1 && d <= 10) || (m < d && d <= 4);
}

export const absoluteParsers: readonly DateParser[] = [
  {
    name: 'ja.date.absolute.ymd',
    pattern: /(?=[0-9西])(?<![\d.\/,¥$€£])(西暦)?(\d{4})([\/.\-,])(\d{1,2})\3(\d{1,2})(?![\d%]|[.\/,]\d|-\d+(?![\d\/]))/g,
    extract(m) {
      const [y, mo, d] = [Number(m[2]), Number(m[4]), Number(m[5])];
      if (!validMonth(mo) || !validDay(d) || y < 1000 || y > 2999) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { year: y, month: mo, day: d }, ['year', 'month', 'day']);
    },
  },
  {
    name: 'ja.date.absolute.dmy',
    pattern: /(?=[0-9])(?<![\d.\/,¥$€£])(\d{1,2})([\/\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d%]|[.\/,]\d|-\d+(?![\d\/]))/g,
    extract(m) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      let y = Number(m[4]);
      if (m[4]!.length === 2) y += y >= 50 ? 1900 : 2000;
      // Month first (11/12/2016) unless the first part cannot be a month (21/04/2016).
      const [mo, d] = validMonth(a) ? [a, b] : [b, a];
      if (!validMonth(mo) || !validDay(d)) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { year: y, month: mo, day: d }, ['year', 'month', 'day']);
    },
  },
  {
    name: 'ja.date.absolute.ym',
    pattern: /(?=[0-9西])(?<![\d.\/,¥$€£])(西暦)?(\d{4})([\/\-])(\d{1,2})(月)?(?![\d%]|[.\/,]\d|-\d+(?![\d\/]))/g,
    extract(m) {
      const [y, mo] = [Number(m[2]), Number(m[4])];
      if (!validMonth(mo) || y < 1000 || y > 2999) return null;
      // 2004-05 is a season (2004/2005), handled by the range parser.
      if (m[3] === '-' && !m[5] && (m[4]!.length !== 2 || mo === (y + 1) % 100)) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { year: y, month: mo }, ['year', 'month']);
    },
  },
  {
    name: 'ja.date.partial.md',
    pattern: /(?=[0-9])(?<![\d.\/,¥$€£])(\d{1,2})\/(\d{1,2})(?![\d%]|[.\/,]\d|-\d+(?![\d\/])|件|人|個|回|本|枚|点|倍|位|世帯|社|試合|勝|敗|スケール|カップ|サイズ)/g,
    extract(m) {
      const [mo, d] = [Number(m[1]), Number(m[2])];
      if (!validMonth(mo) || !validDay(d) || fractionLike(mo, d)) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { month: mo, day: d }, ['month', 'day']);
    },
  },
];
