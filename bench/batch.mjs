#!/usr/bin/env node
// What processing articles stage by stage gains over one article after another, in one process:
//   npm run build && npm run bench:batch [-- --limit 2000] [--sizes 4,16,64] [--rounds 3]
// One pipeline takes the corpus's first `limit` articles with `process()` (each article through every stage in turn)
// and with `processBatch()` in batches of each size (each stage over the whole batch before the next), the rounds
// alternating which goes first, so the machine's load falls on all alike. Prints wall and CPU time per article, the
// ratio of each batch size to `process()`, and the stage times of each way; the records must be the same (checked:
// exit code 1 otherwise). The corpus defaults to ../shared/eval/livedoor-news/articles.jsonl; without it, the Japanese
// fixture articles, repeated.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '2000'));
const sizes = option('sizes', '4,16,64').split(',').map(Number);
const rounds = Number(option('rounds', '3'));
if (!existsSync(join(repoRoot, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
let inputs;
if (existsSync(corpus)) {
  inputs = readCorpusItems(corpus, limit).map((item) => ({ text: item.text, ...(item.ref ? { publishedAt: item.ref } : {}) }));
  console.log(`corpus: ${corpus}, ${inputs.length} articles`);
} else {
  const dir = join(repoRoot, 'fixtures/articles');
  const own = readdirSync(dir).filter((f) => f.startsWith('ja-') && f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  inputs = Array.from({ length: Math.min(limit, own.length * 20) }, (_, i) => ({ text: own[i % own.length] }));
  console.log(`corpus: ${corpus} not found; the ${own.length} Japanese fixture articles, repeated (${inputs.length} articles)`);
}

const { createPipeline } = await import(join(repoRoot, 'dist/index.js'));
const pipeline = await createPipeline({});
const ways = [{ name: 'process()', size: 1 }, ...sizes.map((size) => ({ name: `processBatch(${size})`, size }))];
const fingerprint = (results) => results.map((r) => JSON.stringify(r.records)).join('\n');
/** Runs every input one way; returns wall and CPU ms, the stage times it added and what it gave. */
function runWay(way) {
  const before = pipeline.stageTimings();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = [];
  if (way.size === 1) for (const input of inputs) results.push(pipeline.process(input));
  else {
    for (let i = 0; i < inputs.length; i += way.size) {
      for (const outcome of pipeline.processBatch(inputs.slice(i, i + way.size))) {
        if (!outcome.ok) throw outcome.error;
        results.push(outcome.result);
      }
    }
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = pipeline.stageTimings();
  const stages = Object.fromEntries(Object.keys(after).filter((k) => !k.startsWith('load:')).map((k) => [k, after[k] - (before[k] ?? 0)]));
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, stages, results };
}

// Warm-up: every way once on the first 200 articles' worth (compiles the code for all of them).
const all = inputs;
inputs = all.slice(0, Math.min(200, all.length));
for (const way of ways) runWay(way);
inputs = all;

const totals = new Map(ways.map((w) => [w.name, { wallMs: 0, cpuMs: 0, stages: {} }]));
let expected;
let same = true;
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ways : [...ways].reverse();
  for (const way of order) {
    const r = runWay(way);
    const t = totals.get(way.name);
    t.wallMs += r.wallMs;
    t.cpuMs += r.cpuMs;
    for (const [k, v] of Object.entries(r.stages)) t.stages[k] = (t.stages[k] ?? 0) + v;
    const f = fingerprint(r.results);
    if (expected === undefined) expected = f;
    else if (f !== expected) same = false;
  }
}
const per = (ms) => ((1000 * ms) / rounds / inputs.length).toFixed(0);
const base = totals.get('process()');
console.log(`\n${rounds} rounds, order alternating; µs per article (wall / CPU), and × process():`);
for (const way of ways) {
  const t = totals.get(way.name);
  console.log(`  ${way.name.padEnd(18)} ${per(t.wallMs).padStart(6)} / ${per(t.cpuMs).padStart(6)} µs   ${(t.wallMs / base.wallMs).toFixed(3)} / ${(t.cpuMs / base.cpuMs).toFixed(3)} ×`);
}
console.log('\nstage times, µs per article (wall):');
const names = Object.keys(base.stages);
console.log(`  ${'stage'.padEnd(16)}${ways.map((w) => w.name.padStart(19)).join('')}`);
for (const k of names) console.log(`  ${k.padEnd(16)}${ways.map((w) => per(totals.get(w.name).stages[k] ?? 0).padStart(19)).join('')}`);
console.log(same ? '\nrecords: the same for every way' : '\nrecords DIFFER between the ways');
process.exit(same ? 0 : 1);
