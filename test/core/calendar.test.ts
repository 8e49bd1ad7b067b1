import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonth, isoDay, isoWeek, nearestMonth, nearestYear } from '../../src/core/calendar.js';
import { createPipeline, type Pipeline } from '../../src/index.js';

describe('calendar', () => {
  it('keeps years below 100 and leap years right', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(0, 2)).toBe(29);
    expect(isoDay(addDays({ year: 99, month: 12, day: 31 }, 1))).toBe('0100-01-01');
    expect(addMonths(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
    expect(isoWeek({ year: 2021, month: 1, day: 3 })).toEqual({ year: 2020, week: 53 });
    expect(isoWeek({ year: 2025, month: 12, day: 29 })).toEqual({ year: 2026, week: 1 });
  });

  it('takes the nearest year, a later date counting double', () => {
    expect(nearestYear({ year: 2025, month: 1, day: 5 }, 12, 28)).toBe(2024);
    expect(nearestYear({ year: 2025, month: 12, day: 20 }, 1, 10)).toBe(2026);
    // 177 days back against 188 ahead (376 weighted): the past.
    expect(nearestYear({ year: 2025, month: 6, day: 15 }, 12, 20)).toBe(2024);
    expect(nearestYear({ year: 2025, month: 6, day: 15 }, 12, 1)).toBe(2024);
    expect(nearestYear({ year: 2025, month: 6, day: 15 }, 7, 1)).toBe(2025);
    expect(nearestYear({ year: 2025, month: 3, day: 1 }, 2, 29)).toBe(2025);
    expect(nearestMonth({ year: 2025, month: 3, day: 2 }, 28)).toEqual({ year: 2025, month: 2 });
  });

  it('keeps to the reference date or before it when told so (a date told of in the past tense)', () => {
    const ref = { year: 2025, month: 11, day: 26 };
    expect(nearestYear(ref, 12, 31)).toBe(2025);
    expect(nearestYear(ref, 12, 31, { notAfter: true })).toBe(2024);
    expect(nearestYear(ref, 11, 26, { notAfter: true })).toBe(2025);
    // A month without a day has begun by the reference date, or it is last year's.
    expect(nearestYear(ref, 11, undefined, { notAfter: true })).toBe(2025);
    expect(nearestYear(ref, 12, undefined, { notAfter: true })).toBe(2024);
    expect(nearestMonth({ year: 2025, month: 4, day: 26 }, 28)).toEqual({ year: 2025, month: 4 });
    expect(nearestMonth({ year: 2025, month: 4, day: 26 }, 28, { notAfter: true })).toEqual({ year: 2025, month: 3 });
    // The 31st two months back when last month has no 31st.
    expect(nearestMonth({ year: 2025, month: 3, day: 5 }, 31, { notAfter: true })).toEqual({ year: 2025, month: 1 });
  });
});

describe('Japanese and English partial dates resolve by the same rule', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline({});
  });
  const value = (text: string, ref: string) => pipeline.process({ text, publishedAt: ref }).records.find((r) => r.type === 'DATE')?.value;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  it.each([
    ['2025-01-05', 12, 28],
    ['2025-12-20', 1, 10],
    ['2025-06-15', 12, 20],
    // 196 days back against 169 ahead: the past once the future counts double (a symmetric rule said 2025).
    ['2025-06-15', 12, 1],
    ['2025-05-01', 10, 20],
    ['2025-06-15', 1, 20],
    ['2025-06-15', 7, 1],
    ['2025-03-01', 9, 10],
    ['2024-02-10', 8, 30],
  ])('ref %s, month %i day %i', (ref, month, day) => {
    // Tenseless on purpose: a Japanese date whose predicate is past takes the past side (test/dates spec tense-lists.json).
    const ja = value(`${month}月${day}日の会合について`, ref);
    const en = value(`About the meeting on ${MONTHS[month - 1]} ${day}.`, ref);
    expect(ja).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(en).toBe(ja);
  });
});
