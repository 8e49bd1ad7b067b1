#!/usr/bin/env node
/**
 * What the writer thread of `kiji run` spends, and on what (issue #19: "the writer is never the bottleneck").
 *
 *   npm run build && node bench/writer.mjs [--db FILE] [--limit 2000] [--batch 50] [--repeat 3]
 *
 * Reads the articles and records of a kiji database back as the rows a run's workers send the writer
 * (--db: any kiji database, e.g. one `npm run bench:throughput -- --keep` or bench/search.mjs built;
 * without it, `kiji run` builds one from the first --limit articles of the livedoor corpus), then writes
 * them with `KijiStore.writeArticles` into fresh databases, --batch articles a transaction, on this one
 * thread, and prints the CPU time (user + system, the minimum of --repeat rounds: the machine is shared)
 * of each way of writing:
 *   (w0) the writer also computes the gram tokens (as it did before the workers computed them);
 *   (w1) the gram tokens come with the rows, computed by the workers, as a run does now: the writer inserts;
 * and what each index costs the writer, (w1) without it: the trigram index (its triggers dropped), the gram
 * index (its rows ignored), both (the article rows and records with their B-tree indexes only).
 * To compare with another kiji, run this script from a build of it (this folder copied beside its dist/):
 * it writes with whatever store and gram code that dist/ has.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { option, repoRoot } from './lib/corpus.mjs';
import { sourceDatabase, storedRows } from './lib/stored-rows.mjs';

const { KijiStore } = await import(join(repoRoot, 'dist/store/store.js'));
const { gramTokens } = await import(join(repoRoot, 'dist/store/grams.js'));
const batchSize = Number(option('batch', '50'));
const repeat = Number(option('repeat', '3'));
const work = mkdtempSync(join(tmpdir(), 'kiji-writer-'));
const db = sourceDatabase(work);
const articles = storedRows(db);
const chars = articles.reduce((n, a) => n + a.chars, 0);
const records = articles.reduce((n, a) => n + a.mentions.length, 0);
const withGrams = articles.map((a) => ({ ...a, grams: gramTokens(a.title, a.text) }));

const cpuMs = (work) => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
/** The minimum CPU time of `repeat` rounds of writing `rows` into a fresh database that `change` altered first. */
function writeCost(rows, change) {
  let best = Infinity;
  for (let round = 0; round < repeat; round++) {
    const path = join(work, `w${round}.sqlite`);
    rmSync(path, { force: true });
    let store = new KijiStore(path);
    if (change) {
      change(store.db);
      store.close();
      store = new KijiStore(path); // its statements prepared against the changed tables
    }
    store.beginRun({ configHash: 'bench', pipelineVersion: 'bench' });
    best = Math.min(best, cpuMs(() => {
      for (let i = 0; i < rows.length; i += batchSize) store.writeArticles(rows.slice(i, i + batchSize));
    }));
    store.close();
    rmSync(path, { force: true });
  }
  return best;
}
const noTrigrams = (d) => d.exec('DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_update;');
const noGrams = (d) => d.exec('DROP TABLE articles_grams; CREATE TABLE articles_grams (grams TEXT); CREATE TRIGGER articles_grams_ignored BEFORE INSERT ON articles_grams BEGIN SELECT RAISE(IGNORE); END;');

const tokensMs = cpuMs(() => {
  for (const a of articles) gramTokens(a.title, a.text);
});
const w0 = writeCost(articles);
const w1 = writeCost(withGrams);
const w1NoTrigrams = writeCost(withGrams, noTrigrams);
const w1NoGrams = writeCost(withGrams, noGrams);
const w1Neither = writeCost(withGrams, (d) => {
  noTrigrams(d);
  noGrams(d);
});

const per = (ms) => `${((1000 * ms) / articles.length).toFixed(0).padStart(5)} µs/article`;
const row = (label, ms, extra = '') => console.log(`${label.padEnd(52)} ${Math.round(ms).toLocaleString('en-US').padStart(7)} ms ${per(ms)}${extra}`);
console.log(`${db}: ${articles.length} articles, ${chars.toLocaleString('en-US')} characters, ${records.toLocaleString('en-US')} records; ${batchSize} a transaction; CPU time, the least of ${repeat} rounds`);
row('(w0) the writer also computes the gram tokens', w0);
row('(w1) the workers computed them: the writer inserts', w1, `   (w1)/(w0) = ${(w1 / w0).toFixed(2)}`);
row('     the gram tokens alone (now in the workers)', tokensMs);
row('     (w1) without the trigram index', w1NoTrigrams, `   ⇒ trigram index ${Math.round(w1 - w1NoTrigrams)} ms, ${((100 * (w1 - w1NoTrigrams)) / w1).toFixed(0)} % of (w1)`);
row('     (w1) without the gram index', w1NoGrams, `   ⇒ gram index ${Math.round(w1 - w1NoGrams)} ms, ${((100 * (w1 - w1NoGrams)) / w1).toFixed(0)} % of (w1)`);
row('     (w1) without either: rows, records, B-tree indexes', w1Neither, `   ${((100 * w1Neither) / w1).toFixed(0)} % of (w1)`);
rmSync(work, { recursive: true, force: true });
