/**
 * One normalizer for publication-date values, shared by plain-text lines, `<time datetime>`,
 * `<meta>` and front matter: → `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[±HH:MM]` when a time is given.
 * A time without a zone stays without one: we never assume the host's time zone.
 */
import { ENGLISH_MONTHS, HALF_DAY_HOURS, TIME_ZONE_OFFSETS } from '../data/published-at.js';
import { daysInMonth } from '../core/calendar.js';

const ZONE_NAMES = Object.keys(TIME_ZONE_OFFSETS).sort((a, b) => b.length - a.length).join('|');
const ZONE = String.raw`(?<tz>[+-]\d{2}:?\d{2}|${ZONE_NAMES})`;
const HALF_DAY = String.raw`(?:(?<half>${Object.keys(HALF_DAY_HOURS).join('|')})\s*)?`;
// `10:30`, `10時30分`, `10時` (the hour alone, minute 0), after an optional `午前`/`午後`.
const TIME = String.raw`${HALF_DAY}(?<h>\d{1,2})\s*(?::(?=\s*\d)|時)\s*(?:(?<mi>\d{1,2})\s*分?)?(?:\s*:?\s*(?<s>\d{1,2})(?:\.(?<frac>\d+))?\s*秒?)?(?:\s*${ZONE})?`;
const WEEKDAY = String.raw`(?:\s*\((?:[月火水木金土日](?:曜日?)?|[A-Za-z]{3}\.?)\))?`;
const MONTH_NAME = String.raw`(?<mon>${ENGLISH_MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\.?`;

/** Date forms, year-first Japanese/ISO first; all with the same named groups. */
const DATE_FORMS: readonly string[] = [
  // 2021-11-23, 2021/11/23, 2021.11.23, 2021年11月23日, with optional (火) and time.
  String.raw`(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?${WEEKDAY}(?:\s*T?\s*${TIME})?`,
  // November 23, 2021 [10:00]
  String.raw`${MONTH_NAME}\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?:,?\s+${TIME})?`,
  // RFC 2822: Tue, 23 Nov 2021 10:00:00 +0900
  String.raw`(?:[A-Za-z]{3},?\s*)?(?<d>\d{1,2})\s+${MONTH_NAME}\s+(?<y>\d{4})(?:\s+${TIME})?`,
];

/** Compact `20211123` / `20211123T1000`, as in some `<meta>` tags; whole values only, never inside text. */
const COMPACT = String.raw`(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})(?:T?(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})?(?:${ZONE})?)?`;

const WHOLE = [...DATE_FORMS, COMPACT].map((form) => new RegExp(`^(?:${form})\\s*$`, 'i'));
const PREFIX = DATE_FORMS.map((form) => new RegExp(`^(?:${form})`, 'i'));

export interface DateValueMatch {
  readonly value: string;
  /** Length of the matched date in the NFKC-normalized input. */
  readonly length: number;
}

/** The date a whole string states (`<time datetime>`, `<meta content>`, a bare line). */
export function parseDateValue(input: string): string | undefined {
  return matchWith(WHOLE, input.normalize('NFKC').trim())?.value;
}

/** The date at the start of `input` (NFKC-normalized first), and how much of it the date used. */
export function parseDateValuePrefix(input: string): DateValueMatch | undefined {
  return matchWith(PREFIX, input.normalize('NFKC'));
}

function matchWith(patterns: readonly RegExp[], text: string): DateValueMatch | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const value = match?.groups ? toIso(match.groups) : undefined;
    if (match && value) return { value, length: match[0].length };
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(g: Readonly<Record<string, string | undefined>>): string | undefined {
  const year = Number(g.y);
  const month = g.mon ? ENGLISH_MONTHS.findIndex((m) => m.startsWith(g.mon!.toLowerCase().slice(0, 3))) + 1 : Number(g.mo);
  const day = Number(g.d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (g.h === undefined) return date;

  const half = g.half === undefined ? 0 : HALF_DAY_HOURS[g.half.toUpperCase()]!;
  if (g.half !== undefined && Number(g.h) > 12) return date; // `午後15時` says two different things
  const hour = g.half === undefined ? Number(g.h) : (Number(g.h) % 12) + half;
  const minute = g.mi === undefined ? 0 : Number(g.mi);
  const second = g.s === undefined ? 0 : Number(g.s);
  if (hour > 23 || minute > 59 || second > 59) return date;
  const fraction = g.frac ? `.${g.frac}` : '';
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zoneOffset(g.tz)}`;
}

function zoneOffset(tz: string | undefined): string {
  if (!tz) return '';
  const named = TIME_ZONE_OFFSETS[tz.toUpperCase()];
  if (named) return named;
  const digits = tz.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}
