/**
 * kuromoji's IPADIC as one flat image of typed arrays: what kiji's tokenizer (lattice.ts) reads.
 *
 * kuromoji ships its dictionary as twelve gzipped buffers and, when it loads them, inflates them and
 * builds a JavaScript object with one array per dictionary key (the trie-id → word map): about 1.6 s and
 * a few hundred MB per worker. The image holds the same data, uncompressed and already in the shape the
 * tokenizer walks (the word map as two flat arrays), so opening it is only making views over one buffer.
 * That buffer can be a SharedArrayBuffer: every worker thread of a run then reads the same bytes.
 *
 * Nothing is reinterpreted: the trie, the word entries (left id, right id, cost, feature line), the
 * connection matrix and the unknown-word definitions are kuromoji 0.1.2's own, read the way its
 * loaders read them (DictionaryLoader, TokenInfoDictionary, InvokeDefinitionMap, CharacterDefinition).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KijiError } from '../../core/errors.js';

/** Bumped whenever the image layout or its derivation changes: an image of another version is rebuilt. */
export const IMAGE_FORMAT_VERSION = 2;
const MAGIC = 'KIJIDIC\n';
const FILES = ['base.dat.gz', 'check.dat.gz', 'tid.dat.gz', 'tid_pos.dat.gz', 'tid_map.dat.gz', 'cc.dat.gz', 'unk.dat.gz', 'unk_pos.dat.gz', 'unk_map.dat.gz', 'unk_char.dat.gz', 'unk_invoke.dat.gz'] as const;
/** Bytes of one kuromoji word entry: left id, right id and cost (int16 each), feature offset (int32). */
const ENTRY_BYTES = 10;

/** One group of words: the known (IPADIC) words or the unknown-word templates. Indexed by entry number (kuromoji's word id / 10). */
export interface WordTable {
  readonly left: Int16Array;
  readonly right: Int16Array;
  readonly cost: Int16Array;
  /** Byte offset of each entry's feature line (NUL-terminated UTF-8) in `features`. */
  readonly featureAt: Int32Array;
  readonly features: Uint8Array;
  /** Entries of key k are `entries[mapStart[k] .. mapStart[k + 1])`, in kuromoji's order (a trie value for known words, a character class for unknown ones). */
  readonly mapStart: Int32Array;
  readonly entries: Int32Array;
  /**
   * The same slots with what the lattice needs of each entry beside it, four int32 per slot: entry,
   * left id, right id, cost. The lattice reads one key's words from one place instead of from four
   * arrays of 390 k entries (cache misses are most of its time).
   */
  readonly slots: Int32Array;
}

export interface IpadicDictionary {
  /** The double-array trie over UTF-8 bytes (doublearray's base and check). */
  readonly base: Int32Array;
  readonly check: Int32Array;
  /** For each UTF-16 code unit, the trie node reached from the root by its UTF-8 bytes, or -1. */
  readonly rootStep: Int32Array;
  readonly known: WordTable;
  readonly unknown: WordTable;
  /**
   * Connection costs by left id: `connection[left * forwardDim + right]` is kuromoji's
   * `connection_costs.get(right, left)`. Transposed from kuromoji's layout so that the predecessors of one
   * node (one left id, many right ids) are read from one row.
   */
  readonly connection: Int16Array;
  readonly forwardDim: number;
  /** Character class of each UTF-16 code unit (kuromoji's unk_char map). */
  readonly charClass: Uint8Array;
  /** Per class: 1 when unknown words are always tried (kuromoji's is_always_invoke). */
  readonly classInvoke: Uint8Array;
  /** Per class: 1 when a run of the class makes one unknown word (is_grouping). */
  readonly classGroup: Uint8Array;
  /** Per class: the first class with the same name (kuromoji compares class names when grouping). */
  readonly className: Uint8Array;
  /** The whole image, for handing to worker threads. */
  readonly buffer: ArrayBufferLike;
}

type SectionType = 'i8' | 'u8' | 'i16' | 'i32';
interface Header {
  version: number;
  source: string;
  forwardDim: number;
  sections: Record<string, [offset: number, length: number, type: SectionType]>;
}

/** What the image was made from: an image whose source differs is stale. */
export function dictionarySource(dicPath: string): string {
  const kuromojiVersion = (() => {
    try {
      return (JSON.parse(readFileSync(join(dicPath, '../package.json'), 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  })();
  const files = FILES.map((file) => {
    const stat = statSync(join(dicPath, file));
    return `${file}:${stat.size}:${Math.round(stat.mtimeMs)}`;
  });
  return `format ${IMAGE_FORMAT_VERSION}; kuromoji ${kuromojiVersion}; ${files.join(' ')}`;
}

/** Reads kuromoji's dictionary files and lays them out as an image (≈ 1 s; done once, at build time). */
export function buildDictionaryImage(dicPath: string): Uint8Array {
  const read = (file: (typeof FILES)[number]): Uint8Array => {
    try {
      return new Uint8Array(gunzipSync(readFileSync(join(dicPath, file))));
    } catch (error) {
      throw new KijiError('E_INTERNAL', `could not read the kuromoji dictionary file ${join(dicPath, file)}: ${(error as Error).message}; reinstall kiji's dependencies (npm ci)`, {}, { cause: error });
    }
  };
  const int32 = (bytes: Uint8Array) => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const source = dictionarySource(dicPath);

  const base = int32(read('base.dat.gz'));
  const check = int32(read('check.dat.gz'));
  const known = wordTable(read('tid.dat.gz'), read('tid_pos.dat.gz'), read('tid_map.dat.gz'));
  const ccBytes = read('cc.dat.gz');
  const connection = byLeft(new Int16Array(ccBytes.buffer, ccBytes.byteOffset, ccBytes.byteLength >>> 1));
  const unknown = wordTable(read('unk.dat.gz'), read('unk_pos.dat.gz'), read('unk_map.dat.gz'));
  const charClass = read('unk_char.dat.gz').slice(0, 65536);
  const classes = characterClasses(read('unk_invoke.dat.gz'), charClass);
  const rootStep = rootSteps(base, check);

  const sections: Array<[string, Int8Array | Uint8Array | Int16Array | Int32Array, SectionType]> = [
    ['base', base, 'i32'],
    ['check', check, 'i32'],
    ['rootStep', rootStep, 'i32'],
    ['connection', connection, 'i16'],
    ['charClass', charClass, 'u8'],
    ['classInvoke', classes.invoke, 'u8'],
    ['classGroup', classes.group, 'u8'],
    ['className', classes.name, 'u8'],
  ];
  for (const [prefix, table] of [['known', known], ['unknown', unknown]] as const) {
    sections.push(
      [`${prefix}.left`, table.left, 'i16'],
      [`${prefix}.right`, table.right, 'i16'],
      [`${prefix}.cost`, table.cost, 'i16'],
      [`${prefix}.featureAt`, table.featureAt, 'i32'],
      [`${prefix}.features`, table.features, 'u8'],
      [`${prefix}.mapStart`, table.mapStart, 'i32'],
      [`${prefix}.entries`, table.entries, 'i32'],
      [`${prefix}.slots`, table.slots, 'i32'],
    );
  }
  const header: Header = { version: IMAGE_FORMAT_VERSION, source, forwardDim: ccBytes.length >= 2 ? new DataView(ccBytes.buffer, ccBytes.byteOffset).getInt16(0, true) : 0, sections: {} };
  let offset = 0;
  for (const [name, array, type] of sections) {
    header.sections[name] = [offset, array.length, type];
    offset = align8(offset + array.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(MAGIC.length + 4 + headerBytes.length);
  const image = new Uint8Array(dataStart + offset);
  image.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(image.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  image.set(headerBytes, MAGIC.length + 4);
  for (const [name, array] of sections) {
    image.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + header.sections[name]![0]);
  }
  return image;
}

/** The header of an image, or undefined when the bytes are not a kiji dictionary image of this format. */
export function readImageHeader(bytes: Uint8Array): (Header & { dataStart: number }) | undefined {
  if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + length > bytes.length) return undefined;
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + length))) as Header;
    if (header.version !== IMAGE_FORMAT_VERSION) return undefined;
    return { ...header, dataStart: align8(MAGIC.length + 4 + length) };
  } catch {
    return undefined;
  }
}

/** Views over an image (a Uint8Array of the whole buffer, starting at byte 0): no copy. */
export function openDictionaryImage(buffer: ArrayBufferLike): IpadicDictionary {
  const bytes = new Uint8Array(buffer);
  const header = readImageHeader(bytes);
  if (!header) throw new KijiError('E_INTERNAL', 'the dictionary image is damaged or of another kiji version: run `npm run build` to remake it');
  const view = <T>(name: string, make: (offset: number, length: number) => T): T => {
    const section = header.sections[name];
    if (!section) throw new KijiError('E_INTERNAL', `the dictionary image has no "${name}" section: run \`npm run build\` to remake it`);
    return make(header.dataStart + section[0], section[1]);
  };
  const i32 = (name: string) => view(name, (o, n) => new Int32Array(buffer, o, n));
  const i16 = (name: string) => view(name, (o, n) => new Int16Array(buffer, o, n));
  const u8 = (name: string) => view(name, (o, n) => new Uint8Array(buffer, o, n));
  const table = (prefix: string): WordTable => ({
    left: i16(`${prefix}.left`),
    right: i16(`${prefix}.right`),
    cost: i16(`${prefix}.cost`),
    featureAt: i32(`${prefix}.featureAt`),
    features: u8(`${prefix}.features`),
    mapStart: i32(`${prefix}.mapStart`),
    entries: i32(`${prefix}.entries`),
    slots: i32(`${prefix}.slots`),
  });
  return {
    base: i32('base'),
    check: i32('check'),
    rootStep: i32('rootStep'),
    known: table('known'),
    unknown: table('unknown'),
    connection: i16('connection'),
    forwardDim: header.forwardDim,
    charClass: u8('charClass'),
    classInvoke: u8('classInvoke'),
    classGroup: u8('classGroup'),
    className: u8('className'),
    buffer,
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * A word table from kuromoji's entry buffer (tid.dat / unk.dat), feature lines (tid_pos / unk_pos) and
 * key → entries map (tid_map / unk_map), read as TokenInfoDictionary.loadTargetMap reads it: a count,
 * then (key, n, n entry ids) until the buffer ends; a key seen again appends to its list.
 */
function wordTable(entryBytes: Uint8Array, featureBytes: Uint8Array, mapBytes: Uint8Array): WordTable {
  const mapView = new DataView(mapBytes.buffer, mapBytes.byteOffset, mapBytes.byteLength);
  const readInt = (at: number) => (at + 4 <= mapBytes.length ? mapView.getInt32(at, true) : 0);
  const lists = new Map<number, number[]>();
  let maxKey = -1;
  let maxEntry = -1;
  for (let at = 4; at < mapBytes.length; ) {
    const key = readInt(at);
    const n = readInt(at + 4);
    at += 8;
    for (let i = 0; i < n; i++, at += 4) {
      const id = readInt(at);
      if (id % ENTRY_BYTES !== 0) throw new KijiError('E_INTERNAL', `kuromoji dictionary entry id ${id} is not a multiple of ${ENTRY_BYTES}: not the dictionary layout kiji reads`);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(id / ENTRY_BYTES);
      if (key > maxKey) maxKey = key;
      if (id / ENTRY_BYTES > maxEntry) maxEntry = id / ENTRY_BYTES;
    }
  }
  const mapStart = new Int32Array(maxKey + 2);
  const entries = new Int32Array([...lists.values()].reduce((n, l) => n + l.length, 0));
  let filled = 0;
  for (let key = 0; key <= maxKey; key++) {
    mapStart[key] = filled;
    for (const entry of lists.get(key) ?? []) entries[filled++] = entry;
  }
  mapStart[maxKey + 1] = filled;

  const count = maxEntry + 1;
  const entryView = new DataView(entryBytes.buffer, entryBytes.byteOffset, entryBytes.byteLength);
  const left = new Int16Array(count);
  const right = new Int16Array(count);
  const cost = new Int16Array(count);
  const featureAt = new Int32Array(count);
  let featureEnd = 0;
  for (let e = 0; e < count; e++) {
    const at = e * ENTRY_BYTES;
    // ByteBuffer.getShort/getInt read 0 past the end of the buffer.
    left[e] = at + 2 <= entryBytes.length ? entryView.getInt16(at, true) : 0;
    right[e] = at + 4 <= entryBytes.length ? entryView.getInt16(at + 2, true) : 0;
    cost[e] = at + 6 <= entryBytes.length ? entryView.getInt16(at + 4, true) : 0;
    const f = at + 10 <= entryBytes.length ? entryView.getInt32(at + 6, true) : 0;
    featureAt[e] = f;
    let end = f;
    while (end < featureBytes.length && featureBytes[end] !== 0) end++;
    if (end + 1 > featureEnd) featureEnd = Math.min(end + 1, featureBytes.length);
  }
  const slots = new Int32Array(4 * entries.length);
  entries.forEach((e, i) => slots.set([e, left[e]!, right[e]!, cost[e]!], 4 * i));
  return { left, right, cost, featureAt, features: featureBytes.slice(0, featureEnd), mapStart, entries, slots };
}

/** kuromoji's matrix ([forward dim, backward dim, cost[right][left]…]) transposed to cost[left][right], without the two dimensions. */
function byLeft(kuromojiLayout: Int16Array): Int16Array {
  const forward = kuromojiLayout[0]!;
  const backward = kuromojiLayout[1]!;
  const out = new Int16Array(forward * backward);
  for (let right = 0; right < forward; right++) {
    for (let left = 0; left < backward; left++) out[left * forward + right] = kuromojiLayout[right * backward + left + 2]!;
  }
  return out;
}

/**
 * The character classes of unk_invoke.dat, read as InvokeDefinitionMap.load reads it (invoke byte,
 * grouping byte, int32 max length, NUL-terminated name, until one byte is left), kept for the classes
 * the character map uses.
 */
function characterClasses(bytes: Uint8Array, charClass: Uint8Array): { invoke: Uint8Array; group: Uint8Array; name: Uint8Array } {
  let used = 0;
  for (const c of charClass) if (c + 1 > used) used = c + 1;
  const invoke = new Uint8Array(used);
  const group = new Uint8Array(used);
  const name = new Uint8Array(used);
  const names: string[] = [];
  let at = 0;
  while (at + 1 < bytes.length && names.length < used) {
    invoke[names.length] = bytes[at]!;
    group[names.length] = bytes[at + 1]!;
    at += 6;
    const end = bytes.indexOf(0, at);
    const stop = end < 0 ? bytes.length : end;
    names.push(new TextDecoder().decode(bytes.subarray(at, stop)));
    at = stop + 1;
  }
  if (names.length < used) throw new KijiError('E_INTERNAL', `the kuromoji character map uses class ${used - 1}, which unk_invoke.dat does not define`);
  names.forEach((n, id) => (name[id] = names.indexOf(n)));
  return { invoke, group, name };
}

/** The trie node after the UTF-8 bytes of each BMP code unit from the root (doublearray's traverse). */
function rootSteps(base: Int32Array, check: Int32Array): Int32Array {
  const traverse = (parent: number, code: number): number => {
    const child = base[parent]! + code;
    return child >= 0 && child < check.length && check[child] === parent ? child : -1;
  };
  const steps = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) steps[c] = utf8Step(traverse, 0, c);
  return steps;
}

/** Walks the UTF-8 bytes of one UTF-16 code unit (a lone surrogate is encoded as its own 3 bytes). */
export function utf8Step(traverse: (parent: number, code: number) => number, parent: number, code: number): number {
  if (code < 0x80) return traverse(parent, code);
  if (code < 0x800) {
    const p = traverse(parent, (code >>> 6) | 0xc0);
    return p < 0 ? p : traverse(p, (code & 0x3f) | 0x80);
  }
  let p = traverse(parent, (code >>> 12) | 0xe0);
  if (p < 0) return p;
  p = traverse(p, ((code >>> 6) & 0x3f) | 0x80);
  return p < 0 ? p : traverse(p, (code & 0x3f) | 0x80);
}
