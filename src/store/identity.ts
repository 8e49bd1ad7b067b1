import type Database from 'better-sqlite3';
import { ARTICLE_STATE, type ArticleState } from './store.js';

/**
 * Articles are files, known by their real path. After a walk, the rows under the walked folders
 * whose files were not found are either renamed files (the same bytes under a new path: the row
 * follows the file and keeps its records) or gone (`missing`: the records are dropped, the row is
 * kept, with when it went missing, until `kiji prune`). A file that became unreadable is `failed`
 * (E_READ) and loses its records the same way.
 */
export interface KnownArticle {
  id: number;
  path: string;
  contentHash: string | null;
  status: string;
}

/** A stored article under the run's inputs, with what a run reads to decide whether to skip it. */
export type StoredState = KnownArticle & ArticleState;

/**
 * The articles stored under any of `roots` (real paths of the run's inputs), by path: one range of the index
 * articles_skip per root (`path` is `root` or starts with `root/`; byte-wise, '0' follows '/'), so neither the
 * rows' texts nor LIKE's wildcards come into it.
 */
export function articlesUnder(db: Database.Database, roots: readonly string[]): Map<string, StoredState> {
  const statement = db.prepare<{ root: string }, StoredState>(
    `SELECT id, path, ${ARTICLE_STATE} FROM articles WHERE path = @root OR (path > @root || '/' AND path < @root || '0')`,
  );
  const byPath = new Map<string, StoredState>();
  for (const root of roots) for (const row of statement.all({ root })) byPath.set(row.path, row);
  return byPath;
}

/** Gives an article a new path (its file was renamed or moved). */
export function renameArticle(db: Database.Database, id: number, path: string): void {
  db.prepare('UPDATE articles SET path = ?, file_stat = NULL WHERE id = ?').run(path, id);
}

/** Marks articles whose files are gone: records dropped, row kept. */
export function markMissing(db: Database.Database, ids: readonly number[], runId: number): void {
  if (ids.length === 0) return;
  const at = new Date().toISOString();
  const mark = db.prepare(`UPDATE articles SET status = 'missing', error_code = NULL, error = ?, processed_at = ?, run_id = ? WHERE id = ?`);
  const drop = db.prepare('DELETE FROM mentions WHERE article_id = ?');
  db.transaction(() => {
    for (const id of ids) {
      drop.run(id);
      mark.run(`the file was not found by run ${runId}; \`kiji prune\` removes this row`, at, runId, id);
    }
  }).immediate();
}

/** Records the stat under which an article's file still has its stored bytes (a run hashed it and found them unchanged). */
export function restampArticles(db: Database.Database, stamps: readonly { path: string; fileStat: string }[]): void {
  if (stamps.length === 0) return;
  const update = db.prepare('UPDATE articles SET file_stat = ? WHERE path = ?');
  db.transaction(() => {
    for (const { path, fileStat } of stamps) update.run(fileStat, path);
  }).immediate();
}

/** Deletes the missing articles (their records are already gone); returns how many. */
export function pruneMissing(db: Database.Database): number {
  return db.transaction(() => db.prepare("DELETE FROM articles WHERE status = 'missing'").run().changes).immediate();
}
