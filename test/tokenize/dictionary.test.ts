import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionarySource, type IpadicDictionary, openDictionaryImage, readImageHeader } from '../../src/stages/tokenize/dictionary.js';
import { defaultDictionaryPath, loadDictionaryImage } from '../../src/stages/tokenize/dictionary-file.js';
import { type KuromojiTokenizer, loadTokenizer } from '../../src/stages/tokenize/kuromoji.js';
import { Tokenizer } from '../../src/stages/tokenize/tokenizer.js';
import { FeatureLines } from '../../src/stages/tokenize/word-info.js';

/** kuromoji's own dictionary objects, to compare the image's tables with. */
interface Internals {
  token_info_dictionary: { dictionary: { getShort(i: number): number }; getFeatures(id: number): string };
  unknown_dictionary: { dictionary: { getShort(i: number): number }; getFeatures(id: number): string; target_map: Record<number, number[]> };
}

describe('dictionary image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiji-dict-'));
  let stock: Internals;
  let dict: IpadicDictionary;
  beforeAll(async () => {
    stock = (await loadTokenizer(undefined, { stock: true })) as unknown as Internals;
    dict = openDictionaryImage(loadDictionaryImage());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds kuromoji\'s word entries and feature lines', () => {
    const lines = new FeatureLines(dict.known);
    const count = dict.known.left.length;
    expect(count).toBeGreaterThan(390_000);
    for (let e = 0; e < count; e += 97) {
      const id = e * 10;
      const d = stock.token_info_dictionary;
      expect([dict.known.left[e], dict.known.right[e], dict.known.cost[e], lines.line(e)]).toEqual([d.dictionary.getShort(id), d.dictionary.getShort(id + 2), d.dictionary.getShort(id + 4), d.getFeatures(id)]);
    }
    const unknownLines = new FeatureLines(dict.unknown);
    for (const [cls, ids] of Object.entries(stock.unknown_dictionary.target_map)) {
      const c = Number(cls);
      if (c + 1 >= dict.unknown.mapStart.length) continue; // kuromoji's class table has trailing junk entries no character uses
      expect([...dict.unknown.entries.subarray(dict.unknown.mapStart[c], dict.unknown.mapStart[c + 1])].map((e) => e * 10)).toEqual(ids.map(Number));
      for (const id of ids) expect(unknownLines.line(id / 10)).toBe(stock.unknown_dictionary.getFeatures(id));
    }
  });

  it('is written where asked and read back instead of rebuilt', () => {
    const path = join(dir, 'fresh.kijidic');
    const first = loadDictionaryImage(defaultDictionaryPath(), path);
    expect(statSync(path).size).toBe(first.byteLength);
    expect(readImageHeader(new Uint8Array(readFileSync(path)))?.source).toBe(dictionarySource(defaultDictionaryPath()));
    expect(loadDictionaryImage(defaultDictionaryPath(), path)).toBe(first); // once per process
  });

  it('replaces an image that is damaged or was made from other files', () => {
    const damaged = join(dir, 'damaged.kijidic');
    writeFileSync(damaged, 'not an image');
    const image = loadDictionaryImage(defaultDictionaryPath(), damaged);
    expect(readImageHeader(new Uint8Array(image))).toBeDefined();
    expect(readImageHeader(new Uint8Array(readFileSync(damaged)))).toBeDefined();

    const stale = join(dir, 'stale.kijidic');
    const built = new Uint8Array(readFileSync(join(dir, 'fresh.kijidic'))); // from the test above
    const header = readImageHeader(built)!;
    const text = new TextDecoder().decode(built.subarray(12, header.dataStart)).replace(/kuromoji [^;]+;/, 'kuromoji 0.0.0;');
    const edited = new Uint8Array(built);
    edited.set(new TextEncoder().encode(text), 12);
    writeFileSync(stale, edited);
    expect(readImageHeader(new Uint8Array(readFileSync(stale)))?.source).not.toBe(dictionarySource(defaultDictionaryPath()));
    loadDictionaryImage(defaultDictionaryPath(), stale);
    expect(readImageHeader(new Uint8Array(readFileSync(stale)))?.source).toBe(dictionarySource(defaultDictionaryPath()));
  });

  it('refuses bytes that are not an image, with what to do', () => {
    expect(() => openDictionaryImage(new Uint8Array(64).buffer)).toThrow(/npm run build/);
  });

  it('is shared with a worker thread, which tokenizes from the same memory', async () => {
    const image = loadDictionaryImage();
    const text = '防衛省は11月2日、ハノイで了解覚書に署名した。ＡＢＣ株式会社が1,200万ドルで合意';
    const moduleUrl = new URL('../../dist/stages/tokenize/tokenizer.js', import.meta.url).href;
    const dictUrl = new URL('../../dist/stages/tokenize/dictionary.js', import.meta.url).href;
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       Promise.all([import(workerData.moduleUrl), import(workerData.dictUrl)]).then(([t, d]) => {
         parentPort.postMessage(new t.Tokenizer(d.openDictionaryImage(workerData.image)).tokenize(workerData.text));
       });`,
      { eval: true, workerData: { image, text, moduleUrl, dictUrl } },
    );
    const tokens = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(image).toBeInstanceOf(SharedArrayBuffer);
    expect(tokens).toEqual(new Tokenizer(openDictionaryImage(image)).tokenize(text));
    expect(tokens).toEqual(((await loadTokenizer(undefined, { stock: true })) as KuromojiTokenizer).tokenize(text));
  });
});
