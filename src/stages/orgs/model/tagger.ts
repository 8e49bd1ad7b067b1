import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KijiError } from '../../../core/errors.js';
import { decodeModel, type ModelData } from './file.js';
import { extractFeatures, type FeatureInput } from './features.js';
import { ORG_TYPE, isInside, typeOfTag } from './labels.js';
import { viterbi } from './perceptron.js';

/** The shipped model, committed next to the language data (src/data is part of the package). */
export const SHIPPED_MODEL = fileURLToPath(new URL('../../../../src/data/models/orgs.bin', import.meta.url));

/** A loaded model: an open-addressing table from feature hash to weight row. */
export class OrgTagger {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private rows = new Int32Array(4096);
  private tags = new Uint8Array(1024);

  constructor(readonly model: ModelData) {
    const F = model.hashes.length;
    let size = 1024;
    while (size < F * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < F; r++) {
      let s = Math.imul(model.hashes[r]!, 0x9e3779b1) >>> 0 & this.mask;
      while (this.slots[s] !== -1) s = (s + 1) & this.mask;
      this.slots[s] = r;
    }
  }

  rowOf(hash: number): number {
    let s = Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const r = this.slots[s]!;
      if (r === -1 || this.model.hashes[r] === hash) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Tags of every token (BIO over the model's types). */
  tag(input: FeatureInput): Uint8Array {
    const f = extractFeatures(input);
    if (this.rows.length < f.hashes.length) this.rows = new Int32Array(f.hashes.length * 2);
    for (let k = 0; k < f.hashes.length; k++) this.rows[k] = this.rowOf(f.hashes[k]!);
    if (this.tags.length < f.count) this.tags = new Uint8Array(f.count * 2);
    return viterbi(f.count, f.offsets, this.rows, this.model.weights, this.model.transitions, this.tags).subarray(0, f.count);
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

