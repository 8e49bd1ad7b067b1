import type { KijiRecord, RecordType } from '../schema/records.js';

/**
 * One shared rule for overlapping candidates: the longest span wins, the earlier one breaks ties.
 * Across types the same rule applies; for spans of equal length, `CROSS_TYPE_PRIORITY` decides
 * (a money amount or date is more specific than a name that happens to cover the same characters).
 */
export const CROSS_TYPE_PRIORITY: readonly RecordType[] = ['MONEY', 'DATE', 'AGREEMENT', 'ORG'];

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function resolveOverlaps<T extends KijiRecord>(records: readonly T[]): T[] {
  const rank = (r: KijiRecord) => CROSS_TYPE_PRIORITY.indexOf(r.type);
  const ordered = [...records].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b));
  const kept: T[] = [];
  for (const candidate of ordered) {
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
