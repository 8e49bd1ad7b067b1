/**
 * The tense of the predicate a date belongs to, read off the tokens after it: `大晦日も休まず出動した` is
 * past, `大晦日に放送される番組について語った` is not (the first predicate after the date, 放送される, is
 * non-past; the sentence's last verb says when it was reported, not when the date falls).
 *
 * The first predicate after the date is read through continuative forms (休まず, 会見を開き、, 出動して、),
 * which hand the tense on to the next predicate, until one ends its clause: past when its chain holds the
 * auxiliary た (した, だった, ました, しなかった), otherwise not past. A sentence end before any predicate
 * (an issue label, a headline without a verb) is not past.
 */
import type { Token } from '../../core/token.js';

/** Tokens read after the date before giving up (a clause longer than this is not the date's own). */
const MAX_TOKENS = 40;

const isHead = (t: Token) => (t.pos === '動詞' && t.pos1 === '自立') || (t.pos === '形容詞' && t.pos1 === '自立') || (t.pos === '助動詞' && (t.basic === 'だ' || t.basic === 'です'));
const isAuxiliary = (t: Token) => t.pos === '助動詞' || ((t.pos === '動詞' || t.pos === '形容詞') && (t.pos1 === '非自立' || t.pos1 === '接尾'));
const isTe = (t: Token) => t.pos === '助詞' && t.pos1 === '接続助詞' && (t.basic === 'て' || t.basic === 'で');
const endsSentence = (t: Token) => t.pos1 === '句点' || t.surface === '!' || t.surface === '?';

/** Index of the first token starting at or after `offset` (tokens are in text order). */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the predicate governing a date that ends at normalized offset `end` is in the past tense. */
export function pastTenseAfter(tokens: readonly Token[], text: string, end: number): boolean {
  const from = firstAtOrAfter(tokens, end);
  const stop = Math.min(tokens.length, from + MAX_TOKENS);
  let handedOn = false;
  for (let i = from; i < stop; i++) {
    const t = tokens[i]!;
    if (endsSentence(t) || (i > from && text.slice(tokens[i - 1]!.end, t.start).includes('\n'))) return false;
    if (!isHead(t)) continue;
    // The predicate's chain: auxiliaries, and て/で before a dependent verb (始まっている, 来てほしい).
    let last = i;
    while (last + 1 < stop) {
      const next = tokens[last + 1]!;
      if (isAuxiliary(next)) last++;
      else if (isTe(next) && last + 2 < stop && isAuxiliary(tokens[last + 2]!) && tokens[last + 2]!.pos !== '助動詞') last += 2;
      else break;
    }
    for (let k = i; k <= last; k++) if (tokens[k]!.pos === '助動詞' && tokens[k]!.basic === 'た') return true;
    // A form other than the dictionary one (休ま|ず, 開き, し) continues into the next predicate; so does て/で.
    const end = tokens[last]!;
    const after = tokens[last + 1];
    if (end.surface !== end.basic || (after !== undefined && isTe(after))) {
      handedOn = true;
      i = last;
      continue;
    }
    // Past a continuative, a predicate before a noun describes that noun (開き、新しい端末を発表した).
    if (handedOn && after?.pos === '名詞') {
      i = last;
      continue;
    }
    return false;
  }
  return false;
}
