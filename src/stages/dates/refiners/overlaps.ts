import { longestFirst } from '../../../core/spans.js';
import type { DateRefiner } from '../types.js';

/** Overlapping candidates: the longest wins, the earlier breaks ties (the kernel's rule, `longestFirst`). */
export const removeOverlaps: DateRefiner = (candidates) =>
  // A lone suffix (下半期 as a suffix) loses a tie to the same word standing alone (下半期 = this year's second half).
  longestFirst(candidates, (a, b) => Number(a.suffixOnly ?? false) - Number(b.suffixOnly ?? false));
