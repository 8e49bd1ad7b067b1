/**
 * Durations and offsets from the reference date: 過去4年間, 3か月, 3ヶ月, 10日間, 半年, 1年半, 2年9カ月, 3日前, 2年後,
 * 数年前; anniversaries (50周年: a span of years, never the year 0050); ordinals (3年目, 5日目).
 */
import { COUNT_NUM, ERA_LETTERS, ERA_NAMES, KANJI_NUM, blockedBefore, startsWith, toInt } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { DURATION_QUALIFIERS_BEFORE } from '../../../data/date-words.js';

const MONTH_UNIT = '(?:か|ヶ|ヵ|カ|ケ|箇)月';
const PREFIX = '(過去|ここ|この|今後|向こう|約|およそ|最長|最大|最低|少なくとも)';
const BEFORE_CHARS = `0123456789.${KANJI_NUM}第`;
const NUM_START = startsWith(`0123456789${KANJI_NUM}`);
const ERA_BEFORE = new RegExp(`(?:${ERA_NAMES}|[${ERA_LETTERS}])$`);
const NOUN_BEFORE_SU = '奇偶複少多整変係件人点回分倍関乗';
const UNIT_LETTER: Record<string, 'Y' | 'M' | 'W' | 'D'> = { '年': 'Y', '週': 'W', '日': 'D' };

function amount(text: string): { n: number | null; text: string } | null {
  if (text === '半') return { n: 0.5, text: '0.5' };
  if (/^(?:数|十数|数十|\d+数)$/.test(text)) return { n: null, text: 'X' };
  const n = /^\d+\.\d+$/.test(text) ? Number(text) : toInt(text);
  return n === null ? null : { n, text: String(n) };
}

/** Units a fractional offset is counted in instead (4.5年後 = 54 months later, 1.5週間前 = 10–11 days before). */
const SMALLER_UNIT: Readonly<Record<string, { unit: 'M' | 'D'; per: number }>> = { Y: { unit: 'M', per: 12 }, M: { unit: 'D', per: 30 }, W: { unit: 'D', per: 7 } };

/** An offset in whole units, so that it resolves to a calendar date; `rounded` when that changed its length. */
function wholeOffset(unit: 'Y' | 'M' | 'W' | 'D', n: number): { unit: 'Y' | 'M' | 'W' | 'D'; n: number; rounded: boolean } {
  if (Number.isInteger(n)) return { unit, n, rounded: false };
  const smaller = SMALLER_UNIT[unit];
  const exact = smaller ? n * smaller.per : n;
  const whole = Math.round(exact);
  return { unit: smaller?.unit ?? unit, n: whole, rounded: whole !== exact };
}

export const durationParsers: readonly DateParser[] = [
  {
    name: 'ja.date.duration',
    pattern: new RegExp(
      `${startsWith(`0123456789${KANJI_NUM}過こ今向約お最少数半`)}(?:${PREFIX}\\s?)?(十数|数十|数|半|\\d{1,3}数|${COUNT_NUM}(?:万|億)?)(年|${MONTH_UNIT}|週|日|(?<=半)月)(?:(${COUNT_NUM})${MONTH_UNIT}|(半)(?![ばば期]))?(間)?(以上前|ほど前|近く前|前(?!半)|後(?!半)|先|ぶり)?`,
      'g',
    ),
    extract(m) {
      const [, prefix, numText, unitText, extraMonths, half, kan, after] = m;
      if (!prefix && blockedBefore(m.input, m.index, BEFORE_CHARS)) return null;
      // 奇数年, 複数日, 少数月: 数 is part of a noun, not a vague count.
      if (!prefix && numText!.startsWith('数') && blockedBefore(m.input, m.index, NOUN_BEFORE_SU)) return null;
      const a = amount(numText!);
      if (!a) return null;
      const unit = UNIT_LETTER[unitText!] ?? 'M';
      const isOffset = after !== undefined && after !== 'ぶり';
      const vague = a.n === null;
      // A bare 3年 / 3日 / 3週 is a year or a day of the month (other parsers); a duration needs 間, a prefix, or more.
      if (unit !== 'M' && !kan && !prefix && !isOffset && !extraMonths && !half && !vague && a.n !== 0.5 && after !== 'ぶり') {
        if (unit !== 'D' || (a.n ?? 0) <= 31) return null;
      }
      if (a.n === 0.5 && unit === 'D') return null; // 半日 is half a day: a time, not a date
      if (!prefix) {
        // 2007年前 and 平成19年前 are a year and 前 ("before"), 2012年1月1日後 a date and 後: not offsets from today.
        const before = m.input.slice(Math.max(0, m.index - 2), m.index);
        if (unit === 'Y' && !kan && (a.n ?? 0) >= 1000 && /^\d+$/.test(numText!)) return null;
        if (unit === 'Y' && (ERA_BEFORE.test(before) || before.endsWith('西暦'))) return null;
        if (unit === 'D' && before.endsWith('月')) return null;
      }
      let value: string;
      if (a.n === 0.5) value = unit === 'Y' ? 'P6M' : unit === 'M' ? 'P15D' : 'P3D';
      else if (extraMonths) value = `P${a.text}Y${toInt(extraMonths) ?? 'X'}M`;
      else if (half) value = unit === 'Y' ? `P${a.text}Y6M` : `P${a.text}${unit}`;
      else value = `P${a.text}${unit}`;
      // 約10カ月, 最長5年: the qualifier is the mod, outside the span (as for money); 過去4年間 keeps its 過去.
      const qualifier = prefix ? DURATION_QUALIFIERS_BEFORE[prefix] : undefined;
      const start = m.index;
      const end = m.index + m[0].length - (after === 'ぶり' ? 2 : 0);
      const qualified = qualifier ? { mod: qualifier, spanStart: m.index + m[0].indexOf(numText!, prefix!.length) } : {};
      // 160年後の現代, 300年前の城: a story's own span, not counted from the publication date — a duration.
      if (isOffset && unit === 'Y' && (a.n ?? 0) >= 100) return candidate(start, end, this.name, { duration: `P${a.text}Y`, ...qualified }, []);
      if (isOffset) {
        const sign = after!.endsWith('前') ? -1 : 1;
        const { unit: offsetUnit, n, rounded } = wholeOffset(unit, a.n ?? 0);
        const mod = rounded && !qualified.mod ? { mod: 'APPROX' as const } : qualified;
        return candidate(start, end, 'ja.date.relative.offset', { offset: { unit: offsetUnit, n: sign * n }, ...(vague ? { vague: true } : {}), ...mod }, []);
      }
      return candidate(start, end, this.name, { duration: value, ...qualified }, []);
    },
  },
  {
    name: 'ja.date.anniversary',
    pattern: new RegExp(`${NUM_START}(${COUNT_NUM})周年`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index, BEFORE_CHARS)) return null;
      const n = toInt(m[1]!);
      if (n === null) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { duration: `P${n}Y` }, []);
    },
  },
  {
    name: 'ja.date.ordinal',
    pattern: new RegExp(`${NUM_START}(${COUNT_NUM})(年|${MONTH_UNIT}|週|日)目`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index, BEFORE_CHARS)) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { vague: true }, []);
    },
  },
  {
    name: 'ja.date.duration.half-century',
    pattern: /(?=[半])半世紀(前|後)?/g,
    extract(m) {
      if (m[1]) return candidate(m.index, m.index + m[0].length, 'ja.date.relative.offset', { offset: { unit: 'Y', n: m[1] === '前' ? -50 : 50 } }, []);
      return candidate(m.index, m.index + m[0].length, 'ja.date.duration', { duration: 'P50Y' }, []);
    },
  },
];
