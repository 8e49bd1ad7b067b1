/**
 * Cuts an article text into plain pieces and marked pieces, one per record, for inline display.
 * Records that do not fit (crossing another record, or whose text is no longer at their offsets)
 * are returned separately so callers can still list them.
 */
export interface Markable {
  type: string;
  start: number;
  end: number;
  text: string;
}

export type Segment<M extends Markable> = { text: string; mark?: undefined } | { text: string; mark: M };

export function segmentText<M extends Markable>(text: string, records: readonly M[]): { segments: Segment<M>[]; unplaced: M[] } {
  const sorted = [...records].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment<M>[] = [];
  const unplaced: M[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at || r.end > text.length || text.slice(r.start, r.end) !== r.text) {
      unplaced.push(r);
      continue;
    }
    if (r.start > at) segments.push({ text: text.slice(at, r.start) });
    segments.push({ text: r.text, mark: r });
    at = r.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return { segments, unplaced };
}
