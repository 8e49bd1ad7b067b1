import { KijiError } from '../../../core/errors.js';
import { TAG_COUNT, TYPES } from './labels.js';
import type { TrainedWeights } from './perceptron.js';

/**
 * The model file: `KIJIORG1`, a JSON header (how it was trained, from what), the feature hashes
 * (ascending uint32), their weights (int16, rows × tags) and the transitions (int16). Weights are
 * quantised with one scale; rows whose weights all round to zero are dropped. Little-endian throughout.
 */

const MAGIC = 'KIJIORG1';

export interface ModelHeader {
  format: 1;
  tags: number;
  types: readonly string[];
  /** Stored weight = round(weight × scale). */
  scale: number;
  epochs: number;
  seed: number;
  minCount: number;
  /** Rows whose largest averaged weight (before scaling) is smaller than this in magnitude were dropped. */
  minWeight: number;
  /** The training files (paths relative to the eval folder), the sha256 of their bytes, and how often each sentence was seen per epoch. */
  data: { file: string; sha256: string; sentences: number; weight: number }[];
  /** sha256 of the features extracted from a fixed probe text: changes when what the features compute changes. */
  featureProbe: string;
  /** sha256 of the model the same command makes from the first SLICE sentences of each file (absent in such a slice model). */
  sliceCheck?: string;
}

export interface ModelData {
  header: ModelHeader;
  hashes: Uint32Array;
  weights: Int16Array;
  transitions: Int16Array;
}

/**
 * Quantises and prunes trained weights: a row whose largest |weight| is below `minWeight` is dropped (most
 * of them are features seen a few times whose updates cancelled out; they change few decisions and cost a
 * table slot and a cache miss each), as is one whose weights all round to zero.
 */
export function quantise(trained: TrainedWeights, minWeight = 0): Omit<ModelData, 'header'> & { scale: number } {
  let max = 0;
  for (const v of trained.weights) max = Math.max(max, Math.abs(v));
  for (const v of trained.transitions) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? Math.floor((32767 / max) * 1e6) / 1e6 : 1;
  const q = (v: number) => Math.max(-32767, Math.min(32767, Math.round(v * scale)));
  const keep: number[] = [];
  const F = trained.hashes.length;
  for (let r = 0; r < F; r++) {
    for (let y = 0; y < TAG_COUNT; y++) {
      const v = trained.weights[r * TAG_COUNT + y]!;
      if (Math.abs(v) >= minWeight && q(v) !== 0) {
        keep.push(r);
        break;
      }
    }
  }
  const hashes = new Uint32Array(keep.length);
  const weights = new Int16Array(keep.length * TAG_COUNT);
  keep.forEach((r, i) => {
    hashes[i] = trained.hashes[r]!;
    for (let y = 0; y < TAG_COUNT; y++) weights[i * TAG_COUNT + y] = q(trained.weights[r * TAG_COUNT + y]!);
  });
  const transitions = Int16Array.from(trained.transitions, q);
  return { hashes, weights, transitions, scale };
}

const pad4 = (n: number) => (n + 3) & ~3;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function encodeModel(model: ModelData): Uint8Array {
  let json = JSON.stringify(model.header);
  const jsonBytes = () => new TextEncoder().encode(json);
  while (jsonBytes().length % 4) json += ' ';
  const head = jsonBytes();
  const F = model.hashes.length;
  const size = 8 + 4 + head.length + 4 + F * 4 + pad4(model.weights.length * 2) + pad4(model.transitions.length * 2);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < 8; i++) out[at++] = MAGIC.charCodeAt(i);
  view.setUint32(at, head.length, true);
  at += 4;
  out.set(head, at);
  at += head.length;
  view.setUint32(at, F, true);
  at += 4;
  for (const h of model.hashes) {
    view.setUint32(at, h, true);
    at += 4;
  }
  for (const v of model.weights) {
    view.setInt16(at, v, true);
    at += 2;
  }
  at = pad4(at);
  for (const v of model.transitions) {
    view.setInt16(at, v, true);
    at += 2;
  }
  return out;
}

export function decodeModel(bytes: Uint8Array, source: string): ModelData {
  const bad = (why: string) => new KijiError('E_MODEL', `${source} is not a kiji organisation model (${why}); restore it from git or retrain with \`npm run train:orgs\``);
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) throw bad('wrong magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  const headLength = view.getUint32(at, true);
  at += 4;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headLength))) as ModelHeader;
  at += headLength;
  if (header.format !== 1 || header.tags !== TAG_COUNT || header.types.join() !== TYPES.join()) throw bad('format or tag set differs from this version of kiji');
  const F = view.getUint32(at, true);
  at += 4;
  const T = TAG_COUNT;
  const need = at + F * 4 + pad4(F * T * 2) + (T + 1) * T * 2;
  if (bytes.length < need) throw bad('truncated');
  // Copies, so the typed arrays are aligned whatever the buffer's offset: one block copy each on a
  // little-endian machine (the file's order), element by element on a big-endian one.
  const hashes = new Uint32Array(F);
  const weights = new Int16Array(F * T);
  const transitions = new Int16Array((T + 1) * T);
  const wAt = at + F * 4;
  const tAt = pad4(wAt + weights.length * 2);
  if (LITTLE_ENDIAN) {
    new Uint8Array(hashes.buffer).set(bytes.subarray(at, wAt));
    new Uint8Array(weights.buffer).set(bytes.subarray(wAt, wAt + weights.length * 2));
    new Uint8Array(transitions.buffer).set(bytes.subarray(tAt, tAt + transitions.length * 2));
  } else {
    for (let i = 0; i < F; i++) hashes[i] = view.getUint32(at + i * 4, true);
    for (let i = 0; i < weights.length; i++) weights[i] = view.getInt16(wAt + i * 2, true);
    for (let i = 0; i < transitions.length; i++) transitions[i] = view.getInt16(tAt + i * 2, true);
  }
  return { header, hashes, weights, transitions };
}
