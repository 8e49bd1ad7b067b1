#!/usr/bin/env node
// What extraction costs next to tokenizing (issue #19 part 3: every stage but the tokenizer and the
// organisation tagger ≤ 30 % of the tokenizer's time), measured in one run so that the ratio holds on a
// busy machine:
//   npm run build && npm run bench:extract-cost [-- --limit N] [--corpus FILE.jsonl] [--rounds R] [--base DIR]
// One pipeline (the default config) takes the corpus's first N articles (livedoor by default, as
// bench:throughput takes them, with `ref` as the publication date) after a warm-up on the first 50;
// `pipeline.stageTimings()` gives each stage's time, normalize and resolve+check included, printed per
// 2,000 articles and as a ratio to the tokenize stage of the same run. "extraction" is everything but
// tokenize and orgs (orgs is the tagger's, measured by bench:orgs-cost).
// CPU time too (process.cpuUsage around each stage's run and each process() call; on a machine shared with
// other work, wall time also counts the time the process waited for a core): normalize, resolve+check and the
// rest of process() outside the stages are one remainder there.
// --base DIR: a second pipeline built from another checkout's dist/ (e.g. one built from main before a
// change) takes the same articles in turn, each article to one and then the other, the order alternating,
// so load from other work falls on both alike; its stage times and ratios are printed beside.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '2000'));
const rounds = Number(option('rounds', '1'));
const baseDir = option('base', undefined);
if (!existsSync(join(repoRoot, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
if (!existsSync(corpus)) {
  console.error(`${corpus} not found: give --corpus FILE.jsonl (lines of {"text", "ref"?})`);
  process.exit(1);
}
const items = readCorpusItems(corpus, limit);
const chars = items.reduce((n, item) => n + item.text.length, 0);
const articles = items.map((item) => ({ text: item.text, ...(typeof item.ref === 'string' ? { publishedAt: item.ref.slice(0, 10) } : {}) }));

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** A pipeline of `dir`'s stages, each run wrapped to add its CPU time to `cpu[name]`. */
const build = async (dir, cpu) => {
  const { createPipeline } = await import(join(resolve(dir), 'dist/index.js'));
  const { STAGES } = await import(join(resolve(dir), 'dist/stages/index.js'));
  const timedStages = STAGES.map((stage) => ({
    ...stage,
    build: async (config) => {
      const built = await stage.build(config);
      const run = (doc) => {
        const started = cpuNow();
        try {
          return built.run(doc);
        } finally {
          cpu[stage.name] = (cpu[stage.name] ?? 0) + cpuNow() - started;
        }
      };
      return { ...built, run };
    },
  }));
  return createPipeline({}, timedStages);
};
const runs = [{ name: 'this tree', dir: repoRoot }];
if (baseDir) runs.push({ name: `base (${baseDir})`, dir: baseDir });
for (const r of runs) {
  r.cpu = {};
  r.pipeline = await build(r.dir, r.cpu);
  for (const article of articles.slice(0, 50)) r.pipeline.process(article);
}
const before = runs.map(({ pipeline }) => pipeline.stageTimings());
const cpuBefore = runs.map(({ cpu }) => ({ ...cpu }));
const processCpu = runs.map(() => 0);
for (let round = 0; round < rounds; round++) {
  articles.forEach((article, i) => {
    const order = (i + round) % 2 ? [...runs].reverse() : runs;
    for (const r of order) {
      const started = cpuNow();
      r.pipeline.process(article);
      processCpu[runs.indexOf(r)] += cpuNow() - started;
    }
  });
}
const cpuSpent = runs.map(({ cpu }, r) => {
  const stages = Object.fromEntries(Object.keys(cpu).map((k) => [k, cpu[k] - (cpuBefore[r][k] ?? 0)]));
  stages['outside stages'] = processCpu[r] - Object.values(stages).reduce((a, b) => a + b, 0);
  return stages;
});
const spent = runs.map(({ pipeline }, r) => {
  const after = pipeline.stageTimings();
  return Object.fromEntries(Object.keys(after).filter((k) => !k.startsWith('load:')).map((k) => [k, after[k] - (before[r][k] ?? 0)]));
});

const per2000 = (ms) => (ms / (articles.length * rounds)) * 2000;
const fmt = (ms) => `${per2000(ms).toFixed(0).padStart(7)} ms`;
const ratio = (ms, t) => `${(ms / t).toFixed(3).padStart(6)} ×`;
const names = [...new Set(spent.flatMap((s) => Object.keys(s)))];
const extraction = (s) => Object.entries(s).filter(([k]) => k !== 'tokenize' && k !== 'orgs').reduce((a, [, v]) => a + v, 0);
console.log(`corpus: ${corpus}, ${articles.length} articles × ${rounds} round(s), ${chars.toLocaleString('en-US')} characters; node ${process.version}`);
console.log(`stage time per 2,000 articles and as a ratio to the tokenize stage of the same pipeline:\n`);
console.log(`${'stage'.padEnd(16)}${runs.map((r) => r.name.slice(0, 30).padStart(32)).join('')}`);
const line = (label, pick) => console.log(`${label.padEnd(16)}${spent.map((s) => `${fmt(pick(s))} ${ratio(pick(s), s.tokenize)}`.padStart(32)).join('')}`);
for (const name of names) line(name, (s) => s[name] ?? 0);
line('extraction', extraction);
line('all stages', (s) => Object.values(s).reduce((a, b) => a + b, 0));
console.log(`\nextraction = every stage but tokenize and orgs (target ≤ 0.30 × tokenize): ${spent.map((s, r) => `${runs[r].name} ${(extraction(s) / s.tokenize).toFixed(3)} ×`).join(', ')}`);
if (runs.length === 2) console.log(`this tree's extraction time ÷ the base's: ${(extraction(spent[0]) / extraction(spent[1])).toFixed(3)}`);

console.log(`\nCPU time per 2,000 articles and as a ratio to the tokenize stage's CPU time ("outside stages": normalize, resolve+check, language detection …):\n`);
console.log(`${'stage'.padEnd(16)}${runs.map((r) => r.name.slice(0, 30).padStart(32)).join('')}`);
const cpuLine = (label, pick) => console.log(`${label.padEnd(16)}${cpuSpent.map((s) => `${fmt(pick(s))} ${ratio(pick(s), s.tokenize)}`.padStart(32)).join('')}`);
for (const name of [...new Set(cpuSpent.flatMap((s) => Object.keys(s)))]) cpuLine(name, (s) => s[name] ?? 0);
cpuLine('extraction', extraction);
console.log(`\nextraction in CPU time: ${cpuSpent.map((s, r) => `${runs[r].name} ${(extraction(s) / s.tokenize).toFixed(3)} ×`).join(', ')}`);
if (runs.length === 2) console.log(`this tree's extraction CPU time ÷ the base's: ${(extraction(cpuSpent[0]) / extraction(cpuSpent[1])).toFixed(3)}`);
