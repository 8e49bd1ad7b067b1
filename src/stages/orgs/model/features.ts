import { COUNTRY_BY_NAME } from '../../../data/countries.js';
import { COMPANY_FORMS, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, ORG_HEADS } from '../../../data/org-heads.js';
import { PERSON_TITLES, TITLES } from '../../../data/titles.js';
import type { OrgKindSchema } from '../../../schema/records.js';
import { type Token, WORD_TABLE_LIMIT, withSlot } from '../../../core/token.js';
import type { OrgCandidate } from '../chunk.js';
import type { OrgLexicon } from '../lexicon.js';
import { addNumber, addRange, addString, startHash } from './hash.js';

/**
 * The tagger's features for each token of a document: hashes of (template, strings) pairs. Templates:
 * the surface and base form, the POS levels, character classes, prefixes and suffixes, the same for the
 * neighbours (±2), dictionary features from src/data (organisation heads, the lexicon, titles, countries)
 * and the rule candidates that cover the token. Changing what a template computes changes the model's
 * input: retrain (`npm run train:orgs`); the model test notices through FEATURE_PROBE.
 */

/** What the features read: the normalized text, its tokens, the rule candidates and the lexicon. */
export interface FeatureInput {
  text: string;
  tokens: readonly Token[];
  /** Every rule candidate, overlapping ones included. */
  candidates: readonly OrgCandidate[];
  /** The rules' own answer: candidates after overlap resolution. */
  kept: readonly OrgCandidate[];
  lexicon: OrgLexicon;
}

/** Features of token i are hashes[offsets[i] .. offsets[i + 1]). */
export interface TokenFeatures {
  count: number;
  offsets: Int32Array;
  hashes: Uint32Array;
}

type Kind = (typeof OrgKindSchema.options)[number];
const KIND_CODES: readonly Kind[] = ['government', 'military', 'legislature', 'party', 'international', 'company', 'media', 'academic', 'other'];
const kindCode = (kind: Kind) => 1 + KIND_CODES.indexOf(kind);

/** A compact character-class signature: runs of the same class collapse (`東京電力` → `K`, `NTTドコモ` → `Ak`). */
export function shapeOf(s: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length && out.length < 4; i++) {
    const c = s.charCodeAt(i);
    let k: string;
    if (c >= 0x30 && c <= 0x39) k = 'D';
    else if (c >= 0x41 && c <= 0x5a) k = 'A';
    else if (c >= 0x61 && c <= 0x7a) k = 'a';
    else if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fc) k = 'k';
    else if (c >= 0x3041 && c <= 0x3096) k = 'h';
    else if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3005 || (c >= 0xd800 && c <= 0xdfff)) k = 'K';
    else if (c === 0x30fb || c === 0x26 || c === 0x2e || c === 0x2d) k = 'j';
    else if (c === 0x20) k = '_';
    else k = 'S';
    if (k !== prev) out += k;
    prev = k;
  }
  return out;
}

// Template numbers (never reuse one for a different meaning without retraining).
const T = {
  bias: 1, w: 2, base: 3, pos: 4, pos12: 5, shape: 6, pre1: 7, pre2: 8, suf1: 9, suf2: 10, suf3: 11, len: 12, unknown: 13,
  wm1: 20, wm2: 21, wp1: 22, wp2: 23, posm1: 24, posm2: 25, posp1: 26, posp2: 27, shapem1: 28, shapep1: 29,
  bigramL: 30, bigramR: 31, posBigramL: 32, posBigramR: 33, shapeTri: 34, sufm1: 35, sufp1: 36, space: 37,
  head: 40, headSuffix: 41, headMulti: 42, headp1: 43, headp2: 44, title: 45, titlep1: 46, personTitlep1: 47, country: 48,
  countrym1: 49, lexicon: 50, lexiconm1: 51, lexiconp1: 52, generic: 53, company: 54, headm1: 55,
  candidate: 60, kept: 61, keptm1: 62, keptp1: 63, candidateCount: 64, keptWord: 66,
} as const;

const BOS = '<s>';
const EOS = '</s>';

/** The longest organisation head in UTF-16 units: a join of tokens longer than this is no head. */
const MAX_HEAD_LENGTH = Math.max(...[...ORG_HEADS.keys()].map((k) => k.length));
/** The last UTF-16 unit of every head: a join of tokens ending otherwise is no head. */
const HEAD_LAST_UNITS = new Set([...ORG_HEADS.keys()].map((k) => k.charCodeAt(k.length - 1)));

function headKindOf(s: string): number {
  if (s.length > MAX_HEAD_LENGTH) return 0;
  const h = ORG_HEADS.get(s);
  return h ? kindCode(h.kind) * (h.weak ? -1 : 1) : 0;
}

const h1 = (template: number, s: string) => addString(startHash(template), s);

/** The UTF-16 units of `s` added to a hash, without the separator addString ends with. */
function addChars(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

// Columns of the surface table: hashes of the single-string templates over a surface (or the first half
// of a two-string one), and dictionary codes.
const W = 0, WM1 = 1, WM2 = 2, WP1 = 3, WP2 = 4, BIGRAM_L = 5, BIGRAM_R = 6, SHAPE = 7, SHAPE_M1 = 8, SHAPE_P1 = 9;
const PRE1 = 10, PRE2 = 11, SUF1 = 12, SUF2 = 13, SUF3 = 14, LEN = 15, SUF_M1 = 16, SUF_P1 = 17;
/** Not a hash: the surface's shape as a number (shapeIdOf), in the row the features read anyway. */
const SHAPE_ID = 18, HASHES = 19;
const HEAD = 0, HEAD_SUFFIX = 1, TITLE = 2, COUNTRY_CODE = 3, GENERIC = 4, CODES = 5;

/**
 * Every distinct surface the features have met, with what the features take from the surface alone: its
 * dictionary codes (head, head suffix, title, country, generic word) and the hashes of the templates over it,
 * in flat columns by surface id. A token then costs one look-up, not ~25 string hashes and dictionary
 * lookups: by its word id (Token.word) in a flat array when it is a dictionary entry (which also gives its
 * PosInfo), else by its surface in a map (which also joins the entries that share a surface). Bounded: a
 * document that would take the table
 * past `limit` empties it first (ids stay valid within a document; `generation` tells the tagger, which caches
 * sums by id, that ids were reused).
 */
export class SurfaceTable {
  private readonly ids = new Map<string, number>();
  /** Word id w → [surface id, PosInfo id] at 2w, 2w + 1 (wordAt); -1 where not met yet (word ids below WORD_TABLE_LIMIT). */
  byWord = new Int32Array(0);
  readonly surfaces: string[] = [];
  hashes = new Uint32Array(1024 * HASHES);
  codes = new Int8Array(1024 * CODES);
  size = 0;
  generation = 0;

  constructor(readonly limit: number) {}

  /** Makes room for a document of n tokens: empties the table when it could overflow. */
  reserve(n: number): void {
    if (this.size + n <= this.limit) return;
    this.ids.clear();
    this.byWord.fill(-1);
    this.surfaces.length = 0;
    this.size = 0;
    this.generation++;
  }

  /**
   * Where a dictionary word's [surface id, PosInfo id] stand in `byWord` (read it after the call: it may grow),
   * filled in the first time the word is met; -1 for a token that is no dictionary word (surfaceIdOf, posInfo).
   */
  wordAt(t: Token): number {
    const word = t.word;
    if (word < 0 || word >= WORD_TABLE_LIMIT) return -1;
    const at = 2 * word;
    if (at < this.byWord.length && this.byWord[at]! >= 0) return at;
    this.byWord = withSlot(this.byWord, at + 1, -1, 2048);
    this.byWord[at] = this.surfaceIdOf(t.surface);
    this.byWord[at + 1] = posInfo(t).id;
    return at;
  }

  /** The surface id of a surface (added when new). */
  surfaceIdOf(s: string): number {
    const known = this.ids.get(s);
    return known === undefined ? this.add(s) : known;
  }

  private add(s: string): number {
    const id = this.size++;
    if (this.hashes.length < this.size * HASHES) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const codes = new Int8Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.ids.set(s, id);
    this.surfaces[id] = s;
    const shape = shapeOf(s);
    const h = this.hashes;
    const at = id * HASHES;
    h[at + SHAPE_ID] = shapeIdOf(shape);
    h[at + W] = h1(T.w, s);
    h[at + WM1] = h1(T.wm1, s);
    h[at + WM2] = h1(T.wm2, s);
    h[at + WP1] = h1(T.wp1, s);
    h[at + WP2] = h1(T.wp2, s);
    h[at + BIGRAM_L] = h1(T.bigramL, s);
    h[at + BIGRAM_R] = h1(T.bigramR, s);
    h[at + SHAPE] = h1(T.shape, shape);
    h[at + SHAPE_M1] = h1(T.shapem1, shape);
    h[at + SHAPE_P1] = h1(T.shapep1, shape);
    h[at + PRE1] = h1(T.pre1, s.slice(0, 1));
    h[at + PRE2] = h1(T.pre2, s.slice(0, 2)); // read only when the surface is longer than one unit
    h[at + SUF1] = h1(T.suf1, s.slice(-1));
    h[at + SUF2] = h1(T.suf2, s.slice(-2)); // only when longer than one unit
    h[at + SUF3] = h1(T.suf3, s.slice(-3)); // only when longer than two units
    h[at + LEN] = addNumber(startHash(T.len), Math.min(s.length, 6));
    h[at + SUF_M1] = h1(T.sufm1, s.slice(-1));
    h[at + SUF_P1] = h1(T.sufp1, s.slice(0, 1));
    const c = this.codes;
    const cat = id * CODES;
    c[cat + HEAD] = headKindOf(s);
    let suffix = 0;
    for (let k = Math.min(4, s.length - 1); k >= 1; k--) {
      suffix = headKindOf(s.slice(s.length - k));
      if (suffix) break;
    }
    c[cat + HEAD_SUFFIX] = suffix;
    c[cat + TITLE] = PERSON_TITLES.has(s) ? 2 : TITLES.has(s) ? 1 : 0;
    c[cat + COUNTRY_CODE] = COUNTRY_BY_NAME.has(s) ? 1 : 0;
    c[cat + GENERIC] = DETERMINERS.has(s) ? 1 : GENERIC_MODIFIERS.has(s) ? 2 : GENERIC_ORG_WORDS.has(s) ? 3 : COMPANY_FORMS.includes(s) ? 4 : 0;
    return id;
  }

  /** The features surface `id` gives the token it is (self) and the tokens 1 and 2 after and before it. */
  groups(id: number): SurfaceGroups {
    const h = this.hashes.subarray(id * HASHES, (id + 1) * HASHES);
    const c = this.codes.subarray(id * CODES, (id + 1) * CODES);
    const length = this.surfaces[id]!.length;
    const self = [h[W]!, h[SHAPE]!, h[PRE1]!, ...(length > 1 ? [h[PRE2]!] : []), h[SUF1]!, ...(length > 1 ? [h[SUF2]!] : []), ...(length > 2 ? [h[SUF3]!] : []), h[LEN]!];
    if (c[HEAD]) self.push(addNumber(START.head, c[HEAD]));
    if (c[HEAD_SUFFIX]) self.push(addNumber(START.headSuffix, c[HEAD_SUFFIX]));
    if (c[TITLE]) self.push(addNumber(START.title, c[TITLE]));
    if (c[COUNTRY_CODE]) self.push(COUNTRY);
    if (c[GENERIC]) self.push(addNumber(START.generic, c[GENERIC]));
    const prev = [h[WM1]!, h[SHAPE_M1]!, h[SUF_M1]!];
    if (c[HEAD]) prev.push(addNumber(START.headm1, c[HEAD]));
    if (c[COUNTRY_CODE]) prev.push(COUNTRY_M1);
    const next = [h[WP1]!, h[SHAPE_P1]!, h[SUF_P1]!];
    if (c[TITLE]) next.push(addNumber(START.titlep1, c[TITLE]));
    if (c[TITLE] === 2) next.push(PERSON_TITLE_P1);
    return { self, prev, prev2: [h[WM2]!], next, next2: [h[WP2]!, addNumber(START.headp2, c[HEAD]!)] };
  }
}

/**
 * Shapes (shapeOf) by number: a few hundred strings, met by every token's T.shapeTri, which reads its neighbours' by
 * number from the surface table's rows instead of a string per surface; with the start of T.shapeTri for each as the
 * left one (its hash after `${shape}|`).
 */
const SHAPE_TEXTS: string[] = [];
const SHAPE_TRI_LEFT: number[] = [];
const SHAPE_IDS = new Map<string, number>();
function shapeIdOf(shape: string): number {
  let id = SHAPE_IDS.get(shape);
  if (id === undefined) {
    id = SHAPE_TEXTS.length;
    SHAPE_IDS.set(shape, id);
    SHAPE_TEXTS.push(shape);
    SHAPE_TRI_LEFT.push(Math.imul(addChars(START.shapeTri, shape) ^ 0x7c, 0x01000193)); // '|'
  }
  return id;
}

/** T.shapeTri of three shape ids (TRI_EDGE for a missing neighbour). */
function shapeTriHash(left: number, self: number, right: number): number {
  const tri = addString(left === TRI_EDGE ? SHAPE_TRI_BOS : SHAPE_TRI_LEFT[left]!, SHAPE_TEXTS[self]!);
  return addString(tri, right === TRI_EDGE ? EOS : SHAPE_TEXTS[right]!);
}

/**
 * T.shapeTri, cached for the first 15 shapes met (there are a few dozen in all; in livedoor 99.4 % of tokens have
 * such shapes, and their neighbours too): 16³ hashes by (left, self, right), slot 15 for the edge.
 */
const TRI_EDGE = -1;
const TRI_CACHE = new Uint32Array(16 * 16 * 16);
const TRI_CACHED = new Uint8Array(16 * 16 * 16);
function shapeTri(left: number, self: number, right: number): number {
  if (left >= 15 || self >= 15 || right >= 15) return shapeTriHash(left, self, right);
  const k = ((left & 15) << 8) | (self << 4) | (right & 15);
  if (TRI_CACHED[k]) return TRI_CACHE[k]!;
  TRI_CACHED[k] = 1;
  return (TRI_CACHE[k] = shapeTriHash(left, self, right));
}

/** Features that depend on one token's surface or POS alone, by where that token stands from the token they describe. */
export interface SurfaceGroups {
  readonly self: readonly number[];
  readonly prev: readonly number[];
  readonly prev2: readonly number[];
  readonly next: readonly number[];
  readonly next2: readonly number[];
}

/**
 * The same for a token's POS levels (pos, pos1, pos2, pos3) and whether the dictionary knows it: few of them
 * (≈ 75 in livedoor), one object each, numbered in order of appearance (`id`). Its `self` group also holds
 * the templates over pos3 and the unknown flag.
 */
export class PosInfo {
  readonly pos: number;
  readonly pos12: number;
  readonly pos123: number;
  readonly posm1: number;
  readonly posm2: number;
  readonly posp1: number;
  readonly posp2: number;
  readonly bigramL: number; // partial: this POS on the left of posBigramL
  readonly bigramR: number; // partial: this POS on the left of posBigramR
  readonly groups: SurfaceGroups;
  /** A slot for the tagger's emission sums of these groups (see OrgTagger). */
  sums: Int32Array | undefined;
  sumsOwner: object | undefined;

  constructor(
    readonly id: number,
    readonly text: string,
    pos12: string,
    pos3: string,
    known: boolean,
  ) {
    this.pos = h1(T.pos, text);
    this.pos12 = h1(T.pos12, pos12);
    this.posm1 = h1(T.posm1, text);
    this.posm2 = h1(T.posm2, pos12);
    this.posp1 = h1(T.posp1, text);
    this.posp2 = h1(T.posp2, pos12);
    this.bigramL = h1(T.posBigramL, text);
    this.bigramR = h1(T.posBigramR, text);
    this.pos123 = addString(this.pos, pos3); // T.pos over the three levels, then pos3
    const self = [this.pos, this.pos12, this.pos123];
    if (!known) self.push(UNKNOWN);
    this.groups = { self, prev: [this.posm1], prev2: [this.posm2], next: [this.posp1], next2: [this.posp2] };
  }
}

/**
 * The surfaces of a long-running worker are an open vocabulary: the table holds at most this many (≈ 170
 * bytes each here, 300 more in the tagger's sums). 300 livedoor articles hold ≈ 15,000 distinct surfaces.
 */
const SURFACE_LIMIT = 40_000;
const table = new SurfaceTable(SURFACE_LIMIT);
const posInfos = new Map<string, Map<string, Map<string, Map<string, PosInfo>>>>();
/** Every PosInfo, by id. */
const POS_BY_ID: PosInfo[] = [];

function posInfo(t: Token): PosInfo {
  let a = posInfos.get(t.pos);
  if (!a) posInfos.set(t.pos, (a = new Map()));
  let b = a.get(t.pos1);
  if (!b) a.set(t.pos1, (b = new Map()));
  let c = b.get(t.pos2);
  if (!c) b.set(t.pos2, (c = new Map()));
  const key = t.known ? t.pos3 : `?${t.pos3}`;
  let info = c.get(key);
  if (!info) {
    c.set(key, (info = new PosInfo(POS_BY_ID.length, `${t.pos},${t.pos1},${t.pos2}`, `${t.pos},${t.pos1}`, t.pos3, t.known)));
    POS_BY_ID.push(info);
  }
  return info;
}

// The templates over a sentence edge (BOS / EOS stand for the missing neighbour's string).
const EDGE = {
  wm1: h1(T.wm1, BOS),
  wm2: h1(T.wm2, BOS),
  wp1: h1(T.wp1, EOS),
  wp2: h1(T.wp2, EOS),
  posm1: h1(T.posm1, BOS),
  posm2: h1(T.posm2, BOS),
  posp1: h1(T.posp1, EOS),
  posp2: h1(T.posp2, EOS),
  shapem1: h1(T.shapem1, BOS),
  shapep1: h1(T.shapep1, EOS),
  bigramL: h1(T.bigramL, BOS),
  posBigramL: h1(T.posBigramL, BOS),
} as const;
/** What stands for a missing neighbour's surface and POS groups at a sentence edge. */
export const EDGE_GROUPS: Omit<SurfaceGroups, 'self'> = {
  prev: [EDGE.wm1, EDGE.posm1, EDGE.shapem1],
  prev2: [EDGE.wm2, EDGE.posm2],
  next: [EDGE.wp1, EDGE.posp1, EDGE.shapep1],
  next2: [EDGE.wp2, EDGE.posp2],
};
const START = Object.fromEntries(Object.entries(T).map(([k, v]) => [k, startHash(v)])) as Record<keyof typeof T, number>;
const BIAS = addNumber(START.bias, 0);
const UNKNOWN = addNumber(START.unknown, 1);
const SPACE = addNumber(START.space, 1);
const PERSON_TITLE_P1 = addNumber(START.personTitlep1, 1);
const COUNTRY = addNumber(START.country, 1);
const COUNTRY_M1 = addNumber(START.countrym1, 1);
/** T.keptWord's first half for kept codes 1–4 (the code as a decimal string). */
const KEPT_WORD = [0, 1, 2, 3, 4].map((k) => h1(T.keptWord, String(k)));
/** T.shapeTri starts with `${left}|${shape}` as one string: the BOS edge, then '|'. */
const SHAPE_TRI_BOS = Math.imul(addChars(START.shapeTri, BOS) ^ 0x7c, 0x01000193);

/** The feature hashes of every token of one document, in template order (what training and the model's probe read). */
export function extractFeatures(input: FeatureInput): TokenFeatures {
  return features(input, false);
}

/** The features split for the tagger: per token its surface id (in `table`) and POS, and the rest. */
export interface GroupedFeatures extends TokenFeatures {
  table: SurfaceTable;
  ids: Int32Array;
  poses: readonly PosInfo[];
  /** Per token, the templates of few values as one number (tinyHashes). */
  tiny: Int32Array;
}

/**
 * Token i's features are those of extractFeatures, in another order: the groups `self` of its surface
 * (table.groups(ids[i])) and of poses[i]; `prev` of token i − 1's (EDGE_GROUPS.prev at the start), `prev2`
 * of i − 2's, `next` of i + 1's and `next2` of i + 2's likewise; and hashes[offsets[i] .. offsets[i + 1]),
 * the features that depend on more than one token, except the POS bigrams (posBigramLeft with poses[i − 1],
 * posBigramRight with poses[i + 1]) and those of few values (tinyHashes(tiny[i])), which the tagger sums once
 * per value. `hashes` is valid until the next call. test/orgs/fast-path.test.ts checks the two agree.
 */
export function groupedFeatures(input: FeatureInput): GroupedFeatures {
  return features(input, true);
}

function features(input: FeatureInput, grouped: boolean): GroupedFeatures {
  const ungrouped = !grouped;
  const tokens = input.tokens;
  const text = input.text;
  const n = tokens.length;
  const d = dictionaryOf(input, grouped);
  const marks = candidateMarks(input);
  table.reserve(n);
  const ids = grouped ? reused.int32(0, n) : new Int32Array(n);
  const pos: PosInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const at = table.wordAt(t);
    if (at >= 0) {
      const byWord = table.byWord;
      ids[i] = byWord[at]!;
      pos[i] = POS_BY_ID[byWord[at + 1]!]!;
    } else {
      ids[i] = table.surfaceIdOf(t.surface);
      pos[i] = posInfo(t);
    }
  }
  fillDictionary(d, tokens);
  const H = table.hashes;
  const C = table.codes;
  const offsets = grouped ? reused.int32(1, n + 1) : new Int32Array(n + 1);
  const tiny = grouped ? reused.int32(2, n) : new Int32Array(0);
  let out = scratch;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const m = marks[i];
    if (c + 64 + (m ? m.length : 0) > out.length) {
      const grown = new Uint32Array(Math.max(out.length * 2, c + 64 + (m ? m.length : 0)));
      grown.set(out.subarray(0, c));
      out = scratch = grown;
    }
    offsets[i] = c;
    const t = tokens[i]!;
    const s = t.surface;
    const me = ids[i]! * HASHES;
    const mc = ids[i]! * CODES;
    const p = pos[i]!;
    const hasPrev = i > 0;
    const hasPrev2 = i > 1;
    const hasNext = i + 1 < n;
    const hasNext2 = i + 2 < n;
    const prev = hasPrev ? ids[i - 1]! * HASHES : -1;
    const next = hasNext ? ids[i + 1]! * HASHES : -1;
    const pc = hasPrev ? ids[i - 1]! * CODES : -1;
    const nc = hasNext ? ids[i + 1]! * CODES : -1;
    if (ungrouped) {
      out[c++] = BIAS;
      out[c++] = H[me + W]!;
    }
    if (t.basic !== s) out[c++] = h1(T.base, t.basic);
    if (ungrouped) {
      out[c++] = p.pos;
      out[c++] = p.pos12;
      out[c++] = p.pos123;
    }
    if (ungrouped) {
      out[c++] = H[me + SHAPE]!;
      out[c++] = H[me + PRE1]!;
      if (s.length > 1) out[c++] = H[me + PRE2]!;
      out[c++] = H[me + SUF1]!;
      if (s.length > 1) out[c++] = H[me + SUF2]!;
      if (s.length > 2) out[c++] = H[me + SUF3]!;
      out[c++] = H[me + LEN]!;
    }
    if (ungrouped && !t.known) out[c++] = UNKNOWN;
    // Neighbours.
    if (ungrouped) {
      out[c++] = hasPrev ? H[prev + WM1]! : EDGE.wm1;
      out[c++] = hasPrev2 ? H[ids[i - 2]! * HASHES + WM2]! : EDGE.wm2;
      out[c++] = hasNext ? H[next + WP1]! : EDGE.wp1;
      out[c++] = hasNext2 ? H[ids[i + 2]! * HASHES + WP2]! : EDGE.wp2;
      out[c++] = hasPrev ? pos[i - 1]!.posm1 : EDGE.posm1;
      out[c++] = hasPrev2 ? pos[i - 2]!.posm2 : EDGE.posm2;
      out[c++] = hasNext ? pos[i + 1]!.posp1 : EDGE.posp1;
      out[c++] = hasNext2 ? pos[i + 2]!.posp2 : EDGE.posp2;
      out[c++] = hasPrev ? H[prev + SHAPE_M1]! : EDGE.shapem1;
      out[c++] = hasNext ? H[next + SHAPE_P1]! : EDGE.shapep1;
    }
    // The surfaces' characters read from the text (the tokens spell it: surface = text.slice(start, end)).
    out[c++] = addRange(hasPrev ? H[prev + BIGRAM_L]! : EDGE.bigramL, text, t.start, t.end);
    out[c++] = hasNext ? addRange(H[me + BIGRAM_R]!, text, tokens[i + 1]!.start, tokens[i + 1]!.end) : addString(H[me + BIGRAM_R]!, EOS);
    if (ungrouped) {
      out[c++] = posBigramLeft(hasPrev ? pos[i - 1] : undefined, p);
      out[c++] = posBigramRight(p, hasNext ? pos[i + 1] : undefined);
    }
    out[c++] = shapeTri(hasPrev ? H[prev + SHAPE_ID]! : TRI_EDGE, H[me + SHAPE_ID]!, hasNext ? H[next + SHAPE_ID]! : TRI_EDGE);
    if (ungrouped) {
      if (hasPrev) out[c++] = H[prev + SUF_M1]!;
      if (hasNext) out[c++] = H[next + SUF_P1]!;
    }
    // Spacing in the text (Latin names: `Brightline Robotics`).
    const space = hasPrev && tokens[i - 1]!.end !== t.start;
    if (ungrouped && space) out[c++] = SPACE;
    // Dictionaries.
    if (ungrouped && C[mc + HEAD]) out[c++] = addNumber(START.head, C[mc + HEAD]!);
    if (ungrouped && C[mc + HEAD_SUFFIX]) out[c++] = addNumber(START.headSuffix, C[mc + HEAD_SUFFIX]!);
    if (d.headMulti[i]) out[c++] = addNumber(START.headMulti, d.headMulti[i]!);
    if (ungrouped && hasPrev && C[pc + HEAD]) out[c++] = addNumber(START.headm1, C[pc + HEAD]!);
    const headp1 = hasNext ? C[nc + HEAD]! || C[nc + HEAD_SUFFIX]! * 16 || d.headMulti[i + 2 < n ? i + 2 : i + 1]! * 256 : 0;
    if (ungrouped && hasNext) out[c++] = addNumber(START.headp1, headp1);
    if (ungrouped && hasNext2) out[c++] = addNumber(START.headp2, C[ids[i + 2]! * CODES + HEAD]!);
    if (ungrouped && C[mc + TITLE]) out[c++] = addNumber(START.title, C[mc + TITLE]!);
    if (ungrouped && hasNext && C[nc + TITLE]) out[c++] = addNumber(START.titlep1, C[nc + TITLE]!);
    if (ungrouped && hasNext && C[nc + TITLE] === 2) out[c++] = PERSON_TITLE_P1;
    if (ungrouped && C[mc + COUNTRY_CODE]) out[c++] = COUNTRY;
    if (ungrouped && hasPrev && C[pc + COUNTRY_CODE]) out[c++] = COUNTRY_M1;
    if (ungrouped) {
      if (d.lexicon[i]) out[c++] = addNumber(START.lexicon, d.lexicon[i]!);
      if (hasPrev) out[c++] = addNumber(START.lexiconm1, d.lexicon[i - 1]!);
      if (hasNext) out[c++] = addNumber(START.lexiconp1, d.lexicon[i + 1]!);
    }
    if (ungrouped && C[mc + GENERIC]) out[c++] = addNumber(START.generic, C[mc + GENERIC]!);
    // The rules.
    if (m) for (const mark of m) out[c++] = addString(START.candidate, mark);
    if (ungrouped) {
      out[c++] = addNumber(START.candidateCount, m ? Math.min(m.length, 3) : 0);
      out[c++] = addNumber(START.kept, d.kept[i]!);
      out[c++] = addNumber(START.keptm1, hasPrev ? d.kept[i - 1]! : 9);
      out[c++] = addNumber(START.keptp1, hasNext ? d.kept[i + 1]! : 9);
    } else {
      // The templates of few values, as one number (tinyHashes).
      tiny[i] =
        d.kept[i]! |
        ((hasPrev ? d.kept[i - 1]! : 5) << 3) |
        ((hasNext ? d.kept[i + 1]! : 5) << 6) |
        ((m ? Math.min(m.length, 3) : 0) << 9) |
        (d.lexicon[i]! << 11) |
        ((hasPrev ? d.lexicon[i - 1]! : 5) << 14) |
        ((hasNext ? d.lexicon[i + 1]! : 5) << 17) |
        ((space ? 1 : 0) << 20) |
        ((hasNext ? tinyHeadAfter(headp1) : 0) << 21);
    }
    if (d.kept[i]) out[c++] = addString(KEPT_WORD[d.kept[i]!]!, s);
  }
  offsets[n] = c;
  return { count: n, offsets, hashes: grouped ? out.subarray(0, c) : out.slice(0, c), table, ids, poses: pos, tiny };
}

/** T.posBigramL of a token: the POS of the token before it (the sentence start when there is none) and its own. */
export const posBigramLeft = (prev: PosInfo | undefined, p: PosInfo) => addString(prev ? prev.bigramL : EDGE.posBigramL, p.text);
/** T.posBigramR of a token: its POS and the next token's (the sentence end when there is none). */
export const posBigramRight = (p: PosInfo, next: PosInfo | undefined) => addString(p.bigramR, next ? next.text : EOS);

/**
 * T.headp1's value (a kind code within ±9: the next token's head, else × 16 its head suffix, else × 256 the head
 * that ends one or two tokens on) in 8 bits of a tiny number: 1 + 9 + code + 19 × which of them (0 for none).
 */
const HEAD_AFTER_SCALES = [0, 1, 16, 256] as const;
function tinyHeadAfter(value: number): number {
  const which = value === 0 ? 0 : value % 256 === 0 ? 3 : value % 16 === 0 ? 2 : 1;
  return 10 + value / (HEAD_AFTER_SCALES[which] || 1) + 19 * which;
}

/**
 * The hashes of the templates a `tiny` number of groupedFeatures stands for: the bias, the space before the
 * token, the head after it, the lexicon codes of the token and its neighbours, the number of rule candidates
 * over it and the rules' answer around it (kept, keptm1, keptp1). Kind codes are within ±9 (kindCode).
 */
export function tinyHashes(key: number): number[] {
  const field = (shift: number, bits: number) => (key >>> shift) & ((1 << bits) - 1);
  const hashes = [BIAS];
  if (field(20, 1)) hashes.push(SPACE);
  const headp1 = field(21, 8);
  if (headp1) {
    const scale = HEAD_AFTER_SCALES[Math.floor((headp1 - 1) / 19)]!;
    hashes.push(addNumber(START.headp1, (((headp1 - 1) % 19) - 9) * scale));
  }
  if (field(11, 3)) hashes.push(addNumber(START.lexicon, field(11, 3)));
  if (field(14, 3) !== 5) hashes.push(addNumber(START.lexiconm1, field(14, 3)));
  if (field(17, 3) !== 5) hashes.push(addNumber(START.lexiconp1, field(17, 3)));
  hashes.push(addNumber(START.candidateCount, field(9, 2)));
  hashes.push(addNumber(START.kept, field(0, 3)));
  hashes.push(addNumber(START.keptm1, field(3, 3) === 5 ? 9 : field(3, 3)));
  hashes.push(addNumber(START.keptp1, field(6, 3) === 5 ? 9 : field(6, 3)));
  return hashes;
}

/** Reused from call to call; each call returns its own copy of the part it wrote. */
let scratch = new Uint32Array(1 << 16);

/** Per-token codes that depend on more than the token's own surface (0: none). */
interface Dictionary {
  headMulti: Int8Array; // kind code of a head made of this token and the one or two before
  lexicon: Int8Array; // 1 begins a lexicon name, 2 inside, 3 alias begins, 4 alias inside
  kept: Int8Array; // 1 B, 2 I, 3 B and last, 4 I and last (the rules' own answer)
}

/** The tokens [a, b) overlapping [start, end) (binary search for the first: tokens are in text order). */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < tokens.length && tokens[b]!.start < end) b++;
  return [lo, b];
}

/**
 * The grouped path's per-token arrays, reused from call to call (valid until the next call, as its hashes): the tagger
 * reads a document in ranges (tagged-ranges.ts), ≈ 30 calls per news article, and a typed array of more than 64 bytes
 * is a backing store of its own, whose allocation costs more than a short range's features.
 */
const reused = {
  ints: [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)],
  bytes: [new Int8Array(1024), new Int8Array(1024), new Int8Array(1024)],
  /** Int32 array k's first n (not cleared). */
  int32(k: number, n: number): Int32Array {
    if (this.ints[k]!.length < n) this.ints[k] = new Int32Array(2 * n);
    return this.ints[k]!.subarray(0, n);
  },
  /** Int8 array k's first n, zeros. */
  zeros(k: number, n: number): Int8Array {
    if (this.bytes[k]!.length < n) this.bytes[k] = new Int8Array(2 * n);
    else this.bytes[k]!.fill(0, 0, n);
    return this.bytes[k]!.subarray(0, n);
  },
};

function dictionaryOf(input: FeatureInput, grouped: boolean): Dictionary {
  const { tokens, text, lexicon } = input;
  const n = tokens.length;
  const d: Dictionary = grouped
    ? { headMulti: reused.zeros(0, n), lexicon: reused.zeros(1, n), kept: reused.zeros(2, n) }
    : { headMulti: new Int8Array(n), lexicon: new Int8Array(n), kept: new Int8Array(n) };
  let tokenEnds: Set<number> | undefined;
  for (let i = 0; i < n; i++) {
    // The longest lexicon entry from this token's start to some token's end.
    const t = tokens[i]!;
    if (d.lexicon[i] === 0 && lexicon.mayStartAt(text, t.start)) {
      let best: [number, boolean] | undefined;
      for (const [end, form] of lexicon.matchesAt(text, t.start)) {
        tokenEnds ??= new Set(tokens.map((x) => x.end));
        if (tokenEnds.has(end)) best = [end, form.alias];
      }
      if (best) {
        const [a, b] = tokenRange(tokens, t.start, best[0]);
        for (let k = a; k < b; k++) d.lexicon[k] = (k === a ? 1 : 2) + (best[1] ? 2 : 0);
      }
    }
  }
  for (const c of input.kept) {
    const [a, b] = tokenRange(tokens, c.start, c.end);
    for (let k = a; k < b; k++) d.kept[k] = (k === a ? 1 : 2) + (k === b - 1 ? 2 : 0);
  }
  return d;
}

/** Heads made of two or three tokens; the join is only built when it is short enough to be a head. */
function fillDictionary(d: Dictionary, tokens: readonly Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const s = tokens[i]!.surface;
    const p = tokens[i - 1]!.surface;
    if (p.length + s.length > MAX_HEAD_LENGTH || !HEAD_LAST_UNITS.has(s.charCodeAt(s.length - 1))) continue;
    const two = p + s;
    d.headMulti[i] = headKindOf(two) || (i > 1 ? headKindOf(tokens[i - 2]!.surface + two) : 0);
  }
}

/** The rules that produced the candidates covering each token, with the token's place in them (sorted); undefined: none. */
function candidateMarks(input: FeatureInput): (string[] | undefined)[] {
  const marks: (string[] | undefined)[] = new Array(input.tokens.length);
  for (const c of input.candidates) {
    const [a, b] = tokenRange(input.tokens, c.start, c.end);
    for (let k = a; k < b; k++) (marks[k] ??= []).push(`${k === a ? 'B' : 'I'}${k === b - 1 ? 'L' : ''}:${c.rule}`);
  }
  for (const m of marks) m?.sort();
  return marks;
}
