import type { OrgKind } from '../../schema/records.js';
import type { Token } from '../tokenize/kuromoji.js';
import { BRACKET_COMPANY_FORMS, CLUB_PREFIXES, COMPANY_FORMS, ORG_CONTEXT_AFTER, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, INTERNATIONAL_PREFIXES, MAX_HEAD_TOKENS, NON_ORG_ACRONYMS, ORG_HEADS, type OrgHead } from '../../data/org-heads.js';
import { PERSON_TITLES, TITLES, TITLES_WITH_HEAD } from '../../data/titles.js';

/** An organisation candidate in normalized offsets. */
export interface OrgCandidate {
  start: number;
  end: number;
  rule: string;
  kind?: OrgKind;
  /** A shorter name the text uses for the same organisation (`𠮷川精機` for `𠮷川精機株式会社`). */
  core?: { start: number; end: number };
}

const LATIN_WORD = /^[A-Za-z][A-Za-z0-9&'+.\-]*$/;
const KATAKANA = /^[ァ-ヶー・]+$/;
/** Characters that never belong to a name token (brackets, punctuation; kuromoji tags unknown symbols as nouns). */
const NON_NAME_CHAR = /[()[\]{}「」『』【】〈〉《》〔〕"'“”‘’、。,，;:：；!?！？/\\|<>=*#@%^~`]/;
const BREAK_POS1 = new Set(['代名詞', '非自立', '副詞可能', '特殊', '動詞非自立的', '引用文字列', '接続詞的']);
const BREAK_SUFFIX = new Set(['助数詞', '人名', '副詞可能', '特殊', '助動詞語幹']);
const JOINERS = new Set(['・', '&', '-', '+']);
export const ACRONYM = /^[A-Z][A-Z0-9&]{1,9}$/;
/** Acronyms that stand alone as organisation mentions are short (NHK, JICA, ASEAN); longer capitals are words (DUNGEON). */
const SHORT_ACRONYM = /^[A-Z][A-Z0-9&]{1,4}$/;

type Role = 'noun' | 'prefix' | 'joiner' | 'space' | 'break';

function roleOf(t: Token): Role {
  // Characters outside the BMP (𠮷) reach kuromoji masked as symbols: they are name characters.
  if (/[\ud800-\udfff]/.test(t.surface)) return 'noun';
  if (t.pos === '名詞') {
    if (NON_NAME_CHAR.test(t.surface)) return 'break';
    if (JOINERS.has(t.surface)) return 'joiner';
    if (BREAK_POS1.has(t.pos1)) return 'break';
    if (t.pos1 === '接尾' && BREAK_SUFFIX.has(t.pos2)) return 'break';
    return 'noun';
  }
  if (t.pos === '接頭詞' && t.pos1 === '名詞接続') return 'prefix';
  if (t.pos === '記号') {
    if (JOINERS.has(t.surface)) return 'joiner';
    if (t.pos1 === '空白' && t.surface === ' ') return 'space';
  }
  return 'break';
}

const isLatin = (t: Token) => LATIN_WORD.test(t.surface);
const isKatakana = (t: Token) => KATAKANA.test(t.surface);
/** A token that makes the words before a weak head look like a name. */
const isNameLike = (t: Token) => t.pos1 === '固有名詞' || !t.known || isLatin(t) || isKatakana(t);
/** An IPADIC organisation token (kuromoji also tags every unknown Latin word 組織: those do not count). */
const isOrgToken = (t: Token) => t.pos1 === '固有名詞' && t.pos2 === '組織' && (t.known || !isLatin(t));

/** Noun runs: maximal sequences of name-able tokens, with joiners (`・`, `&`) and spaces between Latin words inside. */
export function nounRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const role = roleOf(tokens[i]!);
    if (role !== 'noun' && role !== 'prefix') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      const r = roleOf(t);
      if (r === 'noun' || r === 'prefix') {
        if (t.start !== tokens[j - 1]!.end) break;
        j++;
        continue;
      }
      // A joiner or a single space continues the run only between two name words (a space only between Latin words).
      const next = tokens[j + 1];
      if (!next || next.start !== t.end || t.start !== tokens[j - 1]!.end || roleOf(next) !== 'noun') break;
      if (r === 'joiner' || (r === 'space' && isLatin(tokens[j - 1]!) && isLatin(next))) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** The head ending at token `k` (whole tokens), longest first; undefined when a title is longer there (`代表団`). */
function headEndingAt(tokens: readonly Token[], from: number, k: number): { head: OrgHead; first: number } | undefined {
  let best: { head: OrgHead; first: number } | undefined;
  let titleLength = 0;
  let text = '';
  for (let m = 0; m < MAX_HEAD_TOKENS && k - m >= from; m++) {
    text = tokens[k - m]!.surface + text;
    const head = ORG_HEADS.get(text);
    if (head) best = { head, first: k - m };
    if (TITLES.has(text)) titleLength = text.length;
  }
  if (best && titleLength > 0 && titleLength >= tokens.slice(best.first, k + 1).reduce((n, t) => n + t.surface.length, 0)) return undefined;
  return best;
}

/** Kind from the longest head the name ends with (`外務省` → government, `朝日新聞` → media). */
export function kindOfName(name: string, headKind?: OrgKind): OrgKind | undefined {
  let kind = headKind;
  if (!kind) {
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

const surfaceOf = (tokens: readonly Token[], a: number, b: number) => tokens.slice(a, b).map((t) => t.surface).join('');

/** Leading tokens that never start a name: determiners, numbers, joiners, given names before the organisation. */
function trimLeft(tokens: readonly Token[], from: number, to: number): number {
  let s = from;
  while (s < to) {
    const t = tokens[s]!;
    if (DETERMINERS.has(t.surface) || t.pos1 === '数' || roleOf(t) === 'joiner' || roleOf(t) === 'space') s++;
    else break;
  }
  return s;
}

/** After a person's given name (岸田文雄自民党総裁) the organisation starts anew. */
function afterGivenName(tokens: readonly Token[], s0: number, k: number): number {
  let s = s0;
  for (let i = s0; i < k; i++) if (tokens[i]!.pos2 === '人名' && tokens[i]!.pos3 === '名') s = i + 1;
  return s === s0 ? s0 : trimLeft(tokens, s, k + 1);
}

/** True when the tokens [k, to) are empty or start with a title (…省報道官, …会社社長): an organisation may end before them. */
function endsName(tokens: readonly Token[], k: number, to: number): boolean {
  if (k >= to) return true;
  let text = '';
  for (let m = 0; m < 3 && k + m < to; m++) {
    text += tokens[k + m]!.surface;
    if (TITLES.has(text)) return true;
  }
  return false;
}

/** True when the words before a head make a name rather than a class of organisations. */
function prefixNames(tokens: readonly Token[], s: number, headFirst: number, head: OrgHead): boolean {
  if (headFirst <= s) return false; // a bare head (政府, 委員会) is not a name
  let generic = true;
  let nameLike = false;
  let chars = 0;
  let words = 0;
  for (let k = s; k < headFirst; k++) {
    const t = tokens[k]!;
    if (roleOf(t) === 'joiner') continue;
    if (!DETERMINERS.has(t.surface) && !GENERIC_MODIFIERS.has(t.surface)) generic = false;
    if (isNameLike(t)) nameLike = true;
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

/** A katakana name joined by `・` and followed by a person's title: スアン・チエン国防相, ジョン・スミス氏. */
function isPersonName(tokens: readonly Token[], s: number, e: number): boolean {
  let hasDot = false;
  let k = s;
  for (; k < e; k++) {
    const t = tokens[k]!;
    if (t.surface === '・') hasDot = true;
    else if (!isKatakana(t) && t.pos2 !== '人名') break;
  }
  if (!hasDot) return false;
  if (k === e && tokens.slice(s, e).some((t) => t.pos2 === '人名')) return true;
  const rest = k < e ? surfaceOf(tokens, k, Math.min(e, k + 2)) : (tokens[e]?.surface ?? '');
  return [...PERSON_TITLES].some((title) => rest.startsWith(title));
}

/**
 * Finds organisation candidates in one noun run [from, to): the longest stretch ending in an organisation
 * head (or an IPADIC organisation token), after trimming titles and determiners; company forms.
 */
export function chunkRun(tokens: readonly Token[], from: number, to: number, norm: string, out: OrgCandidate[]): void {
  if (isPersonName(tokens, from, to)) return;
  const s0 = trimLeft(tokens, from, to);
  if (s0 >= to) return;

  // Company form first: 株式会社○○ (to the end of the run, without titles); clubs: FC○○.
  if ((COMPANY_FORMS.includes(tokens[s0]!.surface) || CLUB_PREFIXES.has(tokens[s0]!.surface)) && s0 + 1 < to) {
    const e = trimTitles(tokens, s0 + 1, to);
    const end = tokens[e - 1]!.end;
    out.push({ start: tokens[s0]!.start, end, rule: 'ja.org.company-prefix', kind: 'company', core: { start: tokens[s0 + 1]!.start, end } });
    return;
  }

  for (let k = to - 1; k >= s0; k--) {
    const t = tokens[k]!;
    // Only where the name can end: at the end of the run or before a title (not 蘇州工業|園区, 商店|街).
    const canEnd = endsName(tokens, k + 1, to);
    const s = afterGivenName(tokens, s0, k);
    if (s > k) continue;
    // 防衛政策局長: the organisation ends inside the title.
    const split = TITLES_WITH_HEAD.get(t.surface);
    if (split && k > s && canEnd) {
      const head = ORG_HEADS.get(split);
      if (head && prefixNames(tokens, s, k, head) && !GENERIC_ORG_WORDS.has(surfaceOf(tokens, s, k) + split)) {
        out.push({ start: tokens[s]!.start, end: t.start + split.length, rule: 'ja.org.head-in-title', kind: kindOfName(surfaceOf(tokens, s, k) + split, head.kind)! });
        return;
      }
    }
    const found = t.pos2 === '地域' || !canEnd ? undefined : headEndingAt(tokens, s, k);
    if (found) {
      const name = surfaceOf(tokens, s, k + 1);
      let hasOrgToken = false;
      for (let i = s; i <= k; i++) if (isOrgToken(tokens[i]!)) hasOrgToken = true;
      // A head of several tokens can be a whole name (海上+自衛隊, 陸上+自衛隊).
      const wholeHead = found.first === s && k > s;
      if (!GENERIC_ORG_WORDS.has(name) && (wholeHead || prefixNames(tokens, s, found.first, found.head) || (hasOrgToken && found.first > s))) {
        const candidate: OrgCandidate = { start: tokens[s]!.start, end: t.end, rule: 'ja.org.head', kind: kindOfName(name, found.head.kind)! };
        if (COMPANY_FORMS.includes(surfaceOf(tokens, found.first, k + 1)) && found.first > s) candidate.core = { start: tokens[s]!.start, end: tokens[found.first]!.start };
        if (candidate.kind === undefined) delete candidate.kind;
        out.push(candidate);
        return;
      }
    }
    if (isOrgToken(t) && !(t.surface.length <= 2 && tokens[k + 1]?.pos2 === '人名')) {
      // An IPADIC organisation word, with the place or name words before it (米国 + 国務省) and katakana/Latin name words after it (読売 + ジャイアンツ).
      let e = k + 1;
      while (e < to && (isKatakana(tokens[e]!) || isLatin(tokens[e]!)) && !TITLES.has(tokens[e]!.surface)) e++;
      let b = k;
      while (b > s && (tokens[b - 1]!.pos1 === '固有名詞' || roleOf(tokens[b - 1]!) === 'joiner') && tokens[b - 1]!.pos3 !== '名') b--;
      if (roleOf(tokens[b]!) === 'joiner') b++;
      const name = surfaceOf(tokens, b, e);
      const candidate: OrgCandidate = { start: tokens[b]!.start, end: tokens[e - 1]!.end, rule: 'ja.org.ipadic' };
      const kind = kindOfName(name);
      if (kind) candidate.kind = kind;
      out.push(candidate);
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
      if (isKatakana(t) || isLatin(t) || !t.known || t.pos2 === '組織') evidence = true;
      if (t.pos2 === '人名') person = true;
      if (t.pos2 !== '地域' && roleOf(t) !== 'joiner') placeOnly = false;
    }
    const endOffset = tokens[nameEnd - 1]!.end;
    const after = nameEnd < to ? norm.slice(tokens[nameEnd]!.start, tokens[nameEnd]!.start + 12) : norm.slice(endOffset, endOffset + 12);
    if (evidence && !person && !placeOnly && ORG_CONTEXT_AFTER.test(after) && !isPersonName(tokens, s0, to)) {
      out.push({ start: tokens[s0]!.start, end: endOffset, rule: 'ja.org.context' });
      return;
    }
  }

  // ○○(株) / (株)○○ around a run without a head.
  const runStart = tokens[s0]!.start;
  const runEnd = tokens[trimTitles(tokens, s0, to) - 1]!.end;
  if (BRACKET_COMPANY_FORMS.includes(norm.slice(runEnd, runEnd + 3)) || BRACKET_COMPANY_FORMS.includes(norm.slice(runStart - 3, runStart))) {
    out.push({ start: runStart, end: runEnd, rule: 'ja.org.company-bracket', kind: 'company', core: { start: runStart, end: runEnd } });
  }
}

/** Whether the Latin word at [start, end) sits inside a URL, e-mail address or file name. */
export function inUrl(norm: string, start: number, end: number): boolean {
  const before = norm[start - 1] ?? ' ';
  const after = norm[end] ?? ' ';
  if (/[/.:@#_=?&%~\-]/.test(before) || /[/:@_=?&%~]/.test(after) || (after === '.' && /[A-Za-z]/.test(norm[end + 1] ?? ''))) return true;
  // Inside a whitespace-free stretch that contains :// or www.
  let a = start;
  while (a > 0 && !/[\s、。「」()]/.test(norm[a - 1]!)) a--;
  let b = end;
  while (b < norm.length && !/[\s、。「」()]/.test(norm[b]!)) b++;
  const word = norm.slice(a, b);
  return word.includes('://') || word.startsWith('www.') || word.includes('@');
}

/** Stand-alone all-capital acronyms (NHK, JICA), except units, technologies and words inside URLs. */
export function acronymCandidate(t: Token, next: Token | undefined, norm: string): OrgCandidate | undefined {
  if (!SHORT_ACRONYM.test(t.surface) || NON_ORG_ACRONYMS.has(t.surface) || /^[IVX]+$/.test(t.surface)) return undefined;
  if (inUrl(norm, t.start, t.end)) return undefined;
  // Part of a longer Latin word or a model number (ABC123-X).
  if (/[A-Za-z0-9]/.test(norm[t.start - 1] ?? '') || /[a-z0-9]/.test(norm[t.end] ?? '')) return undefined;
  // A modifier of the noun after it (FMチューナ, JR成田線), unless that noun is a title (NHK会長).
  if (next && next.start === t.end && roleOf(next) === 'noun' && !TITLES.has(next.surface) && !ORG_HEADS.has(next.surface)) return undefined;
  return { start: t.start, end: t.end, rule: 'ja.org.acronym' };
}
