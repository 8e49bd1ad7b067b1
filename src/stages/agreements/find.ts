import type { AgreementKind } from '../../schema/records.js';
import type { Token } from '../../core/token.js';
import { AFTER_HEAD_WORDS, AGREEMENT_DETERMINERS, GENERIC_AGREEMENT_MODIFIERS, NOT_AGREEMENT_ALIASES, PARTNERSHIP_HEAD, PARTNERSHIP_NAMING_ADJECTIVES, MAX_AGREEMENT_HEAD_TOKENS, MEASURE_NOUNS, ORDINAL_INSTRUMENTS, NAMING_MODIFIER, PARTY_NEEDING_HEADS, PARTY_WORDS, SIGNED_AFTER, VERBAL_AFTER, WEAK_AGREEMENT_HEADS } from '../../data/agreement-heads.js';
import { COUNTRIES } from '../../data/countries.js';
import { edgeChars, type TokenView } from '../token-features/index.js';
import { alternation } from '../../core/regex.js';

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

const PARTNERSHIP_ADJECTIVE = new RegExp(`(?:${alternation(PARTNERSHIP_NAMING_ADJECTIVES)})$`);
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

const isNoun = (t: Token) => t.pos === '名詞' && t.pos1 !== '代名詞' && !AGREEMENT_DETERMINERS.has(t.surface) && /[\p{L}\p{N}]/u.test(t.surface);
const SUBJECT_JOINS = new Set(['及び', 'および', '並びに', 'ならびに', '・']);
/** A number followed by 年/月/日: a date, which a subject does not swallow (`2019年の…に関する`). */
const isDateNumber = (tokens: readonly Token[], i: number) => tokens[i]!.pos1 === '数' && /^(?:年|月|日|年度)/.test(tokens[i + 1]?.surface ?? '');

/**
 * Start (token index) of the subject ending at token `last`, walking left over nouns, `の`/`など` between nouns,
 * `及び`/`並びに`/`・`, `X的な`, a 「…」 quotation and a bracket right before the modifier (`円借款(2件)に関する`).
 * -1 when the subject is an anaphor (この件に関する).
 */
function subjectStart(tokens: readonly Token[], last: number): number {
  let i = last;
  let first = -1;
  const lower = Math.max(0, last - 40);
  // A bracket or quotation ending the subject: take it whole.
  const skipGroup = (at: number): number => {
    const close = tokens[at]!.surface;
    const open = close.endsWith('」') ? '「' : close.endsWith(')') ? '(' : close.endsWith('』') ? '『' : '';
    if (!open) return at;
    for (let k = at; k >= lower; k--) if (tokens[k]!.surface.startsWith(open) || tokens[k]!.surface === open) return k;
    return -2;
  };
  let pairs = 0; // `AとBとの間における…`: one と inside such a phrase joins the pair
  while (i >= lower) {
    const t = tokens[i]!;
    // A subject never crosses a line or segment break, punctuation or a bracket holding an amount.
    if (i < last && t.end !== tokens[i + 1]!.start) break;
    if (/^[,、。，．!?！？:;]$/.test(t.surface)) break;
    if (t.surface === 'における' && tokens[i - 1]?.surface === '間' && tokens[i - 2]?.surface === 'の' && tokens[i - 3]?.surface === 'と' && first >= 0) {
      i -= 4;
      pairs++;
      continue;
    }
    if (t.surface === 'と' && pairs > 0 && first >= 0 && tokens[i - 1] && isNoun(tokens[i - 1]!)) {
      pairs--;
      i--;
      continue;
    }
    if (/[」』)]$/.test(t.surface)) {
      const k = skipGroup(i);
      if (k < 0) break;
      if (/\d/.test(tokens.slice(k, i + 1).map((x) => x.surface).join('')) && /[円ドル]/.test(tokens.slice(k, i + 1).map((x) => x.surface).join(''))) break;
      // A quotation or bracket needs a noun right before it (`円借款「…」`, `円借款(2件)`) or must be the whole subject.
      first = k;
      i = k - 1;
      if (i < lower || !isNoun(tokens[i]!)) break;
      continue;
    }
    if (/^(?:年|月|日|年度)$/.test(t.surface) && tokens[i - 1]?.pos1 === '数') break;
    const counter = t.pos1 === '接尾' && tokens[i - 1]?.pos1 === '数'; // 5件, 2件: a count, not the anaphor 件
    const partyGap = t.surface === '間' && tokens[i - 1]?.surface === 'の'; // …との間の: a party phrase, not the subject
    if ((isNoun(t) || counter) && !isDateNumber(tokens, i) && !partyGap) {
      first = i;
      i--;
      continue;
    }
    const prev = tokens[i - 1];
    const prevNoun = prev !== undefined && (isNoun(prev) || (prev.pos1 === '接尾' && tokens[i - 2]?.pos1 === '数'));
    if (first >= 0 && prev && prevNoun && !(prev.surface === '間' && tokens[i - 2]?.surface === 'の') && (SUBJECT_JOINS.has(t.surface) || ((t.surface === 'の' || t.surface === 'など') && !/[)」]$/.test(prev.surface) && !MEASURE_NOUNS.has(prev.surface)))) {
      i--;
      continue;
    }
    // `包括的な`: an adjectival noun and な.
    if (first >= 0 && t.surface === 'な' && prev && (prev.surface === '的' || prev.pos1 === '形容動詞語幹')) {
      i--;
      continue;
    }
    if (first >= 0 && t.surface === 'など' && prev && isNoun(prev)) {
      i--;
      continue;
    }
    break;
  }
  if (first < 0) return -1;
  while (first <= last && (SUBJECT_JOINS.has(tokens[first]!.surface) || tokens[first]!.surface === 'の')) first++;
  return first <= last ? first : -1;
}

/** Start of a party list `A(と|及び|、)B` ending at token `last` (nouns only), or -1. */
function partyListStart(tokens: readonly Token[], last: number): number {
  if (last < 0 || !isNoun(tokens[last]!)) return -1;
  let i = last;
  let first = last;
  let joins = 0;
  while (i >= 0 && i > last - 20) {
    const t = tokens[i]!;
    // A party list never crosses a line break (`報道発表⏎日本国と…との間の協定`).
    if (i < last && t.end !== tokens[i + 1]!.start) break;
    if (isNoun(t) && !isDateNumber(tokens, i)) first = i;
    else if ((t.surface === 'と' || SUBJECT_JOINS.has(t.surface) || t.surface === '、') && tokens[i - 1] && isNoun(tokens[i - 1]!)) joins++;
    else break;
    i--;
  }
  return joins > 0 ? first : -1;
}

/** `第一改正議定書`, `第2追加議定書` right after an agreement's name. */
const ORDINAL_INSTRUMENT = new RegExp(`^第[一二三四五六七八九十0-9]+(?:次)?(${[...ORDINAL_INSTRUMENTS].sort((a, b) => b.length - a.length).join('|')})`);

/** `包括的な…に関する日本国及び東南アジア諸国連合構成国の間の協定を改正する議定書`: a quoted title's `A及びBの間の` phrase inside it. */
const INNER_TITLE = /(?:に関する|に係る|についての|のための|における)([^「」()、。]{2,40}?(?:と|及び|および|並びに)[^「」()、。]{2,40}?)(?:との|の)間の/;
const COUNTRY_AT_START = new RegExp(`^(?:${COUNTRIES.flatMap((c) => c.names).sort((a, b) => b.length - a.length).join('|')})`);
function innerTitleParties(title: string): string | undefined {
  const m = INNER_TITLE.exec(title);
  return m && COUNTRY_AT_START.test(m[1]!) ? m[1] : undefined;
}

/**
 * Agreement names: noun compounds ending in a head, extended left over the modifiers that name the
 * subject (…に関する, …のための, …的な, a bracketed acronym inside the name) and to a surrounding 「」 title.
 * Generic mentions — a bare head, one after a determiner (この合意, 本覚書), one only classified
 * (基本合意, 貿易協定), or a verb (合意した) — are not names.
 */
export function findAgreements(view: TokenView, norm: string, heads: ReadonlyMap<string, AgreementKind>): AgreementCandidate[] {
  const out: AgreementCandidate[] = [];
  const { tokens, runCount, runFrom, runTo, runStartOf } = view;
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
    let atHeadCompound = true;
    let titleParties: string | undefined;
    let walked = false;
    for (let step = 0; step < 5; step++) {
      const left = norm.slice(Math.max(0, cursor - 24), cursor);
      // Right before a partnership head, an adjective names it (`包括的な|戦略的パートナーシップ`).
      const partnershipHead = step === 0 && found.head.endsWith(PARTNERSHIP_HEAD);
      let joinEnd = -1;
      let byModifier = false;
      const bracket = /\(([A-Za-z][A-Za-z0-9&+\-]{1,11})\)$/.exec(left);
      const modifier = NAMING_MODIFIER.exec(left);
      if (bracket && step === 0 && LATIN_ACRONYM.test(bracket[1]!) && !NOT_AGREEMENT_ALIASES.has(bracket[1]!)) {
        joinEnd = cursor - bracket[0].length;
        alias = { start: joinEnd + 1, end: joinEnd + 1 + bracket[1]!.length, text: bracket[1]! };
      } else if (modifier) {
        joinEnd = cursor - modifier[0].length;
        byModifier = true;
      } else if (left.endsWith('的な') && (named || partnershipHead)) {
        // …的な before a name, or before a partnership, which it names (`包括的な戦略的パートナーシップ`; `互恵的な経済連携` describes).
        joinEnd = cursor - 1;
        named = true;
      } else if (partnershipHead && PARTNERSHIP_ADJECTIVE.test(left)) {
        joinEnd = cursor - 1;
        named = true;
      } else if (left.endsWith('の') && step > 0) {
        joinEnd = cursor - 1;
      } else if (!(atHeadCompound && /(?:との|の)間の$/.test(left))) break;
      // A formal title's parties right before its head: `…に関する日本国とタイ王国との間の協定`, `日本国と欧州連合及び欧州連合構成国との間の…協定`.
      const title = atHeadCompound ? /(?:との|の)間の$/.exec(left) : null;
      if (title && !byModifier && !alias) {
        const partiesEnd = cursor - title[0].length;
        const p = partyListStart(tokens, tokenEndingAt(tokens, partiesEnd, lastTokenBefore));
        if (p < 0) break;
        titleParties = norm.slice(tokens[p]!.start, partiesEnd);
        cursor = tokens[p]!.start;
        lastTokenBefore = p - 1;
        start = cursor;
        atHeadCompound = false;
        named = true;
        rule = 'ja.agreement.title';
        continue;
      }
      const i = tokenEndingAt(tokens, joinEnd, lastTokenBefore);
      if (byModifier && i >= 0 && (tokens[i]!.pos === '名詞' || /[」)]$/.test(tokens[i]!.surface))) {
        // The subject of a naming modifier: a coordinated noun phrase (`円借款5件及び無償資金協力1件`, `防衛装備品などの共同開発`,
        // `包括的な経済上の連携`, `円借款「…」`), stopping at a particle, a verb, a date or a party phrase (`AとBとの間の`).
        const first = subjectStart(tokens, i);
        if (first < 0) break;
        named = true;
        rule = 'ja.agreement.modifier';
        cursor = tokens[first]!.start;
        lastTokenBefore = first - 1;
        start = cursor;
        atHeadCompound = /[協定約書文]$/.test(tokens[i]!.surface) && first === i;
        walked = true;
        continue;
      }
      // After a subject, only another modifier or a title's parties continue the name.
      if (walked) break;
      atHeadCompound = false;
      if (i < 0 || tokens[i]!.pos !== '名詞' || /[()]/.test(tokens[i]!.surface) || tokens[i]!.surface === '間') break;
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
        titleParties ??= innerTitleParties(title);
      }
    }
    if (!named || (determiner && rule === 'ja.agreement.compound' && start >= tokens[s]!.start)) continue;
    if (PARTY_NEEDING_HEADS.has(found.head) && !namesParty(tokens, start, found.first) && !SIGNED_AFTER.test(norm.slice(end, end + 6))) continue;

    // `…協定第一改正議定書`: a numbered instrument of the agreement is the name (the protocol, not the agreement).
    const numbered = ORDINAL_INSTRUMENT.exec(norm.slice(end, end + 16));
    const nameEnd = numbered ? end + numbered[0].length : end;
    const kind = numbered ? heads.get(numbered[1]!) ?? found.kind : found.kind;
    // (RAA) right after the name.
    const next = /^\(([A-Za-z][A-Za-z0-9&+\-]{1,11})\)/.exec(norm.slice(nameEnd, nameEnd + 16));
    if (next && !alias && !NOT_AGREEMENT_ALIASES.has(next[1]!)) alias = { start: nameEnd + 1, end: nameEnd + 1 + next[1]!.length, text: next[1]! };
    const candidate: AgreementCandidate = { start, end: nameEnd, kind, rule };
    if (titleParties) candidate.titleParties = titleParties;
    if (alias) candidate.alias = alias;
    out.push(candidate);
  }
  return out;
}
