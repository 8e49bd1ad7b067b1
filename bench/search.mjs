#!/usr/bin/env node
/**
 * Full-text search over a kiji database (issue "What a user sees").
 *
 *   npm run build && node bench/search.mjs [--db FILE] [--corpus ../shared/eval/livedoor-news/articles.jsonl] [--runs 20]
 *
 * Without --db, writes the corpus's articles to a temporary folder as .txt files (first line
 * `公開日:YYYY-MM-DD`, as bench/throughput.mjs does) and builds the database with `kiji run`. Then
 * times, for a few needles, the median of --runs warm runs of: `searchArticles` for the first 20 hits
 * with their passages (what `kiji query --text N --articles --limit 20` and a search page ask), all the
 * matching article ids, and `kiji query --text`'s record query for the first 100 records, for needles of
 * every length (one and two characters go to the gram index, three and more to the trigram index;
 * `--needles a,b` for others). A database without the gram index (`--db` of an older one) is migrated
 * by nothing here: open it once for writing (`kiji run`) first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot, writeCorpusFiles } from './lib/corpus.mjs';

const runs = Number(option('runs', '20'));
let db = option('db', undefined);

if (!db) {
  const corpus = resolve(option('corpus', DEFAULT_CORPUS));
  const items = readCorpusItems(corpus);
  const work = mkdtempSync(join(tmpdir(), 'kiji-search-'));
  writeCorpusFiles(items, join(work, 'articles'));
  db = join(work, 'kiji.sqlite');
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--single-threaded-gc', join(repoRoot, 'dist/bundle/kiji.js'), 'run', join(work, 'articles'), '--db', db, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 2);
  console.log(`built ${db} from ${items.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const { openReader } = await import(join(repoRoot, 'dist/store/open.js'));
const { literalMatch } = await import(join(repoRoot, 'dist/store/sql.js'));
const Database = (await import('better-sqlite3')).default;
const reader = await openReader(db);
const raw = new Database(db, { readonly: true });
const articles = raw.prepare("SELECT COUNT(*) AS n, SUM(length(text)) AS chars FROM articles WHERE status = 'ok'").get();
console.log(`${db}: ${articles.n} articles, ${articles.chars.toLocaleString('en-US')} characters of text, ${(statSync(db).size / 1048576).toFixed(1)} MB`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (work) => {
  await work(); // warm: statements prepared, pages cached
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await work();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), max: Math.max(...ms), result };
};
const { gramMatch } = await import(join(repoRoot, 'dist/store/grams.js'));
const hasGrams = raw.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles_grams'").pluck().get() > 0;
/** The index each length goes to, as the reader chooses it (src/store/read.ts). */
const ids = (needle) => {
  const match = literalMatch(needle);
  if (match) return raw.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').pluck().all(match);
  const grams = hasGrams ? gramMatch(needle) : null;
  if (grams) return raw.prepare('SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?').pluck().all(grams);
  return raw.prepare('SELECT id FROM articles WHERE instr(lower(text), lower(?)) > 0 OR instr(lower(title), lower(?)) > 0').pluck().all(needle, needle);
};
const cell = (t) => `${t.ms.toFixed(1)} (${t.max.toFixed(1)})`.padStart(14);
console.log(`\nmedian (max) of ${runs} runs, ms${hasGrams ? '' : ' (no gram index in this database: one and two characters scan the texts)'}`);
console.log('needle'.padEnd(16), 'chars'.padStart(5), 'articles'.padStart(8), 'first 20'.padStart(14), 'all ids'.padStart(14), '100 records'.padStart(14));
const needles = option('needles', undefined)?.split(',') ?? [
  'の', 'あ', 'ド', '円', '鬱', // one character: the most frequent, a common one, a rare one
  'した', '映画', '東京', 'iP', // two
  'ドコモ', '東京都', '2012年', 'iPhone', 'ソフトバンク', 'スマートフォン', 'no such phrase', // three and more: trigrams
];
for (const needle of needles) {
  const first = await time(() => reader.searchArticles(needle, { limit: 20 }));
  const all = await time(() => ids(needle));
  const records = await time(() => reader.queryMentions({ text: needle, limit: 100 }));
  console.log(needle.padEnd(16), String([...needle].length).padStart(5), String(all.result.length).padStart(8), cell(first), cell(all), cell(records));
}
await reader.close();
raw.close();
