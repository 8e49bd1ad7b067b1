/**
 * kuromoji's lattice and Viterbi search on typed arrays: no object per node, no string per candidate.
 *
 * The lattice is kuromoji 0.1.2's (ViterbiBuilder.build): at each position, every dictionary word that
 * starts there (the trie walked one character at a time, stopping where no word continues), then unknown
 * words when no dictionary word starts there or the character's class always invokes them — one word
 * per class template, covering the whole run of the class when the class groups. The search is
 * ViterbiSearcher's: nodes taken by end position and, within one, in the order they were added; the
 * first cheapest predecessor wins ties; costs are summed as kuromoji sums them, (prev + edge) + word, in
 * doubles from Number.MAX_VALUE, and a node with no cheaper predecessor keeps the one found for the node
 * before it, as kuromoji's function-scoped `var` does. So the best path is kuromoji's, node for node
 * (checked on every token of the livedoor corpus: bench/tokenizer-identity.mjs).
 *
 * Input is one kuromoji sentence (kuromoji cuts text after each 、 and 。) of UTF-16 code units;
 * kiji masks surrogates before tokenizing, so positions are code units, as in kiji's offsets.
 */
import type { IpadicDictionary } from './dictionary.js';

/** doublearray's traverse over the UTF-8 bytes of one UTF-16 code unit; -1 where no key continues (dictionary.ts utf8Step, inlined by hand). */
function step(base: Int32Array, check: Int32Array, parent: number, code: number): number {
  const size = check.length;
  let child: number;
  if (code < 0x80) {
    child = base[parent]! + code;
    return child >= 0 && child < size && check[child] === parent ? child : -1;
  }
  if (code >= 0x800) {
    child = base[parent]! + ((code >>> 12) | 0xe0);
    if (!(child >= 0 && child < size && check[child] === parent)) return -1;
    parent = child;
    child = base[parent]! + (((code >>> 6) & 0x3f) | 0x80);
  } else {
    child = base[parent]! + ((code >>> 6) | 0xc0);
  }
  if (!(child >= 0 && child < size && check[child] === parent)) return -1;
  parent = child;
  child = base[parent]! + ((code & 0x3f) | 0x80);
  return child >= 0 && child < size && check[child] === parent ? child : -1;
}

/** The best path of one sentence: for each word, its entry (known: ≥ 0; unknown: ~entry, < 0), start and length in the sentence. */
export interface Path {
  length: number;
  entry: Int32Array;
  start: Int32Array;
  size: Int32Array;
}

const BOS = 0;

export class ViterbiSearch {
  private readonly dict: IpadicDictionary;
  // Nodes in the order added (index 0 is BOS).
  private capacity = 0;
  private nStart = new Int32Array(0);
  private nEnd = new Int32Array(0);
  private nEntry = new Int32Array(0);
  private nLeft = new Int32Array(0);
  private nRight = new Int32Array(0);
  private nCost = new Int32Array(0);
  // Nodes sorted by end position (stable: the order added within one end), as the search visits them.
  private sNode = new Int32Array(0);
  private sRight = new Int32Array(0);
  private sLeft = new Int32Array(0);
  private sWordCost = new Int32Array(0);
  private sStart = new Int32Array(0);
  private sCost = new Float64Array(0);
  private sPrev = new Int32Array(0);
  // Per position of the sentence.
  private positions = 0;
  private endFrom = new Int32Array(0);
  private cls = new Uint8Array(0);
  private runEnd = new Int32Array(0);
  readonly path: Path = { length: 0, entry: new Int32Array(64), start: new Int32Array(64), size: new Int32Array(64) };

  constructor(dict: IpadicDictionary) {
    this.dict = dict;
  }

  /** Finds the best path of `text[from, to)` into `this.path`. */
  search(text: string, from: number, to: number): Path {
    const count = this.build(text, from, to);
    this.forward(count, to - from);
    return this.backward(count);
  }

  private grow(nodes: number): void {
    let capacity = Math.max(1024, this.capacity);
    while (capacity < nodes) capacity *= 2;
    const keep = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.nStart = keep(this.nStart, (n) => new Int32Array(n));
    this.nEnd = keep(this.nEnd, (n) => new Int32Array(n));
    this.nEntry = keep(this.nEntry, (n) => new Int32Array(n));
    this.nLeft = keep(this.nLeft, (n) => new Int32Array(n));
    this.nRight = keep(this.nRight, (n) => new Int32Array(n));
    this.nCost = keep(this.nCost, (n) => new Int32Array(n));
    this.sNode = new Int32Array(capacity);
    this.sRight = new Int32Array(capacity);
    this.sLeft = new Int32Array(capacity);
    this.sWordCost = new Int32Array(capacity);
    this.sStart = new Int32Array(capacity);
    this.sCost = new Float64Array(capacity);
    this.sPrev = new Int32Array(capacity);
    this.capacity = capacity;
  }

  private growPositions(length: number): void {
    let n = Math.max(256, this.positions);
    while (n < length + 2) n *= 2;
    this.endFrom = new Int32Array(n + 1);
    this.cls = new Uint8Array(n);
    this.runEnd = new Int32Array(n);
    this.positions = n;
  }

  /** Adds the lattice's nodes in kuromoji's order; returns the node count (BOS included). */
  private build(text: string, from: number, to: number): number {
    const length = to - from;
    if (length + 2 > this.positions) this.growPositions(length);
    const { base, check, rootStep, known, unknown, charClass, classInvoke, classGroup, className } = this.dict;
    const cls = this.cls;
    const runEnd = this.runEnd;
    for (let i = 0; i < length; i++) cls[i] = charClass[text.charCodeAt(from + i)]!;
    // Where the run of a character's class (by name, as kuromoji compares them) ends.
    if (length > 0) runEnd[length - 1] = length;
    for (let i = length - 2; i >= 0; i--) runEnd[i] = className[cls[i]!] === className[cls[i + 1]!] ? runEnd[i + 1]! : i + 1;

    const knownKeys = known.mapStart.length - 1;
    const unknownKeys = unknown.mapStart.length - 1;
    if (this.capacity < 1) this.grow(1);
    this.nStart[BOS] = 0;
    this.nEnd[BOS] = 0;
    this.nEntry[BOS] = 0;
    this.nLeft[BOS] = 0;
    this.nRight[BOS] = 0;
    this.nCost[BOS] = 0;
    let count = 1;
    const knownSlots = known.slots;
    const unknownSlots = unknown.slots;
    for (let pos = 0; pos < length; pos++) {
      let found = false;
      let node = rootStep[text.charCodeAt(from + pos)]!;
      for (let i = pos; node >= 0; ) {
        const leaf = base[node]!; // + the end-of-key code, 0
        if (leaf >= 0 && leaf < check.length && check[leaf] === node) {
          found = true;
          const b = base[leaf]!;
          if (b <= 0 && -b - 1 < knownKeys) {
            const key = -b - 1;
            const last = known.mapStart[key + 1]!;
            let e = known.mapStart[key]!;
            if (count + last - e > this.capacity) this.grow(count + last - e);
            const { nStart, nEnd, nEntry, nLeft, nRight, nCost } = this;
            for (let at = 4 * e; e < last; e++, at += 4) {
              nStart[count] = pos;
              nEnd[count] = i + 1;
              nEntry[count] = knownSlots[at]!;
              nLeft[count] = knownSlots[at + 1]!;
              nRight[count] = knownSlots[at + 2]!;
              nCost[count] = knownSlots[at + 3]!;
              count++;
            }
          }
        }
        if (++i >= length) break;
        node = step(base, check, node, text.charCodeAt(from + i));
      }
      const c = cls[pos]!;
      if ((!found || classInvoke[c] === 1) && c < unknownKeys) {
        const end = classGroup[c] === 1 ? runEnd[pos]! : pos + 1;
        const last = unknown.mapStart[c + 1]!;
        let e = unknown.mapStart[c]!;
        if (count + last - e > this.capacity) this.grow(count + last - e);
        const { nStart, nEnd, nEntry, nLeft, nRight, nCost } = this;
        for (let at = 4 * e; e < last; e++, at += 4) {
          nStart[count] = pos;
          nEnd[count] = end;
          nEntry[count] = ~unknownSlots[at]!;
          nLeft[count] = unknownSlots[at + 1]!;
          nRight[count] = unknownSlots[at + 2]!;
          nCost[count] = unknownSlots[at + 3]!;
          count++;
        }
      }
    }

    // Sort by end position, stable (counting sort): ends are 1..length, BOS alone at 0.
    const endFrom = this.endFrom;
    endFrom.fill(0, 0, length + 2);
    const nEnd = this.nEnd;
    for (let n = 0; n < count; n++) endFrom[nEnd[n]! + 1]!++;
    for (let k = 1; k <= length + 1; k++) endFrom[k]! += endFrom[k - 1]!;
    // endFrom[k] is now the first sorted slot of end k; fill, then shift back.
    const { sNode, sRight, sLeft, sWordCost, sStart, nStart, nLeft, nRight, nCost } = this;
    const dim = this.dict.forwardDim;
    for (let n = 0; n < count; n++) {
      const slot = endFrom[nEnd[n]!]!++;
      sNode[slot] = n;
      sStart[slot] = nStart[n]!;
      sRight[slot] = nRight[n]!;
      sLeft[slot] = nLeft[n]! * dim; // the node's row of the connection matrix
      sWordCost[slot] = nCost[n]!;
    }
    for (let k = length + 1; k > 0; k--) endFrom[k] = endFrom[k - 1]!;
    endFrom[0] = 0;
    return count;
  }

  private eosPrev = -1;

  private forward(count: number, length: number): void {
    const { connection } = this.dict;
    const { endFrom, sRight, sLeft, sWordCost, sStart, sCost, sPrev } = this;
    sCost[0] = 0; // BOS
    sPrev[0] = -1;
    let shortestPrev = -1; // kuromoji's `var shortest_prev_node`, shared by every node of the search
    for (let j = 1; j < count; j++) {
      const start = sStart[j]!;
      const first = endFrom[start]!;
      const last = endFrom[start + 1]!;
      if (first === last) {
        // No node ends where this one starts: kuromoji leaves it unreached.
        sCost[j] = Number.MAX_VALUE;
        sPrev[j] = -1;
        continue;
      }
      const row = sLeft[j]!;
      const wordCost = sWordCost[j]!;
      let cost = Number.MAX_VALUE;
      for (let p = first; p < last; p++) {
        const c = sCost[p]! + connection[row + sRight[p]!]! + wordCost;
        if (c < cost) {
          cost = c;
          shortestPrev = p;
        }
      }
      sCost[j] = cost;
      sPrev[j] = shortestPrev;
    }
    // EOS: starts after the last character, left id 0, cost 0.
    const first = endFrom[length]!;
    const last = endFrom[length + 1]!;
    if (first === last) {
      this.eosPrev = -1;
      return;
    }
    let cost = Number.MAX_VALUE;
    for (let p = first; p < last; p++) {
      const c = sCost[p]! + connection[sRight[p]!]! + 0; // EOS: left id 0, row 0
      if (c < cost) {
        cost = c;
        shortestPrev = p;
      }
    }
    this.eosPrev = shortestPrev;
  }

  private backward(count: number): Path {
    const path = this.path;
    path.length = 0;
    let node = this.eosPrev;
    if (node < 0) return path;
    let steps = 0;
    while (node !== BOS) {
      if (path.length === path.entry.length) this.growPath();
      const n = this.sNode[node]!;
      path.entry[path.length] = this.nEntry[n]!;
      path.start[path.length] = this.nStart[n]!;
      path.size[path.length] = this.nEnd[n]! - this.nStart[n]!;
      path.length++;
      node = this.sPrev[node]!;
      if (node < 0 || ++steps > count) {
        path.length = 0; // kuromoji: "failed to back"
        return path;
      }
    }
    // Collected from the end: reverse in place.
    path.entry.subarray(0, path.length).reverse();
    path.start.subarray(0, path.length).reverse();
    path.size.subarray(0, path.length).reverse();
    return path;
  }

  private growPath(): void {
    const n = this.path.entry.length * 2;
    for (const key of ['entry', 'start', 'size'] as const) {
      const next = new Int32Array(n);
      next.set(this.path[key]);
      this.path[key] = next;
    }
  }
}
