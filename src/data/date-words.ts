/**
 * Japanese date words: weekdays, seasons, period modifiers, relative and anaphoric words, vague words,
 * historical periods. Data only; the date stage's patterns are built from these tables.
 */
import type { DateMod } from '../schema/records.js';

/** ISO weekday numbers (Monday = 1 … Sunday = 7). */
export const WEEKDAYS: Readonly<Record<string, number>> = { '月': 1, '火': 2, '水': 3, '木': 4, '金': 5, '土': 6, '日': 7 };

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** TIMEX season codes and the months they cover (winter runs into the next year). */
export const SEASONS: Readonly<Record<string, { code: Season; months: readonly [number, number] }>> = {
  '春': { code: 'SP', months: [3, 5] },
  '夏': { code: 'SU', months: [6, 8] },
  '秋': { code: 'FA', months: [9, 11] },
  '冬': { code: 'WI', months: [12, 2] },
};

/**
 * What a period word after a date does: a TIMEX `mod`, a half (上半期 = H1), or a part of the month in days
 * (上旬 = days 1–10) that narrows the start and end dates.
 */
export interface PeriodSuffix {
  mod?: DateMod;
  half?: 1 | 2;
  /** Days of the month covered (上旬/中旬/下旬); 31 means "to the end of the month". */
  days?: readonly [number, number];
}

/** Suffixes written directly after a year, month or day (`2026年末`, `11月上旬`, `来年初め`, `2025年の前半`). */
export const PERIOD_SUFFIXES: Readonly<Record<string, PeriodSuffix>> = {
  '上旬': { mod: 'START', days: [1, 10] },
  '初旬': { mod: 'START', days: [1, 10] },
  '中旬': { mod: 'MID', days: [11, 20] },
  '下旬': { mod: 'END', days: [21, 31] },
  '末日': { mod: 'END' },
  '末': { mod: 'END' },
  '終わり': { mod: 'END' },
  '終盤': { mod: 'END' },
  '暮れ': { mod: 'END' },
  '初め': { mod: 'START' },
  'はじめ': { mod: 'START' },
  '始め': { mod: 'START' },
  '初頭': { mod: 'START' },
  '序盤': { mod: 'START' },
  '半ば': { mod: 'MID' },
  'なかば': { mod: 'MID' },
  'おわり': { mod: 'END' },
  '中頃': { mod: 'MID' },
  '中ごろ': { mod: 'MID' },
  '前半': { half: 1 },
  '後半': { half: 2 },
  '上半期': { half: 1 },
  '下半期': { half: 2 },
  '上期': { half: 1 },
  '下期': { half: 2 },
};

export type RelativeUnit = 'year' | 'fiscal' | 'month' | 'week' | 'day';

/**
 * A word that names a date relative to the reference date (`offset` from the article's date) or, when
 * `anaphoric`, relative to the last date the article mentioned (同年 = that year, 翌日 = the day after).
 */
export interface RelativeWord {
  unit: RelativeUnit;
  offset: number;
  anaphoric?: boolean;
  mod?: DateMod;
  season?: string;
  half?: 1 | 2;
  /** 年明け: said in the second half of a year, the new year is the next one. */
  nextAfterMidyear?: boolean;
  /** The word is the end of a week (週末). */
  weekend?: boolean;
}

const R = (unit: RelativeUnit, offset: number, extra: Partial<RelativeWord> = {}): RelativeWord => ({ unit, offset, ...extra });

export const RELATIVE_WORDS: Readonly<Record<string, RelativeWord>> = {
  // years
  '今年': R('year', 0), '本年': R('year', 0), 'ことし': R('year', 0),
  '昨年': R('year', -1), '去年': R('year', -1), '前年': R('year', -1, { anaphoric: true }),
  '一昨年': R('year', -2), 'おととし': R('year', -2),
  '来年': R('year', 1), '明年': R('year', 1), '翌年': R('year', 1, { anaphoric: true }), '再来年': R('year', 2),
  '同年': R('year', 0, { anaphoric: true }), '当年': R('year', 0, { anaphoric: true }),
  '年末': R('year', 0, { mod: 'END' }), '年初': R('year', 0, { mod: 'START' }), '年始': R('year', 0, { mod: 'START' }),
  '年明け': R('year', 0, { mod: 'START', nextAfterMidyear: true }), '年頭': R('year', 0, { mod: 'START' }), '年末年始': R('year', 0, { mod: 'END' }),
  '上半期': R('year', 0, { half: 1 }), '下半期': R('year', 0, { half: 2 }),
  '今春': R('year', 0, { season: '春' }), '今夏': R('year', 0, { season: '夏' }), '今秋': R('year', 0, { season: '秋' }), '今冬': R('year', 0, { season: '冬' }),
  '昨春': R('year', -1, { season: '春' }), '昨夏': R('year', -1, { season: '夏' }), '昨秋': R('year', -1, { season: '秋' }), '昨冬': R('year', -1, { season: '冬' }),
  '来春': R('year', 1, { season: '春' }), '来夏': R('year', 1, { season: '夏' }), '来秋': R('year', 1, { season: '秋' }), '来冬': R('year', 1, { season: '冬' }),
  // fiscal years
  '今年度': R('fiscal', 0), '本年度': R('fiscal', 0), '当年度': R('fiscal', 0, { anaphoric: true }), '同年度': R('fiscal', 0, { anaphoric: true }),
  '昨年度': R('fiscal', -1), '前年度': R('fiscal', -1, { anaphoric: true }), '来年度': R('fiscal', 1), '翌年度': R('fiscal', 1, { anaphoric: true }),
  '再来年度': R('fiscal', 2),
  // months
  '今月': R('month', 0), '本月': R('month', 0), '先月': R('month', -1), '前月': R('month', -1, { anaphoric: true }),
  '先々月': R('month', -2), '来月': R('month', 1), '翌月': R('month', 1, { anaphoric: true }), '再来月': R('month', 2),
  '同月': R('month', 0, { anaphoric: true }), '当月': R('month', 0, { anaphoric: true }),
  '月末': R('month', 0, { mod: 'END' }), '月初': R('month', 0, { mod: 'START' }), '月初め': R('month', 0, { mod: 'START' }),
  // weeks
  '今週': R('week', 0), '本週': R('week', 0), '先週': R('week', -1), '前週': R('week', -1, { anaphoric: true }),
  '先々週': R('week', -2), '来週': R('week', 1), '翌週': R('week', 1, { anaphoric: true }), '再来週': R('week', 2),
  '同週': R('week', 0, { anaphoric: true }), '週末': R('week', 0, { weekend: true }), '今週末': R('week', 0, { weekend: true }),
  '先週末': R('week', -1, { weekend: true }), '来週末': R('week', 1, { weekend: true }),
  // days
  '今日': R('day', 0), 'きょう': R('day', 0), '本日': R('day', 0),
  '昨日': R('day', -1), 'きのう': R('day', -1), '前日': R('day', -1, { anaphoric: true }),
  '一昨日': R('day', -2), 'おととい': R('day', -2), 'おとつい': R('day', -2),
  '明日': R('day', 1), 'あした': R('day', 1), 'あす': R('day', 1), '翌日': R('day', 1, { anaphoric: true }),
  '明後日': R('day', 2), 'あさって': R('day', 2), '翌々日': R('day', 2, { anaphoric: true }),
  '明々後日': R('day', 3), 'しあさって': R('day', 3),
  '同日': R('day', 0, { anaphoric: true }), '当日': R('day', 0, { anaphoric: true }),
  // demonstratives: the date just mentioned (この日 = that day)
  'この日': R('day', 0, { anaphoric: true }), 'その日': R('day', 0, { anaphoric: true }), '同じ日': R('day', 0, { anaphoric: true }),
  '次の日': R('day', 1, { anaphoric: true }), '前の日': R('day', -1, { anaphoric: true }),
  'この年': R('year', 0, { anaphoric: true }), 'その年': R('year', 0, { anaphoric: true }), '同じ年': R('year', 0, { anaphoric: true }),
  '次の年': R('year', 1, { anaphoric: true }), '前の年': R('year', -1, { anaphoric: true }),
  'その月': R('month', 0, { anaphoric: true }), '同じ月': R('month', 0, { anaphoric: true }),
  'この週': R('week', 0, { anaphoric: true }), 'その週': R('week', 0, { anaphoric: true }), '同じ週': R('week', 0, { anaphoric: true }),
  '次の週': R('week', 1, { anaphoric: true }), 'その週末': R('week', 0, { anaphoric: true, weekend: true }),
};

/**
 * One character before a day number that names its month (`本25日` = the 25th of this month, `同17日` = of the
 * month last mentioned): part of the date's span, as the gold sets mark it. Only before Arabic digits, and not
 * after another kanji (日本25日, 共同3日 are a word and a day).
 */
export const DAY_PREFIXES: Readonly<Record<string, RelativeWord>> = {
  '本': R('month', 0),
  '同': R('month', 0, { anaphoric: true }),
};

/**
 * Words after a length of time that qualify it (`5年以内` = within five years): the TIMEX `mod`, outside the span,
 * as money qualifiers are (the shared gold's convention: `5年以上` → `5年` + AT_LEAST). After a bare day number
 * they make it a count of days (`3日以内` is within three days, not the 3rd).
 */
export const DURATION_QUALIFIERS_AFTER: Readonly<Record<string, DateMod>> = {
  '以上': 'AT_LEAST', '以内': 'UP_TO', '以下': 'UP_TO', '未満': 'LESS_THAN', '超': 'MORE_THAN', '近く': 'APPROX',
};

/** Written before a length of time (`約3年`, `最長5年`): the `mod`, outside the span (`約10カ月` → `10カ月` + APPROX). */
export const DURATION_QUALIFIERS_BEFORE: Readonly<Record<string, DateMod>> = {
  '約': 'APPROX', 'およそ': 'APPROX', '最長': 'UP_TO', '最大': 'UP_TO', '最低': 'AT_LEAST', '少なくとも': 'AT_LEAST',
};

/** After a year, what makes it the frame of the rest of the sentence (`2022年には、2月に…`): a topic or a comma. */
export const DATE_FRAME_AFTER: readonly string[] = ['は', 'には', 'では', 'も', '、', ','];

/** After a count of years or days, an idiom of haste, not a date or a length (`1年でも早く`, `一日も早く`). */
export const HASTE_AFTER: readonly string[] = ['でも早', 'も早'];

/**
 * Holidays and customary days on a fixed calendar date ([month, day]), or a fixed span ([month, day, month, day]).
 * Holidays that move (成人の日, 春分の日) are not listed: their date needs the year's calendar.
 */
export const HOLIDAYS: Readonly<Record<string, readonly [number, number] | readonly [number, number, number, number]>> = {
  '元日': [1, 1], '元旦': [1, 1], '正月': [1, 1, 1, 3], 'お正月': [1, 1, 1, 3], '三が日': [1, 1, 1, 3],
  '建国記念の日': [2, 11], 'バレンタインデー': [2, 14], 'バレンタイン': [2, 14], 'ホワイトデー': [3, 14],
  'エイプリルフール': [4, 1], '昭和の日': [4, 29], '憲法記念日': [5, 3], 'みどりの日': [5, 4],
  'こどもの日': [5, 5], '子供の日': [5, 5], '端午の節句': [5, 5], 'メーデー': [5, 1], '七夕': [7, 7],
  'お盆': [8, 13, 8, 16], '終戦記念日': [8, 15], '文化の日': [11, 3], '勤労感謝の日': [11, 23],
  'クリスマスイブ': [12, 24], 'クリスマス・イブ': [12, 24], 'クリスマス': [12, 25], '大晦日': [12, 31], '大みそか': [12, 31],
  'ゴールデンウィーク': [4, 29, 5, 5], 'ゴールデンウイーク': [4, 29, 5, 5],
};

/** Recognized as dates but with no value: the text names no calendar period. */
export const VAGUE_WORDS: readonly string[] = ['近年', '最近', '近頃', '昨今', '戦後', '戦前', '戦中', '古代', '中世', '初日', '最終日'];

/** Named historical periods with their Gregorian years (first/last, inclusive); null years when not a fixed span. */
export const HISTORICAL_PERIODS: Readonly<Record<string, readonly [number, number] | null>> = {
  '縄文時代': null, '弥生時代': null, '古墳時代': null, '旧石器時代': null, '新石器時代': null, '青銅器時代': null, '鉄器時代': null,
  '飛鳥時代': [592, 710], '奈良時代': [710, 794], '平安時代': [794, 1185], '鎌倉時代': [1185, 1333], '南北朝時代': [1336, 1392],
  '室町時代': [1336, 1573], '戦国時代': [1467, 1590], '安土桃山時代': [1573, 1603], '江戸時代': [1603, 1868],
  '三国時代': null, '大和時代': null, '漢代': null, '唐代': [618, 907], '宋代': [960, 1279], '元代': [1271, 1368], '明代': [1368, 1644], '清代': [1644, 1912],
};

