import type { DateRefiner } from '../types.js';

/** Overlapping candidates: the longest wins, the earlier breaks ties (the rule of `src/core/spans.ts`). */
export const removeOverlaps: DateRefiner = (candidates) => {
  // A lone suffix (下半期 as a suffix) loses a tie to the same word standing alone (下半期 = this year's second half).
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || Number(a.suffixOnly ?? false) - Number(b.suffixOnly ?? false));
  const kept: typeof candidates = [];
  if (candidates.length === 0) return kept;
  // Offsets are the document's; this runs once per sentence, so the table covers only the candidates' extent.
  let from = Infinity;
  let to = 0;
  for (const c of candidates) {
    if (c.start < from) from = c.start;
    if (c.end > to) to = c.end;
  }
  const taken = new Uint8Array(to - from);
  for (const c of ordered) {
    let free = true;
    for (let i = c.start - from; i < c.end - from; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start - from, c.end - from);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
};
