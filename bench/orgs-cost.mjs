#!/usr/bin/env node
// What the organisation tagger costs (issue #15: ≤ 15 % of the pipeline's time per article, ≤ 50 MB per
// worker, model load ≤ 300 ms), measured in one run so that the ratios hold on a busy machine:
//   npm run build && npm run bench:orgs-cost [-- --limit N] [--corpus FILE.jsonl] [--rounds R] [--base DIR]
// Two pipelines in one process, the rules alone (`orgs: { model: false }`) and with the tagger
// (`orgs: { model: true }`), take the same articles in turn (each article goes to one and then the other,
// the order alternating), so load from other work falls on both alike. The tagger's cost is the orgs
// stage's time with the model minus its time without; it is printed as a ratio to the rules-only orgs
// stage and as a share of the whole pipeline's stage time with the model. Then the tagger's parts, timed
// directly on the same tokenized articles: the rules' candidates (which both paths compute), the features,
// the emission sums and Viterbi, and the spans; these run after the pipelines met the articles, so their surfaces are
// in the tagger's tables. The same parts on the next N articles of the corpus, new to the tagger as each article is
// in a run, show what a surface met for the first time costs (its table entry and cached sums) and cold caches. Memory: the model's arrays and what the caches the tagger
// fills hold after the run (heap after a full GC, needs --expose-gc, which the npm script passes).
// With --base DIR (a checkout with a built dist/), that tree's two pipelines (with the model and rules only) take
// each article in the same rotation, and its tagger's CPU time (its model pipeline minus its rules-only one) is
// printed next to this tree's. Each tree needs its own rules-only pipeline: a model pipeline that shares its modules
// (the tokenizer's dictionary) with the rules-only one runs on caches that pipeline warmed, and a base measured
// against the other tree's rules pipeline looked 10–30 % dearer than the same code measured against its own.
// The corpus defaults to ../shared/eval/livedoor-news/articles.jsonl (its first N lines, as bench:throughput
// takes them); without it, the Japanese fixture articles are used, repeated.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '1000'));
const baseDir = option('base', undefined);
const rounds = Number(option('rounds', '1'));
const dist = (p) => join(repoRoot, 'dist', p);
if (!existsSync(dist('index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) console.log('(no --expose-gc: the memory figures are rough)');

let texts;
let unseen = [];
if (existsSync(corpus)) {
  const items = readCorpusItems(corpus, 2 * limit).map((item) => item.text);
  texts = items.slice(0, limit);
  unseen = items.slice(limit);
  console.log(`corpus: ${corpus}, ${texts.length} articles`);
} else {
  const dir = join(repoRoot, 'fixtures/articles');
  const own = readdirSync(dir).filter((f) => f.startsWith('ja-') && f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  texts = Array.from({ length: Math.min(limit, own.length * 20) }, (_, i) => own[i % own.length]);
  console.log(`corpus: ${corpus} not found; the ${own.length} Japanese fixture articles, repeated (${texts.length} articles)`);
}
const chars = texts.reduce((n, t) => n + t.length, 0);

const { createPipeline } = await import(dist('index.js'));
const { parseConfig } = await import(dist('schema/config.js'));
const { loadTokenizer } = await import(dist('stages/tokenize/kuromoji.js'));
const { buildOrgLexicon } = await import(dist('stages/orgs/lexicon.js'));
const { groupedFeatures } = await import(dist('stages/orgs/model/features.js'));
const { OrgTagger, SHIPPED_MODEL, loadOrgTagger } = await import(dist('stages/orgs/model/tagger.js'));
const { decodeModel } = await import(dist('stages/orgs/model/file.js'));
const { featureInputOf, tokenizedDocument } = await import(dist('stages/orgs/model/train.js'));

// ---------------------------------------------------------------- load
const rules = await createPipeline({ orgs: { model: false } });
for (const text of texts.slice(0, 20)) rules.process({ text });
const used = () => {
  gc();
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
};
const before = used();
const started = performance.now();
const bytes = readFileSync(SHIPPED_MODEL);
const fresh = new OrgTagger(decodeModel(bytes, SHIPPED_MODEL));
const loadMs = performance.now() - started;
const modelBytes = fresh.model.hashes.byteLength + fresh.model.weights.byteLength + fresh.model.transitions.byteLength + tableBytes(fresh.model.hashes.length);
// OrgTagger's hash table: [hash, row] int32 pairs, the next power of two ≥ 1.5 × the features (at least 1024).
function tableBytes(features) {
  let size = 1024;
  while (size < features * 1.5) size *= 2;
  return size * 8;
}

// ---------------------------------------------------------------- the pipelines, in turn
const model = await createPipeline({ orgs: { model: true } });
for (const text of texts.slice(0, 20)) model.process({ text });
const baseIndex = baseDir ? await import(join(resolve(baseDir), 'dist/index.js')) : undefined;
const base = baseIndex ? await baseIndex.createPipeline({ orgs: { model: true } }) : undefined;
const baseRules = baseIndex ? await baseIndex.createPipeline({ orgs: { model: false } }) : undefined;
if (base) for (const text of texts.slice(0, 20)) for (const p of [base, baseRules]) p.process({ text });
const spentSince = (pipeline, before) => {
  const after = pipeline.stageTimings();
  return Object.fromEntries(Object.keys(after).filter((k) => !k.startsWith('load:')).map((k) => [k, after[k] - (before[k] ?? 0)]));
};
const rulesBefore = rules.stageTimings();
const modelBefore = model.stageTimings();
// CPU time of each process() call as well: on a machine shared with other work, wall time also counts
// the time the process waited for a core; the CPU time does not.
const cpu = new Map([[rules, 0], [model, 0], [base, 0], [baseRules, 0]]);
const turn = base ? [rules, model, base, baseRules] : [rules, model];
const run = (pipeline, text) => {
  const started = process.cpuUsage();
  pipeline.process({ text });
  const spent = process.cpuUsage(started);
  cpu.set(pipeline, cpu.get(pipeline) + (spent.user + spent.system) / 1000);
};
for (let round = 0; round < rounds; round++) {
  texts.forEach((text, i) => {
    // Each pipeline first, second (…) in turn, and every other cycle backwards.
    const k = (i + round) % turn.length;
    const order = [...turn.slice(k), ...turn.slice(0, k)];
    if (Math.floor((i + round) / turn.length) % 2) order.reverse();
    for (const pipeline of order) run(pipeline, text);
  });
}
const r = spentSince(rules, rulesBefore);
const m = spentSince(model, modelBefore);
const total = (t) => Object.values(t).reduce((a, b) => a + b, 0);
const articles = texts.length * rounds;
const per = (ms) => `${((ms / articles) * 1000).toFixed(0)} µs/article`;
const tagger = m.orgs - r.orgs;
console.log(`\nstage time, ${articles} articles (${(chars / texts.length).toFixed(0)} characters on average), the two pipelines in turn:`);
console.log(`  rules only: pipeline ${per(total(r))}, orgs stage ${per(r.orgs)} (${((r.orgs / total(r)) * 100).toFixed(1)} % of the pipeline), tokenize ${per(r.tokenize)}`);
console.log(`  with model: pipeline ${per(total(m))}, orgs stage ${per(m.orgs)} (${((m.orgs / total(m)) * 100).toFixed(1)} % of the pipeline), tokenize ${per(m.tokenize)}`);
console.log(`  the tagger (orgs with model − orgs rules only): ${per(tagger)} = ${(tagger / r.orgs).toFixed(2)} × the rules-only orgs stage, ${((tagger / total(m)) * 100).toFixed(1)} % of the pipeline's time with the model (target ≤ 15 %), ${(tagger / m.tokenize).toFixed(2)} × tokenizing`);
const cpuTagger = cpu.get(model) - cpu.get(rules);
const cpuRulesOrgs = cpu.get(rules) * (r.orgs / total(r));
console.log(`  in CPU time (process() with the model − without): the tagger ${per(cpuTagger)} = ${(cpuTagger / cpuRulesOrgs).toFixed(2)} × the rules-only orgs stage (its wall-time share of the rules-only CPU time), ${((cpuTagger / cpu.get(model)) * 100).toFixed(1)} % of the pipeline's CPU time with the model (${per(cpu.get(model))})`);
if (base) {
  const baseTagger = cpu.get(base) - cpu.get(baseRules);
  console.log(`  the base tree (${baseDir}), same rotation, CPU time: the tagger ${per(baseTagger)}, ${((baseTagger / cpu.get(base)) * 100).toFixed(1)} % of its pipeline's CPU time (${per(cpu.get(base))}); this tree's tagger / the base's: ${(cpuTagger / baseTagger).toFixed(3)}`);
}

// ---------------------------------------------------------------- the tagger's parts, timed directly
const tokenizer = await loadTokenizer();
const lexicon = buildOrgLexicon(parseConfig({}));
const shipped = loadOrgTagger();
const docs = texts.map((text) => tokenizedDocument(tokenizer, text));
const parts = timeParts(docs, rounds + 1, 1);
// Tokenized one by one, each just before its parts are timed (as in a run); measured on the first sight only.
const unseenParts = unseen.length ? timeParts(unseen, 1, 0, (text) => tokenizedDocument(tokenizer, text)) : undefined;
function timeParts(items, rounds, skip, tokenize = (doc) => doc) {
  const parts = { candidates: 0, features: 0, tag: 0, spans: 0, articles: 0 };
  for (let round = 0; round < rounds; round++) {
    const measured = round >= skip;
    for (const item of items) {
      const doc = tokenize(item);
      const t0 = performance.now();
      const input = featureInputOf(doc, lexicon);
      const t1 = performance.now();
      groupedFeatures(input);
      const t2 = performance.now();
      shipped.tag(input);
      const t3 = performance.now();
      shipped.organisations(input);
      const t4 = performance.now();
      if (!measured) continue;
      parts.candidates += t1 - t0;
      parts.features += t2 - t1;
      parts.tag += t3 - t2;
      parts.spans += t4 - t3 - (t3 - t2); // organisations() tags again: its own share is the rest
      parts.articles++;
    }
  }
  return parts;
}
const perOf = (parts) => (ms) => `${((ms / parts.articles) * 1000).toFixed(0)} µs/article`;
for (const [title, p] of [['on the same tokenized articles, met before', parts], [`on the next ${unseen.length} articles, new to the tagger`, unseenParts]]) {
  if (!p) continue;
  const per = perOf(p);
  console.log(`\nthe tagger's parts (direct calls ${title}):`);
  console.log(`  the rules' candidates (both paths): ${per(p.candidates)}`);
  console.log(`  features (groupedFeatures):          ${per(p.features)}`);
  console.log(`  tag (features + sums + Viterbi):     ${per(p.tag)}, ${((p.tag - p.features) / (p.tag || 1) * 100).toFixed(0)} % of it after the features`);
  console.log(`  spans from the tags:                 ${per(Math.max(0, p.spans))}`);
}

// ---------------------------------------------------------------- memory and load
docs.length = 0;
const after = used();
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(`\nmodel: ${fresh.model.hashes.length} features, file ${mb(bytes.length)}, arrays and hash table ${mb(modelBytes)}, loaded in ${loadMs.toFixed(0)} ms (target ≤ 300 ms)`);
console.log(`memory the model path added (heap + array buffers after a full GC, the tagger loaded twice here${base ? ', and the base tree\'s whole pipeline: run without --base for this figure' : ''}, caches full after ${articles + (unseenParts ? unseenParts.articles : 0)} articles): ${mb(after - before)}; ` +
  `${groupedFeatures(featureInputOf(tokenizedDocument(tokenizer, ''), lexicon)).table.size} surfaces in the feature table (target ≤ 50 MB per worker)`);
