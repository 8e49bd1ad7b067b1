import pg from 'pg';
import { KijiError } from '../core/errors.js';
import { StoreReader } from './read.js';
import type { KnownArticle } from './identity.js';
import type { StoredArticle } from './rows.js';
import { MIGRATIONS, postgresMigration } from './schema.js';
import { numberedPlaceholders, POSTGRES, type SqlConnection, type SqlValue } from './sql.js';
import { versionFor, type ArticleState, type RunCounts, type RunInfo, type RunStatus } from './store.js';

/**
 * The PostgreSQL backend (node-postgres): the same schema and schema version as SQLite, the same
 * read side, and a write side made for many writers on many machines — every article is written in
 * its own transaction keyed by path, content hash, pipeline version and config hash, so writing the
 * same result twice (a redelivered job) changes nothing.
 */

const INT8_OID = 20;

/** BIGINT columns (ids, counts) as numbers: ids stay far below 2^53; amount_minor is read as text. */
function parseInt8(value: string): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value);
}

export function createPgPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as never))) as typeof pg.types.getTypeParser },
  });
  // A client losing its server (PostgreSQL restarted) must not crash the process: an idle one is
  // dropped by the pool; a checked-out one fails its query, which the caller retries.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** PostgreSQL going away or not there yet (restart, fail-over): worth trying again; anything else is not. */
export function isTransientPgError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const message = (error as Error | undefined)?.message ?? '';
  return /^(08|57P0|53)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) ||
    /Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down)/i.test(message);
}

/** A connection error as a KijiError that says what to check. */
export function pgError(url: string, error: unknown): KijiError {
  if (error instanceof KijiError) return error;
  const where = redact(url);
  return new KijiError('E_DB', `PostgreSQL ${where}: ${(error as Error).message} (check the URL, that the server runs and that the user may connect)`, {}, { cause: error });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export function pgConnection(pool: pg.Pool, options: { endPool?: boolean } = {}): SqlConnection {
  return {
    dialect: POSTGRES,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await pool.query(numberedPlaceholders(sql), params.map(toPg))).rows as T[],
    async *iterate<T>(sql: string, params: readonly SqlValue[] = []) {
      // A server-side cursor: rows 500 at a time, never the whole result in memory.
      const client = await pool.connect();
      let committed = false;
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE kiji_rows NO SCROLL CURSOR FOR ${numberedPlaceholders(sql)}`, params.map(toPg));
        for (;;) {
          const { rows } = await client.query('FETCH 500 FROM kiji_rows');
          if (rows.length === 0) break;
          for (const row of rows) yield row as T;
        }
        await client.query('COMMIT');
        committed = true;
      } finally {
        // The reader stopped early (`kiji export … | head`): end the transaction before the client goes back to the pool.
        if (!committed) await client.query('ROLLBACK').catch(() => {});
        client.release();
      }
    },
    close: async () => {
      if (options.endPool) await pool.end();
    },
  };
}

const toPg = (v: SqlValue): string | number | null => (typeof v === 'bigint' ? v.toString() : v);

/** The schema version of the database, 0 when kiji has never written it. */
async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('kiji_schema')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const row = await client.query<{ version: number }>('SELECT version FROM kiji_schema');
  return row.rows[0]?.version ?? 0;
}

/** Brings the database to the newest schema, once even when many workers start together. */
export async function migratePostgres(pool: pg.Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Every kiji process migrating at once: one does it, the others wait and find nothing to do.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kiji:migrate'))");
    const from = await schemaVersion(client);
    if (from > MIGRATIONS.length) {
      throw new KijiError('E_DB', `the database has schema version ${from}, newer than this kiji knows (${MIGRATIONS.length}); upgrade kiji`);
    }
    if (from === 0) await client.query('CREATE TABLE IF NOT EXISTS kiji_schema (version INTEGER NOT NULL); INSERT INTO kiji_schema VALUES (0)');
    for (let version = from; version < MIGRATIONS.length; version++) {
      const migration = postgresMigration(MIGRATIONS[version]!);
      if (typeof migration === 'string') await client.query(migration);
      else await migration(client);
      await client.query('UPDATE kiji_schema SET version = $1', [version + 1]);
    }
    await client.query('COMMIT');
    return { from, to: MIGRATIONS.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A reader on a PostgreSQL database kiji has written (never migrates or writes). */
export async function postgresReader(url: string): Promise<StoreReader> {
  const pool = createPgPool(url, 2);
  try {
    const client = await pool.connect();
    let version: number;
    try {
      version = await schemaVersion(client);
    } finally {
      client.release();
    }
    if (version === 0) throw new KijiError('E_USAGE', `${redact(url)}: no kiji database there (create one with \`kiji run <folder> --queue … --db ${redact(url)}\`)`);
    if (version > MIGRATIONS.length) throw new KijiError('E_DB', `the database has schema version ${version}, newer than this kiji knows (${MIGRATIONS.length}); upgrade kiji`);
  } catch (error) {
    await pool.end();
    throw pgError(url, error);
  }
  return new StoreReader(pgConnection(pool, { endPool: true }));
}

/** What writing one article did: stored it (new or changed), or found the same result already there. */
export type WriteOutcome = 'written' | 'unchanged';

const now = () => new Date().toISOString();

const ARTICLE_FIELDS = ['path', 'content_hash', 'bytes', 'format', 'encoding', 'title', 'published_at', 'lang', 'chars', 'text', 'status', 'error_code', 'error',
  'pipeline_version', 'config_hash', 'processed_at', 'run_id'] as const;

const MENTION_FIELDS = ['id', 'article_id', 'type', 'start', '"end"', 'text', 'rule', 'value_json', 'date_value', 'date_mod', 'date_start', 'date_end',
  'amount_text', 'amount_minor', 'amount_max_text', 'currency', 'money_mod', 'org_name', 'org_kind', 'agreement_kind',
  'agreement_relation', 'agreement_key'] as const;
const MENTION_TYPES = ['bigint', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text',
  'text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'] as const;

/** The write side on PostgreSQL. Safe to use from many processes at once. */
export class PgStore {
  readonly reader: StoreReader;

  private constructor(readonly pool: pg.Pool, readonly url: string) {
    this.reader = new StoreReader(pgConnection(pool));
  }

  /** Connects and migrates. */
  static async open(url: string, options: { connections?: number } = {}): Promise<PgStore> {
    const pool = createPgPool(url, options.connections ?? 4);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw pgError(url, error);
    }
    return new PgStore(pool, url);
  }

  async beginRun(info: RunInfo): Promise<number> {
    const { rows } = await this.pool.query<{ id: number }>(
      'INSERT INTO runs (started_at, config_hash, pipeline_version, inputs_json) VALUES ($1, $2, $3, $4) RETURNING id',
      [now(), info.configHash, info.pipelineVersion, JSON.stringify(info.inputs ?? [])],
    );
    return rows[0]!.id;
  }

  async updateRun(runId: number, counts: Partial<RunCounts>): Promise<void> {
    await this.pool.query('UPDATE runs SET seen = COALESCE($2, seen), processed = COALESCE($3, processed), skipped = COALESCE($4, skipped), failed = COALESCE($5, failed) WHERE id = $1',
      [runId, counts.seen ?? null, counts.processed ?? null, counts.skipped ?? null, counts.failed ?? null]);
  }

  async finishRun(runId: number, counts: RunCounts, status: RunStatus = 'done'): Promise<void> {
    await this.pool.query('UPDATE runs SET finished_at = $2, status = $3, seen = $4, processed = $5, skipped = $6, failed = $7 WHERE id = $1',
      [runId, now(), status, counts.seen, counts.processed, counts.skipped, counts.failed]);
  }

  /** What the database remembers about these paths (for skipping unchanged articles). */
  async lookup(paths: readonly string[]): Promise<Map<string, ArticleState>> {
    const found = new Map<string, ArticleState>();
    for (let i = 0; i < paths.length; i += 1000) {
      const { rows } = await this.pool.query<ArticleState & { path: string }>(
        'SELECT path, content_hash AS "contentHash", pipeline_version AS "pipelineVersion", lang, config_hash AS "configHash", status, error_code AS "errorCode" FROM articles WHERE path = ANY($1::text[])',
        [paths.slice(i, i + 1000)],
      );
      for (const { path, ...state } of rows) found.set(path, state);
    }
    return found;
  }

  /** The articles stored under any of `roots` (real paths of the run's inputs), as identity.ts reads them from SQLite. */
  async articlesUnder(roots: readonly string[]): Promise<KnownArticle[]> {
    const byId = new Map<number, KnownArticle>();
    for (const root of roots) {
      const { rows } = await this.pool.query<KnownArticle & { id: string }>(
        `SELECT id, path, content_hash AS "contentHash", status FROM articles WHERE path = $1 OR substr(path, 1, length($1) + 1) = $1 || '/'`, [root]);
      for (const row of rows) byId.set(Number(row.id), { ...row, id: Number(row.id) });
    }
    return [...byId.values()];
  }

  /**
   * Gives renamed articles their new paths and marks gone ones `missing` (records dropped, row kept until
   * `kiji prune`), in one transaction: what a local run does to SQLite (store/identity.ts).
   */
  async reconcile(runId: number, renames: readonly { id: number; path: string }[], missing: readonly number[]): Promise<void> {
    if (renames.length === 0 && missing.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const { id, path } of renames) await client.query('UPDATE articles SET path = $2 WHERE id = $1', [id, path]);
      if (missing.length > 0) {
        await client.query('DELETE FROM mentions WHERE article_id = ANY($1::bigint[])', [missing]);
        await client.query(`UPDATE articles SET status = 'missing', error_code = NULL, error = $2, processed_at = $3, run_id = $4 WHERE id = ANY($1::bigint[])`,
          [missing, `the file was not found by run ${runId}; \`kiji prune\` removes this row`, now(), runId]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** A run's progress: its articles written so far, ok and failed. */
  async runProgress(runId: number): Promise<{ processed: number; failed: number; chars: number; records: Record<string, number> }> {
    const { rows } = await this.pool.query<{ status: string; n: number; chars: number | null }>(
      'SELECT status, COUNT(*) AS n, SUM(chars) AS chars FROM articles WHERE run_id = $1 GROUP BY status', [runId]);
    const records: Record<string, number> = {};
    const types = await this.pool.query<{ type: string; n: number }>(
      'SELECT m.type, COUNT(*) AS n FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.run_id = $1 GROUP BY m.type', [runId]);
    for (const t of types.rows) records[t.type] = t.n;
    return {
      processed: rows.find((r) => r.status === 'ok')?.n ?? 0,
      failed: rows.find((r) => r.status === 'failed')?.n ?? 0,
      chars: Number(rows.find((r) => r.status === 'ok')?.chars ?? 0),
      records,
    };
  }

  /** Paths of this run's articles already in the database. */
  async runPaths(runId: number): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ path: string }>('SELECT path FROM articles WHERE run_id = $1', [runId]);
    return new Set(rows.map((r) => r.path));
  }

  /**
   * Writes one article with its mentions in one transaction. The row is locked first; if it already
   * holds the result of the same bytes, pipeline version and config (a redelivered job, or another
   * worker that got there first), nothing changes — except that a different run that saw the same
   * result takes it into its own count.
   */
  async writeArticle(runId: number, article: StoredArticle, run: Pick<RunInfo, 'pipelineVersion' | 'languageVersions' | 'configHash'>): Promise<WriteOutcome> {
    const ok = article.status === 'ok';
    const key = { pipelineVersion: versionFor(ok ? article.lang : null, run), configHash: run.configHash };
    const client = await this.pool.connect();
    try {
      for (;;) {
        await client.query('BEGIN');
        const existing = await client.query<{ id: number; contentHash: string | null; pipelineVersion: string; configHash: string; status: string; runId: number | null }>(
          'SELECT id, content_hash AS "contentHash", pipeline_version AS "pipelineVersion", config_hash AS "configHash", status, run_id AS "runId" FROM articles WHERE path = $1 FOR UPDATE',
          [article.path],
        );
        const row = existing.rows[0];
        if (row && row.contentHash === article.contentHash && row.pipelineVersion === key.pipelineVersion && row.configHash === key.configHash && row.status === article.status) {
          if (row.runId !== runId) await client.query('UPDATE articles SET run_id = $2 WHERE id = $1', [row.id, runId]);
          await client.query('COMMIT');
          return 'unchanged';
        }
        const values = [article.path, article.contentHash, article.bytes, article.format ?? null, article.encoding ?? null,
          ok ? article.title : null, ok ? article.publishedAt : null, ok ? article.lang : null, ok ? article.chars : null, ok ? article.text : null, article.status,
          ok ? null : article.errorCode, ok ? null : article.error, key.pipelineVersion, key.configHash, now(), runId];
        let articleId: number;
        if (row) {
          articleId = row.id;
          await client.query(`UPDATE articles SET ${ARTICLE_FIELDS.map((f, i) => `${f} = $${i + 2}`).join(', ')} WHERE id = $1`, [row.id, ...values]);
          await client.query('DELETE FROM mentions WHERE article_id = $1', [row.id]);
        } else {
          const inserted = await client.query<{ id: number }>(
            `INSERT INTO articles (${ARTICLE_FIELDS.join(', ')}) VALUES (${ARTICLE_FIELDS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (path) DO NOTHING RETURNING id`,
            values,
          );
          if (inserted.rows.length === 0) {
            // Another writer inserted this path since our SELECT: start again and lock its row.
            await client.query('ROLLBACK');
            continue;
          }
          articleId = inserted.rows[0]!.id;
        }
        if (ok && article.mentions.length > 0) await insertMentions(client, articleId, article.mentions);
        await client.query('COMMIT');
        return 'written';
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** All mentions of an article in one statement (arrays unnested), their parties in a second. */
async function insertMentions(client: pg.PoolClient, articleId: number, mentions: import('./rows.js').MentionRow[]): Promise<void> {
  // Ids are taken first so each agreement's parties can name their mention without relying on RETURNING order.
  const ids = (await client.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('mentions', 'id')) AS id FROM generate_series(1, $1)", [mentions.length])).rows.map((r) => r.id);
  const columns: unknown[][] = MENTION_FIELDS.map(() => []);
  mentions.forEach((m, i) => {
    const row = [ids[i], articleId, m.type, m.start, m.end, m.text, m.rule, m.valueJson, m.dateValue, m.dateMod, m.dateStart, m.dateEnd,
      m.amountText, m.amountMinor === null ? null : m.amountMinor.toString(), m.amountMaxText, m.currency, m.moneyMod, m.orgName, m.orgKind, m.agreementKind,
      m.agreementRelation, m.agreementKey];
    row.forEach((v, c) => columns[c]!.push(v));
  });
  await client.query(
    `INSERT INTO mentions (${MENTION_FIELDS.join(', ')}) SELECT * FROM unnest(${MENTION_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    columns,
  );
  const parties: [number[], number[], string[]] = [[], [], []];
  mentions.forEach((m, i) => m.parties.forEach((party, position) => {
    parties[0].push(ids[i]!);
    parties[1].push(position);
    parties[2].push(party);
  }));
  if (parties[0].length > 0) {
    await client.query('INSERT INTO agreement_parties (mention_id, position, party) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])', parties);
  }
}
