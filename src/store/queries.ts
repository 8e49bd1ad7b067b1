import type Database from 'better-sqlite3';

/**
 * Read-side queries other commands (inspect, export, report) reuse. Each takes a better-sqlite3
 * connection (`store.db`, or one opened read-only) and returns plain objects.
 */

export interface TypeCount {
  type: string;
  mentions: number;
  articles: number;
}

/** Mentions per record type, and in how many articles they occur. */
export function countsByType(db: Database.Database): TypeCount[] {
  return db
    .prepare<[], TypeCount>('SELECT type, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles FROM mentions GROUP BY type ORDER BY type')
    .all();
}

export interface StatusCount {
  status: string;
  errorCode: string | null;
  articles: number;
}

/** Articles per status and error code. */
export function countsByStatus(db: Database.Database): StatusCount[] {
  return db
    .prepare<[], StatusCount>(
      'SELECT status, error_code AS errorCode, COUNT(*) AS articles FROM articles GROUP BY status, error_code ORDER BY status DESC, articles DESC',
    )
    .all();
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

const ARTICLE_COLUMNS = `id, path, content_hash AS contentHash, title, published_at AS publishedAt, lang, chars, encoding, status,
  error_code AS errorCode, error, pipeline_version AS pipelineVersion, config_hash AS configHash, processed_at AS processedAt`;

export function articleByPath(db: Database.Database, path: string): ArticleRow | undefined {
  return db.prepare<[string], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE path = ?`).get(path);
}

export function failedArticles(db: Database.Database): ArticleRow[] {
  return db.prepare<[], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE status = 'failed' ORDER BY path`).all();
}

export interface MentionOut {
  id: number;
  type: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  value: unknown;
  /** Exact minor units (MONEY), read as a BigInt so nothing is lost. */
  amountMinor: bigint | null;
  parties: string[];
}

/** The mentions of one article (by id or path), in text order, with parsed values and agreement parties. */
export function mentionsOfArticle(db: Database.Database, article: number | string): MentionOut[] {
  const rows = db
    .prepare<[number | string], { id: bigint; type: string; start: bigint; end: bigint; text: string; rule: string; valueJson: string; amountMinor: bigint | null; parties: string | null }>(
      `SELECT m.id, m.type, m.start, m.end, m.text, m.rule, m.value_json AS valueJson, m.amount_minor AS amountMinor,
              (SELECT json_group_array(party) FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = m.id ORDER BY position)) AS parties
       FROM mentions m JOIN articles a ON a.id = m.article_id
       WHERE ${typeof article === 'number' ? 'a.id' : 'a.path'} = ?
       ORDER BY m.start, m.end`,
    )
    .safeIntegers(true)
    .all(article);
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    start: Number(r.start),
    end: Number(r.end),
    text: r.text,
    rule: r.rule,
    value: JSON.parse(r.valueJson) as unknown,
    amountMinor: r.amountMinor,
    parties: r.parties ? (JSON.parse(r.parties) as string[]) : [],
  }));
}

export interface AgreementOut {
  path: string;
  text: string;
  kind: string;
  date: string | null;
  parties: string[];
  publishedAt: string | null;
}

/** Agreements with their date and parties — optionally only those naming a party (exact canonical name). */
export function agreementsWithDateAndParties(db: Database.Database, options: { party?: string; kind?: string } = {}): AgreementOut[] {
  const where: string[] = ["m.type = 'AGREEMENT'"];
  const params: string[] = [];
  if (options.kind) {
    where.push('m.agreement_kind = ?');
    params.push(options.kind);
  }
  if (options.party) {
    where.push('EXISTS (SELECT 1 FROM agreement_parties q WHERE q.mention_id = m.id AND q.party = ?)');
    params.push(options.party);
  }
  const rows = db
    .prepare<string[], { path: string; text: string; kind: string; date: string | null; parties: string; publishedAt: string | null }>(
      `SELECT a.path, m.text, m.agreement_kind AS kind, m.agreement_date AS date, a.published_at AS publishedAt,
              (SELECT json_group_array(party) FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = m.id ORDER BY position)) AS parties
       FROM mentions m JOIN articles a ON a.id = m.article_id
       WHERE ${where.join(' AND ')}
       ORDER BY m.agreement_date, a.path, m.start`,
    )
    .all(...params);
  return rows.map((r) => ({ ...r, parties: JSON.parse(r.parties) as string[] }));
}

export interface OrgCount {
  name: string;
  kind: string | null;
  mentions: number;
  articles: number;
}

/** Organisations by canonical name, most mentioned first. */
export function orgsByName(db: Database.Database, options: { limit?: number } = {}): OrgCount[] {
  return db
    .prepare<[number], OrgCount>(
      `SELECT org_name AS name, MAX(org_kind) AS kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
       FROM mentions WHERE type = 'ORG'
       GROUP BY org_name ORDER BY mentions DESC, name LIMIT ?`,
    )
    .all(options.limit ?? -1);
}

export interface RunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  configHash: string;
  pipelineVersion: string;
  seen: number;
  processed: number;
  skipped: number;
  failed: number;
}

export function recentRuns(db: Database.Database, limit = 10): RunRow[] {
  return db
    .prepare<[number], RunRow>(
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, config_hash AS configHash, pipeline_version AS pipelineVersion,
              seen, processed, skipped, failed FROM runs ORDER BY id DESC LIMIT ?`,
    )
    .all(limit);
}
