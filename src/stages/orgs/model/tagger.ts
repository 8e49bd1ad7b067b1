import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KijiError } from '../../../core/errors.js';
import { decodeModel, type ModelData } from './file.js';
import { EDGE_GROUPS, groupedFeatures, posBigramLeft, posBigramRight, tinyHashes, type FeatureInput, type PosInfo, type SurfaceGroups, type SurfaceTable } from './features.js';
import { allowedTransition, ORG_TYPE, TAG_COUNT, isInside, typeOfTag } from './labels.js';

/** The shipped model, committed next to the language data (src/data is part of the package). */
export const SHIPPED_MODEL = fileURLToPath(new URL('../../../../src/data/models/orgs.bin', import.meta.url));

/**
 * A loaded model: an open-addressing table from feature hash to weight row, and a decoder for it.
 * Decoding is the training's Viterbi (perceptron.ts) made fast without changing a single tag:
 * emission sums in integers (the stored weights are int16), the hash table's key and row side by side,
 * and an I tag's predecessor sought only among the two tags that may precede it (B or I of its type;
 * every other predecessor scores NEG there and can never win). test/orgs/fast-path.test.ts checks it
 * against the plain Viterbi.
 */
export class OrgTagger {
  /** Slot s holds [hash, row] at 2s, 2s + 1; row -1 marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly trans: Float64Array;
  private emit = new Int32Array(1024 * NT);
  private score = new Float64Array(1024 * NT);
  private back = new Uint8Array(1024 * NT);
  /** Emission sums by surface id (surfaceSumsOf), valid where `summed` is set, for one generation of the table. */
  private surfaceSums = new Int32Array(0);
  private summed = new Uint8Array(0);
  private generation = -1;
  /** Each token's POS sums (posSums), reused from call to call. */
  private posRows: Int32Array[] = new Array(1024);
  /** Each token's offsets into `pool`: its tiny sums, its POS bigrams' (left and right); reused from call to call. */
  private at3 = new Int32Array(1024 * 3);
  /** Emission sums of feature sets that many tokens share (NT each, from 0): tiny numbers and POS bigrams. */
  private pool = new Int32Array(256 * NT);
  private poolSize = 0;
  /** tiny number (groupedFeatures) → offset in `pool`. */
  private readonly tinySums = new Map<number, number>();
  /**
   * POS pair (ids a, b; id `posEdge` for a sentence edge) → offsets in `pool` of its two bigram features:
   * [2 (a × posEdge1 + b)] T.posBigramL of the right token, [… + 1] T.posBigramR of the left one; -1 not yet summed.
   */
  private pairSums = new Int32Array(0);
  private posEdge = -1;
  /** What the touching loop in tag() read (kept so that the loads are not optimised away). */
  private touched = 0;
  /** The weight row of each of a document's hashes (tag()), reused from call to call. */
  private rowsOf = new Int32Array(1 << 14);

  constructor(readonly model: ModelData) {
    const F = model.hashes.length;
    let size = 1024;
    while (size < F * 1.5) size *= 2; // at most two thirds full: short probes, and half the memory of twice F
    this.table = new Int32Array(size * 2);
    for (let s = 0; s < size; s++) this.table[2 * s + 1] = -1;
    this.mask = size - 1;
    for (let r = 0; r < F; r++) {
      let s = this.slotOf(model.hashes[r]!);
      while (this.table[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.table[2 * s] = model.hashes[r]! | 0;
      this.table[2 * s + 1] = r;
    }
    this.trans = new Float64Array((NT + 1) * NT);
    for (let p = -1; p < NT; p++) for (let y = 0; y < NT; y++) this.trans[(p + 1) * NT + y] = allowedTransition(p, y) ? model.transitions[(p + 1) * NT + y]! : NEG;
  }

  /** The table slot a feature hash's probe starts at. */
  private slotOf(hash: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The weight row of a feature hash, -1 when the model does not know it. */
  rowOf(hash: number): number {
    const table = this.table;
    const key = hash | 0;
    let s = this.slotOf(hash);
    for (;;) {
      const r = table[2 * s + 1]!;
      if (r === -1 || table[2 * s] === key) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Tags of every token (BIO over the model's types). */
  tag(input: FeatureInput): Uint8Array {
    const f = groupedFeatures(input);
    const n = f.count;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    if (this.emit.length < n * NT) {
      this.emit = new Int32Array(n * NT * 2);
      this.score = new Float64Array(n * NT * 2);
      this.back = new Uint8Array(n * NT * 2);
      this.posRows = new Array(n * 2);
      this.at3 = new Int32Array(n * 3 * 2);
    }
    const emit = this.emit;
    const w = this.model.weights;
    const hashes = f.hashes;
    const offsets = f.offsets;
    const ids = f.ids;
    const words = this.surfaceSumsOf(f.table, ids);
    const poses = this.posRows;
    const infos = f.poses;
    for (let i = 0; i < n; i++) poses[i] = this.posSums(infos[i]!);
    const at3 = this.at3;
    const tiny = f.tiny;
    for (let i = 0; i < n; i++) {
      let t = this.tinySums.get(tiny[i]!);
      if (t === undefined) this.tinySums.set(tiny[i]!, (t = this.sumOf(tinyHashes(tiny[i]!))));
      at3[3 * i] = t;
      at3[3 * i + 1] = this.pairOffset(i > 0 ? infos[i - 1] : undefined, infos[i], 0);
      at3[3 * i + 2] = this.pairOffset(infos[i], i + 1 < n ? infos[i + 1] : undefined, 1);
    }
    const pool = this.pool;
    const zero = ZERO_SUMS;
    // Touch what the loop below reads at random (the hash table's slots, each token's cached surface sums)
    // in a loop of independent loads, so that their cache misses overlap instead of coming one at a time.
    {
      const table = this.table;
      let touched = 0;
      for (let k = 0, end = offsets[n]!; k < end; k++) touched ^= table[2 * this.slotOf(hashes[k]!) + 1]!;
      for (let i = 0; i < n; i++) {
        const a = (ids[i]! + 1) * PLACES * NT;
        touched ^= words[a]! ^ words[a + 16]! ^ words[a + 32]! ^ words[a + 48]! ^ words[a + 64]! ^ words[a + 74]!;
      }
      // The rows of those hashes (the slots are on their way), touching the weights (a row may cross a cache line).
      if (this.rowsOf.length < offsets[n]!) this.rowsOf = new Int32Array(offsets[n]! * 2);
      const rowsOf = this.rowsOf;
      for (let k = 0, end = offsets[n]!; k < end; k++) {
        const r = this.rowOf(hashes[k]!);
        rowsOf[k] = r;
        if (r >= 0) touched ^= w[r * NT]! ^ w[r * NT + NT - 1]!;
      }
      this.touched = touched;
    }
    const rowsOf = this.rowsOf;
    const S = PLACES * NT;
    for (let i = 0; i < n; i++) {
      // The features that depend on more than one token, looked up one by one.
      let e0 = 0;
      let e1 = 0;
      let e2 = 0;
      let e3 = 0;
      let e4 = 0;
      let e5 = 0;
      let e6 = 0;
      let e7 = 0;
      let e8 = 0;
      let e9 = 0;
      let e10 = 0;
      let e11 = 0;
      let e12 = 0;
      let e13 = 0;
      let e14 = 0;
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
        const r = rowsOf[k]!;
        if (r >= 0) {
          const b = r * NT;
          e0 += w[b + 0]!;
          e1 += w[b + 1]!;
          e2 += w[b + 2]!;
          e3 += w[b + 3]!;
          e4 += w[b + 4]!;
          e5 += w[b + 5]!;
          e6 += w[b + 6]!;
          e7 += w[b + 7]!;
          e8 += w[b + 8]!;
          e9 += w[b + 9]!;
          e10 += w[b + 10]!;
          e11 += w[b + 11]!;
          e12 += w[b + 12]!;
          e13 += w[b + 13]!;
          e14 += w[b + 14]!;
        }
      }
      const at = i * NT;
      emit[at + 0] = e0;
      emit[at + 1] = e1;
      emit[at + 2] = e2;
      emit[at + 3] = e3;
      emit[at + 4] = e4;
      emit[at + 5] = e5;
      emit[at + 6] = e6;
      emit[at + 7] = e7;
      emit[at + 8] = e8;
      emit[at + 9] = e9;
      emit[at + 10] = e10;
      emit[at + 11] = e11;
      emit[at + 12] = e12;
      emit[at + 13] = e13;
      emit[at + 14] = e14;
      // The others: sums cached per surface and per POS, one row per place (token i takes the `place` row
      // of the token at i + shift; the edge's, row 0 of `words`, when that is outside the document).
      const a0 = (ids[i]! + 1) * S;
      const a1 = i > 0 ? (ids[i - 1]! + 1) * S + NT : NT;
      const a2 = i > 1 ? (ids[i - 2]! + 1) * S + 2 * NT : 2 * NT;
      const a3 = i + 1 < n ? (ids[i + 1]! + 1) * S + 3 * NT : 3 * NT;
      const a4 = i + 2 < n ? (ids[i + 2]! + 1) * S + 4 * NT : 4 * NT;
      const p0 = poses[i]!;
      const p1 = i > 0 ? poses[i - 1]! : zero;
      const p2 = i > 1 ? poses[i - 2]! : zero;
      const p3 = i + 1 < n ? poses[i + 1]! : zero;
      const p4 = i + 2 < n ? poses[i + 2]! : zero;
      const t = at3[3 * i]!;
      const l = at3[3 * i + 1]!;
      const r = at3[3 * i + 2]!;
      for (let y = 0; y < NT; y++) {
        emit[at + y]! +=
          words[a0 + y]! + words[a1 + y]! + words[a2 + y]! + words[a3 + y]! + words[a4 + y]! + p0[y]! + p1[NT + y]! + p2[2 * NT + y]! + p3[3 * NT + y]! + p4[4 * NT + y]! + pool[t + y]! + pool[l + y]! + pool[r + y]!;
      }
    }
    return decode(n, emit, this.trans, this.score, this.back, out);
  }

  /**
   * The emission sums of each token's surface: surface id k's rows are row k + 1 of the result (PLACES × NT
   * each); row 0 holds the edge groups' (a missing neighbour). Computes those not cached yet.
   */
  private surfaceSumsOf(table: SurfaceTable, ids: Int32Array): Int32Array {
    if (this.generation !== table.generation || this.summed.length < table.size) {
      const fresh = this.generation !== table.generation;
      // Room to grow, but no more than the table holds (it empties itself at its limit).
      const capacity = Math.max(table.size, Math.min(table.limit, Math.max(1024, table.size * 2)));
      const sums = new Int32Array((capacity + 1) * PLACES * NT);
      const summed = new Uint8Array(capacity);
      if (!fresh) {
        sums.set(this.surfaceSums);
        summed.set(this.summed);
      } else this.addGroupSums(EDGE_GROUPS, sums, 0);
      this.surfaceSums = sums;
      this.summed = summed;
      this.generation = table.generation;
    }
    const sums = this.surfaceSums;
    // The surfaces not summed yet, their hashes' table slots touched first (the misses overlap), then summed.
    const fresh: number[] = [];
    const groups: SurfaceGroups[] = [];
    let touched = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (this.summed[id]) continue;
      this.summed[id] = 1;
      const g = table.groups(id);
      for (const hashes of [g.self, g.prev, g.prev2, g.next, g.next2]) for (let k = 0; k < hashes.length; k++) touched ^= this.table[2 * this.slotOf(hashes[k]!) + 1]!;
      fresh.push(id);
      groups.push(g);
    }
    this.touched ^= touched;
    for (let k = 0; k < fresh.length; k++) this.addGroupSums(groups[k]!, sums, (fresh[k]! + 1) * PLACES * NT);
    return sums;
  }

  /** The emission sums of a POS's groups, kept on the POS object (there are few). */
  private posSums(info: PosInfo): Int32Array {
    if (info.sumsOwner !== this || !info.sums) {
      const sums = new Int32Array(PLACES * NT);
      this.addGroupSums(info.groups, sums, 0);
      info.sums = sums;
      info.sumsOwner = this;
    }
    return info.sums;
  }

  /** The offset in `pool` of the sums of a feature set (appended). */
  private sumOf(hashes: readonly number[]): number {
    if (this.pool.length < (this.poolSize + 1) * NT) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    const at = this.poolSize++ * NT;
    this.addGroupSums({ self: hashes }, this.pool, at);
    return at;
  }

  /** The offset in `pool` of a POS bigram's sums (side 0: T.posBigramL of b, 1: T.posBigramR of a; undefined: the edge). */
  private pairOffset(a: PosInfo | undefined, b: PosInfo | undefined, side: 0 | 1): number {
    const high = Math.max(a?.id ?? 0, b?.id ?? 0);
    if (high >= this.posEdge) {
      // Room for more POS (there are few): start the pairs again.
      const edge = Math.max(128, 2 * (high + 1));
      this.pairSums = new Int32Array(2 * (edge + 1) * (edge + 1)).fill(-1);
      this.posEdge = edge;
    }
    const k = 2 * ((a ? a.id : this.posEdge) * (this.posEdge + 1) + (b ? b.id : this.posEdge)) + side;
    let at = this.pairSums[k]!;
    if (at < 0) this.pairSums[k] = at = this.sumOf([side === 0 ? posBigramLeft(a, b!) : posBigramRight(a!, b)]);
    return at;
  }

  /** Adds the weights of each place's group of features to `sums` from `at` on (place by place, NT each). */
  private addGroupSums(groups: Partial<SurfaceGroups>, sums: Int32Array, at: number): void {
    const w = this.model.weights;
    const places = [groups.self, groups.prev, groups.prev2, groups.next, groups.next2];
    for (let place = 0; place < PLACES; place++) {
      const hashes = places[place];
      if (!hashes) continue;
      const row = at + place * NT;
      for (let k = 0; k < hashes.length; k++) {
        const r = this.rowOf(hashes[k]!);
        if (r >= 0) for (let y = 0; y < NT; y++) sums[row + y]! += w[r * NT + y]!;
      }
    }
  }

  /**
   * The organisation spans (normalized offsets, whole tokens). No organisation name in the training data
   * holds a bracket, a comma or full stop, a line break or a coordinating particle (`警察庁や…`), so a tagged
   * run is cut at such tokens, and spaces at its edges are trimmed.
   */
  organisations(input: FeatureInput): { start: number; end: number }[] {
    const tags = this.tag(input);
    const spans: { start: number; end: number }[] = [];
    const tokens = input.tokens;
    const push = (a: number, b: number) => {
      while (a < b && isSpace(tokens[a]!.surface)) a++;
      while (b > a && isSpace(tokens[b - 1]!.surface)) b--;
      if (a < b) spans.push({ start: tokens[a]!.start, end: tokens[b - 1]!.end });
    };
    for (let i = 0; i < tags.length; i++) {
      if (typeOfTag(tags[i]!) !== ORG_TYPE || isInside(tags[i]!)) continue;
      let j = i + 1;
      while (j < tags.length && isInside(tags[j]!) && typeOfTag(tags[j]!) === ORG_TYPE) j++;
      let from = i;
      for (let k = i; k < j; k++) {
        if (!breaksName(tokens[k]!)) continue;
        push(from, k);
        from = k + 1;
      }
      push(from, j);
      i = j - 1;
    }
    return spans;
  }
}

const BREAKS = /[()\[\]{}「」『』【】〈〉《》〔〕、。,，;:：；!?！？\n]/;
const isSpace = (s: string) => /^\s+$/.test(s);
function breaksName(t: { surface: string; pos: string; pos1: string }): boolean {
  return BREAKS.test(t.surface) || (t.pos === '助詞' && t.pos1 === '並立助詞') || /\n/.test(t.surface);
}

const NT = TAG_COUNT;
// The emission sums and decode() are written out for 15 tags (O and B/I of the 7 types).
if (NT !== 15) throw new KijiError('E_MODEL', `the organisation tagger is written for 15 tags, not ${NT}: update tag() and decode() in src/stages/orgs/model/tagger.ts`);
const NEG = -1e30;
/**
 * The rows of a sums table, one per place: the groups self, prev, prev2, next and next2 (SurfaceGroups),
 * and where the token whose group it is stands from the token the features describe.
 */
const PLACES = 5;
/** The POS sums of a missing neighbour: its features are in the edge groups (row 0 of the surface sums). */
const ZERO_SUMS = new Int32Array(PLACES * NT);

/**
 * The best tag sequence for the emission scores (as perceptron.ts's viterbi, ties to the lower tag).
 * O and B tags may follow any tag; an I tag only the B or I of its own type (tags 2t + 1, 2t + 2).
 */
function decode(n: number, emit: Int32Array, trans: Float64Array, score: Float64Array, back: Uint8Array, out: Uint8Array): Uint8Array {
  for (let y = 0; y < NT; y++) {
    score[y] = trans[y]! + emit[y]!;
    back[y] = 0;
  }
  // The previous token's scores in locals, each compared in the order of the plain loop (p = 0, 1, …; ties
  // to the lower tag).
  for (let i = 1; i < n; i++) {
    const here = i * NT;
    const prev = here - NT;
    const s0 = score[prev + 0]!;
    const s1 = score[prev + 1]!;
    const s2 = score[prev + 2]!;
    const s3 = score[prev + 3]!;
    const s4 = score[prev + 4]!;
    const s5 = score[prev + 5]!;
    const s6 = score[prev + 6]!;
    const s7 = score[prev + 7]!;
    const s8 = score[prev + 8]!;
    const s9 = score[prev + 9]!;
    const s10 = score[prev + 10]!;
    const s11 = score[prev + 11]!;
    const s12 = score[prev + 12]!;
    const s13 = score[prev + 13]!;
    const s14 = score[prev + 14]!;
    // O and the B tags (0, odd): every predecessor.
    for (let y = 0; y < NT; y = y === 0 ? 1 : y + 2) {
      let best = s0 + trans[NT + y]!;
      let arg = 0;
      let s: number;
      s = s1 + trans[2 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 1;
      }
      s = s2 + trans[3 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 2;
      }
      s = s3 + trans[4 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = s4 + trans[5 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = s5 + trans[6 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 5;
      }
      s = s6 + trans[7 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 6;
      }
      s = s7 + trans[8 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = s8 + trans[9 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = s9 + trans[10 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 9;
      }
      s = s10 + trans[11 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 10;
      }
      s = s11 + trans[12 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = s12 + trans[13 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 12;
      }
      s = s13 + trans[14 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 13;
      }
      s = s14 + trans[15 * NT + y]!;
      if (s > best) {
        best = s;
        arg = 14;
      }
      score[here + y] = best + emit[here + y]!;
      back[here + y] = arg;
    }
    // The I tags (even, ≥ 2): B (y − 1) or I (y) of the same type.
    {
      const b = s1 + trans[2 * NT + 2]!;
      const c = s2 + trans[3 * NT + 2]!;
      score[here + 2] = (c > b ? c : b) + emit[here + 2]!;
      back[here + 2] = c > b ? 2 : 1;
    }
    {
      const b = s3 + trans[4 * NT + 4]!;
      const c = s4 + trans[5 * NT + 4]!;
      score[here + 4] = (c > b ? c : b) + emit[here + 4]!;
      back[here + 4] = c > b ? 4 : 3;
    }
    {
      const b = s5 + trans[6 * NT + 6]!;
      const c = s6 + trans[7 * NT + 6]!;
      score[here + 6] = (c > b ? c : b) + emit[here + 6]!;
      back[here + 6] = c > b ? 6 : 5;
    }
    {
      const b = s7 + trans[8 * NT + 8]!;
      const c = s8 + trans[9 * NT + 8]!;
      score[here + 8] = (c > b ? c : b) + emit[here + 8]!;
      back[here + 8] = c > b ? 8 : 7;
    }
    {
      const b = s9 + trans[10 * NT + 10]!;
      const c = s10 + trans[11 * NT + 10]!;
      score[here + 10] = (c > b ? c : b) + emit[here + 10]!;
      back[here + 10] = c > b ? 10 : 9;
    }
    {
      const b = s11 + trans[12 * NT + 12]!;
      const c = s12 + trans[13 * NT + 12]!;
      score[here + 12] = (c > b ? c : b) + emit[here + 12]!;
      back[here + 12] = c > b ? 12 : 11;
    }
    {
      const b = s13 + trans[14 * NT + 14]!;
      const c = s14 + trans[15 * NT + 14]!;
      score[here + 14] = (c > b ? c : b) + emit[here + 14]!;
      back[here + 14] = c > b ? 14 : 13;
    }
  }
  let last = 0;
  const end = (n - 1) * NT;
  for (let y = 1; y < NT; y++) if (score[end + y]! > score[end + last]!) last = y;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = last;
    last = back[i * NT + last]!;
  }
  return out;
}

const loaded = new Map<string, OrgTagger>();

/** Loads a model file once per process (or worker). */
export function loadOrgTagger(path: string = SHIPPED_MODEL): OrgTagger {
  let tagger = loaded.get(path);
  if (!tagger) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new KijiError('E_MODEL', `the organisation model ${path} could not be read (${(error as Error).message}); restore it from git, retrain with \`npm run train:orgs\`, or set \`orgs: { model: false }\` in the config`);
    }
    tagger = new OrgTagger(decodeModel(bytes, path));
    loaded.set(path, tagger);
  }
  return tagger;
}

