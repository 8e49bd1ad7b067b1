/**
 * Periods and modifiers: suffixes after a date (上旬, 末, 初め, 前半, 上半期), seasons (2025年春, 2021夏), quarters
 * (第1四半期, Q1), decades (1970年代, 昭和40年代), centuries (19世紀, 紀元前1世紀), named historical periods (江戸時代)
 * and vague words (近年, 最近, 戦後).
 */
import { HISTORICAL_PERIODS, PERIOD_SUFFIXES, SEASONS, VAGUE_WORDS } from '../../../data/date-words.js';
import { findEra, MODERN_ERAS } from '../../../data/eras.js';
import { KANJI_NUM, blockedBefore, startsWith, startsWithWords, toInt } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { alternation } from '../../../core/regex.js';

const BEGINNING = ['初め', 'はじめ', '始め'];
const SUFFIX_WORDS = alternation(Object.keys(PERIOD_SUFFIXES).filter((w) => !BEGINNING.includes(w)));
const SEASON_CHARS = Object.keys(SEASONS).join('');
const MODERN = alternation(MODERN_ERAS.map((e) => e.name));

export const periodParsers: readonly DateParser[] = [
  {
    name: 'ja.date.period.suffix',
    // 初め but not 初めて; 春 but not 春日部.
    pattern: new RegExp(`${startsWithWords(Object.keys(PERIOD_SUFFIXES), SEASON_CHARS)}((?:${BEGINNING.join('|')})(?![てたるまし])|${SUFFIX_WORDS})|([${SEASON_CHARS}])(?![日分巻雨])`, 'g'),
    extract(m) {
      if (m[2]) return { ...candidate(m.index, m.index + 1, 'ja.date.period.season', { season: m[2] }, ['season']), suffixOnly: true };
      const suffix = PERIOD_SUFFIXES[m[1]!]!;
      const fields = { ...(suffix.mod ? { mod: suffix.mod } : {}), ...(suffix.half ? { half: suffix.half } : {}), ...(suffix.days ? { days: suffix.days } : {}) };
      return { ...candidate(m.index, m.index + m[0].length, 'ja.date.period.modifier', fields, suffix.half ? ['half'] : []), suffixOnly: true };
    },
  },
  {
    name: 'ja.date.period.season',
    pattern: new RegExp(`${startsWith('0123456789')}(?<![\\d.])(\\d{4})/?([${SEASON_CHARS}])(?![日分巻])`, 'g'),
    extract(m) {
      return candidate(m.index, m.index + m[0].length, this.name, { year: Number(m[1]), season: m[2]! }, ['year', 'season']);
    },
  },
  {
    name: 'ja.date.period.quarter',
    pattern: /(?=[第Q])(?:第([1-4一二三四])四半期|(?<![A-Za-z0-9])Q([1-4])(?![A-Za-z0-9]))/g,
    extract(m) {
      const quarter = toInt(m[1] ?? m[2]!)!;
      return candidate(m.index, m.index + m[0].length, this.name, { quarter }, ['quarter']);
    },
  },
  {
    name: 'ja.date.period.decade',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}明大昭平令西`)}(?:(${MODERN})|(西暦))?(\\d{1,4}|[${KANJI_NUM}]{1,4})年代`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index, `0123456789${KANJI_NUM}`)) return null;
      const n = toInt(m[3]!);
      if (n === null || n % 10 !== 0) return null;
      if (m[1]) {
        const era = findEra(m[1])!;
        const first = era.startYear + n - 1;
        return candidate(m.index, m.index + m[0].length, 'ja.date.era.decade', { fixed: { value: `${first}/${first + 9}`, startYear: first, endYear: first + 9 }, era: era.name }, ['era', 'year']);
      }
      // 紀元前2700〜2500年代: the end of a range that began before the common era is before it too.
      const bc = /紀元前\d{1,4}年?(?:~|から)$/.test(m.input.slice(Math.max(0, m.index - 12), m.index)) ? { bc: true } : {};
      if (n >= 100) return candidate(m.index, m.index + m[0].length, this.name, { decade: n, ...bc }, ['year']);
      return candidate(m.index, m.index + m[0].length, this.name, { decade: n, shortYear: true }, ['year']);
    },
  },
  {
    name: 'ja.date.period.century',
    pattern: new RegExp(`${startsWith(`0123456789${KANJI_NUM}紀西`)}(紀元前|西暦)?(\\d{1,2}|[${KANJI_NUM}]{1,3})世紀`, 'g'),
    extract(m) {
      if (blockedBefore(m.input, m.index, `0123456789${KANJI_NUM}`)) return null;
      const n = toInt(m[2]!);
      if (n === null || n < 1 || n > 30) return null;
      // 2世紀後, 1世紀前, 1世紀ぶり, 2世紀も未来, 約1世紀におよぶ: a length of centuries, not the 2nd century.
      if (/^(?:後|前|ぶり|以上|近く|余り|も|に(?:わた|およ|及))/.test(m.input.slice(m.index + m[0].length))) return null;
      if (!m[1] && /(?:約|およそ|ほぼ|足掛け)$/.test(m.input.slice(Math.max(0, m.index - 3), m.index))) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { century: n, ...(m[1] === '紀元前' ? { bc: true } : {}) }, ['year']);
    },
  },
  {
    name: 'ja.date.period.historical',
    pattern: new RegExp(`${startsWithWords(Object.keys(HISTORICAL_PERIODS))}(?:${alternation(Object.keys(HISTORICAL_PERIODS))})`, 'g'),
    extract(m) {
      const years = HISTORICAL_PERIODS[m[0]];
      if (!years) return candidate(m.index, m.index + m[0].length, this.name, { vague: true }, []);
      return candidate(m.index, m.index + m[0].length, this.name, { fixed: { value: `${years[0]}/${years[1]}`, startYear: years[0], endYear: years[1] } }, ['year']);
    },
  },
  {
    name: 'ja.date.vague',
    pattern: new RegExp(`${startsWithWords(VAGUE_WORDS)}(?:${alternation(VAGUE_WORDS)})`, 'g'),
    extract(m) {
      return candidate(m.index, m.index + m[0].length, this.name, { vague: true }, []);
    },
  },
];
