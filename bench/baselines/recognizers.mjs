// Helpers shared by the Microsoft Recognizers-Text baselines.
// Recognizers' ModelResult has `start` and `end` with **end inclusive**, and `text` in its own
// normalized form (full-width → ASCII, 、 → ",", ・ → ".", − → "-", lower case) while the offsets
// point at the raw input. `toSpan` converts to end-exclusive offsets into the raw text and checks them.
import { alignSpan } from './common.mjs';

export const normalizeLikeRecognizers = (s) =>
  s.normalize('NFKC').toLowerCase().replace(/、/g, ',').replace(/・/g, '.').replace(/[−–]/g, '-');

/**
 * Raw-text span of a recognizer result, or null (counted as `dropped`) when the reported text is not
 * at or near the reported offsets. `counts` gets one of exact/normalized/realigned/dropped.
 */
export function toSpan(text, r, counts) {
  const a = alignSpan(text, r.start, r.end + 1, r.text, normalizeLikeRecognizers);
  counts.add(a ? a.how : 'dropped');
  return a && { start: a.start, end: a.end, text: text.slice(a.start, a.end) };
}

export const offsetSummary = (counts) =>
  `offsets: exact=${counts.get('exact')} normalized-text=${counts.get('normalized')} realigned=${counts.get('realigned')} dropped=${counts.get('dropped')}`;
