#!/usr/bin/env node
// The organisation tagger against the rules: ORG lenient F1 on the dev sets (score.mjs), the most frequent
// ORG names over livedoor articles, and the tagger's cost per article (stage times) and memory.
//   npm run build && node bench/orgs.mjs [--livedoor N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPipeline } from '../dist/index.js';

const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(import.meta.dirname, '../../shared/eval');
const args = process.argv.slice(2);
const livedoorCount = Number(args[args.indexOf('--livedoor') + 1] ?? 300) || 300;
const work = mkdtempSync(join(tmpdir(), 'kiji-bench-orgs-'));

const lines = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());

function score(pipeline, file) {
  const docs = lines(join(evalDir, file)).map((l) => JSON.parse(l));
  const gold = join(work, 'gold.jsonl');
  const pred = join(work, 'pred.jsonl');
  writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(pred, docs.map((d) => JSON.stringify({ id: d.id, spans: pipeline.process({ id: d.id, text: d.text, ...(d.ref ? { publishedAt: d.ref } : {}) }).records.filter((r) => r.type === 'ORG') })).join('\n') + '\n');
  const report = JSON.parse(execFileSync('node', [join(evalDir, 'score.mjs'), gold, pred, '--json', '--types', 'ORG'], { encoding: 'utf8' }));
  const row = report.rows.find((r) => r.type === 'ORG');
  return `P ${(row.lenientP * 100).toFixed(1)} R ${(row.lenientR * 100).toFixed(1)} F1 ${(row.lenientF1 * 100).toFixed(1)}`;
}

const rules = await createPipeline({ orgs: { model: false } });
const model = await createPipeline({ orgs: { model: true } });
console.log('ORG lenient (score.mjs), rules → model');
for (const file of ['stockmark-ner-wikipedia/dev.jsonl', 'ud-japanese-gsd-ne/dev.jsonl', 'gov-press/dev.jsonl']) {
  console.log(`  ${file.padEnd(36)} ${score(rules, file)}  →  ${score(model, file)}`);
}

// livedoor: the first N articles (ordered by id), most frequent ORG names and the tagger's share of the time.
const articles = lines(join(evalDir, 'livedoor-news/articles.jsonl')).map((l) => JSON.parse(l)).sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, livedoorCount);
for (const [label, pipeline] of [['rules', rules], ['model', model]]) {
  const before = pipeline.stageTimings();
  const counts = new Map();
  for (const a of articles) {
    for (const r of pipeline.process({ id: a.id, text: a.text }).records) if (r.type === 'ORG') counts.set(r.value.name, (counts.get(r.value.name) ?? 0) + 1);
  }
  const after = pipeline.stageTimings();
  const spent = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
  const total = Object.values(spent).reduce((a, b) => a + b, 0);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 50);
  console.log(`\nlivedoor, first ${articles.length} articles, ${label}: orgs stage ${spent.orgs.toFixed(0)} ms of ${total.toFixed(0)} ms (${((spent.orgs / total) * 100).toFixed(1)} %), ${(spent.orgs / articles.length).toFixed(2)} ms per article`);
  console.log('  top 50 ORG names: ' + top.map(([n, c]) => `${n} ${c}`).join(', '));
}

// Memory: the loaded model's arrays (what a worker holds beyond the rules).
const { loadOrgTagger } = await import('../dist/stages/orgs/model/tagger.js');
const tagger = loadOrgTagger();
const bytes = tagger.model.hashes.byteLength + tagger.model.weights.byteLength + tagger.model.transitions.byteLength + 4 * (1 << Math.ceil(Math.log2(Math.max(1024, tagger.model.hashes.length * 2))));
console.log(`\nmodel in memory: ${(bytes / 1024 / 1024).toFixed(1)} MB (${tagger.model.hashes.length} features)`);
const started = performance.now();
const { OrgTagger } = await import('../dist/stages/orgs/model/tagger.js');
const { decodeModel } = await import('../dist/stages/orgs/model/file.js');
const { SHIPPED_MODEL } = await import('../dist/stages/orgs/model/tagger.js');
new OrgTagger(decodeModel(readFileSync(SHIPPED_MODEL), SHIPPED_MODEL));
console.log(`model load: ${(performance.now() - started).toFixed(0)} ms`);
