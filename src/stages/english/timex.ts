import { type CalendarDate, addDays, daysInMonth, isoDay as isoDate, isoWeek, isoWeekday, pad } from '../../core/calendar.js';
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

const isoDay = (year: number, month: number, day: number) => isoDate({ year, month, day });

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

/** ISO 8601 week (`2025-W44`) of a date, with its first and last day. */
export function isoWeekValue(date: CalendarDate, stated: DatePart[], implied: DatePart[]): DateValue {
  const monday = addDays(date, 1 - isoWeekday(date));
  const { year, week } = isoWeek(date);
  return { value: `${pad(year, 4)}-W${pad(week)}`, kind: 'point', startDate: isoDate(monday), endDate: isoDate(addDays(monday, 6)), stated, implied };
}

/** Fiscal year value (`FY2025`), April to March. */
export function fiscalYearValue(y: number, stated: DatePart[], implied: DatePart[] = [], startMonth = 4): DateValue {
  const endYear = startMonth === 1 ? y : y + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  return { value: `FY${pad(y, 4)}`, kind: 'point', startDate: isoDay(y, startMonth, 1), endDate: isoDay(endYear, endMonth, daysInMonth(endYear, endMonth)), stated, implied };
}
