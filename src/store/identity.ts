import type Database from 'better-sqlite3';

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

/** `path` is `root` or inside it (no LIKE, so `%` and `_` in names are plain characters). */
const UNDER = '(path = @root OR substr(path, 1, length(@root) + 1) = @root || \'/\')';

/** The articles stored under any of `roots` (real paths of the run's inputs). */
export function articlesUnder(db: Database.Database, roots: readonly string[]): KnownArticle[] {
  const statement = db.prepare<{ root: string }, KnownArticle>(`SELECT id, path, content_hash AS contentHash, status FROM articles WHERE ${UNDER}`);
  const byId = new Map<number, KnownArticle>();
  for (const root of roots) for (const row of statement.all({ root })) byId.set(row.id, row);
  return [...byId.values()];
}

/** Gives an article a new path (its file was renamed or moved). */
export function renameArticle(db: Database.Database, id: number, path: string): void {
  db.prepare('UPDATE articles SET path = ? WHERE id = ?').run(path, id);
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

/** Deletes the missing articles (their records are already gone); returns how many. */
export function pruneMissing(db: Database.Database): number {
  return db.transaction(() => db.prepare("DELETE FROM articles WHERE status = 'missing'").run().changes).immediate();
}
