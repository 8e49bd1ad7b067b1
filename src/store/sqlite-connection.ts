import Database from 'better-sqlite3';
import { SQLITE, type SqlConnection, type SqlValue } from './sql.js';

/** A better-sqlite3 connection behind the async SqlConnection the read side uses. */
export function sqliteConnection(db: Database.Database, options: { closeDb?: boolean } = {}): SqlConnection {
  return {
    dialect: SQLITE,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => db.prepare<SqlValue[], T>(sql).all(...params),
    async *iterate<T>(sql: string, params: readonly SqlValue[] = []) {
      for (const row of db.prepare<SqlValue[], T>(sql).iterate(...params)) yield row;
    },
    close: async () => {
      if (options.closeDb && db.open) db.close();
    },
  };
}
