/**
 * What bench/writer.mjs and bench/store-identity.mjs write: the articles and records of a kiji database read
 * back as the rows a run's workers send the writer (src/store/rows.ts), from --db or from a database that
 * `kiji run` builds out of the first --limit articles of the corpus.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot, writeCorpusFiles } from './corpus.mjs';

const Database = createRequire(import.meta.url)('better-sqlite3');

/** --db, or a database `kiji run` builds in `work` from the first --limit (default 2,000) corpus articles. */
export function sourceDatabase(work) {
  const db = option('db', undefined);
  if (db) return db;
  const items = readCorpusItems(resolve(option('corpus', DEFAULT_CORPUS)), Number(option('limit', '2000')));
  writeCorpusFiles(items, join(work, 'articles'));
  const built = join(work, 'source.sqlite');
  const run = spawnSync(process.execPath, ['--single-threaded-gc', join(repoRoot, 'dist/bundle/kiji.js'), 'run', join(work, 'articles'), '--db', built, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 2);
  return built;
}

/** The processed articles of a kiji database with their records, as OkArticle rows (without gram tokens). */
export function storedRows(db) {
  const source = new Database(db, { readonly: true });
  const mentionsOf = source.prepare('SELECT * FROM mentions WHERE article_id = ? ORDER BY id');
  const partiesOf = source.prepare('SELECT party FROM agreement_parties WHERE mention_id = ? ORDER BY position').pluck();
  const rows = source.prepare("SELECT * FROM articles WHERE status = 'ok' ORDER BY id").all().map((a) => ({
    path: a.path, contentHash: a.content_hash, bytes: a.bytes, format: a.format, encoding: a.encoding, status: 'ok',
    title: a.title, publishedAt: a.published_at, lang: a.lang, chars: a.chars, text: a.text,
    mentions: mentionsOf.all(a.id).map((m) => ({
      type: m.type, start: m.start, end: m.end, text: m.text, rule: m.rule, valueJson: m.value_json,
      dateValue: m.date_value, dateMod: m.date_mod, dateStart: m.date_start, dateEnd: m.date_end,
      amountText: m.amount_text, amountMinor: m.amount_minor == null ? null : BigInt(m.amount_minor), amountMaxText: m.amount_max_text,
      currency: m.currency, moneyMod: m.money_mod, orgName: m.org_name, orgKind: m.org_kind,
      agreementKind: m.agreement_kind, agreementRelation: m.agreement_relation, agreementKey: m.agreement_key, parties: partiesOf.all(m.id),
    })),
  }));
  source.close();
  return rows;
}
