import { COUNTRY_BY_NAME } from '../../../data/countries.js';
import { COMPANY_FORMS, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, ORG_HEADS } from '../../../data/org-heads.js';
import { PERSON_TITLES, TITLES } from '../../../data/titles.js';
import type { OrgKindSchema } from '../../../schema/records.js';
import type { Token } from '../../../core/token.js';
import type { OrgCandidate } from '../chunk.js';
import type { OrgLexicon } from '../lexicon.js';
import { addNumber, addString, startHash } from './hash.js';

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

function headKindOf(s: string): number {
  if (s.length > MAX_HEAD_LENGTH) return 0;
  const h = ORG_HEADS.get(s);
  return h ? kindCode(h.kind) * (h.weak ? -1 : 1) : 0;
}

/**
 * What the features take from a surface string alone: its dictionary codes and the hashes of every
 * single-string template over it (and the first half of the two-string ones). Computed once per distinct
 * surface and kept (a bounded cache per process), so a token costs one map lookup, not ~25 string hashes.
 */
class SurfaceInfo {
  readonly head: number;
  /** kind code of the longest head the surface ends with (surface longer than the head) */
  readonly headSuffix: number;
  /** 1 title, 2 person title */
  readonly title: number;
  readonly country: number;
  /** 1 determiner, 2 generic modifier, 3 generic organisation word, 4 company form */
  readonly generic: number;
  readonly shape: string;
  readonly w: number;
  readonly wm1: number;
  readonly wm2: number;
  readonly wp1: number;
  readonly wp2: number;
  readonly bigramL: number; // partial: this surface on the left
  readonly bigramR: number; // partial: this surface on the left of the right bigram
  readonly shapeH: number;
  readonly shapem1: number;
  readonly shapep1: number;
  readonly pre1: number;
  readonly pre2: number; // 0: the surface is one unit long
  readonly suf1: number;
  readonly suf2: number;
  readonly suf3: number; // 0: shorter than three units
  readonly len: number;
  readonly sufm1: number;
  readonly sufp1: number;

  constructor(readonly surface: string) {
    const s = surface;
    this.head = headKindOf(s);
    let suffix = 0;
    for (let k = Math.min(4, s.length - 1); k >= 1; k--) {
      suffix = headKindOf(s.slice(s.length - k));
      if (suffix) break;
    }
    this.headSuffix = suffix;
    this.title = PERSON_TITLES.has(s) ? 2 : TITLES.has(s) ? 1 : 0;
    this.country = COUNTRY_BY_NAME.has(s) ? 1 : 0;
    this.generic = DETERMINERS.has(s) ? 1 : GENERIC_MODIFIERS.has(s) ? 2 : GENERIC_ORG_WORDS.has(s) ? 3 : COMPANY_FORMS.includes(s) ? 4 : 0;
    this.shape = shapeOf(s);
    this.w = h1(T.w, s);
    this.wm1 = h1(T.wm1, s);
    this.wm2 = h1(T.wm2, s);
    this.wp1 = h1(T.wp1, s);
    this.wp2 = h1(T.wp2, s);
    this.bigramL = h1(T.bigramL, s);
    this.bigramR = h1(T.bigramR, s);
    this.shapeH = h1(T.shape, this.shape);
    this.shapem1 = h1(T.shapem1, this.shape);
    this.shapep1 = h1(T.shapep1, this.shape);
    this.pre1 = h1(T.pre1, s.slice(0, 1));
    this.pre2 = s.length > 1 ? h1(T.pre2, s.slice(0, 2)) : 0;
    this.suf1 = h1(T.suf1, s.slice(-1));
    this.suf2 = s.length > 1 ? h1(T.suf2, s.slice(-2)) : 0;
    this.suf3 = s.length > 2 ? h1(T.suf3, s.slice(-3)) : 0;
    this.len = addNumber(startHash(T.len), Math.min(s.length, 6));
    this.sufm1 = h1(T.sufm1, s.slice(-1));
    this.sufp1 = h1(T.sufp1, s.slice(0, 1));
  }
}

/** The same for a token's POS levels (pos, pos1, pos2), keyed by the three strings. */
class PosInfo {
  readonly pos: number;
  readonly pos12: number;
  readonly posPos3: number; // partial: T.pos over the three levels, pos3 still to add
  readonly posm1: number;
  readonly posm2: number;
  readonly posp1: number;
  readonly posp2: number;
  readonly bigramL: number; // partial: this POS on the left of posBigramL
  readonly bigramR: number; // partial: this POS on the left of posBigramR

  constructor(readonly text: string, pos12: string) {
    this.pos = h1(T.pos, text);
    this.pos12 = h1(T.pos12, pos12);
    this.posPos3 = this.pos;
    this.posm1 = h1(T.posm1, text);
    this.posm2 = h1(T.posm2, pos12);
    this.posp1 = h1(T.posp1, text);
    this.posp2 = h1(T.posp2, pos12);
    this.bigramL = h1(T.posBigramL, text);
    this.bigramR = h1(T.posBigramR, text);
  }
}

const h1 = (template: number, s: string) => addString(startHash(template), s);

/** Bounded caches: a long-running worker sees an open vocabulary; past the bound the cache starts again. */
const CACHE_LIMIT = 200_000;
const surfaces = new Map<string, SurfaceInfo>();
const poses = new Map<string, Map<string, Map<string, PosInfo>>>();

function surfaceInfo(s: string): SurfaceInfo {
  let info = surfaces.get(s);
  if (!info) {
    if (surfaces.size >= CACHE_LIMIT) surfaces.clear();
    info = new SurfaceInfo(s);
    surfaces.set(s, info);
  }
  return info;
}

function posInfo(t: Token): PosInfo {
  let a = poses.get(t.pos);
  if (!a) poses.set(t.pos, (a = new Map()));
  let b = a.get(t.pos1);
  if (!b) a.set(t.pos1, (b = new Map()));
  let info = b.get(t.pos2);
  if (!info) b.set(t.pos2, (info = new PosInfo(`${t.pos},${t.pos1},${t.pos2}`, `${t.pos},${t.pos1}`)));
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
const BIAS = addNumber(startHash(T.bias), 0);
const UNKNOWN = addNumber(startHash(T.unknown), 1);
const SPACE = addNumber(startHash(T.space), 1);
const PERSON_TITLE_P1 = addNumber(startHash(T.personTitlep1), 1);
const COUNTRY = addNumber(startHash(T.country), 1);
const COUNTRY_M1 = addNumber(startHash(T.countrym1), 1);
const START = Object.fromEntries(Object.entries(T).map(([k, v]) => [k, startHash(v)])) as Record<keyof typeof T, number>;
/** T.keptWord's first half for kept codes 1–4 (the code as a decimal string). */
const KEPT_WORD = [0, 1, 2, 3, 4].map((k) => h1(T.keptWord, String(k)));
/** T.shapeTri starts with `${left}|${shape}` as one string: the BOS edge, then '|'. */
const SHAPE_TRI_BOS = addChars(START.shapeTri, BOS);

/** The UTF-16 units of `s` added to a hash, without the separator addString ends with. */
function addChars(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The feature hashes of every token of one document. */
export function extractFeatures(input: FeatureInput): TokenFeatures {
  const tokens = input.tokens;
  const n = tokens.length;
  const d = dictionaryOf(input);
  const marks = candidateMarks(input);
  const info: SurfaceInfo[] = new Array(n);
  const pos: PosInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    info[i] = surfaceInfo(tokens[i]!.surface);
    pos[i] = posInfo(tokens[i]!);
  }
  fillDictionary(d, tokens);
  const offsets = new Int32Array(n + 1);
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
    const me = info[i]!;
    const p = pos[i]!;
    const hasPrev = i > 0;
    const hasPrev2 = i > 1;
    const hasNext = i + 1 < n;
    const hasNext2 = i + 2 < n;
    const prev = hasPrev ? info[i - 1]! : undefined;
    const next = hasNext ? info[i + 1]! : undefined;
    out[c++] = BIAS;
    out[c++] = me.w;
    if (t.basic !== s) out[c++] = h1(T.base, t.basic);
    out[c++] = p.pos;
    out[c++] = p.pos12;
    out[c++] = addString(p.posPos3, t.pos3);
    out[c++] = me.shapeH;
    out[c++] = me.pre1;
    if (me.pre2) out[c++] = me.pre2;
    out[c++] = me.suf1;
    if (me.suf2) out[c++] = me.suf2;
    if (me.suf3) out[c++] = me.suf3;
    out[c++] = me.len;
    if (!t.known) out[c++] = UNKNOWN;
    // Neighbours.
    out[c++] = prev ? prev.wm1 : EDGE.wm1;
    out[c++] = hasPrev2 ? info[i - 2]!.wm2 : EDGE.wm2;
    out[c++] = next ? next.wp1 : EDGE.wp1;
    out[c++] = hasNext2 ? info[i + 2]!.wp2 : EDGE.wp2;
    out[c++] = hasPrev ? pos[i - 1]!.posm1 : EDGE.posm1;
    out[c++] = hasPrev2 ? pos[i - 2]!.posm2 : EDGE.posm2;
    out[c++] = hasNext ? pos[i + 1]!.posp1 : EDGE.posp1;
    out[c++] = hasNext2 ? pos[i + 2]!.posp2 : EDGE.posp2;
    out[c++] = prev ? prev.shapem1 : EDGE.shapem1;
    out[c++] = next ? next.shapep1 : EDGE.shapep1;
    out[c++] = addString(prev ? prev.bigramL : EDGE.bigramL, s);
    out[c++] = addString(me.bigramR, next ? next.surface : EOS);
    out[c++] = addString(hasPrev ? pos[i - 1]!.bigramL : EDGE.posBigramL, p.text);
    out[c++] = addString(p.bigramR, hasNext ? pos[i + 1]!.text : EOS);
    let tri = prev ? addChars(START.shapeTri, prev.shape) : SHAPE_TRI_BOS;
    tri = addString(Math.imul(tri ^ 0x7c, 0x01000193), me.shape); // '|'
    out[c++] = addString(tri, next ? next.shape : EOS);
    if (prev) out[c++] = prev.sufm1;
    if (next) out[c++] = next.sufp1;
    // Spacing in the text (Latin names: `Brightline Robotics`).
    if (hasPrev && tokens[i - 1]!.end !== t.start) out[c++] = SPACE;
    // Dictionaries.
    if (me.head) out[c++] = addNumber(START.head, me.head);
    if (me.headSuffix) out[c++] = addNumber(START.headSuffix, me.headSuffix);
    if (d.headMulti[i]) out[c++] = addNumber(START.headMulti, d.headMulti[i]!);
    if (prev && prev.head) out[c++] = addNumber(START.headm1, prev.head);
    if (next) out[c++] = addNumber(START.headp1, next.head || next.headSuffix * 16 || d.headMulti[i + 2 < n ? i + 2 : i + 1]! * 256);
    if (hasNext2) out[c++] = addNumber(START.headp2, info[i + 2]!.head);
    if (me.title) out[c++] = addNumber(START.title, me.title);
    if (next && next.title) out[c++] = addNumber(START.titlep1, next.title);
    if (next && next.title === 2) out[c++] = PERSON_TITLE_P1;
    if (me.country) out[c++] = COUNTRY;
    if (prev && prev.country) out[c++] = COUNTRY_M1;
    if (d.lexicon[i]) out[c++] = addNumber(START.lexicon, d.lexicon[i]!);
    if (prev) out[c++] = addNumber(START.lexiconm1, d.lexicon[i - 1]!);
    if (next) out[c++] = addNumber(START.lexiconp1, d.lexicon[i + 1]!);
    if (me.generic) out[c++] = addNumber(START.generic, me.generic);
    // The rules.
    if (m) for (const mark of m) out[c++] = addString(START.candidate, mark);
    out[c++] = addNumber(START.candidateCount, m ? Math.min(m.length, 3) : 0);
    out[c++] = addNumber(START.kept, d.kept[i]!);
    out[c++] = addNumber(START.keptm1, prev ? d.kept[i - 1]! : 9);
    out[c++] = addNumber(START.keptp1, next ? d.kept[i + 1]! : 9);
    if (d.kept[i]) out[c++] = addString(KEPT_WORD[d.kept[i]!]!, s);
  }
  offsets[n] = c;
  return { count: n, offsets, hashes: out.slice(0, c) };
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
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
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

function dictionaryOf(input: FeatureInput): Dictionary {
  const { tokens, text, lexicon } = input;
  const n = tokens.length;
  const d: Dictionary = { headMulti: new Int8Array(n), lexicon: new Int8Array(n), kept: new Int8Array(n) };
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
    if (p.length + s.length > MAX_HEAD_LENGTH) continue;
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
