import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { KijiError } from '../core/errors.js';
import { RECORD_TYPES } from '../schema/records.js';
import * as queries from '../store/queries.js';
import { openStore, type KijiStore } from '../store/store.js';

/**
 * The read side used by `inspect`, `query`, `export` and `report`: the store's own queries where
 * they exist (src/store/queries.ts), and the few extra SQL statements these commands need — all
 * of them here, so a schema change touches one file. The database is opened read-only.
 */
export type { ArticleRow, MentionOut, OrgCount, StatusCount, TypeCount } from '../store/queries.js';

export function openReadOnly(path: string): KijiStore {
  if (!existsSync(path)) throw new KijiError('E_USAGE', `${path}: no such database (create one with \`kiji run <folder> --db ${path}\`)`);
  return openStore(path, { readonly: true });
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
  statuses: queries.StatusCount[];
  types: queries.TypeCount[];
  orgs: queries.OrgCount[];
  agreementKinds: KindCount[];
  dates: DateRange;
}

export function summary(db: Database.Database, options: { topOrgs?: number } = {}): Summary {
  const agreementKinds = db
    .prepare<[], KindCount>("SELECT agreement_kind AS kind, COUNT(*) AS mentions FROM mentions WHERE type = 'AGREEMENT' GROUP BY agreement_kind ORDER BY mentions DESC, kind")
    .all();
  const dates = db
    .prepare<[], DateRange>(
      `SELECT (SELECT MIN(date_start) FROM mentions WHERE type = 'DATE') AS first, (SELECT MAX(date_end) FROM mentions WHERE type = 'DATE') AS last,
              (SELECT MIN(published_at) FROM articles WHERE status = 'ok') AS firstPublished, (SELECT MAX(published_at) FROM articles WHERE status = 'ok') AS lastPublished`,
    )
    .get()!;
  return {
    statuses: queries.countsByStatus(db),
    types: queries.countsByType(db),
    orgs: queries.orgsByName(db, { limit: options.topOrgs ?? 10 }),
    agreementKinds,
    dates,
  };
}

export interface ArticleListItem extends queries.ArticleRow {
  counts: Record<string, number>;
  total: number;
}

/** Every article with its record counts per type, by publication date (undated last), then path. */
export function listArticles(db: Database.Database): ArticleListItem[] {
  const articles = db
    .prepare<[], queries.ArticleRow>(
      `SELECT id, path, content_hash AS contentHash, title, published_at AS publishedAt, lang, chars, encoding, status,
              error_code AS errorCode, error, pipeline_version AS pipelineVersion, config_hash AS configHash, processed_at AS processedAt
       FROM articles ORDER BY published_at IS NULL, published_at, path`,
    )
    .all();
  const counts = db.prepare<[], { articleId: number; type: string; n: number }>('SELECT article_id AS articleId, type, COUNT(*) AS n FROM mentions GROUP BY article_id, type').all();
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

/** An article by database id, exact path, file name, a unique end of its path, or a unique beginning of its file name. */
export function findArticle(db: Database.Database, ref: string): queries.ArticleRow {
  const candidates = db
    .prepare<[string, string, string], { id: number; path: string }>(
      "SELECT id, path FROM articles WHERE CAST(id AS TEXT) = ? OR path = ? OR instr(path, ?) > 0 ORDER BY path",
    )
    .all(ref, ref, ref);
  const name = (p: string) => basename(p);
  const tiers = [
    candidates.filter((a) => String(a.id) === ref || a.path === ref),
    candidates.filter((a) => name(a.path) === ref),
    candidates.filter((a) => a.path.endsWith(`/${ref}`)),
    candidates.filter((a) => name(a.path).startsWith(ref)),
  ];
  for (const tier of tiers) {
    if (tier.length === 1) return queries.articleByPath(db, tier[0]!.path)!;
    if (tier.length > 1) throw new KijiError('E_USAGE', `"${ref}" matches ${tier.length} articles: ${tier.slice(0, 5).map((a) => a.path).join(', ')}`);
  }
  const near = candidates.slice(0, 5).map((a) => name(a.path));
  throw new KijiError('E_USAGE', `no article "${ref}" in the database${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
}

export const mentionsOfArticle = queries.mentionsOfArticle;

export interface MentionFilter {
  types?: readonly string[];
  /** First day of the period (inclusive, YYYY-MM-DD). */
  from?: string;
  /** Last day of the period (inclusive, YYYY-MM-DD). */
  to?: string;
  /** Organisation (substring of the canonical name or text; for agreements, of a party). */
  org?: string;
  /** Substring of the record text. */
  text?: string;
  limit?: number;
}

export interface MentionListItem {
  id: number;
  articleId: number;
  path: string;
  title: string | null;
  publishedAt: string | null;
  type: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  value: unknown;
  mod: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  amountText: string | null;
  amountMaxText: string | null;
  currency: string | null;
  orgName: string | null;
  orgKind: string | null;
  agreementKind: string | null;
  agreementDate: string | null;
  parties: string[];
}

const MENTION_COLUMNS = `m.id, m.article_id AS articleId, a.path, a.title, a.published_at AS publishedAt, m.type, m.start, m."end" AS "end", m.text, m.rule,
  m.value_json AS valueJson, COALESCE(m.date_mod, m.money_mod) AS mod, m.date_start AS dateStart, m.date_end AS dateEnd, m.amount_text AS amountText,
  m.amount_max_text AS amountMaxText, m.currency, m.org_name AS orgName, m.org_kind AS orgKind, m.agreement_kind AS agreementKind,
  m.agreement_date AS agreementDate,
  (SELECT json_group_array(party) FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = m.id ORDER BY position)) AS partiesJson`;

type MentionSqlRow = Omit<MentionListItem, 'value' | 'parties'> & { valueJson: string; partiesJson: string };
const toItem = ({ valueJson, partiesJson, ...rest }: MentionSqlRow): MentionListItem => ({ ...rest, value: JSON.parse(valueJson) as unknown, parties: JSON.parse(partiesJson) as string[] });

/**
 * Records by filter. The period (`from`/`to`) applies to the record's own date — the days a DATE
 * covers, an AGREEMENT's signing date — and otherwise to the article's publication date.
 */
export function queryMentions(db: Database.Database, filter: MentionFilter = {}): MentionListItem[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.types?.length) {
    where.push(`m.type IN (${filter.types.map(() => '?').join(', ')})`);
    params.push(...filter.types);
  }
  if (filter.text) {
    where.push('instr(m.text, ?) > 0');
    params.push(filter.text);
  }
  if (filter.org) {
    // ORG: the organisation itself; AGREEMENT: a party; other types: the article mentions it.
    where.push(`CASE m.type
      WHEN 'ORG' THEN instr(m.org_name, ?) > 0 OR instr(m.text, ?) > 0
      WHEN 'AGREEMENT' THEN EXISTS (SELECT 1 FROM agreement_parties q WHERE q.mention_id = m.id AND instr(q.party, ?) > 0)
      ELSE EXISTS (SELECT 1 FROM mentions o WHERE o.article_id = m.article_id AND o.type = 'ORG' AND (instr(o.org_name, ?) > 0 OR instr(o.text, ?) > 0))
    END`);
    params.push(filter.org, filter.org, filter.org, filter.org, filter.org);
  }
  // The record's own period, as ISO days; an agreement's TIMEX date is widened to the days it names.
  const own = {
    start: `CASE WHEN m.type = 'DATE' THEN m.date_start WHEN m.type = 'AGREEMENT' AND m.agreement_date GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(m.agreement_date, 1, 10) ELSE a.published_at END`,
    end: `CASE WHEN m.type = 'DATE' THEN m.date_end WHEN m.type = 'AGREEMENT' AND m.agreement_date GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(m.agreement_date, 1, 10) || '~' ELSE a.published_at END`,
  };
  if (filter.from) {
    where.push(`(${own.end}) >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`(${own.start}) <= ?`);
    params.push(filter.to);
  }
  const sql = `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN articles a ON a.id = m.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.published_at IS NULL, a.published_at, a.path, m.start LIMIT ?`;
  return db.prepare<(string | number)[], MentionSqlRow>(sql).all(...params, filter.limit ?? -1).map(toItem);
}

/** Every record (optionally of some types), streamed in article and text order, for export. */
export function* iterateMentions(db: Database.Database, types?: readonly string[]): Generator<MentionListItem> {
  const where = types?.length ? `WHERE m.type IN (${types.map(() => '?').join(', ')})` : '';
  const statement = db.prepare<string[], MentionSqlRow>(`SELECT ${MENTION_COLUMNS} FROM mentions m JOIN articles a ON a.id = m.article_id ${where} ORDER BY a.path, m.start, m."end"`);
  for (const row of statement.iterate(...(types ?? []))) yield toItem(row);
}

/**
 * `2021` → 2021-01-01 … 2021-12-31, `2021-07` → the month, `2021-07-18` → the day: the bounds of a
 * --from/--to argument.
 */
export function periodBound(value: string, side: 'from' | 'to'): string {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim().replaceAll('/', '-'));
  if (!match) throw new KijiError('E_USAGE', `"${value}": expected a year (2021), a month (2021-07) or a day (2021-07-18)`);
  const [, y, m, d] = match;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d) return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
  if (m) {
    const month = Number(m);
    if (month < 1 || month > 12) throw new KijiError('E_USAGE', `"${value}": no month ${m}`);
    if (side === 'from') return `${y}-${pad(month)}-01`;
    const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
    return `${y}-${pad(month)}-${pad(last)}`;
  }
  return side === 'from' ? `${y}-01-01` : `${y}-12-31`;
}
