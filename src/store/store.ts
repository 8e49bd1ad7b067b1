import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KijiError } from '../core/errors.js';
import type { FailedArticle, StoredArticle } from './rows.js';
import { migrate } from './schema.js';
import { gramTokens } from './grams.js';

export interface StoreOptions {
  /** Open an existing database for reading only (no migration, no writes). */
  readonly?: boolean;
  /** How long a statement waits for another connection's write lock. */
  busyTimeoutMs?: number;
  /** Another connection of this process migrated the database already (a run's writer thread). */
  migrated?: boolean;
}

/** The run a connection writes articles under: begun by one connection, continued by another (the writer thread). */
export interface WritingRun {
  id: number;
  configHash: string;
  pipelineVersion: string;
  languageVersions: Readonly<Record<string, string>>;
}

export interface RunCounts {
  seen: number;
  processed: number;
  skipped: number;
  failed: number;
}

export type RunStatus = 'done' | 'interrupted' | 'failed';

/** What the store remembers about a path, to decide whether a run may skip it. */
export interface ArticleState {
  contentHash: string | null;
  /** The version of the article's language path when it was processed (see src/version.ts). */
  pipelineVersion: string;
  lang: string | null;
  configHash: string;
  status: 'ok' | 'failed';
  /** Why it failed (E_TIMEOUT …); null for an article processed successfully. */
  errorCode: string | null;
  /** The file's stat when `contentHash` was read (`file_stat`), or null. */
  fileStat?: string | null;
}

export interface RunInfo {
  configHash: string;
  /** The whole pipeline's version, recorded with the run (and with articles that failed before their language was known). */
  pipelineVersion: string;
  /** Each language path's version, recorded with the articles of that language. */
  languageVersions?: Readonly<Record<string, string>>;
  inputs?: readonly string[];
}

const now = () => new Date().toISOString();

/** The columns of an ArticleState (all in the index articles_skip). */
export const ARTICLE_STATE = 'content_hash AS contentHash, pipeline_version AS pipelineVersion, lang, config_hash AS configHash, status, error_code AS errorCode, file_stat AS fileStat';

/** The version an article of this language is stored with by a run: its language path's, else the whole pipeline's. */
export function versionFor(lang: string | null, info: Pick<RunInfo, 'pipelineVersion' | 'languageVersions'>): string {
  return (lang !== null ? info.languageVersions?.[lang] : undefined) ?? info.pipelineVersion;
}

type Statements = ReturnType<KijiStore['prepare']>;

/**
 * The write side of the database. One connection, owned by one thread; every article is written
 * (or replaced) together with its mentions inside a transaction.
 */
export class KijiStore {
  readonly db: Database.Database;
  readonly path: string;
  private run: WritingRun | undefined;
  private readonly statements: Statements | undefined;

  constructor(path: string, options: StoreOptions = {}) {
    this.path = path === ':memory:' ? path : resolve(path);
    try {
      if (!options.readonly && this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      this.db = new Database(this.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      this.db.pragma('foreign_keys = ON');
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        // WAL + NORMAL: a crash of kiji never loses a committed transaction; power loss may lose the
        // last few, which the next run simply re-processes.
        this.db.pragma('synchronous = NORMAL');
        if (!options.migrated) migrate(this.db);
      }
    } catch (error) {
      if (error instanceof KijiError) throw error;
      throw new KijiError('E_DB', `cannot open the database ${this.path}: ${(error as Error).message}`, { path: this.path }, { cause: error });
    }
    this.statements = options.readonly ? undefined : this.prepare();
  }

  private prepare() {
    const db = this.db;
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS kiji_batch (
      seq INTEGER PRIMARY KEY, path TEXT, content_hash TEXT, bytes INTEGER, format TEXT, encoding TEXT, title TEXT, published_at TEXT,
      lang TEXT, chars INTEGER, text TEXT, status TEXT, error_code TEXT, error TEXT, pipeline_version TEXT, config_hash TEXT,
      processed_at TEXT, run_id INTEGER, file_stat TEXT)`);
    return {
      lookup: db.prepare<[string], ArticleState>(
        `SELECT ${ARTICLE_STATE} FROM articles WHERE path = ?`,
      ),
      // The batch's article rows go to this connection's temporary table first, then into `articles` with ONE
      // statement (see writeArticles).
      stageArticle: db.prepare(`
        INSERT INTO temp.kiji_batch (seq, path, content_hash, bytes, format, encoding, title, published_at, lang, chars, text, status, error_code, error,
                                     pipeline_version, config_hash, processed_at, run_id, file_stat)
        VALUES (@seq, @path, @contentHash, @bytes, @format, @encoding, @title, @publishedAt, @lang, @chars, @text, @status, @errorCode, @error,
                @pipelineVersion, @configHash, @processedAt, @runId, @fileStat)`),
      // `WHERE true`: an upsert's SELECT needs a WHERE so that ON CONFLICT is not read as a join's.
      upsertStaged: db.prepare(`
        INSERT INTO articles (path, content_hash, bytes, format, encoding, title, published_at, lang, chars, text, status, error_code, error,
                              pipeline_version, config_hash, processed_at, run_id, file_stat)
        SELECT path, content_hash, bytes, format, encoding, title, published_at, lang, chars, text, status, error_code, error,
               pipeline_version, config_hash, processed_at, run_id, file_stat
        FROM temp.kiji_batch WHERE true ORDER BY seq
        ON CONFLICT (path) DO UPDATE SET
          content_hash = excluded.content_hash, bytes = excluded.bytes, file_stat = excluded.file_stat, format = excluded.format, encoding = excluded.encoding,
          title = excluded.title, published_at = excluded.published_at, lang = excluded.lang, chars = excluded.chars, text = excluded.text,
          status = excluded.status, error_code = excluded.error_code, error = excluded.error,
          pipeline_version = excluded.pipeline_version, config_hash = excluded.config_hash,
          processed_at = excluded.processed_at, run_id = excluded.run_id`),
      // The rows' ids in the order of the batch, matched in SQL (the paths as SQLite stores them).
      stagedIds: db.prepare<[], number>('SELECT a.id FROM temp.kiji_batch b JOIN articles a ON a.path = b.path ORDER BY b.seq').pluck(),
      clearStaged: db.prepare('DELETE FROM temp.kiji_batch'),
      deleteMentions: db.prepare('DELETE FROM mentions WHERE article_id = ?'),
      insertMention: db.prepare(`
        INSERT INTO mentions (article_id, type, start, end, text, rule, value_json, date_value, date_mod, date_start, date_end,
                              amount_text, amount_minor, amount_max_text, currency, money_mod, org_name, org_kind, agreement_kind,
                              agreement_relation, agreement_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertParty: db.prepare('INSERT INTO agreement_parties (mention_id, position, party) VALUES (?, ?, ?)'),
      // The article's old grams, if any, went with the update trigger.
      insertGrams: db.prepare('INSERT INTO articles_grams (rowid, grams) VALUES (?, ?)'),
    };
  }

  private get writer() {
    if (!this.statements) throw new KijiError('E_DB', `the database ${this.path} is open read-only`);
    return this.statements;
  }

  /** Starts a run; any run still marked `running` was killed (the caller holds the run lock) and becomes `abandoned`. */
  beginRun(info: RunInfo): number {
    const id = this.db.transaction(() => {
      this.db.prepare("UPDATE runs SET status = 'abandoned' WHERE status = 'running'").run();
      return Number(
        this.db
          .prepare('INSERT INTO runs (started_at, config_hash, pipeline_version, inputs_json) VALUES (?, ?, ?, ?)')
          .run(now(), info.configHash, info.pipelineVersion, JSON.stringify(info.inputs ?? [])).lastInsertRowid,
      );
    }).immediate();
    this.run = { id, configHash: info.configHash, pipelineVersion: info.pipelineVersion, languageVersions: info.languageVersions ?? {} };
    return id;
  }

  finishRun(counts: RunCounts, status: RunStatus = 'done'): void {
    if (!this.run) return;
    this.db
      .prepare('UPDATE runs SET finished_at = ?, status = ?, seen = ?, processed = ?, skipped = ?, failed = ? WHERE id = ?')
      .run(now(), status, counts.seen, counts.processed, counts.skipped, counts.failed, this.run.id);
    this.run = undefined;
  }

  /** The run begun here, for another connection to write its articles (continueRun). */
  writingRun(): WritingRun {
    if (!this.run) throw new KijiError('E_INTERNAL', 'writingRun() before beginRun()');
    return { ...this.run };
  }

  /** Writes articles under a run another connection began (and will finish). */
  continueRun(run: WritingRun): void {
    this.run = { ...run };
  }

  get runId(): number | undefined {
    return this.run?.id;
  }

  lookup(path: string): ArticleState | undefined {
    return this.writer.lookup.get(path);
  }

  /**
   * Writes a batch of articles in ONE transaction: each article row is upserted and its mentions replaced.
   * Either the whole batch is committed or none of it.
   *
   * The order of the statements is what makes it cheap. FTS5 writes an index's pending entries to disk as a new
   * segment whenever a statement opens a statement journal (its xSavepoint), which every statement here does that
   * writes more than one row or fires triggers and may fail: the article upsert (the trigram index's triggers),
   * the deletion of mentions (cascading to their parties). Written article by article, each article was one
   * segment in each full-text index, merged sixteen at a time (half the writer's CPU for 2,000 livedoor articles).
   * So the batch's article rows are upserted by one statement (the triggers put every article's trigrams in the
   * pending entries), the mentions come next (flushing them once, as one segment), and the gram rows last, by
   * single-row inserts that open no statement journal (flushed once, at the commit).
   */
  writeArticles(batch: readonly StoredArticle[]): void {
    if (batch.length === 0) return;
    const run = this.run;
    if (!run) throw new KijiError('E_INTERNAL', 'writeArticles() before beginRun()');
    const s = this.writer;
    const processedAt = now();
    this.db.transaction(() => {
      // A path twice in one batch (the later one wins): written a part at a time, no path twice in a part.
      for (let from = 0; from < batch.length; ) {
        const paths = new Set<string>();
        let to = from;
        while (to < batch.length && !paths.has(batch[to]!.path)) paths.add(batch[to++]!.path);
        this.writePart(s, batch.slice(from, to), run, processedAt);
        from = to;
      }
    }).immediate();
  }

  /** Writes articles of distinct paths, inside writeArticles' transaction. */
  private writePart(s: Statements, part: readonly StoredArticle[], run: WritingRun, processedAt: string): void {
    part.forEach((article, seq) => {
      const ok = article.status === 'ok';
      s.stageArticle.run({
        seq,
        path: article.path,
        contentHash: article.contentHash,
        bytes: article.bytes,
        format: article.format ?? null,
        encoding: article.encoding ?? null,
        title: ok ? article.title : null,
        publishedAt: ok ? article.publishedAt : null,
        lang: ok ? article.lang : null,
        chars: ok ? article.chars : null,
        text: ok ? article.text : null,
        status: article.status,
        errorCode: ok ? null : article.errorCode,
        error: ok ? null : article.error,
        pipelineVersion: ok ? (run.languageVersions[article.lang] ?? run.pipelineVersion) : run.pipelineVersion,
        configHash: ok ? run.configHash : article.configHash ?? run.configHash,
        processedAt,
        runId: run.id,
        fileStat: article.fileStat ?? null,
      });
    });
    s.upsertStaged.run();
    const ids = s.stagedIds.all();
    s.clearStaged.run();
    part.forEach((article, i) => {
      const articleId = ids[i]!;
      s.deleteMentions.run(articleId);
      if (article.status !== 'ok') return;
      for (const m of article.mentions) {
        const mentionId = s.insertMention.run(
          articleId, m.type, m.start, m.end, m.text, m.rule, m.valueJson, m.dateValue, m.dateMod, m.dateStart, m.dateEnd,
          m.amountText, m.amountMinor, m.amountMaxText, m.currency, m.moneyMod, m.orgName, m.orgKind, m.agreementKind,
          m.agreementRelation, m.agreementKey,
        ).lastInsertRowid;
        m.parties.forEach((party, position) => s.insertParty.run(mentionId, position, party));
      }
    });
    part.forEach((article, i) => {
      if (article.status === 'ok') s.insertGrams.run(ids[i]!, article.grams ?? gramTokens(article.title, article.text));
    });
  }

  recordFailure(failure: FailedArticle): void {
    this.writeArticles([failure]);
  }

  close(): void {
    if (!this.db.open) return;
    if (this.statements && this.path !== ':memory:') {
      // At rest the database is in rollback-journal mode, so readers need no -shm file and no write
      // access to its folder. Busy (a reader has it open): it stays in WAL, which is just as correct.
      try {
        this.db.pragma('journal_mode = DELETE');
      } catch {
        /* stays WAL */
      }
    }
    this.db.close();
  }
}

export function openStore(path: string, options: StoreOptions = {}): KijiStore {
  return new KijiStore(path, options);
}
