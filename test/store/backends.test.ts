import { readdirSync } from 'node:fs';
import pgModule from 'pg';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingServices, startPostgres, type LocalPostgres } from '../../src/cluster/local-services.js';
import { createPipeline } from '../../src/pipeline.js';
import { PgStore, postgresReader } from '../../src/store/postgres.js';
import type { StoreReader } from '../../src/store/read.js';
import { okArticle, type StoredArticle } from '../../src/store/rows.js';
import { MIGRATIONS, postgresMigration, SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { StoreReader as Reader } from '../../src/store/read.js';
import { sqliteConnection } from '../../src/store/sqlite-connection.js';
import { readArticleFile } from '../../src/text/read-article.js';

const missing = missingServices();
if (missing) console.warn(`test/store/backends: PostgreSQL tests skipped: ${missing}`);

const fixtures = resolve(import.meta.dirname, '../../fixtures/articles');
const RUN = { configHash: 'c1', pipelineVersion: 'v1', languageVersions: { ja: 'v1-ja', en: 'v1-en' } };

/** Ids (allocation order) and write times differ between backends: compare everything else. */
const withoutIds = <T extends object>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && k !== 'articleId' && k !== 'processedAt')));

describe.skipIf(missing !== undefined)('PostgreSQL backend: the same schema and read side as SQLite', () => {
  let pg: LocalPostgres;
  let articles: StoredArticle[];
  let sqlite: StoreReader;
  let postgres: StoreReader;
  let store: PgStore;

  beforeAll(async () => {
    pg = await startPostgres();
    const pipeline = await createPipeline({});
    articles = [];
    for (const name of readdirSync(fixtures).filter((n) => !n.endsWith('.json'))) {
      const path = join(fixtures, name);
      const d = await readArticleFile(path);
      const result = pipeline.process({ id: name, text: d.text, source: path, ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}), ...(d.title ? { title: d.title } : {}) });
      articles.push(okArticle({ path, contentHash: d.sha256, bytes: d.bytes, format: d.format, encoding: d.encoding }, result, d.text));
    }
    articles.push({ path: '/broken.txt', status: 'failed', errorCode: 'E_BINARY', error: 'binary file (NUL byte at offset 3)', contentHash: 'ab', bytes: 10 });
    const local = openStore(':memory:');
    local.beginRun(RUN);
    local.writeArticles(articles);
    sqlite = new Reader(sqliteConnection(local.db));
    store = await PgStore.open(pg.url);
    const runId = await store.beginRun(RUN);
    // Reversed: ids come out in another order than SQLite's, as with many workers.
    for (const article of [...articles].reverse()) expect(await store.writeArticle(runId, article, RUN)).toBe('written');
    postgres = await postgresReader(pg.url);
  }, 120_000);

  afterAll(async () => {
    await postgres?.close();
    await store?.close();
    await pg?.stop();
  });

  it('migrates to the same schema version, once, even when many processes open it together', async () => {
    const again = await Promise.all([PgStore.open(pg.url), PgStore.open(pg.url), PgStore.open(pg.url)]);
    await Promise.all(again.map((s) => s.close()));
    const { rows } = await store.pool.query('SELECT version FROM kiji_schema');
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('answers every read-side query as SQLite does', async () => {
    expect(await postgres.summary()).toEqual(await sqlite.summary());
    expect(withoutIds(await postgres.listArticles())).toEqual(withoutIds(await sqlite.listArticles()));
    expect(withoutIds(await postgres.queryMentions())).toEqual(withoutIds(await sqlite.queryMentions()));
    for (const filter of [{ types: ['AGREEMENT'], from: '2025', to: '2025' }, { org: '防衛', types: ['DATE', 'MONEY'] }, { text: '億', limit: 5 }, { types: ['DATE'], from: '2024-07', to: '2024-12-31' }]) {
      const rows = await postgres.queryMentions(filter);
      expect(withoutIds(rows)).toEqual(withoutIds(await sqlite.queryMentions(filter)));
    }
    const exported = [];
    for await (const row of postgres.iterateMentions(['MONEY', 'AGREEMENT'])) exported.push(row);
    const local = [];
    for await (const row of sqlite.iterateMentions(['MONEY', 'AGREEMENT'])) local.push(row);
    expect(exported.length).toBeGreaterThan(10);
    expect(withoutIds(exported)).toEqual(withoutIds(local));
    const one = articles[0]!.path;
    expect(withoutIds(await postgres.mentionsOfArticle(one))).toEqual(withoutIds(await sqlite.mentionsOfArticle(one)));
    expect((await postgres.findArticle('ja-01')).path).toBe(join(fixtures, 'ja-01-defence-mou.txt'));
    // A reader that stops early leaves no transaction open on the pooled connection.
    for await (const row of postgres.iterateMentions()) if (row) break;
    expect(await postgres.sql.all('SELECT COUNT(*) AS n FROM articles')).toEqual([{ n: articles.length }]);
    const open = await store.pool.query("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'");
    expect(open.rows[0].n).toBe(0);
  });

  it('stores the article text and every mention column as the SQLite writer does', async () => {
    const columns = 'a.path, a.text, m.start, m.type, m.date_value, m.date_start, m.date_end, m.amount_minor, m.org_name, m.agreement_kind, m.agreement_relation, m.agreement_key';
    const order = 'ORDER BY a.path, m.start, m.type, m.text';
    const local = openStore(':memory:');
    local.beginRun(RUN);
    local.writeArticles(articles);
    const fromSqlite = local.db.prepare(`SELECT ${columns} FROM mentions m JOIN articles a ON a.id = m.article_id ${order}`).safeIntegers(true).all() as Record<string, unknown>[];
    local.close();
    const fromPg = (await store.pool.query(`SELECT ${columns} FROM mentions m JOIN articles a ON a.id = m.article_id ${order.replace('m.text', 'm.text COLLATE "C"')}`)).rows as Record<string, unknown>[];
    const normal = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    expect(fromSqlite.length).toBeGreaterThan(100);
    expect(fromSqlite.some((r) => r.text)).toBe(true);
    expect(normal(fromPg)).toEqual(normal(fromSqlite));
  });

  it('migrates a database of schema 5 with a dated agreement: its date moves into the date columns with its days', async () => {
    await store.pool.query('CREATE DATABASE kiji_schema5');
    const url = pg.url.replace(/\/kiji$/, '/kiji_schema5');
    const old = new pgModule.Pool({ connectionString: url, max: 1 });
    try {
      for (const migration of MIGRATIONS.slice(0, 5)) await old.query(postgresMigration(migration) as string);
      await old.query(`CREATE TABLE kiji_schema (version INTEGER NOT NULL); INSERT INTO kiji_schema VALUES (5);
        INSERT INTO articles (path, status, pipeline_version, config_hash, processed_at, published_at) VALUES ('/old.txt', 'ok', 'v', 'c', 't', '2025-11-04');
        INSERT INTO mentions (article_id, type, start, "end", text, rule, value_json, agreement_kind, agreement_date, agreement_key)
          SELECT id, 'AGREEMENT', 0, 4, '了解覚書', 'r', '{"kind":"memorandum","date":"FY2021"}', 'memorandum', 'FY2021', 'k' FROM articles;`);
    } finally {
      await old.end();
    }
    const upgraded = await PgStore.open(url);
    try {
      const { rows } = await upgraded.pool.query("SELECT date_value, date_start, date_end FROM mentions WHERE type = 'AGREEMENT'");
      expect(rows).toEqual([{ date_value: 'FY2021', date_start: '2021-04-01', date_end: '2022-03-31' }]);
      expect((await upgraded.pool.query('SELECT date, kind FROM agreements_by_key')).rows).toEqual([{ date: 'FY2021', kind: 'memorandum' }]);
      expect((await upgraded.reader.queryMentions({ types: ['AGREEMENT'], from: '2022-01-01', to: '2022-01-31' })).map((r) => r.dateValue)).toEqual(['FY2021']);
    } finally {
      await upgraded.close();
    }
  });

  it('keeps 64-bit amounts exact', async () => {
    const runId = await store.beginRun(RUN);
    const base = articles.find((a) => a.status === 'ok' && a.mentions.some((m) => m.type === 'MONEY'))!;
    if (base.status !== 'ok') throw new Error('unreachable');
    const money = { ...base.mentions.find((m) => m.type === 'MONEY')!, amountText: '9007199254740993', amountMinor: 9007199254740993n };
    await store.writeArticle(runId, { ...base, path: '/exact.txt', mentions: [money] }, RUN);
    expect((await postgres.mentionsOfArticle('/exact.txt')).map((m) => m.amountMinor)).toEqual([9007199254740993n]);
    const { rows } = await store.pool.query("SELECT COUNT(*) AS n FROM mentions WHERE amount_minor = 9007199254740993");
    expect(rows[0].n).toBe(1);
  });

  it('writing the same result again changes nothing; a changed article replaces its mentions', async () => {
    const runId = (await store.pool.query('SELECT MIN(id) AS id FROM runs')).rows[0].id as number;
    const before = (await store.pool.query('SELECT COUNT(*) AS n, MAX(id) AS max FROM mentions')).rows[0];
    const article = articles.find((a) => a.status === 'ok' && a.mentions.length > 2)!;
    // Twice at once, as a redelivered job racing the first delivery.
    expect((await Promise.all([store.writeArticle(runId, article, RUN), store.writeArticle(runId, article, RUN)]))).toEqual(['unchanged', 'unchanged']);
    expect((await store.pool.query('SELECT COUNT(*) AS n, MAX(id) AS max FROM mentions')).rows[0]).toEqual(before);
    if (article.status !== 'ok') throw new Error('unreachable');
    const changed = { ...article, contentHash: 'changed', mentions: article.mentions.slice(0, 1) };
    expect(await store.writeArticle(runId, changed, RUN)).toBe('written');
    expect(await postgres.mentionsOfArticle(article.path)).toHaveLength(1);
    // A new path written by two writers at once is stored once.
    const fresh = { ...changed, path: '/fresh.txt' };
    expect((await Promise.all([store.writeArticle(runId, fresh, RUN), store.writeArticle(runId, fresh, RUN)])).sort()).toEqual(['unchanged', 'written']);
    expect(await postgres.mentionsOfArticle('/fresh.txt')).toHaveLength(1);
  });
});
