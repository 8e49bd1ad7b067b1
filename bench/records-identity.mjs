#!/usr/bin/env node
// Does a change leave every record as it was? For work that should change speed only.
//   npm run build && node bench/records-identity.mjs --base DIR [--limit N] [--corpus FILE.jsonl] [--show N]
// DIR is another checkout with a built dist/ (e.g. a worktree of main before the change). Both pipelines
// (the default config) process the same texts in one process: the corpus's first N articles (livedoor by
// default, 2,000; `ref` as the publication date), every fixture article (fixtures/articles, read as
// `kiji run` reads them), and every text of the shared eval sets (../shared/eval/*/*.jsonl, with their
// `ref`). Every record is compared whole (all fields, keys sorted), and the article's language and
// failures too; the first differences are printed (the first 20 texts, or --show N), then how many records each side
// has alone and their most frequent texts; the exit code is 1 when any differ.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot } from './lib/corpus.mjs';

const baseDir = option('base', undefined);
const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '2000'));
if (!baseDir || !existsSync(join(baseDir, 'dist/index.js'))) {
  console.error('give --base DIR: a checkout with a built dist/ to compare with (e.g. git worktree add /tmp/kiji-base main && cd /tmp/kiji-base && npm run build)');
  process.exit(2);
}

const inputs = [];
const addJsonl = (path, max = Infinity, tag = path) => {
  readCorpusItems(path, max).forEach((item, i) => {
    if (typeof item.text !== 'string') return;
    inputs.push({ tag: `${tag}#${item.id ?? i}`, text: item.text, ...(typeof item.ref === 'string' ? { publishedAt: item.ref.slice(0, 10) } : {}) });
  });
};
if (existsSync(corpus)) addJsonl(corpus, limit, 'corpus');
else console.log(`(${corpus} not found: no corpus articles)`);
const evalDir = resolve(repoRoot, '../shared/eval');
if (existsSync(evalDir)) {
  for (const set of readdirSync(evalDir).sort()) {
    const dir = join(evalDir, set);
    if (set === 'livedoor-news' || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) addJsonl(join(dir, f), Infinity, `${set}/${f}`);
  }
}
const { readArticleFileSync: readArticleFile } = await import(join(repoRoot, 'dist/text/read-article.js'));
const fixtureDir = join(repoRoot, 'fixtures/articles');
const fixtureFiles = readdirSync(fixtureDir).filter((f) => !f.endsWith('.json')).sort();

const stable = (value) => JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
const build = async (dir) => (await import(join(resolve(dir), 'dist/index.js'))).createPipeline({});
const mine = await build(repoRoot);
const base = await build(baseDir);
const outcome = (pipeline, input) => {
  try {
    const r = pipeline.process(input);
    return { lang: r.lang, records: r.records.map(stable) };
  } catch (error) {
    return { lang: '-', records: [], error: `${error.code ?? ''} ${error.message}` };
  }
};

let compared = 0;
let records = 0;
const differing = [];
const compare = (tag, input) => {
  const a = outcome(base, input);
  const b = outcome(mine, input);
  compared++;
  records += a.records.length;
  const same = a.lang === b.lang && a.error === b.error && a.records.length === b.records.length && a.records.every((r, i) => r === b.records[i]);
  if (!same) {
    const onlyBase = a.records.filter((r) => !b.records.includes(r));
    const onlyMine = b.records.filter((r) => !a.records.includes(r));
    differing.push({ tag, lang: [a.lang, b.lang], error: [a.error, b.error], onlyBase, onlyMine });
  }
};
for (const input of inputs) compare(input.tag, input);
for (const f of fixtureFiles) {
  const article = readArticleFile(join(fixtureDir, f));
  compare(`fixtures/${f}`, { text: article.text, ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}) });
}
console.log(`compared ${compared} texts (${inputs.length} from the corpus and eval sets, ${fixtureFiles.length} fixture articles), ${records} records of the base`);
for (const d of differing.slice(0, Number(option('show', '20')))) {
  console.log(`\n${d.tag}: lang ${d.lang.join(' → ')}${d.error[0] || d.error[1] ? `, error ${d.error.join(' → ')}` : ''}`);
  for (const r of d.onlyBase.slice(0, 5)) console.log(`  - ${r}`);
  for (const r of d.onlyMine.slice(0, 5)) console.log(`  + ${r}`);
  if (!d.onlyBase.length && !d.onlyMine.length) console.log('  (same records, in another order)');
}
if (differing.length) {
  // What changed, by count: the records of each side alone, and their most frequent texts (for an accuracy change).
  const tally = (side) => {
    const counts = new Map();
    for (const d of differing) for (const r of d[side]) {
      const { type, text } = JSON.parse(r);
      counts.set(`${type} ${text}`, (counts.get(`${type} ${text}`) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 15).map(([k, v]) => `${k} ×${v}`);
    return `${total}${top.length ? ` (${top.join(', ')})` : ''}`;
  };
  console.log(`\nrecords of the base alone: ${tally('onlyBase')}\nrecords of this build alone: ${tally('onlyMine')}`);
}
console.log(differing.length ? `\n${differing.length} texts differ` : 'every record identical');
process.exitCode = differing.length ? 1 : 0;
