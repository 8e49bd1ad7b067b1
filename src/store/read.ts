import { basename } from 'node:path';
import { KijiError } from '../core/errors.js';
import { RECORD_TYPES } from '../schema/records.js';
import type { KijiRecord } from '../schema/records.js';
import { recordOfRow, type StoredMention } from './rows.js';
import { literalMatch, type SqlConnection, type SqlValue } from './sql.js';
import { gramMatch } from './grams.js';

/**
 * The read side of a kiji database — every statement `inspect`, `query`, `export` and `report` run,
 * written once for both backends (SQLite and PostgreSQL; the dialect spells the few differences).
 * A schema change touches this file and schema.ts, nothing else. Orders are total (ties broken down
 * to the mention's type and id) so both backends list the same rows in the same order.
 */

export interface TypeCount {
  type: string;
  mentions: number;
  articles: number;
}

export interface StatusCount {
  status: string;
  errorCode: string | null;
  articles: number;
}

export interface OrgCount {
  name: string;
  kind: string | null;
  mentions: number;
  articles: number;
}

export interface KindCount {
  kind: string;
  mentions: number;
}

export interface DateRange {
  /** Earliest and latest day covered by a resolved DATE record. */
  first: string | null;
  last: string | null;
  /** Earliest and latest publication date. */
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface Summary {
  statuses: StatusCount[];
  types: TypeCount[];
  orgs: OrgCount[];
  agreementKinds: KindCount[];
  dates: DateRange;
}

export interface ArticleRow {
  id: number;
  path: string;
  contentHash: string | null;
  title: string | null;
  publishedAt: string | null;
  lang: string | null;
  chars: number | null;
  encoding: string | null;
  status: 'ok' | 'failed';
  errorCode: string | null;
  error: string | null;
  pipelineVersion: string;
  configHash: string;
  processedAt: string;
}

export interface ArticleListItem extends ArticleRow {
  counts: Record<string, number>;
  total: number;
}

/** One stored record with its article — the one row shape every reader returns. */
export interface RecordRow extends StoredMention {
  id: number;
  articleId: number;
  path: string;
  title: string | null;
  publishedAt: string | null;
  /** The record's date value (TIMEX): a DATE's own, an AGREEMENT's linked date; null for other types. */
  dateValue: string | null;
  /** A DATE's or a MONEY's mod. */
  mod: string | null;
  /** First and last day `dateValue` covers (ISO, inclusive), when known. */
  dateStart: string | null;
  dateEnd: string | null;
  amountText: string | null;
  /** Exact minor units (MONEY) as a BigInt, so nothing is lost. */
  amountMinor: bigint | null;
  amountMaxText: string | null;
  currency: string | null;
  orgName: string | null;
  orgKind: string | null;
  agreementKind: string | null;
  parties: string[];
  /** The record in the zod schema's shape: what extract, query --json and export print. */
  record: KijiRecord;
}

export interface ArticleHit {
  id: number;
  path: string;
  title: string | null;
  publishedAt: string | null;
  /** Some characters either side of the first match, the match in 【】. */
  snippet: string;
}

export interface RecordFilter {
  types?: readonly string[];
  /** First day of the period (inclusive, YYYY-MM-DD). */
  from?: string;
  /** Last day of the period (inclusive, YYYY-MM-DD). */
  to?: string;
  /** Organisation (substring of the canonical name or text; for agreements, of a party). */
  org?: string;
  /** Substring of the article's text or title (the full-text index), which holds every record's text. */
  text?: string;
  /** Substring of the record's own text. */
  recordText?: string;
  limit?: number;
}

const ARTICLE_COLUMNS = `a.id, a.path, a.content_hash AS "contentHash", a.title, a.published_at AS "publishedAt", a.lang, a.chars, a.encoding, a.status,
  a.error_code AS "errorCode", a.error, a.pipeline_version AS "pipelineVersion", a.config_hash AS "configHash", a.processed_at AS "processedAt"`;

type RecordSqlRow = Omit<RecordRow, 'value' | 'parties' | 'amountMinor' | 'record'> & { valueJson: string; partiesJson: string; amountMinor: string | null };

const toRecord = ({ valueJson, partiesJson, amountMinor, ...rest }: RecordSqlRow): RecordRow => {
  const value = JSON.parse(valueJson) as unknown;
  return {
    ...rest,
    value,
    amountMinor: amountMinor === null ? null : BigInt(amountMinor),
    parties: JSON.parse(partiesJson) as string[],
    record: recordOfRow({ ...rest, value }),
  };
};

/** The same shape as FTS5's snippet(): the first match in 【】 with some characters either side. */
function snippetAround(text: string, needle: string, context = 16): string {
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return text.slice(0, 2 * context);
  const from = Math.max(0, at - context);
  const to = Math.min(text.length, at + needle.length + context);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}【${text.slice(at, at + needle.length)}】${text.slice(at + needle.length, to)}${to < text.length ? '…' : ''}`;
}

const RECORD_ORDER = 'a.path, m.start, m."end", m.type, m.id';

export class StoreReader {
  constructor(readonly sql: SqlConnection) {}

  private get recordColumns(): string {
    // amount_minor as text: a 64-bit integer neither driver returns exactly as a plain number.
    return `m.id, m.article_id AS "articleId", a.path, a.title, a.published_at AS "publishedAt", m.type, m.start, m."end" AS "end", m.text, m.rule,
      m.value_json AS "valueJson", m.date_value AS "dateValue", COALESCE(m.date_mod, m.money_mod) AS mod, m.date_start AS "dateStart", m.date_end AS "dateEnd",
      m.amount_text AS "amountText", CAST(m.amount_minor AS TEXT) AS "amountMinor", m.amount_max_text AS "amountMaxText", m.currency,
      m.org_name AS "orgName", m.org_kind AS "orgKind", m.agreement_kind AS "agreementKind",
      ${this.sql.dialect.parties('m.id')} AS "partiesJson"`;
  }

  /** Mentions per record type, and in how many articles they occur. */
  countsByType(): Promise<TypeCount[]> {
    return this.sql.all('SELECT type, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles FROM mentions GROUP BY type ORDER BY type');
  }

  /** Articles per status and error code. */
  countsByStatus(): Promise<StatusCount[]> {
    return this.sql.all(
      'SELECT status, error_code AS "errorCode", COUNT(*) AS articles FROM articles GROUP BY status, error_code ORDER BY status DESC, articles DESC, error_code NULLS FIRST',
    );
  }

  /** Organisations by canonical name, most mentioned first. */
  orgsByName(options: { limit?: number } = {}): Promise<OrgCount[]> {
    return this.sql.all(
      `SELECT org_name AS name, MAX(org_kind) AS kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
       FROM mentions WHERE type = 'ORG'
       GROUP BY org_name ORDER BY mentions DESC, name LIMIT ?`,
      [options.limit ?? this.sql.dialect.noLimit],
    );
  }

  /** The inputs every run was given (absolute real paths since runs record them so; older runs: as typed). */
  async runInputs(): Promise<string[]> {
    const rows = await this.sql.all<{ inputs: string }>('SELECT DISTINCT inputs_json AS inputs FROM runs');
    const inputs = new Set<string>();
    for (const row of rows) {
      try {
        for (const input of JSON.parse(row.inputs) as unknown[]) if (typeof input === 'string') inputs.add(input);
      } catch {
        /* not a list: no inputs */
      }
    }
    return [...inputs];
  }

  async summary(options: { topOrgs?: number } = {}): Promise<Summary> {
    const agreementKinds = await this.sql.all<KindCount>(
      "SELECT agreement_kind AS kind, COUNT(*) AS mentions FROM mentions WHERE type = 'AGREEMENT' GROUP BY agreement_kind ORDER BY mentions DESC, kind",
    );
    const [dates] = await this.sql.all<DateRange>(
      `SELECT (SELECT MIN(date_start) FROM mentions WHERE type = 'DATE') AS first, (SELECT MAX(date_end) FROM mentions WHERE type = 'DATE') AS last,
              (SELECT MIN(published_at) FROM articles WHERE status = 'ok') AS "firstPublished", (SELECT MAX(published_at) FROM articles WHERE status = 'ok') AS "lastPublished"`,
    );
    return {
      statuses: await this.countsByStatus(),
      types: await this.countsByType(),
      orgs: await this.orgsByName({ limit: options.topOrgs ?? 10 }),
      agreementKinds,
      dates: dates!,
    };
  }

  /** Every article with its record counts per type, by publication date (undated last), then path. */
  async listArticles(): Promise<ArticleListItem[]> {
    const articles = await this.sql.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY a.published_at IS NULL, a.published_at, a.path`);
    const counts = await this.sql.all<{ articleId: number; type: string; n: number }>('SELECT article_id AS "articleId", type, COUNT(*) AS n FROM mentions GROUP BY article_id, type');
    const byArticle = new Map<number, Record<string, number>>();
    for (const c of counts) {
      const entry = byArticle.get(c.articleId) ?? Object.fromEntries(RECORD_TYPES.map((t) => [t, 0]));
      entry[c.type] = c.n;
      byArticle.set(c.articleId, entry);
    }
    return articles.map((a) => {
      const perType = byArticle.get(a.id) ?? Object.fromEntries(RECORD_TYPES.map((t) => [t, 0]));
      return { ...a, counts: perType, total: Object.values(perType).reduce((x, y) => x + y, 0) };
    });
  }

  async articleByPath(path: string): Promise<ArticleRow | undefined> {
    return (await this.sql.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.path = ?`, [path]))[0];
  }

  /** An article by database id, exact path, file name, a unique end of its path, or a unique beginning of its file name. */
  async findArticle(ref: string): Promise<ArticleRow> {
    const candidates = await this.sql.all<{ id: number; path: string }>(
      `SELECT id, path FROM articles WHERE CAST(id AS TEXT) = ? OR path = ? OR ${this.sql.dialect.contains('path', '?')} ORDER BY path`,
      [ref, ref, ref],
    );
    const name = (p: string) => basename(p);
    const tiers = [
      candidates.filter((a) => String(a.id) === ref || a.path === ref),
      candidates.filter((a) => name(a.path) === ref),
      candidates.filter((a) => a.path.endsWith(`/${ref}`)),
      candidates.filter((a) => name(a.path).startsWith(ref)),
    ];
    for (const tier of tiers) {
      if (tier.length === 1) return (await this.articleByPath(tier[0]!.path))!;
      if (tier.length > 1) throw new KijiError('E_USAGE', `"${ref}" matches ${tier.length} articles: ${tier.slice(0, 5).map((a) => a.path).join(', ')}`);
    }
    const near = candidates.slice(0, 5).map((a) => name(a.path));
    throw new KijiError('E_USAGE', `no article "${ref}" in the database${near.length ? ` (did you mean ${near.join(', ')}?)` : ': give its id, its path or its file name'}`);
  }

  /** The decoded text an article's offsets point into; null for a failed article or one stored before kiji kept texts. */
  async articleText(id: number): Promise<string | null> {
    const [row] = await this.sql.all<{ text: string | null }>('SELECT text FROM articles WHERE id = ?', [id]);
    return row?.text ?? null;
  }

  private searchIndexes?: Promise<boolean>;

  /**
   * Whether the database has the gram index and `articles_order` (schema.ts, one migration): a SQLite database
   * written before them has not when it is opened read-only, and PostgreSQL never.
   */
  private hasSearchIndexes(): Promise<boolean> {
    this.searchIndexes ??= this.sql.dialect.fullText
      ? this.sql
          .all<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE name IN ('articles_grams', 'articles_order')")
          .then((rows) => Number(rows[0]?.n ?? 0) === 2)
      : Promise.resolve(false);
    return this.searchIndexes;
  }

  /**
   * SQL for the ids of the articles whose title or text contains `needle`, Latin letters in either case:
   * on SQLite through the trigram index for three characters or more and the gram index for one or two
   * (grams.ts); else (PostgreSQL, or an old database read as it is) by scanning the texts.
   */
  private async articlesContaining(needle: string): Promise<{ sql: string; params: SqlValue[] }> {
    if (this.sql.dialect.fullText) {
      const match = literalMatch(needle);
      if (match) return { sql: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [match] };
      const grams = gramMatch(needle);
      if (grams && (await this.hasSearchIndexes())) return { sql: 'SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?', params: [grams] };
    }
    const { contains } = this.sql.dialect;
    return { sql: `SELECT id FROM articles WHERE ${contains('lower(text)', 'lower(?)')} OR ${contains('lower(title)', 'lower(?)')}`, params: [needle, needle] };
  }

  /**
   * The articles to read in result order (publication date, undated last, then path). With `articles_order`,
   * SQLite is made to walk that index (INDEXED BY) as the outer loop (CROSS JOIN keeps it outside), so the
   * first page of a search that matches most articles stops after the page instead of sorting every match.
   */
  private async orderedArticles(alias: string): Promise<{ from: string; join: string }> {
    return (await this.hasSearchIndexes()) ? { from: `articles ${alias} INDEXED BY articles_order`, join: 'CROSS JOIN' } : { from: `articles ${alias}`, join: 'JOIN' };
  }

  /** Processed articles whose title or text contains `needle`, by publication date, with the passage. */
  async searchArticles(needle: string, options: { limit?: number } = {}): Promise<ArticleHit[]> {
    const limit = options.limit ?? this.sql.dialect.noLimit;
    const order = (t: string) => `ORDER BY ${t}.published_at IS NULL, ${t}.published_at, ${t}.path`;
    // The page of ids first, then passages or texts for that page only: a passage for every match, or
    // every match's text in the sorter, was most of the time.
    const ids = await this.articlesContaining(needle);
    const { from } = await this.orderedArticles('b');
    const page = `SELECT b.id FROM ${from} WHERE b.id IN (${ids.sql}) AND b.status = 'ok' ${order('b')} LIMIT ?`;
    const match = this.sql.dialect.fullText ? literalMatch(needle) : null;
    if (match) {
      return this.sql.all<ArticleHit>(
        `SELECT a.id, a.path, a.title, a.published_at AS "publishedAt", snippet(articles_fts, 1, '【', '】', '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND a.id IN (${page}) ${order('a')}`,
        [match, ...ids.params, limit],
      );
    }
    const rows = await this.sql.all<Omit<ArticleHit, 'snippet'> & { text: string | null }>(
      `SELECT a.id, a.path, a.title, a.published_at AS "publishedAt", a.text FROM articles a WHERE a.id IN (${page}) ${order('a')}`,
      [...ids.params, limit],
    );
    return rows.map(({ text, ...hit }) => ({ ...hit, snippet: snippetAround(text !== null && text.toLowerCase().includes(needle.toLowerCase()) ? text : hit.title ?? '', needle) }));
  }

  /** The records of one article (by id or path), in text order. */
  async mentionsOfArticle(article: number | string): Promise<RecordRow[]> {
    const rows = await this.sql.all<RecordSqlRow>(
      `SELECT ${this.recordColumns} FROM mentions m JOIN articles a ON a.id = m.article_id
       WHERE ${typeof article === 'number' ? 'a.id' : 'a.path'} = ? ORDER BY ${RECORD_ORDER}`,
      [article],
    );
    return rows.map(toRecord);
  }

  /**
   * Records by filter. The period (`from`/`to`) applies to the record's own date — the days a DATE
   * covers, an AGREEMENT's signing date — and otherwise to the article's publication date.
   */
  async queryMentions(filter: RecordFilter = {}): Promise<RecordRow[]> {
    const { dialect } = this.sql;
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.types?.length) {
      where.push(`m.type IN (${filter.types.map(() => '?').join(', ')})`);
      params.push(...filter.types);
    }
    if (filter.text) {
      // Records of the articles that contain it (a record's text is part of its article's). Articles stored
      // before kiji kept texts are found once the next run has re-read them (migration 2 makes it).
      const ids = await this.articlesContaining(filter.text);
      where.push(`a.id IN (${ids.sql})`);
      params.push(...ids.params);
    }
    if (filter.recordText) {
      where.push(dialect.contains('m.text', '?'));
      params.push(filter.recordText);
    }
    if (filter.org) {
      // ORG: the organisation itself; AGREEMENT: a party; other types: the article mentions it.
      where.push(`CASE m.type
        WHEN 'ORG' THEN ${dialect.contains('m.org_name', '?')} OR ${dialect.contains('m.text', '?')}
        WHEN 'AGREEMENT' THEN EXISTS (SELECT 1 FROM agreement_parties q WHERE q.mention_id = m.id AND ${dialect.contains('q.party', '?')})
        ELSE EXISTS (SELECT 1 FROM mentions o WHERE o.article_id = m.article_id AND o.type = 'ORG' AND (${dialect.contains('o.org_name', '?')} OR ${dialect.contains('o.text', '?')}))
      END`);
      params.push(filter.org, filter.org, filter.org, filter.org, filter.org);
    }
    // The record's own period, as the ISO days its date value covers (a DATE's own, an agreement's linked
    // date); a record without a date (or an agreement whose date's days are unknown) has its article's.
    const own = {
      start: `CASE WHEN m.type = 'DATE' THEN m.date_start ELSE COALESCE(m.date_start, a.published_at) END`,
      end: `CASE WHEN m.type = 'DATE' THEN m.date_end ELSE COALESCE(m.date_end, a.published_at) END`,
    };
    if (filter.from) {
      where.push(`(${own.end}) >= ?`);
      params.push(filter.from);
    }
    if (filter.to) {
      where.push(`(${own.start}) <= ?`);
      params.push(filter.to);
    }
    // A text search names a set of articles: walk them in order (see orderedArticles), their records by the index on article_id.
    const source = filter.text
      ? await this.orderedArticles('a').then(({ from, join }) => `${from} ${join} mentions m ON m.article_id = a.id`)
      : 'mentions m JOIN articles a ON a.id = m.article_id';
    const rows = await this.sql.all<RecordSqlRow>(
      `SELECT ${this.recordColumns} FROM ${source}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.published_at IS NULL, a.published_at, ${RECORD_ORDER} LIMIT ?`,
      [...params, filter.limit ?? dialect.noLimit],
    );
    return rows.map(toRecord);
  }

  /** Every record (optionally of some types), streamed in article and text order, for export. */
  async *iterateMentions(types?: readonly string[]): AsyncGenerator<RecordRow> {
    const where = types?.length ? `WHERE m.type IN (${types.map(() => '?').join(', ')})` : '';
    const sql = `SELECT ${this.recordColumns} FROM mentions m JOIN articles a ON a.id = m.article_id ${where} ORDER BY ${RECORD_ORDER}`;
    for await (const row of this.sql.iterate<RecordSqlRow>(sql, types ?? [])) yield toRecord(row);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
