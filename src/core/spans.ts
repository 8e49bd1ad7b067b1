import type { KijiRecord, RecordType } from '../schema/records.js';

/** A half-open range of offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Whether two spans share a character (a span of length 0 overlaps one that strictly contains its offset). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function overlapsAny(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => overlaps(s, span));
}

/**
 * In spans sorted by start and not overlapping (sentences), the index of the last one starting at or
 * before `offset`: the one containing it, or the one before the gap it is in; -1 before the first. Binary search.
 */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/**
 * The one rule for overlapping candidates: the longest span wins, the earlier one breaks ties, then
 * `tieBreak` (lower first), then input order. Returns the spans kept, in text order (start, then end).
 *
 * O(n log n): after sorting, each candidate is checked against the spans already kept with a Fenwick tree
 * over the elementary segments between distinct offsets (kept spans never overlap, so together they mark
 * at most 2n segments), instead of against every kept span (quadratic: 124 s on a megabyte dense with
 * dates and amounts).
 */
export function longestFirst<T extends Span>(spans: readonly T[], tieBreak?: (a: T, b: T) => number): T[] {
  // Most lists overlap nowhere (a stage's own records, an article's dates): then every span is kept. In text order,
  // with equal spans as the full rule orders them (tieBreak, then input order), that is the answer.
  const inTextOrder = spans.slice().sort((a, b) => a.start - b.start || a.end - b.end || (tieBreak ? tieBreak(a, b) : 0));
  let reach = -Infinity;
  let disjoint = true;
  for (const s of inTextOrder) {
    if (s.start < reach) {
      disjoint = false;
      break;
    }
    if (s.end > reach) reach = s.end;
  }
  if (disjoint) return inTextOrder;

  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (tieBreak ? tieBreak(a, b) : 0));
  if (ordered.length < 2) return ordered;

  // Distinct offsets; segment i is [coords[i], coords[i + 1]).
  const all = new Float64Array(ordered.length * 2);
  ordered.forEach((s, i) => {
    all[2 * i] = s.start;
    all[2 * i + 1] = s.end;
  });
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[m - 1]) all[m++] = all[i]!;
  const coords = all.subarray(0, m);
  const indexOf = (offset: number): number => {
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (coords[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Fenwick trees (1-based): occupied segments, and kept spans of length 0 (by offset index).
  const segments = new Int32Array(m + 1);
  const points = new Int32Array(m + 1);
  const add = (tree: Int32Array, i: number) => {
    for (let k = i + 1; k <= m; k += k & -k) tree[k]!++;
  };
  /** Sum of tree[0..i], i.e. of the first i + 1 entries. */
  const prefix = (tree: Int32Array, i: number): number => {
    let sum = 0;
    for (let k = i + 1; k > 0; k -= k & -k) sum += tree[k]!;
    return sum;
  };
  /** Which kept span holds each segment (+1; 0 for none): a span of length 0 overlaps only a span around it. */
  const owner = new Int32Array(m);

  const kept: T[] = [];
  for (const span of ordered) {
    const i = indexOf(span.start);
    const j = indexOf(span.end);
    if (i < j) {
      if (prefix(segments, j - 1) - prefix(segments, i - 1) > 0) continue; // shares a segment with a kept span
      if (j - i > 1 && prefix(points, j - 1) - prefix(points, i) > 0) continue; // holds a kept span of length 0
      for (let k = i; k < j; k++) {
        add(segments, k);
        owner[k] = kept.length + 1;
      }
    } else {
      if (i > 0 && owner[i - 1] !== 0 && owner[i - 1] === owner[i]) continue; // inside a kept span
      add(points, i);
    }
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Across record types the same rule applies; for spans of equal length, `CROSS_TYPE_PRIORITY` decides
 * (a money amount or date is more specific than a name that happens to cover the same characters).
 */
export const CROSS_TYPE_PRIORITY: readonly RecordType[] = ['MONEY', 'DATE', 'AGREEMENT', 'ORG'];
const RANK = new Map(CROSS_TYPE_PRIORITY.map((type, i) => [type, i]));

export function resolveOverlaps<T extends KijiRecord>(records: readonly T[]): T[] {
  return longestFirst(records, (a, b) => RANK.get(a.type)! - RANK.get(b.type)!);
}
