#!/usr/bin/env node
/**
 * Checks that this build's store writes what another build's writes, and that searches over both find the same.
 *
 *   npm run build && node bench/store-identity.mjs --baseline DIR [--db FILE] [--limit 2000] [--needles 400]
 *
 * --baseline: a folder holding another kiji's build (its dist/, e.g. `git archive main | tar -x -C DIR` and
 * `npx tsc -p tsconfig.build.json` there). The articles and records of a kiji database (--db, e.g. one
 * bench/writer.mjs or `kiji run` built; without it `kiji run` builds one from the first --limit livedoor
 * articles), with a few articles of our own (astral characters, Latin in both cases, full-width letters,
 * Greek sigmas), are written with each build's `KijiStore` into a fresh database: all of them 50 a
 * transaction, then every seventh again with a changed text and one record fewer (updates), a batch holding
 * one path twice, and a failure. Then compares every row of `articles` (but `processed_at`), `mentions` and
 * `agreement_parties`, runs FTS5's integrity-check on both full-text indexes, and for --needles substrings of
 * 1–8 characters of the texts (each Latin one also upper-cased), the astral and case needles of our articles,
 * compares with this build's reader (src/store/read.ts) the first 20 articles with their passages, every
 * matching article, and `query --text`'s first 100 records. Prints the writers' CPU time; exit 1 on any
 * difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { option, repoRoot } from './lib/corpus.mjs';
import { sourceDatabase, storedRows } from './lib/stored-rows.mjs';

const baseline = option('baseline', undefined);
if (!baseline) {
  console.error('store-identity: give --baseline DIR, a folder with another build of kiji (its dist/)');
  process.exit(2);
}
const Database = createRequire(import.meta.url)('better-sqlite3');
const work = mkdtempSync(join(tmpdir(), 'kiji-store-identity-'));
const db = sourceDatabase(work);
const rows = storedRows(db);
const OWN = [
  ['𠮷野家の牛丼と😀絵文字、𩸽（ほっけ）定食', '𠮷野家 😀'],
  ['ＮＨＫとｎｈｋ、NHK と nhk、Straße と STRASSE', 'Ｎｈｋ Case'],
  ['ΣΑΣ σας ΣΑΣ: Greek sigmas, İstanbul and istanbul, µm and μm', 'Σίσυφος'],
];
const own = OWN.map(([text, title], i) => ({
  path: `/own/${i}.txt`, contentHash: `own${i}`, bytes: text.length, format: 'txt', encoding: 'utf-8', status: 'ok',
  title, publishedAt: '2026-01-0' + (i + 1), lang: 'ja', chars: text.length, text,
  mentions: [{
    type: 'AGREEMENT', start: 0, end: 3, text: text.slice(0, 3), rule: 'identity', valueJson: '{}', dateValue: null, dateMod: null, dateStart: null, dateEnd: null,
    amountText: null, amountMinor: null, amountMaxText: null, currency: null, moneyMod: null, orgName: null, orgKind: null,
    agreementKind: 'memorandum', agreementRelation: null, agreementKey: `key${i}`, parties: ['日本', `国${i}`],
  }],
}));
const articles = [...rows, ...own];

// ---------------------------------------------------------------- the same writes with each build
const cpuMs = (f) => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
async function writeWith(root, path) {
  const { KijiStore } = await import(join(resolve(root), 'dist/store/store.js'));
  const { gramTokens } = await import(join(resolve(root), 'dist/store/grams.js'));
  const withGrams = (a) => ({ ...a, grams: gramTokens(a.title, a.text) });
  const store = new KijiStore(path);
  store.beginRun({ configHash: 'identity', pipelineVersion: 'identity' });
  const first = articles.map(withGrams);
  const again = articles.filter((_, i) => i % 7 === 3).map((a) => withGrams({ ...a, text: `${a.text}\n追記：Ｋｉｊｉ`, chars: a.chars + 9, mentions: a.mentions.slice(0, -1) }));
  const ms = cpuMs(() => {
    for (let i = 0; i < first.length; i += 50) store.writeArticles(first.slice(i, i + 50));
    for (let i = 0; i < again.length; i += 50) store.writeArticles(again.slice(i, i + 50));
    store.writeArticles([first[1], first[2], withGrams({ ...articles[1], text: '二度目の本文', chars: 6, mentions: [] })]);
    store.recordFailure({ path: articles[5].path, status: 'failed', errorCode: 'E_DECODE', error: 'identity check', contentHash: null, bytes: 1 });
  });
  store.finishRun({ seen: 0, processed: 0, skipped: 0, failed: 0 });
  store.close();
  return ms;
}
const paths = { baseline: join(work, 'baseline.sqlite'), current: join(work, 'current.sqlite') };
const baselineMs = await writeWith(baseline, paths.baseline);
const currentMs = await writeWith(repoRoot, paths.current);
console.log(`${articles.length} articles written by each build: baseline ${Math.round(baselineMs)} ms, this build ${Math.round(currentMs)} ms of CPU`);

// ---------------------------------------------------------------- the rows
let differences = 0;
const differ = (what, a, b) => {
  if (++differences <= 10) console.log(`DIFFERENT ${what}:\n  baseline ${JSON.stringify(a)?.slice(0, 300)}\n  current  ${JSON.stringify(b)?.slice(0, 300)}`);
};
const dbs = { baseline: new Database(paths.baseline, { readonly: true }), current: new Database(paths.current, { readonly: true }) };
const TABLES = {
  articles: 'SELECT id, path, content_hash, bytes, format, encoding, title, published_at, lang, chars, text, status, error_code, error, pipeline_version, config_hash, run_id, file_stat FROM articles ORDER BY id',
  mentions: 'SELECT * FROM mentions ORDER BY id',
  agreement_parties: 'SELECT * FROM agreement_parties ORDER BY mention_id, position',
};
for (const [table, sql] of Object.entries(TABLES)) {
  const a = dbs.baseline.prepare(sql).raw().all();
  const b = dbs.current.prepare(sql).raw().all();
  if (a.length !== b.length) differ(`${table}: row count`, a.length, b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (JSON.stringify(a[i], (_, v) => (typeof v === 'bigint' ? String(v) : v)) !== JSON.stringify(b[i], (_, v) => (typeof v === 'bigint' ? String(v) : v))) differ(`${table} row ${i}`, a[i], b[i]);
  console.log(`${table}: ${a.length} rows`);
}
for (const [name, d] of Object.entries(dbs)) {
  d.close();
  const w = new Database(paths[name]);
  for (const index of ['articles_fts', 'articles_grams']) {
    try {
      w.exec(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`);
    } catch (error) {
      differ(`${name} ${index} integrity-check`, 'ok', error.message);
    }
  }
  w.close();
}

// ---------------------------------------------------------------- the searches
const texts = articles.map((a) => [...a.text]);
let seed = 19;
const random = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const needles = new Set(['𠮷', '😀', '𠮷野', '𠮷野家', '😀絵文字', 'ｎｈｋ', 'ＮＨＫ', 'Ｎｈｋ', 'nhk', 'NHK', 'strasse', 'STRASSE', 'straße', 'ΣΑΣ', 'σας', 'σασ', 'İstanbul', 'ISTANBUL', 'µm', 'μm', 'ＫＩＪＩ', '追記：ｋｉ', 'no such phrase']);
const count = Number(option('needles', '400'));
while (needles.size < count + 23) {
  const chars = texts[random(texts.length)];
  const length = 1 + random(8);
  if (chars.length < length) continue;
  const at = random(chars.length - length + 1);
  const needle = chars.slice(at, at + length).join('');
  if (!needle.trim()) continue;
  needles.add(needle);
  if (/[A-Za-z]/.test(needle)) needles.add(needle.toUpperCase());
}
const { openReader } = await import(join(repoRoot, 'dist/store/open.js'));
const readers = { baseline: await openReader(paths.baseline), current: await openReader(paths.current) };
const ask = async (reader, needle) => [
  await reader.searchArticles(needle, { limit: 20 }),
  (await reader.searchArticles(needle)).map((hit) => hit.id),
  (await reader.queryMentions({ text: needle, limit: 100 })).map((record) => record.id),
];
let found = 0;
for (const needle of needles) {
  const a = await ask(readers.baseline, needle);
  const b = await ask(readers.current, needle);
  if (JSON.stringify(a) !== JSON.stringify(b)) differ(`search ${JSON.stringify(needle)}`, a, b);
  if (a[1].length > 0) found++;
}
await readers.baseline.close();
await readers.current.close();
console.log(`${needles.size} needles (1–8 characters), ${found} found in some article: first 20 with passages, all ids and the first 100 records compared`);
rmSync(work, { recursive: true, force: true });
console.log(differences === 0 ? 'identical' : `${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
