import type Database from 'better-sqlite3';
import type pg from 'pg';
import { timexDays } from '../core/timex.js';
import { gramTokens } from './grams.js';

/**
 * The kiji database schema, the same on SQLite and PostgreSQL. Migration i (0-based) takes a database
 * at version i to version i + 1, each in its own transaction; SQLite keeps the version in
 * `PRAGMA user_version`, PostgreSQL in the one-row table `kiji_schema` (see postgres.ts). A migration
 * is SQLite DDL, translated for PostgreSQL by `postgresDdl()` (INTEGER → BIGINT, TEXT with byte-wise
 * "C" collation so text sorts and compares as in SQLite), unless it gives its own `postgres` text for
 * what has no common spelling (FTS5, say). Never edit a migration that has shipped; append a new one.
 *
 * ## Tables
 *
 * `runs` — one row per `kiji run`: when, with which config and pipeline version, and what it did.
 * A run killed with `kill -9` stays `running` until the next run marks it `abandoned`.
 *
 * `articles` — one row per input file (`path` is its real path: a file reached through a symbolic
 * link or a linked folder is the same article). `status` is `ok`, `failed` or `missing` (a run over
 * its folder no longer found the file: its records are dropped, `kiji prune` removes the row; a file
 * renamed with the same bytes is the same article, its path updated);
 * a failed article has `error_code` (E_BINARY, E_EMPTY, E_DECODE, E_READ, E_TOO_LARGE, …) and
 * `error` (the reason, with the byte offset for undecodable files) and no mentions. `content_hash`
 * is the SHA-256 of the file's bytes; with `pipeline_version` and `config_hash` it decides whether
 * the next run skips the article. `file_stat` is the file's size, mtime, ctime, inode and device when
 * those bytes were read (`size:mtimeNs:ctimeNs:ino:dev`, src/batch/file-hash.ts), NULL when they were too
 * recent to be trusted: while the file's stat is still that, a run skips it without reading it.
 *
 * `mentions` — one row per extracted record. `start`/`end` are UTF-16 offsets into the article's
 * decoded text (end exclusive); `value_json` is the record's full value; the typed columns repeat
 * what users filter on:
 *   a date:    date_value (TIMEX: 2025-11-02, 2025-11, FY2025, P4Y, 1995/2025), date_mod (START/MID/END…),
 *              date_start / date_end (first and last day covered, ISO, inclusive; NULL when unknown) — one shape
 *              for every stored date value: a DATE's own, an AGREEMENT's linked date (no mod)
 *   MONEY:     amount_text (exact decimal string), amount_minor (INTEGER in the currency's minor unit —
 *              yen for JPY, cents for USD — NULL when it is not an exact 64-bit integer), amount_max_text,
 *              currency (ISO 4217), money_mod (APPROX/MORE_THAN/…)
 *   ORG:       org_name (canonical name; for an alias the full name), org_kind
 *   AGREEMENT: agreement_kind, its date in the date columns, agreement_relation (what the date is: signed, concluded,
 *              adopted, issued, established, in_force, dated), agreement_key (one agreement across mentions and articles:
 *              normalized name without its party prefix, `|` and the sorted canonical parties), parties in `agreement_parties`
 *
 * `agreement_parties` — (mention_id, position, party): the parties an agreement names, one row each.
 *
 * `articles.text` — the decoded text every offset points into (for HTML, the article text kiji
 * extracted, not the markup), so `inspect` and `report` never read the file again.
 * `articles_fts` (SQLite) — an FTS5 index over `title` and `text` with the trigram tokenizer (Japanese
 * has no spaces; trigrams find any substring of three or more characters), kept in step by triggers;
 * an external-content table on `articles`, which Datasette and `sqlite-utils search` recognise.
 * `articles_grams` (SQLite) — for searches of one and two characters, which trigrams cannot serve: each
 * article's distinct characters and adjacent pairs as ASCII tokens (grams.ts), a contentless FTS5 table
 * (rowid = articles.id) that the writer fills and triggers empty; a hand-made change to `articles.text`
 * outside kiji leaves its row out of short searches until the next `kiji run --force`. The index
 * `articles_order` (publication date, undated last, then path) gives search results a page at a time.
 * PostgreSQL has no index for it: a search there scans the texts.
 *
 * Views for the common questions: `organisations` (by mentions), `agreements` (with date and parties),
 * `agreements_by_key` (one row per agreement: its longest name, kind, date and relation, parties, mentions, articles),
 * `money_by_currency_year` (amounts per currency and year of publication).
 *
 * Re-processing an article deletes its mentions (cascading to agreement_parties) and inserts the new
 * ones in the same transaction as the article row: no reader ever sees half an article.
 */
export interface Migration {
  readonly description: string;
  /** SQLite DDL, or a function for the changes SQLite has no statement for. */
  readonly sqlite: string | ((db: Database.Database) => void);
  /** PostgreSQL DDL, or a function for what needs code (run in the migration's transaction); default: `postgresDdl(sqlite)`. */
  readonly postgres?: string | ((client: pg.ClientBase) => Promise<void>);
}

/** Migration 3's organisations view: the same SQL for SQLite and PostgreSQL, written once. */
const ORGANISATIONS_VIEW = `
      CREATE VIEW organisations AS
        SELECT m.org_name AS name,
               (SELECT o.org_kind FROM mentions o WHERE o.type = 'ORG' AND o.org_name = m.org_name AND o.org_kind IS NOT NULL
                GROUP BY o.org_kind ORDER BY COUNT(*) DESC, o.org_kind LIMIT 1) AS kind,
               COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,
               MIN(a.published_at) AS first_published, MAX(a.published_at) AS last_published
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'ORG'
        GROUP BY m.org_name
        ORDER BY mentions DESC, name;`;

/**
 * Migration 5's views over agreements, as migration 2 and 3 made them but reading the agreement's date from
 * the date columns. The dialects differ only in how they join the parties and sort a boolean.
 */
function agreementViews(dialect: 'sqlite' | 'postgres'): string {
  const sqlite = dialect === 'sqlite';
  const mentionParties = sqlite
    ? "(SELECT group_concat(party, ' / ') FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = m.id ORDER BY position))"
    : "(SELECT string_agg(p.party, ' / ' ORDER BY p.position) FROM agreement_parties p WHERE p.mention_id = m.id)";
  const keyParties = `(SELECT ${sqlite ? 'group_concat' : 'string_agg'}(q.party, ' / ') FROM (SELECT DISTINCT p.party FROM agreement_parties p JOIN mentions n ON n.id = p.mention_id
                WHERE n.agreement_key = m.agreement_key ORDER BY p.party) q)`;
  const inForceLast = sqlite ? "(n.agreement_relation = 'in_force')" : "(n.agreement_relation = 'in_force')::int";
  const keyDate = (column: string) => `(SELECT ${column} FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key AND n.date_value IS NOT NULL
                GROUP BY n.date_value, n.agreement_relation ORDER BY ${inForceLast}, COUNT(*) DESC, n.date_value LIMIT 1)`;
  return `
      CREATE VIEW agreements AS
        SELECT m.id AS mention_id, m.article_id, a.path, a.title, a.published_at, m.text, m.agreement_kind AS kind,
               m.date_value AS date, ${mentionParties} AS parties
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'AGREEMENT'
        ORDER BY m.date_value, a.published_at, a.path, m.start;

      CREATE VIEW agreements_by_key AS
        SELECT m.agreement_key AS key,
               (SELECT n.text FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                ORDER BY length(n.text) DESC, n.id LIMIT 1) AS name,
               (SELECT n.agreement_kind FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                GROUP BY n.agreement_kind ORDER BY COUNT(*) DESC, n.agreement_kind LIMIT 1) AS kind,
               ${keyDate('n.date_value')} AS date,
               ${keyDate('n.agreement_relation')} AS date_relation,
               ${keyParties} AS parties,
               COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles
        FROM mentions m
        WHERE m.type = 'AGREEMENT' AND m.agreement_key IS NOT NULL
        GROUP BY m.agreement_key
        ORDER BY date, name;`;
}

/** Migration 5, before the column goes: an agreement's date moves into the date columns with the days it covers. */
const MOVE_AGREEMENT_DATES = `
      DROP VIEW agreements;
      DROP VIEW agreements_by_key;
      DROP INDEX mentions_agreement;
      UPDATE mentions SET date_value = agreement_date WHERE type = 'AGREEMENT';`;
const DATED_AGREEMENTS = "SELECT id, date_value AS value FROM mentions WHERE type = 'AGREEMENT' AND date_value IS NOT NULL";
/** Migration 5, after: the column dropped, its index and the views made again over the date columns. */
const AGREEMENT_DATE_DROPPED = `
      ALTER TABLE mentions DROP COLUMN agreement_date;
      CREATE INDEX mentions_agreement ON mentions(agreement_kind, date_value) WHERE type = 'AGREEMENT';`;

/** The days each dated agreement's TIMEX value covers (those whose days are known). */
function agreementDays(rows: readonly { id: number | string; value: string }[]): { id: number | string; start: string; end: string }[] {
  return rows.flatMap(({ id, value }) => {
    const days = timexDays(value);
    return days ? [{ id, ...days }] : [];
  });
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'the first schema',
    sqlite: `
      CREATE TABLE runs (
        id               INTEGER PRIMARY KEY,
        started_at       TEXT    NOT NULL,             -- ISO 8601 UTC
        finished_at      TEXT,
        status           TEXT    NOT NULL DEFAULT 'running'
                         CHECK (status IN ('running', 'done', 'interrupted', 'failed', 'abandoned')),
        config_hash      TEXT    NOT NULL,
        pipeline_version TEXT    NOT NULL,
        inputs_json      TEXT    NOT NULL DEFAULT '[]',
        seen             INTEGER NOT NULL DEFAULT 0,
        processed        INTEGER NOT NULL DEFAULT 0,
        skipped          INTEGER NOT NULL DEFAULT 0,
        failed           INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE articles (
        id               INTEGER PRIMARY KEY,
        path             TEXT    NOT NULL UNIQUE,
        content_hash     TEXT,                         -- sha256 hex of the file's bytes; NULL if unreadable
        bytes            INTEGER,
        format           TEXT,                         -- txt | html | md
        encoding         TEXT,                         -- utf-8 | shift_jis | euc-jp
        title            TEXT,
        published_at     TEXT,                         -- YYYY-MM-DD (the reference date used)
        lang             TEXT,                         -- ja | en
        chars            INTEGER,                      -- UTF-16 length of the decoded text
        status           TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
        error_code       TEXT,
        error            TEXT,
        pipeline_version TEXT    NOT NULL,
        config_hash      TEXT    NOT NULL,
        processed_at     TEXT    NOT NULL,
        run_id           INTEGER REFERENCES runs(id) ON DELETE SET NULL
      );
      CREATE INDEX articles_status ON articles(status);
      CREATE INDEX articles_published_at ON articles(published_at);

      CREATE TABLE mentions (
        id              INTEGER PRIMARY KEY,
        article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type            TEXT    NOT NULL CHECK (type IN ('DATE', 'MONEY', 'ORG', 'AGREEMENT')),
        start           INTEGER NOT NULL,
        "end"           INTEGER NOT NULL,
        text            TEXT    NOT NULL,
        rule            TEXT    NOT NULL,
        value_json      TEXT    NOT NULL,
        date_value      TEXT,
        date_mod        TEXT,
        date_start      TEXT,
        date_end        TEXT,
        amount_text     TEXT,
        amount_minor    INTEGER,
        amount_max_text TEXT,
        currency        TEXT,
        money_mod       TEXT,
        org_name        TEXT,
        org_kind        TEXT,
        agreement_kind  TEXT,
        agreement_date  TEXT
      );
      CREATE INDEX mentions_article ON mentions(article_id, start);
      CREATE INDEX mentions_type ON mentions(type);
      CREATE INDEX mentions_date ON mentions(date_start, date_end) WHERE type = 'DATE';
      CREATE INDEX mentions_money ON mentions(currency, amount_minor) WHERE type = 'MONEY';
      CREATE INDEX mentions_org ON mentions(org_name) WHERE type = 'ORG';
      CREATE INDEX mentions_agreement ON mentions(agreement_kind, agreement_date) WHERE type = 'AGREEMENT';

      CREATE TABLE agreement_parties (
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        party      TEXT    NOT NULL,
        PRIMARY KEY (mention_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX agreement_parties_party ON agreement_parties(party);
    `,
  },
  {
    // SQLite cannot alter a CHECK constraint; the documented way is to edit the table's schema text
    // (the stored rows are unaffected) and bump schema_version, which keeps the table, its indexes,
    // triggers and foreign keys as they are (rebuilding it would cascade-delete every mention).
    description: "an article whose file a run no longer finds is 'missing' (its records dropped, the row kept until `kiji prune`)",
    sqlite: (db) => editTableSql(db, 'articles', "CHECK (status IN ('ok', 'failed'))", "CHECK (status IN ('ok', 'failed', 'missing'))"),
    postgres: `ALTER TABLE articles DROP CONSTRAINT articles_status_check;
      ALTER TABLE articles ADD CONSTRAINT articles_status_check CHECK (status IN ('ok', 'failed', 'missing'));`,
  },
  {
    description: 'the article text, its full-text index (SQLite), and views for the common questions',
    sqlite: `
      ALTER TABLE articles ADD COLUMN text TEXT;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="id", tokenize="trigram");
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      -- Articles stored before the text was kept have none: forget their hash so the next run re-reads them.
      UPDATE articles SET content_hash = NULL WHERE status = 'ok';

${ORGANISATIONS_VIEW}

      CREATE VIEW agreements AS
        SELECT m.id AS mention_id, m.article_id, a.path, a.title, a.published_at, m.text, m.agreement_kind AS kind,
               m.agreement_date AS date, (SELECT group_concat(party, ' / ') FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = m.id ORDER BY position)) AS parties
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'AGREEMENT'
        ORDER BY m.agreement_date, a.published_at, a.path, m.start;

      -- Exchange rates (ja.money.rate) and vague amounts are left out; total_amount is a float sum,
      -- amount_text the exact figures.
      CREATE VIEW money_by_currency_year AS
        SELECT m.currency, substr(a.published_at, 1, 4) AS year, COUNT(*) AS mentions,
               COUNT(DISTINCT m.article_id) AS articles, SUM(CAST(m.amount_text AS REAL)) AS total_amount,
               MAX(CAST(m.amount_text AS REAL)) AS largest_amount
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'MONEY' AND m.amount_text IS NOT NULL AND m.rule <> 'ja.money.rate'
        GROUP BY m.currency, substr(a.published_at, 1, 4)
        ORDER BY year, mentions DESC, currency;
    `,
    postgres: `
      ALTER TABLE articles ADD COLUMN text TEXT COLLATE "C";
      UPDATE articles SET content_hash = NULL WHERE status = 'ok';

${ORGANISATIONS_VIEW}

      CREATE VIEW agreements AS
        SELECT m.id AS mention_id, m.article_id, a.path, a.title, a.published_at, m.text, m.agreement_kind AS kind,
               m.agreement_date AS date, (SELECT string_agg(p.party, ' / ' ORDER BY p.position) FROM agreement_parties p WHERE p.mention_id = m.id) AS parties
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'AGREEMENT'
        ORDER BY m.agreement_date, a.published_at, a.path, m.start;

      -- Exchange rates (ja.money.rate) and vague amounts are left out; total_amount is a float sum,
      -- amount_text the exact figures.
      CREATE VIEW money_by_currency_year AS
        SELECT m.currency, substr(a.published_at, 1, 4) AS year, COUNT(*) AS mentions,
               COUNT(DISTINCT m.article_id) AS articles, SUM(CAST(m.amount_text AS DOUBLE PRECISION)) AS total_amount,
               MAX(CAST(m.amount_text AS DOUBLE PRECISION)) AS largest_amount
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.type = 'MONEY' AND m.amount_text IS NOT NULL AND m.rule <> 'ja.money.rate'
        GROUP BY m.currency, substr(a.published_at, 1, 4)
        ORDER BY year, mentions DESC, currency;
    `,
  },
  {
    // value_json keeps the whole value; the columns are what users group and filter on.
    description: "an agreement's date relation (signed, in_force, …) and canonical key, and a view with one row per agreement",
    sqlite: `
      ALTER TABLE mentions ADD COLUMN agreement_relation TEXT;
      ALTER TABLE mentions ADD COLUMN agreement_key TEXT;
      CREATE INDEX mentions_agreement_key ON mentions(agreement_key) WHERE type = 'AGREEMENT';

      CREATE VIEW agreements_by_key AS
        SELECT m.agreement_key AS key,
               (SELECT n.text FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                ORDER BY length(n.text) DESC, n.id LIMIT 1) AS name,
               (SELECT n.agreement_kind FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                GROUP BY n.agreement_kind ORDER BY COUNT(*) DESC, n.agreement_kind LIMIT 1) AS kind,
               (SELECT n.agreement_date FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key AND n.agreement_date IS NOT NULL
                GROUP BY n.agreement_date, n.agreement_relation ORDER BY (n.agreement_relation = 'in_force'), COUNT(*) DESC, n.agreement_date LIMIT 1) AS date,
               (SELECT n.agreement_relation FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key AND n.agreement_date IS NOT NULL
                GROUP BY n.agreement_date, n.agreement_relation ORDER BY (n.agreement_relation = 'in_force'), COUNT(*) DESC, n.agreement_date LIMIT 1) AS date_relation,
               (SELECT group_concat(q.party, ' / ') FROM (SELECT DISTINCT p.party FROM agreement_parties p JOIN mentions n ON n.id = p.mention_id
                WHERE n.agreement_key = m.agreement_key ORDER BY p.party) q) AS parties,
               COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles
        FROM mentions m
        WHERE m.type = 'AGREEMENT' AND m.agreement_key IS NOT NULL
        GROUP BY m.agreement_key
        ORDER BY date, name;
    `,
    postgres: `
      ALTER TABLE mentions ADD COLUMN agreement_relation TEXT;
      ALTER TABLE mentions ADD COLUMN agreement_key TEXT COLLATE "C";
      CREATE INDEX mentions_agreement_key ON mentions(agreement_key) WHERE type = 'AGREEMENT';

      CREATE VIEW agreements_by_key AS
        SELECT m.agreement_key AS key,
               (SELECT n.text FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                ORDER BY length(n.text) DESC, n.id LIMIT 1) AS name,
               (SELECT n.agreement_kind FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key
                GROUP BY n.agreement_kind ORDER BY COUNT(*) DESC, n.agreement_kind LIMIT 1) AS kind,
               (SELECT n.agreement_date FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key AND n.agreement_date IS NOT NULL
                GROUP BY n.agreement_date, n.agreement_relation ORDER BY (n.agreement_relation = 'in_force')::int, COUNT(*) DESC, n.agreement_date LIMIT 1) AS date,
               (SELECT n.agreement_relation FROM mentions n WHERE n.type = 'AGREEMENT' AND n.agreement_key = m.agreement_key AND n.agreement_date IS NOT NULL
                GROUP BY n.agreement_date, n.agreement_relation ORDER BY (n.agreement_relation = 'in_force')::int, COUNT(*) DESC, n.agreement_date LIMIT 1) AS date_relation,
               (SELECT string_agg(q.party, ' / ') FROM (SELECT DISTINCT p.party FROM agreement_parties p JOIN mentions n ON n.id = p.mention_id
                WHERE n.agreement_key = m.agreement_key ORDER BY p.party) q) AS parties,
               COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles
        FROM mentions m
        WHERE m.type = 'AGREEMENT' AND m.agreement_key IS NOT NULL
        GROUP BY m.agreement_key
        ORDER BY date, name;
    `,
  },
  {
    // Migration 3 made an external-content FTS5 index over articles that already had rows without
    // indexing them, so the first update of such a row ('delete' of an entry never inserted) failed
    // with "database disk image is malformed": every database upgraded from before it. A rebuild makes
    // the index match the table (and costs nothing on a new database).
    description: 'the full-text index rebuilt from the articles (an upgraded database had an empty one)',
    sqlite: "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');",
    postgres: 'SELECT 1;',
  },
  {
    // A date value had two stored shapes: a DATE's TIMEX with the days it covers, an agreement's TIMEX alone
    // (agreement_date), widened to days in SQL by string tricks that missed weeks, fiscal years and ranges.
    description: "one stored shape for a date value: an agreement's date in the date columns (date_value, date_start, date_end), agreement_date dropped",
    sqlite: (db) => {
      db.exec(MOVE_AGREEMENT_DATES);
      const rows = db.prepare<[], { id: number; value: string }>(DATED_AGREEMENTS).all();
      const update = db.prepare('UPDATE mentions SET date_start = ?, date_end = ? WHERE id = ?');
      for (const d of agreementDays(rows)) update.run(d.start, d.end, d.id);
      db.exec(AGREEMENT_DATE_DROPPED + agreementViews('sqlite'));
    },
    postgres: async (client) => {
      await client.query(MOVE_AGREEMENT_DATES);
      const days = agreementDays((await client.query<{ id: string; value: string }>(DATED_AGREEMENTS)).rows);
      await client.query(
        'UPDATE mentions m SET date_start = u.first_day, date_end = u.last_day FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, first_day, last_day) WHERE m.id = u.id',
        [days.map((d) => String(d.id)), days.map((d) => d.start), days.map((d) => d.end)],
      );
      await client.query(AGREEMENT_DATE_DROPPED + agreementViews('postgres'));
    },
  },
  {
    // Searches of one or two characters scanned every text (170–380 ms on the livedoor corpus). The writer
    // inserts each article's grams (computed in JavaScript, see grams.ts); the triggers only delete them.
    description: 'an index of the characters and character pairs of each article, for searches of one or two characters, and the articles in publication order (SQLite)',
    sqlite: (db) => {
      // articles_order: the order search results come in, so a page of them is read off the index, not sorted from every match.
      db.exec(`
        CREATE INDEX articles_order ON articles(published_at IS NULL, published_at, path, status);
        CREATE VIRTUAL TABLE articles_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii');
        CREATE TRIGGER articles_grams_delete AFTER DELETE ON articles BEGIN
          DELETE FROM articles_grams WHERE rowid = old.id;
        END;
        CREATE TRIGGER articles_grams_update AFTER UPDATE OF title, text ON articles BEGIN
          DELETE FROM articles_grams WHERE rowid = old.id;
        END;`);
      // In pages of ids (a connection cannot write while it iterates), so a large database is never held whole.
      const insert = db.prepare('INSERT INTO articles_grams (rowid, grams) VALUES (?, ?)');
      const page = db.prepare<[number], { id: number; title: string | null; text: string }>('SELECT id, title, text FROM articles WHERE text IS NOT NULL AND id > ? ORDER BY id LIMIT 256');
      for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.id)) {
        for (const row of rows) insert.run(row.id, gramTokens(row.title, row.text));
      }
    },
    postgres: 'SELECT 1;',
  },
  {
    // A run with nothing changed read and hashed every file (44 ms of 2,000 files) and looked each one up in a
    // row that keeps its text before the columns asked for. The stat it was read under lets the next run skip an
    // unchanged file on a stat; the index holds what the skip decision reads, so the rows of a folder are one
    // index range, not a walk over their texts.
    description: "each article's file stat when it was read (file_stat), and an index with what a run reads to skip an article",
    sqlite: `
      ALTER TABLE articles ADD COLUMN file_stat TEXT;
      CREATE INDEX articles_skip ON articles(path, status, content_hash, pipeline_version, config_hash, lang, error_code, file_stat);`,
    // PostgreSQL gets the column only: a queued run reads its states its own way (postgres.ts), and a btree entry
    // there is limited to ≈ 2.7 kB, which a long path with these columns could pass.
    postgres: 'ALTER TABLE articles ADD COLUMN file_stat TEXT COLLATE "C";',
  },
  {
    // FTS5 merged the segments of both full-text indexes four at a time after each transaction (automerge=4):
    // about a fifth of the writer thread's time in a run (7,367 livedoor articles: 13.1 -> 10.7 CPU-s to write
    // them, searches as fast). With automerge=0 a level's segments are merged when it has 16 (crisismerge), so a
    // search reads at most 15 segments a level. FTS5 keeps the setting in the index's own config table.
    description: 'the full-text indexes merge their segments only when a level has 16 (FTS5 automerge=0), not after every transaction (SQLite)',
    sqlite: `
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);
      INSERT INTO articles_grams (articles_grams, rank) VALUES ('automerge', 0);`,
    postgres: 'SELECT 1;',
  },
];

/** Replaces `from` by `to` in a table's CREATE statement (a change that does not touch the stored format). */
function editTableSql(db: Database.Database, table: string, from: string, to: string): void {
  const sql = db.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table);
  if (sql === undefined || !sql.includes(from)) throw new Error(`migration: table ${table} does not have ${from}`);
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?").run(sql.replace(from, to), table);
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database to the newest schema; refuses a database written by a newer kiji. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(`the database has schema version ${from}, newer than this kiji knows (${MIGRATIONS.length}); upgrade kiji`);
  }
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      const { sqlite } = MIGRATIONS[version]!;
      if (typeof sqlite === 'string') db.exec(sqlite);
      else sqlite(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return { from, to: MIGRATIONS.length };
}

/** A migration's SQLite DDL in PostgreSQL's spelling. */
export function postgresDdl(sqlite: string): string {
  return sqlite
    .replace(/\bINTEGER PRIMARY KEY\b/g, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bTEXT\b/g, 'TEXT COLLATE "C"')
    .replace(/\)\s*WITHOUT ROWID/g, ')');
}

export function postgresMigration(migration: Migration): string | ((client: pg.ClientBase) => Promise<void>) {
  if (migration.postgres !== undefined) return migration.postgres;
  if (typeof migration.sqlite !== 'string') throw new Error(`migration "${migration.description}" needs its own PostgreSQL text`);
  return postgresDdl(migration.sqlite);
}
