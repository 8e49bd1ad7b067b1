import { type CalendarDate, daysInMonth } from '../../core/reference-date.js';
import type { DateKind, DateMod, DatePart } from '../../schema/records.js';

/** A resolved date value: everything of a DATE record except the span and rule. */
export interface DateValue {
  value: string | null;
  mod?: DateMod;
  kind: DateKind;
  startDate?: string;
  endDate?: string;
  stated: DatePart[];
  implied: DatePart[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const isoDay = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function dayValue(y: number | undefined, m: number, d: number, stated: DatePart[], implied: DatePart[] = []): DateValue | null {
  if (m < 1 || m > 12 || d < 1 || d > (y === undefined ? 31 : daysInMonth(y, m))) return null;
  if (y === undefined) return { value: `XXXX-${pad(m)}-${pad(d)}`, kind: 'point', stated, implied };
  const v = isoDay(y, m, d);
  return { value: v, kind: 'point', startDate: v, endDate: v, stated, implied };
}

export function monthValue(y: number | undefined, m: number, stated: DatePart[], implied: DatePart[] = [], mod?: DateMod): DateValue | null {
  if (m < 1 || m > 12) return null;
  const withMod = (v: DateValue): DateValue => (mod ? { ...v, mod } : v);
  if (y === undefined) return withMod({ value: `XXXX-${pad(m)}`, kind: 'point', stated, implied });
  return withMod({ value: `${pad(y, 4)}-${pad(m)}`, kind: 'point', startDate: isoDay(y, m, 1), endDate: isoDay(y, m, daysInMonth(y, m)), stated, implied });
}

export function yearValue(y: number, stated: DatePart[], implied: DatePart[] = [], mod?: DateMod): DateValue {
  const v: DateValue = { value: pad(y, 4), kind: 'point', startDate: isoDay(y, 1, 1), endDate: isoDay(y, 12, 31), stated, implied };
  return mod ? { ...v, mod } : v;
}

export function rangeValue(a: DateValue, b: DateValue): DateValue | null {
  if (!a.value || !b.value) return null;
  const v: DateValue = { value: `${a.value}/${b.value}`, kind: 'range', stated: [...new Set([...a.stated, ...b.stated])], implied: [...new Set([...a.implied, ...b.implied])] };
  if (a.startDate) v.startDate = a.startDate;
  if (b.endDate) v.endDate = b.endDate;
  if (a.startDate && b.endDate && a.startDate > b.endDate) return null;
  return v;
}

export function durationValue(amount: number, unit: 'Y' | 'M' | 'W' | 'D'): DateValue {
  return { value: `P${amount}${unit}`, kind: 'duration', stated: [], implied: [] };
}

/** The year for a month and day written without one: the one nearest the reference date. */
export function nearestYear(ref: CalendarDate, month: number, day: number): number {
  const refTime = Date.UTC(ref.year, ref.month - 1, ref.day);
  let best = ref.year;
  let bestDistance = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const distance = Math.abs(Date.UTC(y, month - 1, Math.min(day, daysInMonth(y, month))) - refTime);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/** Adds days to a calendar date (UTC arithmetic, no time zone). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(date: CalendarDate, months: number): { year: number; month: number } {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: CalendarDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO 8601 week (`2025-W44`) of a date, with its first and last day. */
export function isoWeekValue(date: CalendarDate, stated: DatePart[], implied: DatePart[]): DateValue {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const firstThursday = addDays({ year: thursday.year, month: 1, day: 1 }, (4 - isoWeekday({ year: thursday.year, month: 1, day: 1 }) + 7) % 7);
  const week = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(firstThursday.year, firstThursday.month - 1, firstThursday.day)) / (7 * 86400000)) + 1;
  const sunday = addDays(monday, 6);
  return { value: `${pad(thursday.year, 4)}-W${pad(week)}`, kind: 'point', startDate: isoDay(monday.year, monday.month, monday.day), endDate: isoDay(sunday.year, sunday.month, sunday.day), stated, implied };
}

/** Fiscal year value (`FY2025`), April to March. */
export function fiscalYearValue(y: number, stated: DatePart[], implied: DatePart[] = [], startMonth = 4): DateValue {
  const endYear = startMonth === 1 ? y : y + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  return { value: `FY${pad(y, 4)}`, kind: 'point', startDate: isoDay(y, startMonth, 1), endDate: isoDay(endYear, endMonth, daysInMonth(endYear, endMonth)), stated, implied };
}
