#!/usr/bin/env node
// The organisation tagger of this tree against another's, part by part, in CPU time (process.cpuUsage), for changes
// too small for bench:orgs-cost's model-minus-rules figure (± 15 % on a shared machine):
//   npm run build && node --single-threaded-gc bench/orgs-ab.mjs --base DIR [--mode run|features|tag|ranges|input] [--limit N] [--rounds R]
// DIR is a checkout with a built dist/; each tree has its own tokenizer, lexicon and tagger (its own modules).
// --mode run (default, 1,000 articles): each article is tokenized and its rule candidates collected by each tree in
//   turn, the order alternating, and that tree's tagger.tag() is timed right after: as in a run, the tagger meets an
//   article's new surfaces and its tables come back from wherever the tokenizer pushed them; the tags of both trees
//   are compared (a difference is counted and printed).
// --mode features|tag|ranges|input (300 articles, 10 rounds): warm, on articles both trees tokenized and tagged once
//   before: groupedFeatures(), tag(), the organisation spans over the tagged ranges as the orgs stage reads them
//   (tagged-ranges.ts: one organisations() call per range), or featureInputOf() (the rules' candidates) of blocks of 10
//   articles, each tree in turn; the first round is not counted. What the code costs, without the cache misses a run adds.
// Run it both ways (this tree as --base of the other) to see the bias of the order; the ratio printed is this tree's
// CPU time over the base's.
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const baseDir = option('base', undefined);
if (!baseDir) {
  console.error('usage: node bench/orgs-ab.mjs --base DIR [--mode run|features|tag|ranges|input] [--limit N] [--rounds R] [--corpus FILE.jsonl]');
  process.exit(2);
}
const mode = option('mode', 'run');
const limit = Number(option('limit', mode === 'run' ? '1000' : '300'));
const rounds = Number(option('rounds', '10'));
const texts = readCorpusItems(resolve(option('corpus', DEFAULT_CORPUS)), limit).map((item) => item.text);
const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function tree(dir) {
  const d = (p) => join(dir, 'dist', p);
  const { loadTokenizer } = await import(d('stages/tokenize/kuromoji.js'));
  const { buildOrgLexicon } = await import(d('stages/orgs/lexicon.js'));
  const { parseConfig } = await import(d('schema/config.js'));
  const { loadOrgTagger } = await import(d('stages/orgs/model/tagger.js'));
  const { groupedFeatures } = await import(d('stages/orgs/model/features.js'));
  const { featureInputOf, tokenizedDocument } = await import(d('stages/orgs/model/train.js'));
  const { inputOver, taggedRanges } = mode === 'ranges' ? await import(d('stages/orgs/tagged-ranges.js')) : {};
  const { TOKEN_FEATURES } = await import(d('stages/token-features/index.js'));
  const tokenizer = await loadTokenizer();
  const lexicon = buildOrgLexicon(parseConfig({}));
  const tagger = loadOrgTagger();
  const t = { dir, ms: 0, tokenizer, lexicon, tagger, groupedFeatures, featureInputOf, tokenizedDocument };
  if (mode !== 'run') {
    const docs = texts.map((text) => tokenizedDocument(tokenizer, text));
    const inputs = docs.map((doc) => featureInputOf(doc, lexicon));
    for (const input of inputs) tagger.tag(input);
    const ranges = mode === 'ranges' ? docs.map((doc, i) => taggedRanges(doc.get(TOKEN_FEATURES), inputs[i].candidates)) : [];
    const spans = (i) => ranges[i].flatMap(([from, to]) => tagger.organisations(inputOver(inputs[i], from, to)));
    t.part = { features: (i) => groupedFeatures(inputs[i]), tag: (i) => tagger.tag(inputs[i]), ranges: spans }[mode] ?? ((i) => featureInputOf(docs[i], lexicon));
  }
  return t;
}
const trees = [await tree(resolve(repoRoot)), await tree(resolve(baseDir))];
let differences = 0;
if (mode === 'run') {
  texts.forEach((text, i) => {
    const tags = (i % 2 ? [trees[1], trees[0]] : trees).map((t) => {
      const input = t.featureInputOf(t.tokenizedDocument(t.tokenizer, text), t.lexicon);
      const since = process.cpuUsage();
      const tags = t.tagger.tag(input);
      t.ms += cpuMs(since);
      return tags.join();
    });
    if (tags[0] !== tags[1] && differences++ < 5) console.log(`DIFFERENT tags for article ${i}: ${JSON.stringify(text.slice(0, 60))}`);
  });
} else {
  for (let round = 0; round < rounds; round++) {
    for (let b = 0; b < texts.length; b += 10) {
      for (const t of (b / 10 + round) % 2 ? [trees[1], trees[0]] : trees) {
        const since = process.cpuUsage();
        for (let i = b; i < Math.min(texts.length, b + 10); i++) t.part(i);
        if (round > 0) t.ms += cpuMs(since);
      }
    }
  }
}
const counted = mode === 'run' ? texts.length : texts.length * Math.max(1, rounds - 1);
const per = (ms) => `${((ms / counted) * 1000).toFixed(0)} µs/article`;
const what = { run: 'tag(), run-like', features: 'groupedFeatures(), warm', tag: 'tag(), warm', ranges: 'organisations() over the tagged ranges, warm', input: 'featureInputOf(), warm' }[mode];
console.log(`${what}, ${texts.length} articles, CPU time: this tree ${per(trees[0].ms)}, base (${baseDir}) ${per(trees[1].ms)}; this / base ${(trees[0].ms / trees[1].ms).toFixed(3)}`);
if (mode === 'run') console.log(differences === 0 ? 'the same tags for every article' : `${differences} articles tagged differently`);
process.exitCode = differences === 0 ? 0 : 1;
