/**
 * Sentence segmentation over the normalized text. Segments end at 。！？!? and newlines and are
 * capped in length, because kuromoji only splits its input at 、。 and is quadratic on long runs.
 */
import { CharTable } from '../core/regex.js';

export interface Segment {
  /** Normalized offsets, end exclusive. */
  start: number;
  end: number;
}

export const MAX_SEGMENT_LENGTH = 200;

const SENTENCE_END = new CharTable(/[。!?！？\n]/);
/** Closing brackets and repeated marks that stay with the sentence they end (。」 !?). */
const SENTENCE_TAIL = new CharTable(/[」』)）!?！？。]/);
const SPACE = new CharTable(/\s/);
/** Where a too-long segment may be cut, best first. */
const SOFT_BREAKS = new CharTable(/[、,;:・\s)）」』]/);

export function splitSentences(text: string, maxLength = MAX_SEGMENT_LENGTH): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  const emit = (end: number) => {
    // Drop whitespace-only segments; keep offsets exact.
    let s = start;
    while (s < end && SPACE.has(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && SPACE.has(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      for (const piece of capLength(text, s, e, maxLength)) segments.push(piece);
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_END.has(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < text.length && SENTENCE_TAIL.has(text.charCodeAt(j))) j++;
      emit(j);
      i = j - 1;
    }
  }
  emit(text.length);
  return segments;
}

function* capLength(text: string, start: number, end: number, maxLength: number): Generator<Segment> {
  let s = start;
  while (end - s > maxLength) {
    let cut = -1;
    for (let k = s + maxLength; k > s + maxLength / 2; k--) {
      if (SOFT_BREAKS.has(text.charCodeAt(k - 1))) {
        cut = k;
        break;
      }
    }
    if (cut < 0) cut = s + maxLength;
    // Never cut a surrogate pair in half.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut++;
    yield { start: s, end: cut };
    s = cut;
  }
  if (end > s) yield { start: s, end };
}
