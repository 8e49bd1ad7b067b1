#!/usr/bin/env node
/**
 * Checks that kiji's tokenizer (src/stages/tokenize: dictionary image, typed-array lattice) gives exactly
 * kuromoji's tokens, and how much faster it is, on a corpus: every field of every token, segment by segment
 * (kiji's `tokenize()` gives kuromoji's token objects for this), and every feature line of the dictionary.
 *
 *   npm run build && node bench/tokenizer-identity.mjs [--corpus ../shared/eval/livedoor-news/articles.jsonl] [--limit N]
 *
 * Segments are cut as kiji cuts them (src/text/sentences.ts). Then kiji's own token reader
 * (tokenizeSegments, which reads the best path without making kuromoji's token objects: word-info.ts) is
 * checked against kiji tokens built from kuromoji's token objects, article by article, and timed.
 * Exit code 1 on any difference.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', 'Infinity'));

const { loadTokenizer, tokenizeSegments } = await import(join(repoRoot, 'dist/stages/tokenize/kuromoji.js'));
const { splitSentences } = await import(join(repoRoot, 'dist/text/sentences.js'));

const texts = readCorpusItems(corpus, limit).map((item) => item.text);
const segments = texts.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));
const chars = segments.reduce((n, s) => n + s.length, 0);

const stock = await loadTokenizer(undefined, { stock: true });
const fast = await loadTokenizer();

// Alternate the two in blocks so that neither gets a warmer machine.
let stockMs = 0;
let fastMs = 0;
let tokens = 0;
let differences = 0;
const BLOCK = 500;
for (let from = 0; from < segments.length; from += BLOCK) {
  const block = segments.slice(from, from + BLOCK);
  let t = performance.now();
  const expected = block.map((s) => stock.tokenize(s));
  stockMs += performance.now() - t;
  t = performance.now();
  const actual = block.map((s) => fast.tokenize(s));
  fastMs += performance.now() - t;
  for (let i = 0; i < block.length; i++) {
    tokens += expected[i].length;
    if (JSON.stringify(expected[i]) !== JSON.stringify(actual[i])) {
      if (differences++ < 5) console.log(`DIFFERENT tokens for segment ${from + i}: ${JSON.stringify(block[i].slice(0, 80))}`);
    }
  }
}
const rate = (ms) => Math.round(chars / (ms / 1000)).toLocaleString('en-US');
console.log(`corpus: ${corpus}: ${texts.length} articles, ${segments.length} segments, ${chars.toLocaleString('en-US')} characters, ${tokens.toLocaleString('en-US')} tokens`);
console.log(`stock kuromoji  ${(stockMs / 1000).toFixed(2)} s  ${rate(stockMs)} chars/s`);
console.log(`kiji tokenizer  ${(fastMs / 1000).toFixed(2)} s  ${rate(fastMs)} chars/s  (${(stockMs / fastMs).toFixed(2)} × stock; kuromoji-shaped token objects)`);
console.log(differences === 0 ? 'identical: every token of every segment' : `${differences} segments tokenized differently`);

// kiji tokens: built from kuromoji's token objects (as kiji did) vs read off the Viterbi path.
const fromTokenObjects = (text) => {
  const out = [];
  for (const s of splitSentences(text)) {
    let cursor = s.start;
    for (const t of fast.tokenize(text.slice(s.start, s.end))) {
      const known = t.word_type === 'KNOWN';
      const reading = t.reading !== undefined && t.reading !== '*' ? t.reading : undefined;
      // word: kuromoji's word_id of a known word is its entry × 10.
      const token = { surface: t.surface_form, start: cursor, end: cursor + t.surface_form.length, pos: t.pos, pos1: t.pos_detail_1, pos2: t.pos_detail_2, pos3: t.pos_detail_3, basic: t.basic_form, reading, known, word: known ? fast.firstWord + t.word_id / 10 : -1 };
      out.push(token);
      cursor = token.end;
    }
  }
  return out;
};
let objectsMs = 0;
let readerMs = 0;
let readerDifferences = 0;
for (const raw of texts) {
  const text = raw.replace(/[\ud800-\udfff]/g, '\u3013');
  let t = performance.now();
  const expected = fromTokenObjects(text);
  objectsMs += performance.now() - t;
  t = performance.now();
  const actual = tokenizeSegments(fast, text, splitSentences(text));
  readerMs += performance.now() - t;
  if (JSON.stringify(expected) !== JSON.stringify(actual) && readerDifferences++ < 5) console.log(`DIFFERENT kiji tokens for ${JSON.stringify(text.slice(0, 60))}`);
}
console.log(`kiji tokens from kuromoji's token objects ${(objectsMs / 1000).toFixed(2)} s; read off the path (tokenizeSegments) ${(readerMs / 1000).toFixed(2)} s (${(objectsMs / readerMs).toFixed(2)} ×)`);
console.log(readerDifferences === 0 ? 'identical: every kiji token of every article' : `${readerDifferences} articles with different kiji tokens`);

// Every word of the dictionary image: entry fields and feature line as kuromoji reads them.
const { FeatureLines } = await import(join(repoRoot, 'dist/stages/tokenize/word-info.js'));
const table = fast.dictionary.known;
const lines = new FeatureLines(table);
const d = stock.token_info_dictionary;
let entryDifferences = 0;
for (let e = 0; e < table.left.length; e++) {
  const id = e * 10;
  if (table.left[e] !== d.dictionary.getShort(id) || table.right[e] !== d.dictionary.getShort(id + 2) || table.cost[e] !== d.dictionary.getShort(id + 4) || lines.line(e) !== d.getFeatures(id)) {
    if (entryDifferences++ < 5) console.log(`DIFFERENT dictionary entry ${id}: ${lines.line(e)} vs ${d.getFeatures(id)}`);
  }
}
console.log(entryDifferences === 0 ? `identical: all ${table.left.length.toLocaleString('en-US')} dictionary entries` : `${entryDifferences} dictionary entries differ`);
process.exitCode = differences === 0 && readerDifferences === 0 && entryDifferences === 0 ? 0 : 1;
