import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KijiRecord } from '../../src/schema/records.js';
import { KijiError } from '../../src/core/errors.js';
import { acquireRunLock, lockPathFor } from '../../src/store/lock.js';
import { StoreReader } from '../../src/store/read.js';
import { sqliteConnection } from '../../src/store/sqlite-connection.js';
import { amountInMinorUnits, mentionRow, type OkArticle } from '../../src/store/rows.js';
import { gramMatch, gramTokens } from '../../src/store/grams.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore, type KijiStore } from '../../src/store/store.js';

let dir: string;
let store: KijiStore;
/** The read side on the store's own connection. */
const read = () => new StoreReader(sqliteConnection(store.db));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiji-store-'));
  store = openStore(join(dir, 'kiji.sqlite'));
  store.beginRun({ configHash: 'c1', pipelineVersion: 'v1' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const date = (text: string, start: number, value: string): KijiRecord => ({
  type: 'DATE', start, end: start + text.length, text, rule: 'test.date', value, kind: 'point', startDate: value, endDate: value, stated: ['year', 'month', 'day'], implied: [],
});
const money = (text: string, start: number, amountText: string, currency = 'JPY'): KijiRecord => ({
  type: 'MONEY', start, end: start + text.length, text, rule: 'test.money', value: { amount: Number(amountText), amountText, currency },
});
const org = (text: string, start: number, name = text): KijiRecord => ({
  type: 'ORG', start, end: start + text.length, text, rule: 'test.org', value: { name, kind: 'government' },
});
const agreement = (text: string, start: number, parties: string[], when?: string): KijiRecord => ({
  type: 'AGREEMENT', start, end: start + text.length, text, rule: 'test.agreement', value: { kind: 'memorandum', parties, ...(when ? { date: when } : {}) },
});

const article = (path: string, records: KijiRecord[]): OkArticle => ({
  path, status: 'ok', contentHash: `hash-${path}`, bytes: 100, format: 'text', encoding: 'utf-8', title: 't', publishedAt: '2025-11-04', lang: 'ja', chars: 50, text: `text of ${path}`,
  mentions: records.map(mentionRow),
});

describe('schema and migrations', () => {
  it('migrates an empty database to the newest version with WAL and foreign keys on', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['agreement_parties', 'articles', 'mentions', 'runs']));
  });

  it('re-opens a migrated database without migrating again, and refuses a newer schema', () => {
    store.close();
    store = openStore(join(dir, 'kiji.sqlite'));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    expect(() => openStore(join(dir, 'kiji.sqlite'))).toThrow(/newer than this kiji knows/);
    const raw = new Database(join(dir, 'kiji.sqlite'));
    raw.pragma(`user_version = ${SCHEMA_VERSION}`);
    raw.close();
    store = openStore(join(dir, 'kiji.sqlite'));
  });

  it('fails with E_DB when the database cannot be opened', () => {
    writeFileSync(join(dir, 'not-a-db.sqlite'), 'this is not a database, just text that is long enough to fill a header page');
    expect(() => openStore(join(dir, 'not-a-db.sqlite'))).toThrow(KijiError);
  });
});

describe('writing articles', () => {
  it('replaces an article\'s mentions when it is written again', async () => {
    store.writeArticles([article('/a.txt', [date('2025年11月2日', 0, '2025-11-02'), money('5億円', 20, '500000000'), org('防衛省', 30)])]);
    expect((await read().mentionsOfArticle('/a.txt'))).toHaveLength(3);
    store.writeArticles([article('/a.txt', [org('外務省', 5)])]);
    const mentions = (await read().mentionsOfArticle('/a.txt'));
    expect(mentions.map((m) => m.text)).toEqual(['外務省']);
    expect(store.db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(1);
  });

  it('writes a batch in one transaction: a failing article rolls back the whole batch, old mentions stay', async () => {
    store.writeArticles([article('/a.txt', [org('防衛省', 0), org('外務省', 10)])]);
    const broken = article('/b.txt', [org('財務省', 0)]);
    broken.mentions[0]!.type = 'PERSON' as never; // violates the CHECK constraint
    expect(() => store.writeArticles([article('/a.txt', [org('内閣府', 0)]), broken])).toThrow();
    expect((await read().mentionsOfArticle('/a.txt')).map((m) => m.text)).toEqual(['防衛省', '外務省']);
    expect(store.db.prepare("SELECT COUNT(*) FROM articles WHERE path = '/b.txt'").pluck().get()).toBe(0);
  });

  it('records a failure with code and reason and drops the mentions the article had', async () => {
    store.writeArticles([article('/a.txt', [org('防衛省', 0)])]);
    store.recordFailure({ path: '/a.txt', status: 'failed', errorCode: 'E_DECODE', error: 'invalid UTF-8 at byte 6 (0xff)', contentHash: null, bytes: 9 });
    expect((await read().mentionsOfArticle('/a.txt'))).toEqual([]);
    expect((await read().countsByStatus())).toEqual([{ status: 'failed', errorCode: 'E_DECODE', articles: 1 }]);
    expect(store.lookup('/a.txt')).toMatchObject({ status: 'failed', pipelineVersion: 'v1', configHash: 'c1' });
  });

  it('keeps amounts exact: 9007199254740993 survives as amount_text and as the 64-bit amount_minor', async () => {
    store.writeArticles([article('/m.txt', [money('9007199254740993円', 0, '9007199254740993'), money('12.34ドル', 30, '12.34', 'USD')])]);
    const row = store.db.prepare("SELECT amount_text, amount_minor, typeof(amount_minor) AS t FROM mentions WHERE currency = 'JPY'").safeIntegers(true).get() as { amount_text: string; amount_minor: bigint; t: string };
    expect(row.amount_text).toBe('9007199254740993');
    expect(row.amount_minor).toBe(9007199254740993n);
    expect(row.t).toBe('integer');
    // Exact in SQL too: comparing with the integer literal, not a float.
    expect(store.db.prepare('SELECT COUNT(*) FROM mentions WHERE amount_minor = 9007199254740993').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) FROM mentions WHERE amount_minor = 9007199254740992').pluck().get()).toBe(0);
    const mentions = (await read().mentionsOfArticle('/m.txt'));
    expect(mentions.map((m) => m.amountMinor)).toEqual([9007199254740993n, 1234n]);
  });

  it('agreements with date and parties come back in one query', async () => {
    store.writeArticles([
      article('/x.txt', [agreement('了解覚書', 0, ['日本', 'ベトナム'], '2025-11-02'), org('防衛省', 10)]),
      article('/y.txt', [agreement('共同声明', 0, ['フィリピン'])]),
    ]);
    const all = (await read().queryMentions({ types: ['AGREEMENT'] }));
    expect(all).toEqual([
      expect.objectContaining({ path: '/x.txt', text: '了解覚書', agreementKind: 'memorandum', dateValue: '2025-11-02', dateStart: '2025-11-02', dateEnd: '2025-11-02', parties: ['日本', 'ベトナム'] }),
      expect.objectContaining({ path: '/y.txt', text: '共同声明', dateValue: null, dateStart: null, parties: ['フィリピン'] }),
    ]);
    expect((await read().queryMentions({ types: ['AGREEMENT'], org: 'ベトナム' })).map((a) => a.path)).toEqual(['/x.txt']);
    // Parties go with their mention when the article is replaced.
    store.writeArticles([article('/x.txt', [])]);
    expect(store.db.prepare('SELECT COUNT(*) FROM agreement_parties').pluck().get()).toBe(1);
  });

  it('an agreement\'s date is stored as a DATE\'s is, so a period finds weeks, fiscal years and ranges by the days they cover', async () => {
    store.writeArticles([
      article('/week.txt', [agreement('協定A', 0, ['日本'], '2021-W30')]),
      article('/fy.txt', [agreement('協定B', 0, ['日本'], 'FY2021')]),
      article('/range.txt', [agreement('協定C', 0, ['日本'], '2019/2021')]),
      article('/day.txt', [agreement('協定D', 0, ['日本'], '2021-06-30')]),
      article('/unknown.txt', [agreement('協定E', 0, ['日本'], 'XXXX-07-10')]), // days unknown: the article's date (2025-11-04)
      article('/dates.txt', [date('2021年7月29日', 0, '2021-07-29')]),
    ]);
    const stored = store.db.prepare("SELECT date_value AS value, date_start AS start, date_end AS end FROM mentions WHERE type = 'AGREEMENT' ORDER BY date_value").all();
    expect(stored).toEqual([
      { value: '2019/2021', start: '2019-01-01', end: '2021-12-31' },
      { value: '2021-06-30', start: '2021-06-30', end: '2021-06-30' },
      { value: '2021-W30', start: '2021-07-26', end: '2021-08-01' },
      { value: 'FY2021', start: '2021-04-01', end: '2022-03-31' },
      { value: 'XXXX-07-10', start: null, end: null },
    ]);
    const inJuly = await read().queryMentions({ from: '2021-07-01', to: '2021-07-31' });
    expect(inJuly.map((r) => r.path).sort()).toEqual(['/dates.txt', '/fy.txt', '/range.txt', '/week.txt']);
    expect((await read().queryMentions({ from: '2022-02-01', to: '2022-02-28' })).map((r) => r.path)).toEqual(['/fy.txt']);
    expect((await read().queryMentions({ types: ['AGREEMENT'], from: '2025-11-01' })).map((r) => r.path)).toEqual(['/unknown.txt']);
    // The record itself keeps the zod schema's shape: the date is the value's `date`, no days added.
    expect(inJuly.find((r) => r.path === '/week.txt')!.record).toEqual(agreement('協定A', 0, ['日本'], '2021-W30'));
  });

  it('migrating a schema-5 database moves an agreement\'s date into the date columns, with its days', () => {
    const path = join(dir, 'schema5.sqlite');
    const old = new Database(path);
    for (const [i, migration] of MIGRATIONS.slice(0, 5).entries()) {
      if (typeof migration.sqlite === 'string') old.exec(migration.sqlite);
      else migration.sqlite(old);
      old.pragma(`user_version = ${i + 1}`);
    }
    old.exec(`INSERT INTO articles (path, status, pipeline_version, config_hash, processed_at, published_at) VALUES ('/old.txt', 'ok', 'v', 'c', 't', '2025-11-04');
      INSERT INTO mentions (article_id, type, start, "end", text, rule, value_json, agreement_kind, agreement_date, agreement_key)
        VALUES (1, 'AGREEMENT', 0, 4, '了解覚書', 'r', '{"kind":"memorandum","date":"2021-W30"}', 'memorandum', '2021-W30', 'k'),
               (1, 'AGREEMENT', 5, 9, '共同声明', 'r', '{"kind":"statement"}', 'statement', NULL, 'k2');`);
    old.close();
    const migrated = openStore(path);
    try {
      expect(migrated.db.prepare("SELECT date_value AS value, date_start AS start, date_end AS end FROM mentions WHERE type = 'AGREEMENT' ORDER BY id").all()).toEqual([
        { value: '2021-W30', start: '2021-07-26', end: '2021-08-01' },
        { value: null, start: null, end: null },
      ]);
      const columns = migrated.db.prepare("SELECT name FROM pragma_table_info('mentions')").pluck().all();
      expect(columns).not.toContain('agreement_date');
      expect(migrated.db.prepare('SELECT text, date FROM agreements ORDER BY text').all()).toEqual([{ text: '了解覚書', date: '2021-W30' }, { text: '共同声明', date: null }]);
      expect(migrated.db.prepare('SELECT key, date FROM agreements_by_key ORDER BY key').all()).toEqual([{ key: 'k', date: '2021-W30' }, { key: 'k2', date: null }]);
      expect(migrated.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      migrated.close();
    }
  });

  it('counts by type and organisations by canonical name', async () => {
    store.writeArticles([
      article('/a.txt', [org('防衛省', 0), org('MOD', 10, '防衛省'), date('2025年11月2日', 20, '2025-11-02')]),
      article('/b.txt', [org('防衛省', 0), org('外務省', 10)]),
    ]);
    expect((await read().countsByType())).toEqual([
      { type: 'DATE', mentions: 1, articles: 1 },
      { type: 'ORG', mentions: 4, articles: 2 },
    ]);
    expect((await read().orgsByName())).toEqual([
      { name: '防衛省', kind: 'government', mentions: 3, articles: 2 },
      { name: '外務省', kind: 'government', mentions: 1, articles: 1 },
    ]);
  });

  it('marks a run killed before it finished as abandoned when the next one begins', () => {
    const first = store.runId!;
    store.beginRun({ configHash: 'c1', pipelineVersion: 'v1' });
    store.finishRun({ seen: 1, processed: 1, skipped: 0, failed: 0 });
    const runs = store.db.prepare('SELECT id, status FROM runs ORDER BY id').all();
    expect(runs).toEqual([{ id: first, status: 'abandoned' }, { id: first + 1, status: 'done' }]);
  });
});

describe('article text, full-text index and views', () => {
  it('keeps the text, indexes it with trigrams, and follows replacements and failures', async () => {
    store.writeArticles([{ ...article('/a.txt', []), text: 'NTTドコモは本日、新料金を発表した。' }, { ...article('/b.txt', []), text: '防衛省は11月2日に発表した。' }]);
    const reader = read();
    const id = store.db.prepare("SELECT id FROM articles WHERE path = '/a.txt'").pluck().get() as number;
    expect(await reader.articleText(id)).toBe('NTTドコモは本日、新料金を発表した。');
    const paths = async (needle: string) => (await reader.searchArticles(needle)).map((h) => h.path);
    expect(await paths('ドコモ')).toEqual(['/a.txt']);
    expect((await reader.searchArticles('ドコモ'))[0]!.snippet).toMatch(/^NTT【ドコモ】は本日/);
    expect(await paths('docomo')).toEqual([]);
    expect(await paths('ntt')).toEqual(['/a.txt']); // Latin letters in either case
    expect(await paths('発表')).toEqual(['/a.txt', '/b.txt']); // two characters: the gram index
    expect((await reader.searchArticles('Nt'))[0]!.snippet).toBe('【NT】Tドコモは本日、新料金を発表した…');
    expect(await paths('"x" OR NEAR(')).toEqual([]); // query syntax is text
    // In step with the index: a replaced text, and a failure (no text), leave no stale hit.
    store.writeArticles([{ ...article('/a.txt', []), text: '別の記事。' }]);
    store.recordFailure({ path: '/b.txt', status: 'failed', errorCode: 'E_DECODE', error: 'bad bytes', contentHash: null, bytes: 1 });
    expect(await paths('ドコモ')).toEqual([]);
    expect(await paths('防衛省は')).toEqual([]);
    store.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  });

  it('answers searches of one and two characters from the gram index, exactly, at the ends of title and text too', async () => {
    store.writeArticles([
      { ...article('/film.txt', []), title: '今週の新作映画', text: '公開は金曜日。' },
      { ...article('/price.txt', []), title: '値上げ', text: '運賃は210円' },
      { ...article('/mixed.txt', []), title: 'iPhone', text: '𠮷野家の牛丼と😀。' },
    ]);
    const reader = read();
    const paths = async (needle: string) => (await reader.searchArticles(needle)).map((h) => h.path).sort();
    const ids = async (needle: string) => (await reader.queryMentions({ text: needle })).length;
    expect(await paths('映画')).toEqual(['/film.txt']); // the last two characters of a title
    expect(await paths('画')).toEqual(['/film.txt']);
    expect(await paths('円')).toEqual(['/price.txt']); // the last character of a text
    expect(await paths('0円')).toEqual(['/price.txt']);
    expect(await paths('IP')).toEqual(['/mixed.txt']); // either case
    expect(await paths('𠮷')).toEqual(['/mixed.txt']); // beyond the BMP
    expect(await paths('𠮷野')).toEqual(['/mixed.txt']);
    expect(await paths('と😀')).toEqual(['/mixed.txt']);
    expect(await paths('。')).toEqual(['/film.txt', '/mixed.txt']);
    expect(await paths('新映')).toEqual([]); // not adjacent
    expect(await paths('曜日')).toEqual(['/film.txt']);
    expect((await reader.searchArticles('映画'))[0]!.snippet).toBe('今週の新作【映画】');
    expect(await ids('映画')).toBe(0); // no records, but the query runs on the index
    // The index follows a changed text, a failure and a deleted row; the query plan uses it.
    store.writeArticles([{ ...article('/film.txt', []), title: '今週の新作', text: '公開は土曜日。' }]);
    expect(await paths('映画')).toEqual([]);
    expect(await paths('土')).toEqual(['/film.txt']);
    store.recordFailure({ path: '/price.txt', status: 'failed', errorCode: 'E_DECODE', error: 'bad bytes', contentHash: null, bytes: 1 });
    expect(await paths('円')).toEqual([]);
    store.db.prepare("DELETE FROM articles WHERE path = '/mixed.txt'").run();
    expect(await paths('𠮷')).toEqual([]);
    expect(store.db.prepare("SELECT COUNT(*) FROM articles_grams").pluck().get()).toBe(1);
    const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?").all('"0k68"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
  });

  it('the full-text indexes merge only when a level fills (automerge 0), and still answer after many transactions', async () => {
    for (const table of ['articles_fts', 'articles_grams']) {
      expect(store.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get()).toBe(0);
    }
    // 40 transactions: more segments than a level holds, so FTS5 merges some (crisismerge) and keeps every row.
    for (let i = 0; i < 40; i++) store.writeArticles([{ ...article(`/s${i}.txt`, []), text: `第${i}号の記事。共通の語句。` }]);
    const reader = read();
    expect(await reader.searchArticles('共通の語句', { limit: 100 })).toHaveLength(40);
    expect(await reader.searchArticles('号', { limit: 100 })).toHaveLength(40);
    expect((await reader.searchArticles('第17号')).map((h) => h.path)).toEqual(['/s17.txt']);
    store.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  });

  it('a batch is one segment in each full-text index, however many articles and records it has, new or replaced', async () => {
    const segments = (table: string) => store.db.prepare(`SELECT COUNT(DISTINCT segid) FROM ${table}_idx`).pluck().get() as number;
    const batch = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({
      ...article(`/b${i}.txt`, [org('防衛省', 0), money('5億円', 4, '500000000'), agreement('了解覚書', 8, ['日本', 'ベトナム'])]),
      text: `防衛省は5億円の了解覚書、第${i}号${tag}。`,
    }));
    store.writeArticles(batch(12, 'A'));
    store.writeArticles(batch(12, 'B')); // every article replaced: the old entries deleted in the same segment
    expect([segments('articles_fts'), segments('articles_grams')]).toEqual([2, 2]); // one a batch (it was one an article)
    const reader = read();
    expect(await reader.searchArticles('号B。', { limit: 100 })).toHaveLength(12);
    expect(await reader.searchArticles('号A', { limit: 100 })).toHaveLength(0);
    expect(await reader.searchArticles('A', { limit: 100 })).toHaveLength(0);
    expect((await reader.queryMentions({ types: ['AGREEMENT'] })).map((m) => m.parties)).toEqual(Array(12).fill(['日本', 'ベトナム']));
    // One path twice in a batch: the later one is what stays, as when they were written one after the other.
    store.writeArticles([{ ...article('/twice.txt', [org('外務省', 0)]), text: '外務省の最初の本文' }, article('/other.txt', []), { ...article('/twice.txt', [org('財務省', 0)]), text: '財務省の二度目' }]);
    expect((await reader.mentionsOfArticle('/twice.txt')).map((m) => m.text)).toEqual(['財務省']);
    expect((await reader.searchArticles('最初')).map((h) => h.path)).toEqual([]);
    expect((await reader.searchArticles('二度目')).map((h) => h.path)).toEqual(['/twice.txt']);
    expect((await reader.searchArticles('度目')).map((h) => h.path)).toEqual(['/twice.txt']);
    for (const table of ['articles_fts', 'articles_grams']) store.db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
  });

  it('gram tokens: each distinct character and adjacent pair of each column once, folded to lower case', () => {
    const code = (cp: number) => cp.toString(36).padStart(4, '0');
    const reference = (...columns: string[]) => {
      const tokens = new Set<string>();
      for (const column of columns) {
        const cps = [...column].map((ch) => ([...ch.toLowerCase()].length === 1 ? ch.toLowerCase() : ch).codePointAt(0)!);
        cps.forEach((a, i) => {
          tokens.add(code(a));
          if (i + 1 < cps.length) tokens.add(code(a) + code(cps[i + 1]!));
        });
      }
      return [...tokens].sort();
    };
    const columns: [string, string][] = [['今週の新作映画', '映画の映画。映画'], ['iPhone İ ÀB', '𠮷野家の𠮷𠮷と😀。\ud800x'], ['', 'ああああ'], ['', '']];
    for (const [title, text] of columns) {
      const tokens = gramTokens(title, text).split(' ').filter(Boolean);
      expect(tokens.length).toBe(new Set(tokens).size);
      expect(tokens.sort()).toEqual(reference(title, text));
    }
    // The writer takes the tokens a worker computed with the article.
    store.writeArticles([{ ...article('/pre.txt', []), title: null, text: '映画', grams: gramTokens(null, '映画') }]);
    expect(store.db.prepare('SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?').pluck().all(gramMatch('映画'))).toHaveLength(1);
  });

  it('a database written before the gram index gets it, filled from the stored texts', async () => {
    store.writeArticles([{ ...article('/old.txt', []), title: '古い', text: '記事の本文' }]);
    // As a kiji before the index would have left it: no grams table (nor what later migrations added), user_version the gram index's migration.
    store.db.exec('DROP INDEX articles_skip; ALTER TABLE articles DROP COLUMN file_stat;');
    store.db.exec('DROP TABLE articles_grams; DROP TRIGGER articles_grams_delete; DROP TRIGGER articles_grams_update; DROP INDEX articles_order;');
    store.db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.description.startsWith('an index of the characters and character pairs'))}`);
    const path = store.path;
    store.close();
    const oldDb = new Database(path, { readonly: true });
    const old = new StoreReader(sqliteConnection(oldDb));
    expect((await old.searchArticles('本')).map((h) => h.path)).toEqual(['/old.txt']); // scanned
    oldDb.close();
    store = openStore(path);
    store.beginRun({ configHash: 'c1', pipelineVersion: 'v1' });
    expect(store.db.prepare("SELECT COUNT(*) FROM articles_grams WHERE articles_grams MATCH ?").pluck().get('"0kdo"')).toBe(1); // 本
    expect((await read().searchArticles('本文')).map((h) => h.path)).toEqual(['/old.txt']);
  });

  it('views answer the common questions', () => {
    store.writeArticles([
      article('/x.txt', [agreement('了解覚書', 0, ['日本', 'ベトナム'], '2025-11-02'), org('防衛省', 10), org('MOD', 20, '防衛省'), money('5億円', 30, '500000000')]),
      article('/y.txt', [org('防衛省', 0), org('外務省', 5), money('3ドル', 10, '3', 'USD'), money('2億円', 20, '200000000')]),
    ]);
    expect(store.db.prepare('SELECT name, kind, mentions, articles FROM organisations').all()).toEqual([
      { name: '防衛省', kind: 'government', mentions: 3, articles: 2 },
      { name: '外務省', kind: 'government', mentions: 1, articles: 1 },
    ]);
    expect(store.db.prepare('SELECT path, text, kind, date, parties FROM agreements').all()).toEqual([
      { path: '/x.txt', text: '了解覚書', kind: 'memorandum', date: '2025-11-02', parties: '日本 / ベトナム' },
    ]);
    expect(store.db.prepare('SELECT currency, year, mentions, total_amount FROM money_by_currency_year').all()).toEqual([
      { currency: 'JPY', year: '2025', mentions: 2, total_amount: 700000000 },
      { currency: 'USD', year: '2025', mentions: 1, total_amount: 3 },
    ]);
  });

  it('migrating a first-schema database adds the text and index and makes the next run re-read its articles', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sqlite as string);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO articles (path, content_hash, status, pipeline_version, config_hash, processed_at) VALUES ('/o.txt', 'h', 'ok', 'v1', 'c1', 'now')`).run();
    old.close();
    const migrated = openStore(path);
    try {
      expect(migrated.lookup('/o.txt')).toMatchObject({ contentHash: null, status: 'ok' });
      expect(await new StoreReader(sqliteConnection(migrated.db)).searchArticles('anything')).toEqual([]);
    } finally {
      migrated.close();
    }
  });
});

describe('amountInMinorUnits', () => {
  it.each([
    ['500000000', 'JPY', 500000000n],
    ['9007199254740993', 'JPY', 9007199254740993n],
    ['12.34', 'USD', 1234n],
    ['12.5', 'EUR', 1250n],
    ['1.50', 'JPY', null], // a fraction of a yen is not a whole minor unit
    ['1.500', 'JPY', null],
    ['3.000', 'KWD', 3000n],
    ['0.001', 'USD', null],
    ['9223372036854775807', 'JPY', 9223372036854775807n],
    ['9223372036854775808', 'JPY', null], // does not fit in 64 bits
    ['100000000000000000', 'USD', null], // 10^19 cents is over 2^63 - 1
  ] as const)('%s %s → %s', (text, currency, expected) => {
    expect(amountInMinorUnits(text, currency)).toBe(expected);
  });
  it('is null without an exact amount', () => {
    expect(amountInMinorUnits(null, 'JPY')).toBeNull();
  });
});

describe('run lock', () => {
  it('lets one holder in and refuses a second with E_DB_LOCKED naming the holder', () => {
    const db = join(dir, 'locked.sqlite');
    const lock = acquireRunLock(db);
    try {
      expect(() => acquireRunLock(db)).toThrow(expect.objectContaining({ code: 'E_DB_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) }));
    } finally {
      lock.release();
    }
    expect(existsSync(lockPathFor(db))).toBe(false);
    acquireRunLock(db).release();
  });

  it('takes over a stale lock whose process is dead', () => {
    const db = join(dir, 'stale.sqlite');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockPathFor(db), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    const lock = acquireRunLock(db);
    lock.release();
  });
});
