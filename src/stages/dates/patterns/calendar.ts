/**
 * The calendar units written with 年/月/日, in Arabic or kanji numerals: `2025年`, `二〇二五年`, `11月`, `十一月`, `2日`,
 * `西暦2021年`, `紀元前202年`, `2025年度`. Each is its own candidate; the compose refiner joins `2025年` `11月` `2日`.
 */
import { DAY_NUM, KANJI_NUM, MONTH_NUM, NUM_BEFORE_CHARS, YEAR_NUM, blockedBefore, startsWith, toInt } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { HASTE_AFTER } from '../../../data/date-words.js';
import { COUNTRY_BY_ABBR } from '../../../data/countries.js';

const SCHOOL_BEFORE = /(?:小学|中学|高校|大学|学年|高等|学部|科)$/;
/** 2年2組, 二年二組: a school class (built with RegExp: a regex literal would not interpolate KANJI_NUM). */
const CLASS_AFTER = new RegExp(`^[0-9${KANJI_NUM}]+組`);
/** U-18日本代表, A-1月: a letter code, not a date. */
const CODE_BEFORE = /[A-Za-z]-?$/;
/** 創業130年, 築260年, 生誕160年: the age of something, counted in years. */
const AGE_BEFORE = /(?:創業|創立|設立|開業|開園|開館|開校|開港|建立|築|生誕|没後|結成|誕生|発足|創刊|創建)$/;
/** 130年ぶり, 100年来, 3年越し: a count of years since something, not a year. */
const SINCE_AFTER = /^(?:ぶり|振り|越し|来(?![年月日週]))/;
/** 260年の歴史, 145年の伝統, 260年もの歴史, 216年に一度: a length of years (below 1000, where a year would need 西暦 or a month). */
const LENGTH_AFTER = /^(?:も?の(?:歴史|伝統|歳月|年月|月日|長き|重み)|もの(?:間|時)|に(?:一|1)(?:度|回))/;
/** `1年でも早く`, `一日も早く`: an idiom of haste after the count. */
const hasteAfter = (text: string, end: number) => HASTE_AFTER.some((w) => text.startsWith(w, end));
/** Later plain years (without 西暦) are counts of years in news text (5000年の歴史). */
const MAX_PLAIN_YEAR = 2200;

export const calendarParsers: readonly DateParser[] = [
  {
    name: 'ja.date.absolute.y',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}西紀'’`)}(?:(西暦)|(紀元前)|(['’]))?(${YEAR_NUM}) ?年(度)?(?!齢)`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index)) return null;
      const n = toInt(m[4]!);
      if (n === null || n === 0) return null;
      // 3年生, 小学4年, 2年2組 are school grades; 1971年生まれ is a year.
      if (n < 10 && (m.input[m.index + m[0].length] === '生' || SCHOOL_BEFORE.test(m.input.slice(Math.max(0, m.index - 2), m.index)) || CLASS_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 4)))) return null;
      const start = m.index;
      const end = m.index + m[0].length;
      if (hasteAfter(m.input, end)) return null;
      const fiscal = m[5] ? { fiscal: true } : {};
      const parts = m[5] ? (['fiscalYear'] as const) : (['year'] as const);
      if (m[2]) return candidate(start, end, 'ja.date.absolute.bc', { year: n, bc: true, ...fiscal }, [...parts]);
      if (m[3]) return candidate(start, end, this.name, { year: n, shortYear: true, ...fiscal }, [...parts]);
      if (n < 100 && !m[1]) {
        // 04年 / 90年: a year only when a month follows or a range gives it a century; otherwise a count of years.
        return candidate(start, end, this.name, { year: n, bareYear: true, ...(m[4]!.length === 2 && m[4]!.startsWith('0') ? { shortYear: true } : {}), ...fiscal }, [...parts]);
      }
      // 100年に一度, 築300年, 5000年の歴史: a round number of years or one far in the future is a count unless a month follows.
      const countLike = !m[1] && !m[5] && ((n % 100 === 0 && n <= 1000) || n > MAX_PLAIN_YEAR || (n < 1000 && (AGE_BEFORE.test(m.input.slice(Math.max(0, m.index - 4), m.index)) || LENGTH_AFTER.test(m.input.slice(end, end + 6)))) || SINCE_AFTER.test(m.input.slice(end, end + 3)));
      return candidate(start, end, m[5] ? 'ja.date.fiscal.year' : this.name, { year: n, ...fiscal, ...(countLike ? { countLikeYear: true } : {}) }, [...parts]);
    },
  },
  {
    name: 'ja.date.partial.month',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}`)}(${MONTH_NUM}) ?月(?!曜|額|給|賦|刊|謝|光|桂|見)`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index, `${NUM_BEFORE_CHARS}カヶヵか箇ケ`) || CODE_BEFORE.test(m.input.slice(Math.max(0, m.index - 2), m.index))) return null;
      const month = toInt(m[1]!);
      if (month === null || month < 1 || month > 12) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { month }, ['month']);
    },
  },
  {
    name: 'ja.date.partial.day',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}`)}(${DAY_NUM}) ?日(?!間|市|町|酔|坊|限り|程度|分の|あたり|当たり|当り|最大|最高)`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index) || CODE_BEFORE.test(m.input.slice(Math.max(0, m.index - 2), m.index))) return null;
      const day = toInt(m[1]!);
      if (day === null || day < 1 || day > 31) return null;
      const end = m.index + m[0].length;
      if (hasteAfter(m.input, end)) return null;
      // `7 日英防衛協力`: a section number, a space, and 日 opening a compound of country initials (日英, 日米豪印).
      if (m[0].includes(' ') && COUNTRY_BY_ABBR.has(m.input[end] ?? '')) return null;
      const before = m.input[m.index - 1] ?? '';
      if (!/^\d/.test(m[1]!) && before !== '月') {
        // 統一日報: kanji inside a word. 一日 on its own is "a day" (一日中, 一日2回, 首都の一日), not the 1st.
        const after = m.input[m.index + m[0].length] ?? '';
        if (/[一-龥々]/.test(before) && /[一-龥々]/.test(after) && after !== '中') return null;
        if (day === 1) return candidate(m.index, m.index + m[0].length, 'ja.date.duration', { duration: 'P1D' }, []);
      }
      return candidate(m.index, m.index + m[0].length, this.name, { day }, ['day']);
    },
  },
];
