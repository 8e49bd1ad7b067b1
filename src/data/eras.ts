/**
 * Japanese era names (元号) and their first Gregorian year: data only, used by the date stage.
 * Year n of an era is `startYear + n - 1`; 元年 is year 1. The modern eras carry their exact first day
 * and the one-letter abbreviation used in forms (R7, H31, S60); older eras carry the first year only
 * (a small selection of the ones that appear in news and history writing, not the full list).
 */
export interface Era {
  name: string;
  startYear: number;
  /** First day (month, day) of the era, for the modern eras. */
  startMonth?: number;
  startDay?: number;
  /** Last Gregorian year of the era (the next era's start year), when known. */
  endYear?: number;
  /** One-letter abbreviation (M/T/S/H/R) for the modern eras. */
  abbreviation?: string;
}

export const MODERN_ERAS: readonly Era[] = [
  { name: '明治', startYear: 1868, startMonth: 1, startDay: 25, endYear: 1912, abbreviation: 'M' },
  { name: '大正', startYear: 1912, startMonth: 7, startDay: 30, endYear: 1926, abbreviation: 'T' },
  { name: '昭和', startYear: 1926, startMonth: 12, startDay: 25, endYear: 1989, abbreviation: 'S' },
  { name: '平成', startYear: 1989, startMonth: 1, startDay: 8, endYear: 2019, abbreviation: 'H' },
  { name: '令和', startYear: 2019, startMonth: 5, startDay: 1, abbreviation: 'R' },
];

/** Pre-modern eras: [name, first Gregorian year]. Edo-period eras plus a few well-known older ones. */
const HISTORICAL: ReadonlyArray<readonly [string, number]> = [
  ['大化', 645], ['大宝', 701], ['和銅', 708], ['天平', 729], ['延暦', 782], ['貞観', 859], ['延喜', 901],
  ['承平', 931], ['天慶', 938], ['建久', 1190], ['承久', 1219], ['文永', 1264], ['弘安', 1278], ['建武', 1334],
  ['応仁', 1467], ['文明', 1469], ['天文', 1532], ['永禄', 1558], ['元亀', 1570], ['天正', 1573], ['文禄', 1592],
  ['慶長', 1596], ['元和', 1615], ['寛永', 1624], ['正保', 1644], ['慶安', 1648], ['承応', 1652], ['明暦', 1655],
  ['万治', 1658], ['寛文', 1661], ['延宝', 1673], ['天和', 1681], ['貞享', 1684], ['元禄', 1688], ['宝永', 1704],
  ['正徳', 1711], ['享保', 1716], ['元文', 1736], ['寛保', 1741], ['延享', 1744], ['寛延', 1748], ['宝暦', 1751],
  ['明和', 1764], ['安永', 1772], ['天明', 1781], ['寛政', 1789], ['享和', 1801], ['文化', 1804], ['文政', 1818],
  ['天保', 1830], ['弘化', 1844], ['嘉永', 1848], ['安政', 1854], ['万延', 1860], ['文久', 1861], ['元治', 1864],
  ['慶応', 1865],
];

export const HISTORICAL_ERAS: readonly Era[] = HISTORICAL.map(([name, startYear]) => ({ name, startYear }));

export const ALL_ERAS: readonly Era[] = [...MODERN_ERAS, ...HISTORICAL_ERAS];

const BY_NAME = new Map<string, Era>(ALL_ERAS.map((e) => [e.name, e]));
const BY_ABBREVIATION = new Map<string, Era>(MODERN_ERAS.map((e) => [e.abbreviation!, e]));

/** An era by its name (令和) or its one-letter abbreviation (R, case-insensitive). */
export function findEra(nameOrAbbreviation: string): Era | undefined {
  return BY_NAME.get(nameOrAbbreviation) ?? BY_ABBREVIATION.get(nameOrAbbreviation.toUpperCase());
}

/** Gregorian year of year `n` of an era (n = 1 for 元年). */
export function eraYear(era: Era, n: number): number {
  return era.startYear + n - 1;
}
