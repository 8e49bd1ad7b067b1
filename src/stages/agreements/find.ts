import type { AgreementKind } from '../../schema/records.js';
import type { Token } from '../tokenize/kuromoji.js';
import { AFTER_HEAD_WORDS, AGREEMENT_DETERMINERS, GENERIC_AGREEMENT_MODIFIERS, MAX_AGREEMENT_HEAD_TOKENS, NAMING_MODIFIER, PARTY_NEEDING_HEADS, PARTY_WORDS, SIGNED_AFTER, VERBAL_AFTER, WEAK_AGREEMENT_HEADS } from '../../data/agreement-heads.js';
import { edgeChars, tokenView } from '../orgs/tokens.js';

/** An agreement name in normalized offsets. */
export interface AgreementCandidate {
  start: number;
  end: number;
  kind: AgreementKind;
  rule: string;
  /** A bracketed short form defined right after (or inside) the name: `(RAA)`, `(RCEP)`. */
  alias?: { start: number; end: number; text: string };
  /** The `AとBとの間の` phrase of a formal title (`…に関する日本国とフィリピン共和国との間の協定`): its parties. */
  titleParties?: string;
}

const LATIN_ACRONYM = /^[A-Z][A-Za-z0-9&+\-]{1,11}$/;
const isNameLike = (t: Token) => !GENERIC_AGREEMENT_MODIFIERS.has(t.surface) && (t.pos1 === '固有名詞' || !t.known || /^[A-Za-z]/.test(t.surface) || /^[ァ-ヶー]{2,}$/.test(t.surface));
const isContent = (t: Token) => t.pos === '名詞' && t.pos1 !== '数' && t.pos1 !== '接尾' && !GENERIC_AGREEMENT_MODIFIERS.has(t.surface) && !AGREEMENT_DETERMINERS.has(t.surface) && t.surface !== '・';

/** Last characters of the heads of each head table (built-in plus the user's), computed once per table. */
const headLastChars = new WeakMap<ReadonlyMap<string, AgreementKind>, Set<number>>();
function lastCharsOf(heads: ReadonlyMap<string, AgreementKind>): Set<number> {
  let set = headLastChars.get(heads);
  if (!set) headLastChars.set(heads, (set = edgeChars(heads.keys(), 'last')));
  return set;
}

/** The head ending at token k (whole tokens, longest first). */
function headAt(tokens: readonly Token[], from: number, k: number, heads: ReadonlyMap<string, AgreementKind>, lastChars: Set<number>): { head: string; kind: AgreementKind; first: number } | undefined {
  // Every head found here ends with the last character of token k.
  const last = tokens[k]!.surface;
  if (!lastChars.has(last.charCodeAt(last.length - 1))) return undefined;
  let best: { head: string; kind: AgreementKind; first: number } | undefined;
  // One dictionary token that ends with a head (日米地位協定): the head is inside it.
  const surface = tokens[k]!.surface;
  for (let n = Math.min(8, surface.length - 2); n >= 2; n--) {
    const kind = heads.get(surface.slice(surface.length - n));
    if (kind) {
      best = { head: surface.slice(surface.length - n), kind, first: k };
      break;
    }
  }
  let text = '';
  for (let m = 0; m < MAX_AGREEMENT_HEAD_TOKENS && k - m >= from; m++) {
    text = tokens[k - m]!.surface + text;
    const kind = heads.get(text);
    if (kind) best = { head: text, kind, first: k - m };
  }
  return best;
}

/** True when a token of the name before its head (from offset `start` to token `head`) is a place, a known organisation or a party word. */
function namesParty(tokens: readonly Token[], start: number, head: number): boolean {
  for (let i = head - 1; i >= 0 && tokens[i]!.end > start; i--) {
    const t = tokens[i]!;
    if (t.pos2 === '地域' || (t.pos2 === '組織' && t.known) || PARTY_WORDS.has(t.surface)) return true;
  }
  return false;
}

/** Index of the token that ends exactly at `offset`, or -1. */
function tokenEndingAt(tokens: readonly Token[], offset: number, hint: number): number {
  for (let i = Math.min(hint, tokens.length - 1); i >= 0; i--) {
    if (tokens[i]!.end === offset) return i;
    if (tokens[i]!.end < offset) break;
  }
  return -1;
}

/** Walks left over noun tokens from token i (inclusive): the start index of that noun compound. */
function compoundStart(tokens: readonly Token[], i: number, runStartOf: Int32Array): number {
  return runStartOf[i]! >= 0 ? runStartOf[i]! : i;
}

/**
 * Agreement names: noun compounds ending in a head, extended left over the modifiers that name the
 * subject (…に関する, …のための, …的な, a bracketed acronym inside the name) and to a surrounding 「」 title.
 * Generic mentions — a bare head, one after a determiner (この合意, 本覚書), one only classified
 * (基本合意, 貿易協定), or a verb (合意した) — are not names.
 */
export function findAgreements(tokens: readonly Token[], norm: string, heads: ReadonlyMap<string, AgreementKind>): AgreementCandidate[] {
  const out: AgreementCandidate[] = [];
  const { runCount, runFrom, runTo, runStartOf } = tokenView(tokens);
  const lastChars = lastCharsOf(heads);

  for (let r = 0; r < runCount; r++) {
    const from = runFrom[r]!;
    const to = runTo[r]!;
    let found: { head: string; kind: AgreementKind; first: number } | undefined;
    let k = to - 1;
    for (; k >= from; k--) {
      found = headAt(tokens, from, k, heads, lastChars);
      if (found) break;
      if (!AFTER_HEAD_WORDS.has(tokens[k]!.surface)) break;
    }
    if (!found) continue;
    let s = from;
    let determiner = false;
    while (s < found.first && (AGREEMENT_DETERMINERS.has(tokens[s]!.surface) || tokens[s]!.pos === '接頭詞')) {
      if (AGREEMENT_DETERMINERS.has(tokens[s]!.surface)) determiner = true;
      s++;
    }
    const before = tokens[from - 1];
    if (before && (before.pos === '連体詞' || AGREEMENT_DETERMINERS.has(before.surface)) && before.end === tokens[from]!.start) determiner = true;
    const end = tokens[k]!.end;
    const after = norm.slice(end, end + 4);
    if (WEAK_AGREEMENT_HEADS.has(found.head) && VERBAL_AFTER.test(after)) continue;

    let start = tokens[s]!.start;
    let named = false;
    let content = 0;
    if (found.head !== tokens[found.first]!.surface && found.first === k) content = 2; // 日米地位協定: a dictionary compound
    for (let i = s; i < found.first; i++) {
      const t = tokens[i]!;
      if (isNameLike(t)) named = true;
      if (isContent(t)) content++;
    }
    if (content >= 2 || (content >= 1 && (found.kind === 'partnership' || found.kind === 'code_of_conduct' || found.kind === 'charter' || found.first < k))) named = true;
    let alias: AgreementCandidate['alias'];
    let rule = 'ja.agreement.compound';

    // Extend left, a few steps at most: (ACRONYM) inside the name, …に関する / …のための, …的な, …の….
    let cursor = start;
    let lastTokenBefore = s - 1;
    for (let step = 0; step < 4; step++) {
      const left = norm.slice(Math.max(0, cursor - 24), cursor);
      let joinEnd = -1;
      let byModifier = false;
      const bracket = /\(([A-Za-z][A-Za-z0-9&+\-]{1,11})\)$/.exec(left);
      const modifier = NAMING_MODIFIER.exec(left);
      if (bracket && step === 0 && LATIN_ACRONYM.test(bracket[1]!)) {
        joinEnd = cursor - bracket[0].length;
        alias = { start: joinEnd + 1, end: joinEnd + 1 + bracket[1]!.length, text: bracket[1]! };
      } else if (modifier) {
        joinEnd = cursor - modifier[0].length;
        byModifier = true;
      } else if (left.endsWith('的な') && named) {
        joinEnd = cursor - 1;
      } else if (left.endsWith('の') && step > 0) {
        joinEnd = cursor - 1;
      } else break;
      const i = tokenEndingAt(tokens, joinEnd, lastTokenBefore);
      if (i < 0 || tokens[i]!.pos !== '名詞' || /[()]/.test(tokens[i]!.surface)) break;
      const j = compoundStart(tokens, i, runStartOf);
      let first = j;
      while (first <= i && AGREEMENT_DETERMINERS.has(tokens[first]!.surface)) first++;
      if (first > i) break; // この件に関する声明: the subject is an anaphor
      if (byModifier) {
        named = true;
        rule = 'ja.agreement.modifier';
      }
      for (let x = first; x <= i; x++) if (isNameLike(tokens[x]!) || isContent(tokens[x]!)) named = true;
      cursor = tokens[first]!.start;
      lastTokenBefore = first - 1;
      start = cursor;
    }

    // A 「…」 title ending with this head: the name is the whole title.
    if (norm[end] === '」' || norm[end] === '』') {
      const open = Math.max(norm.lastIndexOf('「', start), norm.lastIndexOf('『', start));
      const title = norm.slice(open + 1, end);
      if (open >= 0 && end - open <= 80 && title !== found.head && !/[」』\n。]/.test(title) && ![...AGREEMENT_DETERMINERS].some((d) => title.startsWith(d))) {
        start = open + 1;
        named = true;
        rule = 'ja.agreement.quoted';
      }
    }
    if (!named || (determiner && rule === 'ja.agreement.compound' && start >= tokens[s]!.start)) continue;
    if (PARTY_NEEDING_HEADS.has(found.head) && !namesParty(tokens, start, found.first) && !SIGNED_AFTER.test(norm.slice(end, end + 6))) continue;

    // (RAA) right after the name.
    const next = /^\(([A-Za-z][A-Za-z0-9&+\-]{1,11})\)/.exec(norm.slice(end, end + 16));
    if (next && !alias) alias = { start: end + 1, end: end + 1 + next[1]!.length, text: next[1]! };
    const candidate: AgreementCandidate = { start, end, kind: found.kind, rule };
    if (alias) candidate.alias = alias;
    out.push(candidate);
  }
  return out;
}
