#!/usr/bin/env node
// What the organisation tagger costs (issue #15: ≤ 15 % of the pipeline's time per article, ≤ 50 MB per
// worker, model load ≤ 300 ms), measured in one run so that the ratios hold on a busy machine:
//   npm run build && npm run bench:orgs-cost [-- --limit N] [--corpus FILE.jsonl] [--rounds R]
// Two pipelines in one process, the rules alone (`orgs: { model: false }`) and with the tagger
// (`orgs: { model: true }`), take the same articles in turn (each article goes to one and then the other,
// the order alternating), so load from other work falls on both alike. The tagger's cost is the orgs
// stage's time with the model minus its time without; it is printed as a ratio to the rules-only orgs
// stage and as a share of the whole pipeline's stage time with the model. Then the tagger's parts, timed
// directly on the same tokenized articles: the rules' candidates (which both paths compute), the features,
// the emission sums and Viterbi, and the spans. Memory: the model's arrays and what the caches the tagger
// fills hold after the run (heap after a full GC, needs --expose-gc, which the npm script passes).
// The corpus defaults to ../shared/eval/livedoor-news/articles.jsonl (its first N lines, as bench:throughput
// takes them); without it, the Japanese fixture articles are used, repeated.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '1000'));
const rounds = Number(option('rounds', '1'));
const dist = (p) => join(repoRoot, 'dist', p);
if (!existsSync(dist('index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) console.log('(no --expose-gc: the memory figures are rough)');

let texts;
if (existsSync(corpus)) {
  texts = readCorpusItems(corpus, limit).map((item) => item.text);
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
const spentSince = (pipeline, before) => {
  const after = pipeline.stageTimings();
  return Object.fromEntries(Object.keys(after).filter((k) => !k.startsWith('load:')).map((k) => [k, after[k] - (before[k] ?? 0)]));
};
const rulesBefore = rules.stageTimings();
const modelBefore = model.stageTimings();
// CPU time of each process() call as well: on a machine shared with other work, wall time also counts
// the time the process waited for a core; the CPU time does not.
const cpu = new Map([[rules, 0], [model, 0]]);
const run = (pipeline, text) => {
  const started = process.cpuUsage();
  pipeline.process({ text });
  const spent = process.cpuUsage(started);
  cpu.set(pipeline, cpu.get(pipeline) + (spent.user + spent.system) / 1000);
};
for (let round = 0; round < rounds; round++) {
  texts.forEach((text, i) => {
    const [first, second] = (i + round) % 2 ? [rules, model] : [model, rules];
    run(first, text);
    run(second, text);
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

// ---------------------------------------------------------------- the tagger's parts, timed directly
const tokenizer = await loadTokenizer();
const lexicon = buildOrgLexicon(parseConfig({}));
const shipped = loadOrgTagger();
const docs = texts.map((text) => tokenizedDocument(tokenizer, text));
const parts = { candidates: 0, features: 0, tag: 0, spans: 0 };
for (let round = 0; round < rounds + 1; round++) {
  const measured = round > 0;
  for (const doc of docs) {
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
  }
}
console.log(`\nthe tagger's parts (direct calls on the same tokenized articles):`);
console.log(`  the rules' candidates (both paths): ${per(parts.candidates)}`);
console.log(`  features (groupedFeatures):          ${per(parts.features)}`);
console.log(`  tag (features + sums + Viterbi):     ${per(parts.tag)}, ${((parts.tag - parts.features) / (parts.tag || 1) * 100).toFixed(0)} % of it after the features`);
console.log(`  spans from the tags:                 ${per(Math.max(0, parts.spans))}`);

// ---------------------------------------------------------------- memory and load
docs.length = 0;
const after = used();
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(`\nmodel: ${fresh.model.hashes.length} features, file ${mb(bytes.length)}, arrays and hash table ${mb(modelBytes)}, loaded in ${loadMs.toFixed(0)} ms (target ≤ 300 ms)`);
console.log(`memory the model path added (heap + array buffers after a full GC, the tagger loaded twice here, caches full after ${articles} articles): ${mb(after - before)}; ` +
  `${groupedFeatures(featureInputOf(tokenizedDocument(tokenizer, ''), lexicon)).table.size} surfaces in the feature table (target ≤ 50 MB per worker)`);
