import type { DateRefiner } from '../types.js';

/** Overlapping candidates: the longest wins, the earlier breaks ties (the rule of `src/core/spans.ts`). */
export const removeOverlaps: DateRefiner = (candidates) => {
  // A lone suffix (下半期 as a suffix) loses a tie to the same word standing alone (下半期 = this year's second half).
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || Number(a.suffixOnly ?? false) - Number(b.suffixOnly ?? false));
  const kept: typeof candidates = [];
  const taken = new Uint8Array(Math.max(0, ...candidates.map((c) => c.end)) + 1);
  for (const c of ordered) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
};
