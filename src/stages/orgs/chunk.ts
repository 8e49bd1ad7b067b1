import type { OrgKind } from '../../schema/records.js';
import type { Token } from '../../core/token.js';
import type { Found } from './aliases.js';
import { ACRONYM_ORG_AFTER, INSTITUTION_READING_AFTER, INSTITUTION_TAILS, BRACKET_COMPANY_FORMS, CLUB_PREFIXES, NON_ORG_TAILS, PERSON_AFTER, COMPANY_FORMS, ORG_CONTEXT_AFTER, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, INTERNATIONAL_ONLY_HEADS, INTERNATIONAL_PREFIXES, IPADIC_COMMON_WORDS, MAX_HEAD_TOKENS, NON_ORG_ACRONYMS, NUMBERED_UNIT_HEADS, ORG_HEADS, PRODUCT_WORDS_BEFORE_HEAD, PRODUCT_LIKE_HEADS, UNIT_ORDINAL_BEFORE, type OrgHead } from '../../data/org-heads.js';
import { PERSON_TITLES, TITLE_WHOLE_AFTER, TITLES, TITLES_WITH_HEAD } from '../../data/titles.js';
import { NOT_NAME_TAILS, WORD_INTERNAL_START } from '../../data/org-guards.js';
import { edgeChars, GIVEN_NAME, HEAD_LAST, ORG_CUE, TITLE_HEAD_LAST, JOINER, KATAKANA, LATIN, NAME_LIKE, NOUN, ORG_TOKEN, SPACE, UPPER_START, type TokenView } from '../token-features/index.js';

/** An organisation candidate in normalized offsets. */
export interface OrgCandidate {
  start: number;
  end: number;
  rule: string;
  kind?: OrgKind;
  /** A shorter name the text uses for the same organisation (`𠮷川精機` for `𠮷川精機株式会社`). */
  core?: { start: number; end: number };
}

/**
 * A candidate with every field present, undefined where unset. One object shape for all of them keeps the code
 * that reads candidates monomorphic; fields added later per rule gave each combination a shape of its own.
 */
export function orgCandidate(start: number, end: number, rule: string, kind?: OrgKind, core?: { start: number; end: number }): Found {
  return { start, end, rule, kind, core, name: undefined, alias: undefined };
}

export const ACRONYM = /^[A-Z][A-Z0-9&]{1,9}$/;
/** Acronyms that stand alone as organisation mentions are short (NHK, JICA, ASEAN); longer capitals are words (DUNGEON). */
const SHORT_ACRONYM = /^[A-Z][A-Z0-9&]{1,4}$/;

/** First and last characters of titles: cheap tests before joining tokens. */
const TITLE_FIRST = edgeChars(TITLES, 'first');
const TITLE_LAST = edgeChars(TITLES, 'last');
const lastChar = (t: Token) => t.surface.charCodeAt(t.surface.length - 1);

/** The head ending at token `k` (whole tokens), longest first; undefined when a title is longer there (`代表団`). */
function headEndingAt(tokens: readonly Token[], from: number, k: number): { head: OrgHead; first: number } | undefined {
  if (!HEAD_LAST.has(lastChar(tokens[k]!))) return undefined;
  let best: { head: OrgHead; first: number } | undefined;
  let titleLength = 0;
  let text = '';
  for (let m = 0; m < MAX_HEAD_TOKENS && k - m >= from; m++) {
    text = tokens[k - m]!.surface + text;
    const head = ORG_HEADS.get(text);
    if (head) best = { head, first: k - m };
    if (TITLES.has(text)) titleLength = text.length;
  }
  // Tokens of a run are contiguous: the head's length is the distance between its offsets.
  if (best && titleLength > 0 && titleLength >= tokens[k]!.end - tokens[best.first]!.start) return undefined;
  return best;
}

/** Kind from the longest head the name ends with (`外務省` → government, `朝日新聞` → media). */
export function kindOfName(name: string, headKind?: OrgKind): OrgKind | undefined {
  let kind = headKind;
  if (!kind && HEAD_LAST.has(name.charCodeAt(name.length - 1))) {
    for (let n = Math.min(8, name.length - 1); n >= 1; n--) {
      const head = ORG_HEADS.get(name.slice(name.length - n));
      if (head) {
        kind = head.kind;
        break;
      }
    }
  }
  if (INTERNATIONAL_PREFIXES.some((p) => name.startsWith(p)) && (kind === undefined || kind === 'international' || kind === 'other' || kind === 'government')) return 'international';
  if (kind === 'international') return 'other';
  return kind;
}

function surfaceOf(tokens: readonly Token[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += tokens[i]!.surface;
  return s;
}

/** Leading tokens that never start a name: determiners, numbers, joiners, given names before the organisation. */
function trimLeft(v: TokenView, from: number, to: number): number {
  let s = from;
  // A headline's verbal noun after を ends a clause (…国際法順守を強調ASEAN首脳会議): the name starts after it.
  const before = v.tokens[from - 1];
  if (before?.surface === 'を' && before.pos === '助詞' && v.tokens[from]!.pos1 === 'サ変接続' && from + 1 < to && v.flags[from + 1]! & NAME_LIKE) s++;
  while (s < to) {
    const t = v.tokens[s]!;
    const r = v.role[s];
    if (DETERMINERS.has(t.surface) || t.pos1 === '数' || r === JOINER || r === SPACE) s++;
    else break;
  }
  return s;
}

/** After a person's given name (岸田文雄自民党総裁) the organisation starts anew. */
function afterGivenName(v: TokenView, s0: number, k: number): number {
  let s = s0;
  for (let i = s0; i < k; i++) if (v.flags[i]! & GIVEN_NAME) s = i + 1;
  return s === s0 ? s0 : trimLeft(v, s, k + 1);
}

/** True when the tokens [k, to) are empty or start with a title (…省報道官, …会社社長): an organisation may end before them. */
function endsName(tokens: readonly Token[], k: number, to: number): boolean {
  if (k >= to) return true;
  if (!TITLE_FIRST.has(tokens[k]!.surface.charCodeAt(0))) return false;
  let text = '';
  for (let m = 0; m < 3 && k + m < to; m++) {
    text += tokens[k + m]!.surface;
    if (TITLES.has(text)) return true;
  }
  return false;
}

/** True when the words before a head make a name rather than a class of organisations. */
function prefixNames(v: TokenView, s: number, headFirst: number, head: OrgHead): boolean {
  if (headFirst <= s) return false; // a bare head (政府, 委員会) is not a name
  let generic = true;
  let nameLike = false;
  let chars = 0;
  let words = 0;
  for (let k = s; k < headFirst; k++) {
    const t = v.tokens[k]!;
    if (v.role[k] === JOINER) continue;
    if (!DETERMINERS.has(t.surface) && !GENERIC_MODIFIERS.has(t.surface)) generic = false;
    if (v.flags[k]! & NAME_LIKE) nameLike = true;
    chars += t.surface.length;
    words++;
  }
  if (generic) return false;
  if (head.weak) return chars >= 2 && (nameLike || (chars >= 3 && words >= 2));
  return true;
}

/** Strips titles and roles at the end of a token range (`…株式会社社長`). */
function trimTitles(tokens: readonly Token[], s: number, e: number): number {
  let end = e;
  while (end > s + 1) {
    if (!TITLE_LAST.has(lastChar(tokens[end - 1]!))) break;
    let cut = 0;
    let text = '';
    for (let m = 1; m <= 3 && end - m > s; m++) {
      text = tokens[end - m]!.surface + text;
      if (TITLES.has(text)) cut = m;
    }
    if (!cut) break;
    end -= cut;
  }
  return end;
}

const PERSON_TITLE_LIST = [...PERSON_TITLES];

/** A katakana name joined by `・` and followed by a person's title: スアン・チエン国防相, ジョン・スミス氏. */
function isPersonName(v: TokenView, s: number, e: number): boolean {
  const tokens = v.tokens;
  let hasDot = false;
  let person = false;
  let k = s;
  for (; k < e; k++) {
    const t = tokens[k]!;
    if (t.surface === '・') hasDot = true;
    else if (!(v.flags[k]! & KATAKANA) && t.pos2 !== '人名') break;
    if (t.pos2 === '人名') person = true;
  }
  if (!hasDot) return false;
  if (k === e && person) return true;
  const rest = k < e ? surfaceOf(tokens, k, Math.min(e, k + 2)) : (tokens[e]?.surface ?? '');
  return PERSON_TITLE_LIST.some((title) => rest.startsWith(title));
}

const KANJI_NAME = /^[一-龥々]{1,3}$/;
/** Any letter or ideograph other than the long vowel mark. */
const NAME_CHARACTER = /[A-Za-z0-9\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff々]/;
/** Last characters of IPADIC's ministry and agency words (交通省, 労働省, 金融庁). */
const MINISTRY_LAST = new Set(['省', '庁']);
const COMPOUND_NOUN = new Set(['一般', 'サ変接続']);
const KANJI_WORD = /^[一-龥々]{2,4}$/;

/** A short kanji 組織 word that is a surname here: followed by a person's suffix or role (吉田被告, 平塚さん, 新宮選手). */
function surnameBefore(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return next !== undefined && next.start === tokens[k]!.end && PERSON_AFTER.has(next.surface) && KANJI_NAME.test(tokens[k]!.surface);
}

const tailLastChars = new WeakMap<ReadonlySet<string>, Set<number>>();

/** True when the tokens [s, to) end with one of `words` (made of whole tokens, up to three). */
export function endsWithTail(tokens: readonly Token[], s: number, to: number, words: ReadonlySet<string>): boolean {
  let last = tailLastChars.get(words);
  if (!last) tailLastChars.set(words, (last = edgeChars(words, 'last')));
  if (!last.has(lastChar(tokens[to - 1]!))) return false;
  let text = '';
  for (let m = 1; m <= 3 && to - m >= s; m++) {
    text = tokens[to - m]!.surface + text;
    if (words.has(text)) return true;
  }
  return false;
}

/** A proper noun or a word IPADIC does not know: after a club prefix, a club's name (`ACミラン`), not a common word (`ACアダプター`). */
export const isProperOrUnknown = (t: Token): boolean => t.pos1 === '固有名詞' || !t.known;

/**
 * Finds organisation candidates in one noun run [from, to): the longest stretch ending in an organisation
 * head (or an IPADIC organisation token), after trimming titles and determiners; company forms.
 */
export function chunkRun(v: TokenView, from: number, to: number, norm: string, out: OrgCandidate[]): void {
  const tokens = v.tokens;
  let cue = false;
  for (let k = from; k < to && !cue; k++) cue = (v.flags[k]! & ORG_CUE) !== 0;
  // Without a cue only a bracketed company form can make this run a name.
  if (!cue) return bracketCompany(v, from, to, norm, out);
  if (isPersonName(v, from, to)) return;
  const s0 = trimLeft(v, from, to);
  if (s0 >= to) return;
  // An event or a facility named after an organisation (大成建設爆破事件, ○○市立△△小学校): no organisation.
  if (endsWithTail(tokens, s0, to, NON_ORG_TAILS)) return;
  // A school or hospital is an organisation only where the text reads it as one (…高校に進学, …病院の院長).
  if (endsWithTail(tokens, s0, to, INSTITUTION_TAILS) && !INSTITUTION_READING_AFTER.test(norm.slice(tokens[to - 1]!.end, tokens[to - 1]!.end + 8))) return;

  // Company form first: 株式会社○○ (to the end of the run, without titles); clubs: FC○○.
  // A club prefix needs a name after it (FC東京, ACミラン), not a common word (ACアダプター: alternating current).
  const clubName = s0 + 1 < to && isProperOrUnknown(tokens[s0 + 1]!);
  if ((COMPANY_FORMS.includes(tokens[s0]!.surface) || (CLUB_PREFIXES.has(tokens[s0]!.surface) && clubName)) && s0 + 1 < to) {
    const e = trimTitles(tokens, s0 + 1, to);
    const end = tokens[e - 1]!.end;
    out.push(orgCandidate(tokens[s0]!.start, end, 'ja.org.company-prefix', 'company', { start: tokens[s0 + 1]!.start, end }));
    return;
  }

  for (let k = to - 1; k >= s0; k--) {
    const t = tokens[k]!;
    const orgToken = (v.flags[k]! & ORG_TOKEN) !== 0;
    const split = TITLE_HEAD_LAST.has(lastChar(t)) ? TITLES_WITH_HEAD.get(t.surface) : undefined;
    // Nothing can end here unless a head, a title with a head or an organisation word does.
    if (!orgToken && !split && !HEAD_LAST.has(lastChar(t))) continue;
    // Only where the name can end: at the end of the run or before a title (not 蘇州工業|園区, 商店|街).
    const canEnd = endsName(tokens, k + 1, to);
    const s = afterGivenName(v, s0, k);
    if (s > k || WORD_INTERNAL_START.test(tokens[s]!.surface)) continue;
    // 防衛政策局長: the organisation ends inside the title; not after a name that needs no head from it
    // (`…病院|院長`, `…クリニック|院長`: the title is whole).
    if (split && k > s && canEnd && !headEndingAt(tokens, s, k - 1) && !TITLE_WHOLE_AFTER.has(tokens[k - 1]!.surface)) {
      const head = ORG_HEADS.get(split);
      if (head && prefixNames(v, s, k, head) && !GENERIC_ORG_WORDS.has(surfaceOf(tokens, s, k) + split)) {
        out.push(orgCandidate(tokens[s]!.start, t.start + split.length, 'ja.org.head-in-title', kindOfName(surfaceOf(tokens, s, k) + split, head.kind)));
        return;
      }
    }
    let found = t.pos2 === '地域' || !canEnd ? undefined : headEndingAt(tokens, s, k);
    if (found && INTERNATIONAL_ONLY_HEADS.has(surfaceOf(tokens, found.first, k + 1)) && !INTERNATIONAL_PREFIXES.some((p) => tokens[s]!.surface.startsWith(p))) found = undefined;
    // 大型液晶テレビ, 消費電力: a product or a technique, not a name.
    if (found && found.first > s && PRODUCT_LIKE_HEADS.has(surfaceOf(tokens, found.first, k + 1)) && PRODUCT_WORDS_BEFORE_HEAD.has(tokens[found.first - 1]!.surface)) found = undefined;
    // 湖北省, 河南省: a province after a place name, not a ministry.
    if (found && tokens[found.first]!.surface === '省' && found.first > s && tokens[found.first - 1]!.pos2 === '地域') found = undefined;
    // 第7艦隊, 第12師団: an ordinal makes a bare unit word a name (the ordinal is outside the noun run).
    if (found && found.first === s && NUMBERED_UNIT_HEADS.has(surfaceOf(tokens, s, k + 1))) {
      const ordinal = UNIT_ORDINAL_BEFORE.exec(norm.slice(Math.max(0, tokens[s]!.start - 6), tokens[s]!.start));
      if (ordinal) {
        out.push(orgCandidate(tokens[s]!.start - ordinal[0].length, t.end, 'ja.org.numbered-unit', 'military'));
        return;
      }
    }
    if (found) {
      const name = surfaceOf(tokens, s, k + 1);
      let hasOrgToken = false;
      for (let i = s; i <= k; i++) if (v.flags[i]! & ORG_TOKEN) hasOrgToken = true;
      // A head of several tokens can be a whole name (海上+自衛隊, 陸上+自衛隊).
      const wholeHead = found.first === s && k > s;
      if (!GENERIC_ORG_WORDS.has(name) && (wholeHead || prefixNames(v, s, found.first, found.head) || (hasOrgToken && found.first > s))) {
        const core = found.first > s && COMPANY_FORMS.includes(surfaceOf(tokens, found.first, k + 1)) ? { start: tokens[s]!.start, end: tokens[found.first]!.start } : undefined;
        out.push(orgCandidate(tokens[s]!.start, t.end, 'ja.org.head', kindOfName(name, found.head.kind), core));
        return;
      }
    }
    if (orgToken && !(t.surface.length <= 2 && tokens[k + 1]?.pos2 === '人名') && !surnameBefore(tokens, k)) {
      // An IPADIC organisation word, with the place or name words before it (米国 + 国務省) and katakana/Latin name words after it (読売 + ジャイアンツ).
      let e = k + 1;
      while (e < to && v.flags[e]! & (KATAKANA | LATIN) && !TITLES.has(tokens[e]!.surface) && !NOT_NAME_TAILS.has(tokens[e]!.surface)) e++;
      let b = k;
      // IPADIC knows 交通省 and 労働省 but not 国土交通省 or 厚生労働省: a ministry word takes the kanji nouns before it.
      const ministry = MINISTRY_LAST.has(t.surface[t.surface.length - 1]!) && t.surface.length >= 3;
      while (b > s && ((tokens[b - 1]!.pos1 === '固有名詞' && tokens[b - 1]!.pos3 !== '名') || v.role[b - 1] === JOINER || (ministry && b === k && COMPOUND_NOUN.has(tokens[b - 1]!.pos1) && KANJI_WORD.test(tokens[b - 1]!.surface)))) b--;
      if (v.role[b] === JOINER) b++;
      const name = surfaceOf(tokens, b, e);
      // A name needs a letter (kuromoji tags a lone ー as an organisation) and must not be a common word.
      if (!NAME_CHARACTER.test(name) || IPADIC_COMMON_WORDS.has(name)) return;
      out.push(orgCandidate(tokens[b]!.start, tokens[e - 1]!.end, 'ja.org.ipadic', kindOfName(name)));
      return;
    }
  }

  // A name followed by what only an organisation has (…に移籍, …の社長, …を設立).
  {
    let nameEnd = to;
    for (let k = s0 + 1; k < to; k++) if (endsName(tokens, k, to)) { nameEnd = k; break; }
    let evidence = false;
    let person = false;
    let placeOnly = true;
    for (let k = s0; k < nameEnd; k++) {
      const t = tokens[k]!;
      if (v.flags[k]! & (KATAKANA | LATIN) || !t.known || t.pos2 === '組織') evidence = true;
      if (t.pos2 === '人名') person = true;
      if (t.pos2 !== '地域' && v.role[k] !== JOINER) placeOnly = false;
    }
    if (evidence && !person && !placeOnly) {
      const endOffset = tokens[nameEnd - 1]!.end;
      const after = nameEnd < to ? norm.slice(tokens[nameEnd]!.start, tokens[nameEnd]!.start + 12) : norm.slice(endOffset, endOffset + 12);
      if (ORG_CONTEXT_AFTER.test(after) && !isPersonName(v, s0, to)) {
        out.push(orgCandidate(tokens[s0]!.start, endOffset, 'ja.org.context'));
        return;
      }
    }
  }

  bracketCompany(v, from, to, norm, out, s0);
}

/** ○○(株) / (株)○○ around a run without a head. */
function bracketCompany(v: TokenView, from: number, to: number, norm: string, out: OrgCandidate[], start?: number): void {
  const tokens = v.tokens;
  // Inside a run the character before a token is a name character, so a `)` can only precede its first token.
  if (norm.charCodeAt(tokens[from]!.start - 1) !== 41 /* ) */ && norm.charCodeAt(tokens[to - 1]!.end) !== 40 /* ( */ && !TITLE_LAST.has(lastChar(tokens[to - 1]!))) return;
  const s0 = start ?? trimLeft(v, from, to);
  if (s0 >= to) return;
  const runStart = tokens[s0]!.start;
  if (norm.charCodeAt(runStart - 1) !== 41 /* ) */ && norm.charCodeAt(tokens[to - 1]!.end) !== 40 /* ( */ && !TITLE_LAST.has(lastChar(tokens[to - 1]!))) return;
  const runEnd = tokens[trimTitles(tokens, s0, to) - 1]!.end;
  if (BRACKET_COMPANY_FORMS.includes(norm.slice(runEnd, runEnd + 3)) || BRACKET_COMPANY_FORMS.includes(norm.slice(runStart - 3, runStart))) {
    out.push(orgCandidate(runStart, runEnd, 'ja.org.company-bracket', 'company', { start: runStart, end: runEnd }));
  }
}

/** Whether the Latin word at [start, end) sits inside a URL, e-mail address or file name. */
export function inUrl(norm: string, start: number, end: number): boolean {
  const before = norm[start - 1] ?? ' ';
  const after = norm[end] ?? ' ';
  // A colon before the word is a label (`UNTAC:United Nations …`); in a URL the stretch test below finds `://` or `@`.
  if (/[/.@#_=?&%~\-]/.test(before) || /[/:@_=?&%~]/.test(after) || (after === '.' && /[A-Za-z]/.test(norm[end + 1] ?? ''))) return true;
  // Inside a whitespace-free stretch that contains :// or www.
  let a = start;
  while (a > 0 && !/[\s、。「」()]/.test(norm[a - 1]!)) a--;
  let b = end;
  while (b < norm.length && !/[\s、。「」()]/.test(norm[b]!)) b++;
  const word = norm.slice(a, b);
  return word.includes('://') || word.startsWith('www.') || word.includes('@');
}

/** Stand-alone all-capital acronyms (NHK, JICA), except units, technologies and words inside URLs. */
export function acronymCandidate(v: TokenView, i: number, norm: string): OrgCandidate | undefined {
  if (!(v.flags[i]! & UPPER_START)) return undefined;
  const t = v.tokens[i]!;
  const next = v.tokens[i + 1];
  if (!SHORT_ACRONYM.test(t.surface) || NON_ORG_ACRONYMS.has(t.surface) || /^[IVX]+$/.test(t.surface)) return undefined;
  if (inUrl(norm, t.start, t.end)) return undefined;
  // Part of a longer Latin word or a model number (ABC123-X, HE-104, MS-DOS).
  if (/[A-Za-z0-9\-]/.test(norm[t.start - 1] ?? '') || /[a-z0-9\-]/.test(norm[t.end] ?? '')) return undefined;
  // A word of a Latin phrase or title (DEATH NOTE, GNU C, CS 5) rather than a name of its own.
  if ((norm[t.start - 1] === ' ' && /[A-Za-z0-9]/.test(norm[t.start - 2] ?? '')) || (norm[t.end] === ' ' && /[A-Za-z0-9]/.test(norm[t.end + 1] ?? ''))) return undefined;
  // A quoted term (「VGA」と呼ぶ, 『SATC』): organisations are named, not quoted.
  if (/[「『"“]/.test(norm[t.start - 1] ?? '') && /[」』"”]/.test(norm[t.end] ?? '')) return undefined;
  // A modifier of the noun after it (FMチューナ, JR成田線), unless that noun is a title (NHK会長).
  if (next && next.start === t.end && v.role[i + 1] === NOUN && !TITLES.has(next.surface) && !ORG_HEADS.has(next.surface) && !ACRONYM_ORG_AFTER.has(next.surface)) return undefined;
  return orgCandidate(t.start, t.end, 'ja.org.acronym');
}
