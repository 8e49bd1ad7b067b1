/**
 * The little SQL both backends share. The read side (read.ts) writes every statement once, with `?`
 * placeholders, and asks the dialect for the few expressions SQLite and PostgreSQL spell differently.
 * A connection runs statements asynchronously (node-postgres only has async calls; SQLite's are
 * wrapped), so every reader works on either backend.
 */

export type SqlValue = string | number | bigint | null;

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A JSON array (as text) of the parties of the agreement mention `mention`, in their order. */
  parties(mention: string): string;
  /** True when `needle` occurs in `haystack` (both SQL expressions). */
  contains(haystack: string, needle: string): string;
  /** The LIMIT parameter meaning "no limit". */
  readonly noLimit: number | null;
  /** Whether `articles_fts` (FTS5, trigram tokenizer) exists. */
  readonly fullText: boolean;
}

/**
 * The FTS5 MATCH expression for a literal substring: one quoted phrase, so the user's text is never read
 * as query syntax. The trigram index needs three characters; shorter needles get null (scan instead).
 */
export function literalMatch(needle: string): string | null {
  return [...needle].length >= 3 ? `"${needle.replaceAll('"', '""')}"` : null;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  parties: (m) => `(SELECT json_group_array(party) FROM (SELECT party FROM agreement_parties p WHERE p.mention_id = ${m} ORDER BY position))`,
  contains: (h, n) => `instr(${h}, ${n}) > 0`,
  noLimit: -1,
  fullText: true,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  parties: (m) => `(SELECT COALESCE(json_agg(p.party ORDER BY p.position), '[]'::json)::text FROM agreement_parties p WHERE p.mention_id = ${m})`,
  contains: (h, n) => `strpos(${h}, ${n}) > 0`,
  noLimit: null,
  fullText: false,
};

/** A connection the read side runs statements on. Rows come back with the column aliases as keys. */
export interface SqlConnection {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Rows one by one (a cursor), for results too large to hold. */
  iterate<T>(sql: string, params?: readonly SqlValue[]): AsyncIterable<T>;
  close(): Promise<void>;
}

/** `?` → `$1`, `$2`, … (the statements here hold no `?` inside string literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
