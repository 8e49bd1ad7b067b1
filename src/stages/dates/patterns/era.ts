/** Era years: 令和7年, 平成31年, 令和元年, 令和5年度, R7年, H31/4/30, 令和3.7.18, and an era named alone (昭和, 明治時代). */
import { ALL_ERAS, findEra, eraYear, MODERN_ERAS } from '../../../data/eras.js';
import { ERA_LETTERS, ERA_NAMES, ERA_START, startsWith, startsWithWords, toInt } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { alternation } from '../../../core/regex.js';

const ERA_NUM = '(\\d{1,2}|[〇一二三四五六七八九十]{1,3}|元|初)';
const MODERN = alternation(MODERN_ERAS.map((e) => e.name));

function yearOf(eraText: string, numText: string): { year: number; era: string } | null {
  const era = findEra(eraText);
  if (!era) return null;
  const n = numText === '元' || numText === '初' ? 1 : toInt(numText);
  if (n === null || n < 1 || n > 99) return null;
  return { year: eraYear(era, n), era: era.name };
}

export const eraParsers: readonly DateParser[] = [
  {
    name: 'ja.date.era.y',
    pattern: new RegExp(`${ERA_START}(?:(${ERA_NAMES})|(?<![A-Za-z])([${ERA_LETTERS}]))${ERA_NUM}年(度)?`, 'g'),
    extract(m) {
      const y = yearOf(m[1] ?? m[2]!, m[3]!);
      if (!y) return null;
      return candidate(m.index, m.index + m[0].length, m[4] ? 'ja.date.fiscal.era' : this.name, { ...y, ...(m[4] ? { fiscal: true } : {}) }, m[4] ? ['era', 'fiscalYear'] : ['era', 'year']);
    },
  },
  {
    // `07(平成19)年`, `13(同25)年`: a two-digit Western year with its era year in brackets. The era year gives the
    // century; after 同 (the era named before) the modern era whose year ends in those two digits does.
    name: 'ja.date.era.bracketed',
    pattern: new RegExp(`${startsWith('0123456789')}(?<![0-9])(\\d{2})[(（](?:(${ERA_NAMES})|(同))(\\d{1,2}|元)[)）]年(度)?`, 'g'),
    extract(m) {
      const yy = Number(m[1]);
      const n = m[4] === '元' ? 1 : Number(m[4]);
      const eras = m[2] ? [findEra(m[2])].filter((e) => e !== undefined) : MODERN_ERAS;
      const era = eras.find((e) => eraYear(e, n) % 100 === yy);
      if (!era) return null;
      const y = { year: eraYear(era, n), era: era.name };
      return candidate(m.index, m.index + m[0].length, m[5] ? 'ja.date.fiscal.era' : this.name, { ...y, ...(m[5] ? { fiscal: true } : {}) }, m[5] ? ['era', 'fiscalYear'] : ['era', 'year']);
    },
  },
  {
    // `令和5(2023)年度`, `平成31(2019)年`: an era year with its Western year in brackets (the two must agree).
    name: 'ja.date.era.western-bracketed',
    pattern: new RegExp(`${ERA_START}(?:(${ERA_NAMES})|(?<![A-Za-z])([${ERA_LETTERS}]))${ERA_NUM}[(（](\\d{4})[)）]年(度)?`, 'g'),
    extract(m) {
      const y = yearOf(m[1] ?? m[2]!, m[3]!);
      if (!y || y.year !== Number(m[4])) return null;
      return candidate(m.index, m.index + m[0].length, m[5] ? 'ja.date.fiscal.era' : 'ja.date.era.y', { ...y, ...(m[5] ? { fiscal: true } : {}) }, m[5] ? ['era', 'fiscalYear'] : ['era', 'year']);
    },
  },
  {
    name: 'ja.date.era.numeric',
    pattern: new RegExp(`${ERA_START}(?:(${ERA_NAMES})|(?<![A-Za-z])([${ERA_LETTERS}]))(\\d{1,2}|元)([/.\\-・,])(\\d{1,2})(?:\\4(\\d{1,2}))?(?![\\d])`, 'g'),
    extract(m) {
      const y = yearOf(m[1] ?? m[2]!, m[3]!);
      const month = Number(m[5]);
      const day = m[6] ? Number(m[6]) : undefined;
      if (!y || month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return null;
      return candidate(m.index, m.index + m[0].length, this.name, { ...y, month, ...(day ? { day } : {}) }, day ? ['era', 'year', 'month', 'day'] : ['era', 'year', 'month']);
    },
  },
  {
    name: 'ja.date.era.period',
    pattern: new RegExp(`${startsWithWords(ALL_ERAS.map((e) => e.name))}(?:(${MODERN})|(${ERA_NAMES}))(時代|初期|中期|末期|後期|前期|期|年間)|(${MODERN})(?=[のにはがもと、。,\\s)」]|から|まで|$)`, 'g'),
    extract(m) {
      const era = findEra(m[1] ?? m[2] ?? m[4]!)!;
      const suffix = m[3];
      const mod = suffix === '初期' || suffix === '前期' ? 'START' : suffix === '末期' || suffix === '後期' ? 'END' : suffix === '中期' ? 'MID' : undefined;
      // Eras with a known end get a range value; the current era and older eras (whose end the table does not hold) get none.
      const fixed = era.endYear ? { value: `${era.startYear}/${era.endYear}`, startYear: era.startYear, endYear: era.endYear } : { value: null };
      return candidate(m.index, m.index + m[0].length, this.name, { fixed, era: era.name, ...(mod ? { mod } : {}) }, ['era']);
    },
  },
];
