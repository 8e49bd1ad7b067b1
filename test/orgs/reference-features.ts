import { COUNTRY_BY_NAME } from '../../src/data/countries.js';
import { COMPANY_FORMS, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, ORG_HEADS } from '../../src/data/org-heads.js';
import { PERSON_TITLES, TITLES } from '../../src/data/titles.js';
import type { OrgKindSchema } from '../../src/schema/records.js';
import type { Token } from '../../src/core/token.js';
import type { FeatureInput, TokenFeatures } from '../../src/stages/orgs/model/features.js';
import { addNumber, addString, startHash } from '../../src/stages/orgs/model/hash.js';

/**
 * The tagger's features as first written: every feature a string built and hashed, token by token. Kept
 * as the reference that the fast path in src/stages/orgs/model/features.ts must equal hash for hash
 * (test/orgs/fast-path.test.ts): a template changed there is changed here too, and the model retrained.
 */

type Kind = (typeof OrgKindSchema.options)[number];
const KIND_CODES: readonly Kind[] = ['government', 'military', 'legislature', 'party', 'international', 'company', 'media', 'academic', 'other'];
const kindCode = (kind: Kind) => 1 + KIND_CODES.indexOf(kind);

/** A compact character-class signature: runs of the same class collapse (`東京電力` → `K`, `NTTドコモ` → `Ak`). */
function shapeOf(s: string): string {
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

/** Per-token dictionary codes (0: none). */
interface Dictionary {
  head: Int8Array; // kind code of a head equal to the token
  headSuffix: Int8Array; // kind code of the longest head the token ends with (token longer than the head)
  headMulti: Int8Array; // kind code of a head made of this token and the one or two before
  title: Int8Array; // 1 title, 2 person title
  country: Int8Array;
  lexicon: Int8Array; // 1 begins a lexicon name, 2 inside, 3 alias begins, 4 alias inside
  generic: Int8Array; // 1 determiner, 2 generic modifier, 3 generic organisation word
  kept: Int8Array; // 1 B, 2 I, 3 B and last, 4 I and last (the rules' own answer)
}

function headKindOf(s: string): number {
  const h = ORG_HEADS.get(s);
  return h ? kindCode(h.kind) * (h.weak ? -1 : 1) : 0;
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
  const d: Dictionary = {
    head: new Int8Array(n), headSuffix: new Int8Array(n), headMulti: new Int8Array(n), title: new Int8Array(n),
    country: new Int8Array(n), lexicon: new Int8Array(n), generic: new Int8Array(n), kept: new Int8Array(n),
  };
  const tokenEnds = new Set<number>();
  for (const t of tokens) tokenEnds.add(t.end);
  for (let i = 0; i < n; i++) {
    const s = tokens[i]!.surface;
    d.head[i] = headKindOf(s);
    for (let k = Math.min(4, s.length - 1); k >= 1; k--) {
      const kind = headKindOf(s.slice(s.length - k));
      if (kind) {
        d.headSuffix[i] = kind;
        break;
      }
    }
    if (i > 0) {
      const two = tokens[i - 1]!.surface + s;
      d.headMulti[i] = headKindOf(two) || (i > 1 ? headKindOf(tokens[i - 2]!.surface + two) : 0);
    }
    d.title[i] = PERSON_TITLES.has(s) ? 2 : TITLES.has(s) ? 1 : 0;
    d.country[i] = COUNTRY_BY_NAME.has(s) ? 1 : 0;
    d.generic[i] = DETERMINERS.has(s) ? 1 : GENERIC_MODIFIERS.has(s) ? 2 : GENERIC_ORG_WORDS.has(s) ? 3 : COMPANY_FORMS.includes(s) ? 4 : 0;
    // The longest lexicon entry from this token's start to some token's end.
    const t = tokens[i]!;
    if (d.lexicon[i] === 0 && lexicon.mayStartAt(text, t.start)) {
      let best: [number, boolean] | undefined;
      for (const [end, form] of lexicon.matchesAt(text, t.start)) if (tokenEnds.has(end)) best = [end, form.alias];
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

/** The rules that produced the candidates covering each token, with the token's place in them. */
function candidateMarks(input: FeatureInput): string[][] {
  const marks: string[][] = input.tokens.map(() => []);
  for (const c of input.candidates) {
    const [a, b] = tokenRange(input.tokens, c.start, c.end);
    for (let k = a; k < b; k++) marks[k]!.push(`${k === a ? 'B' : 'I'}${k === b - 1 ? 'L' : ''}:${c.rule}`);
  }
  for (const m of marks) m.sort();
  return marks;
}

const posOf = (t: Token | undefined, edge: string) => (t ? `${t.pos},${t.pos1},${t.pos2}` : edge);
const pos12Of = (t: Token | undefined, edge: string) => (t ? `${t.pos},${t.pos1}` : edge);
const surfaceOf = (t: Token | undefined, edge: string) => (t ? t.surface : edge);

/** The feature hashes of every token of one document. */
export function referenceFeatures(input: FeatureInput): TokenFeatures {
  const tokens = input.tokens;
  const n = tokens.length;
  const d = dictionaryOf(input);
  const marks = candidateMarks(input);
  const shapes = tokens.map((t) => shapeOf(t.surface));
  const poses = tokens.map((t) => posOf(t, ''));
  const pos12s = tokens.map((t) => pos12Of(t, ''));
  const posAt = (k: number, edge: string) => (k >= 0 && k < n ? poses[k]! : edge);
  const pos12At = (k: number, edge: string) => (k >= 0 && k < n ? pos12s[k]! : edge);
  const offsets = new Int32Array(n + 1);
  let hashes = new Uint32Array(Math.max(64, n * 64));
  let count = 0;
  const push = (h: number) => {
    if (count === hashes.length) {
      const grown = new Uint32Array(hashes.length * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[count++] = h;
  };
  const f1 = (template: number, s: string) => push(addString(startHash(template), s));
  const f2 = (template: number, a: string, b: string) => push(addString(addString(startHash(template), a), b));
  const fn = (template: number, v: number) => push(addNumber(startHash(template), v));

  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    const t = tokens[i]!;
    const s = t.surface;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    fn(T.bias, 0);
    f1(T.w, s);
    if (t.basic !== s) f1(T.base, t.basic);
    f1(T.pos, poses[i]!);
    f1(T.pos12, pos12s[i]!);
    f2(T.pos, poses[i]!, t.pos3);
    f1(T.shape, shapes[i]!);
    f1(T.pre1, s.slice(0, 1));
    if (s.length > 1) f1(T.pre2, s.slice(0, 2));
    f1(T.suf1, s.slice(-1));
    if (s.length > 1) f1(T.suf2, s.slice(-2));
    if (s.length > 2) f1(T.suf3, s.slice(-3));
    fn(T.len, Math.min(s.length, 6));
    if (!t.known) fn(T.unknown, 1);
    // Neighbours.
    f1(T.wm1, surfaceOf(prev, BOS));
    f1(T.wm2, surfaceOf(prev2, BOS));
    f1(T.wp1, surfaceOf(next, EOS));
    f1(T.wp2, surfaceOf(next2, EOS));
    f1(T.posm1, posAt(i - 1, BOS));
    f1(T.posm2, pos12At(i - 2, BOS));
    f1(T.posp1, posAt(i + 1, EOS));
    f1(T.posp2, pos12At(i + 2, EOS));
    f1(T.shapem1, prev ? shapes[i - 1]! : BOS);
    f1(T.shapep1, next ? shapes[i + 1]! : EOS);
    f2(T.bigramL, surfaceOf(prev, BOS), s);
    f2(T.bigramR, s, surfaceOf(next, EOS));
    f2(T.posBigramL, posAt(i - 1, BOS), poses[i]!);
    f2(T.posBigramR, poses[i]!, posAt(i + 1, EOS));
    f2(T.shapeTri, `${prev ? shapes[i - 1] : BOS}|${shapes[i]}`, next ? shapes[i + 1]! : EOS);
    if (prev) f1(T.sufm1, prev.surface.slice(-1));
    if (next) f1(T.sufp1, next.surface.slice(0, 1));
    // Spacing in the text (Latin names: `Brightline Robotics`).
    if (prev && prev.end !== t.start) fn(T.space, 1);
    // Dictionaries.
    if (d.head[i]) fn(T.head, d.head[i]!);
    if (d.headSuffix[i]) fn(T.headSuffix, d.headSuffix[i]!);
    if (d.headMulti[i]) fn(T.headMulti, d.headMulti[i]!);
    if (i > 0 && d.head[i - 1]) fn(T.headm1, d.head[i - 1]!);
    if (next) fn(T.headp1, d.head[i + 1]! || d.headSuffix[i + 1]! * 16 || d.headMulti[i + 2 < n ? i + 2 : i + 1]! * 256);
    if (next2) fn(T.headp2, d.head[i + 2]!);
    if (d.title[i]) fn(T.title, d.title[i]!);
    if (next && d.title[i + 1]) fn(T.titlep1, d.title[i + 1]!);
    if (next && d.title[i + 1] === 2) fn(T.personTitlep1, 1);
    if (d.country[i]) fn(T.country, 1);
    if (prev && d.country[i - 1]) fn(T.countrym1, 1);
    if (d.lexicon[i]) fn(T.lexicon, d.lexicon[i]!);
    if (prev) fn(T.lexiconm1, d.lexicon[i - 1]!);
    if (next) fn(T.lexiconp1, d.lexicon[i + 1]!);
    if (d.generic[i]) fn(T.generic, d.generic[i]!);
    // The rules.
    for (const m of marks[i]!) f1(T.candidate, m);
    fn(T.candidateCount, Math.min(marks[i]!.length, 3));
    fn(T.kept, d.kept[i]!);
    fn(T.keptm1, prev ? d.kept[i - 1]! : 9);
    fn(T.keptp1, next ? d.kept[i + 1]! : 9);
    if (d.kept[i]) f2(T.keptWord, String(d.kept[i]), s);
  }
  offsets[n] = count;
  return { count: n, offsets, hashes: hashes.subarray(0, count) };
}
