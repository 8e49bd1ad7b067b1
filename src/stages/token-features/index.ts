import { defineLayer, TOKENS } from '../../core/document.js';
import { ByteTable } from '../../core/regex.js';
import { defineStage } from '../../core/stage.js';
import { type Token, WORD_TABLE_LIMIT, withSlot } from '../../core/token.js';
import { COMMON_LOANWORDS } from '../../data/loanwords.js';
import { ORG_HEADS } from '../../data/org-heads.js';
import { TITLES_WITH_HEAD } from '../../data/titles.js';

/**
 * Per-document token features read by the organisation and agreement stages: each token's chunking
 * role, its script flags and the noun runs. A layer of its own (`TOKEN_FEATURES`), computed once per
 * document by the stage below, so neither reader reaches into the other.
 */

/** Chunking roles of a token. */
export const NOUN = 1;
export const PREFIX = 2;
export const JOINER = 3;
export const SPACE = 4;
export const BREAK = 0;
export type Role = typeof NOUN | typeof PREFIX | typeof JOINER | typeof SPACE | typeof BREAK;

/** Token flags (bits). */
export const LATIN = 1; // /^[A-Za-z][A-Za-z0-9&'+.\-]*$/
export const KATAKANA = 2; // /^[ァ-ヶー・]+$/
export const ORG_TOKEN = 4; // IPADIC 組織 (not an unknown Latin word)
export const NAME_LIKE = 8; // proper noun, unknown, Latin or katakana
export const GIVEN_NAME = 16; // 人名/名
export const UPPER_START = 32; // starts with A-Z (the only flag set on tokens outside runs)
/** A run token that can make an organisation: katakana, Latin, unknown, 組織, or ending like an organisation head or a title containing one. */
export const ORG_CUE = 64;
/**
 * A katakana word IPADIC knows as a common noun (`テレビ`, `センター`), or a common loanword it does not know (`スイーツ`,
 * src/data/loanwords.ts): a name's part only beside a name-like word.
 */
export const COMMON_KATAKANA = 128;

// Character classes, one table lookup per UTF-16 unit.
const C_NON_NAME = 1; // brackets and punctuation: never inside a name token
const C_KATAKANA = 2; // ァ-ヶ, ー, ・
const C_SURROGATE = 4;
const C_LATIN_START = 8; // A-Za-z
const C_LATIN_BODY = 16; // A-Za-z0-9&'+.-
const FLAT = new Uint8Array(65536);
for (const ch of `()[]{}「」『』【】〈〉《》〔〕"'“”‘’、。,，;:：；!?！？/\\|<>=*#@%^~\``) FLAT[ch.charCodeAt(0)]! |= C_NON_NAME;
for (let c = 0x30a1; c <= 0x30f6; c++) FLAT[c]! |= C_KATAKANA; // ァ-ヶ
FLAT[0x30fc]! |= C_KATAKANA; // ー
FLAT[0x30fb]! |= C_KATAKANA; // ・
for (let c = 0xd800; c <= 0xdfff; c++) FLAT[c]! |= C_SURROGATE;
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') FLAT[ch.charCodeAt(0)]! |= C_LATIN_START | C_LATIN_BODY;
for (const ch of "0123456789&'+.-") FLAT[ch.charCodeAt(0)]! |= C_LATIN_BODY;
const CHARS = new ByteTable(FLAT);

/** Last characters of organisation heads and of titles that contain one (局長, 党首). */
export const HEAD_LAST = edgeChars(ORG_HEADS.keys(), 'last');
export const TITLE_HEAD_LAST = edgeChars(TITLES_WITH_HEAD.keys(), 'last');

const BREAK_POS1 = new Set(['代名詞', '非自立', '副詞可能', '特殊', '動詞非自立的', '引用文字列', '接続詞的']);
const BREAK_SUFFIX = new Set(['助数詞', '人名', '副詞可能', '特殊', '助動詞語幹']);
const JOINERS = new Set(['・', '&', '-', '+']);

/**
 * Role (low 3 bits) and flags (shifted left by 3) of one token, without allocating. Tokens that break
 * runs only get UPPER_START: no other flag is read outside a run, and their part-of-speech details stay untouched.
 */
function roleAndFlags(t: Token): number {
  const s = t.surface;
  const len = s.length;
  const u0 = s.charCodeAt(0);
  const upper = u0 >= 65 && u0 <= 90 ? UPPER_START << 3 : 0;
  const pos = t.pos;
  // Only nouns, prefixes and symbols can join a run (a character outside the BMP reaches kuromoji as the symbol 〓).
  if (pos !== '名詞' && pos !== '接頭詞' && pos !== '記号') return upper;
  let any = 0;
  let all = len ? 0xff : 0;
  let body = len ? C_LATIN_BODY : 0; // every character after the first is a Latin-word character
  for (let i = 0; i < len; i++) {
    const c = CHARS.of(s.charCodeAt(i));
    any |= c;
    all &= c;
    if (i > 0) body &= c;
  }
  let role: Role = BREAK;
  // Characters outside the BMP (𠮷) reach kuromoji masked as symbols: they are name characters.
  if (any & C_SURROGATE) role = NOUN;
  else if (pos === '名詞') {
    if (any & C_NON_NAME) role = BREAK;
    else if (len === 1 && JOINERS.has(s)) role = JOINER;
    else if (t.pos1 === '固有名詞') role = NOUN;
    else if (BREAK_POS1.has(t.pos1)) role = BREAK;
    else if (t.pos1 === '接尾' && BREAK_SUFFIX.has(t.pos2)) role = BREAK;
    else role = NOUN;
  } else if (pos === '接頭詞') {
    if (t.pos1 === '名詞接続') role = PREFIX;
  } else if (pos === '記号') {
    if (len === 1 && JOINERS.has(s)) role = JOINER;
    else if (s === ' ' && t.pos1 === '空白') role = SPACE;
  }
  if (role === BREAK) return upper;

  let flags = 0;
  if (CHARS.of(u0) & C_LATIN_START && (len === 1 || body)) flags |= LATIN;
  if (all & C_KATAKANA) flags |= KATAKANA;
  const proper = t.pos1 === '固有名詞';
  if (proper && t.pos2 === '組織' && (t.known || !(flags & LATIN))) flags |= ORG_TOKEN;
  if (proper || !t.known || flags & (LATIN | KATAKANA)) flags |= NAME_LIKE;
  if (flags & KATAKANA && (t.known ? pos === '名詞' && (t.pos1 === '一般' || t.pos1 === 'サ変接続' || t.pos1 === '形容動詞語幹') : COMMON_LOANWORDS.has(s))) flags |= COMMON_KATAKANA;
  if (t.pos3 === '名' && t.pos2 === '人名') flags |= GIVEN_NAME;
  const last = s.charCodeAt(len - 1);
  if (flags & (LATIN | KATAKANA) || !t.known || t.pos2 === '組織' || HEAD_LAST.has(last) || TITLE_HEAD_LAST.has(last)) flags |= ORG_CUE;
  return role | (flags << 3) | upper;
}

/**
 * roleAndFlags by word id (Token.word: a dictionary word's surface and fields, so its role and flags, are the same at
 * every occurrence), NO_WORD where not computed yet; per thread, as word ids are. Word ids from WORD_TABLE_LIMIT on are
 * not cached.
 */
let byWord = new Uint16Array(0);
const NO_WORD = 0xffff;

function roleAndFlagsOf(t: Token): number {
  const word = t.word;
  if (word < 0 || word >= WORD_TABLE_LIMIT) return roleAndFlags(t);
  if (word < byWord.length) {
    const known = byWord[word]!;
    if (known !== NO_WORD) return known;
  } else byWord = withSlot(byWord, word, NO_WORD, 1024);
  return (byWord[word] = roleAndFlags(t));
}

export interface TokenView {
  readonly tokens: readonly Token[];
  /** Role of token i. */
  readonly role: Uint8Array;
  readonly flags: Uint8Array;
  /** Noun runs [runFrom[r], runTo[r]) for r < runCount: maximal sequences of name-able tokens. */
  readonly runCount: number;
  readonly runFrom: Int32Array;
  readonly runTo: Int32Array;
  /** The first token of the run each token belongs to, or -1. */
  readonly runStartOf: Int32Array;
}

export const TOKEN_FEATURES = defineLayer<TokenView>('token-features');

/**
 * The features of a token array, in arrays of the view's own: a batch runs this stage on every document before the
 * stages that read the views (src/core/runner.ts), so each document keeps its own.
 */
export function tokenViewOf(tokens: readonly Token[]): TokenView {
  const n = tokens.length;
  // One allocation for the five arrays (each array of its own is a backing store of its own): the Int32 ones first, aligned.
  const buffer = new ArrayBuffer(14 * n);
  const runFrom = new Int32Array(buffer, 0, n);
  const runTo = new Int32Array(buffer, 4 * n, n);
  const runStartOf = new Int32Array(buffer, 8 * n, n).fill(-1);
  const role = new Uint8Array(buffer, 12 * n, n);
  const flags = new Uint8Array(buffer, 13 * n, n);
  for (let i = 0; i < n; i++) {
    const rf = roleAndFlagsOf(tokens[i]!);
    role[i] = rf & 7;
    flags[i] = rf >> 3;
  }
  const runCount = nounRunsOf(tokens, role, flags, runFrom, runTo, runStartOf);
  return { tokens, role, flags, runCount, runFrom, runTo, runStartOf };
}

export const tokenFeaturesStage = defineStage({
  name: 'token-features',
  languages: ['ja'],
  requires: [TOKENS],
  provides: [TOKEN_FEATURES],
  create: () => (doc) => doc.set(TOKEN_FEATURES, tokenViewOf(doc.tokens)),
});

/** Noun runs: maximal sequences of name-able tokens, with joiners (`・`, `&`) and spaces between Latin words inside. */
function nounRunsOf(tokens: readonly Token[], role: Uint8Array, flags: Uint8Array, runFrom: Int32Array, runTo: Int32Array, runStartOf: Int32Array): number {
  let count = 0;
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const r0 = role[i]!;
    if (r0 !== NOUN && r0 !== PREFIX) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const t = tokens[j]!;
      const r = role[j]!;
      if (r === NOUN || r === PREFIX) {
        if (t.start !== tokens[j - 1]!.end) break;
        j++;
        continue;
      }
      // A joiner or a single space continues the run only between two name words (a space only between Latin words).
      const next = j + 1 < n ? tokens[j + 1]! : undefined;
      if (!next || next.start !== t.end || t.start !== tokens[j - 1]!.end || role[j + 1] !== NOUN) break;
      if (r === JOINER || (r === SPACE && flags[j - 1]! & LATIN && flags[j + 1]! & LATIN)) {
        j += 2;
        continue;
      }
      break;
    }
    runFrom[count] = i;
    runTo[count] = j;
    count++;
    for (let k = i; k < j; k++) runStartOf[k] = i;
    i = j;
  }
  return count;
}

/** Set of the first (or last) characters of a set of words: a cheap test before joining tokens to look a word up. */
export function edgeChars(words: Iterable<string>, edge: 'first' | 'last'): Set<number> {
  const set = new Set<number>();
  for (const w of words) if (w.length) set.add(edge === 'first' ? w.charCodeAt(0) : w.charCodeAt(w.length - 1));
  return set;
}
