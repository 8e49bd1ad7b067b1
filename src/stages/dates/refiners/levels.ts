import type { DateCandidate } from '../types.js';

/**
 * Granularity levels, coarse to fine: 0 decade/century, 1 year, 1.5 quarter/half/season, 2 month, 3 week,
 * 4 day, 5 weekday. Composition joins a coarser candidate with the next finer one.
 */
export function topLevel(c: DateCandidate): number {
  if (c.fiscalClose && c.day === undefined && c.year !== undefined) return 1;
  if (c.decade !== undefined || c.century !== undefined) return 0;
  if (c.year !== undefined || c.fixed || c.rel?.unit === 'year' || c.rel?.unit === 'fiscal') return 1;
  if (c.quarter !== undefined || c.season !== undefined || c.half !== undefined) return 1.5;
  if (c.month !== undefined || c.rel?.unit === 'month') return 2;
  if (c.rel?.unit === 'week') return 3;
  if (c.day !== undefined || c.rel?.unit === 'day') return 4;
  if (c.weekday !== undefined) return 5;
  return -1;
}

export function bottomLevel(c: DateCandidate): number {
  if (c.fiscalClose && c.day === undefined && c.half === undefined && c.quarter === undefined) return 1;
  if (c.weekday !== undefined) return 5;
  if (c.day !== undefined || c.rel?.unit === 'day') return 4;
  if (c.rel?.unit === 'week') return 3;
  if (c.month !== undefined || c.rel?.unit === 'month') return 2;
  if (c.quarter !== undefined || c.season !== undefined || c.half !== undefined) return 1.5;
  if (c.year !== undefined || c.fixed || c.rel?.unit === 'year' || c.rel?.unit === 'fiscal') return 1;
  if (c.decade !== undefined || c.century !== undefined) return 0;
  return -1;
}

/** A point or period on the calendar (not a duration, an offset, a vague word or a lone suffix). */
export function isCalendar(c: DateCandidate): boolean {
  return !c.duration && !c.offset && !c.vague && !c.suffixOnly && topLevel(c) >= 0;
}
