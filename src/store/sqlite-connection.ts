import type Database from 'better-sqlite3';
import { KijiError } from '../core/errors.js';
import { SQLITE, type SqlConnection, type SqlValue } from './sql.js';

/** A better-sqlite3 connection behind the async SqlConnection the read side uses. */
export function sqliteConnection(db: Database.Database, options: { closeDb?: boolean; onClose?: (() => void) | undefined } = {}): SqlConnection {
  return {
    dialect: SQLITE,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => {
      try {
        return db.prepare<SqlValue[], T>(sql).all(...params);
      } catch (error) {
        throw asDbError(db, error);
      }
    },
    async *iterate<T>(sql: string, params: readonly SqlValue[] = []) {
      try {
        for (const row of db.prepare<SqlValue[], T>(sql).iterate(...params)) yield row;
      } catch (error) {
        throw asDbError(db, error);
      }
    },
    close: async () => {
      if (options.closeDb && db.open) db.close();
      options.onClose?.();
    },
  };
}

/** A damaged database (SQLITE_CORRUPT, SQLITE_NOTADB…) is the user's to fix, not an internal error. */
function asDbError(db: Database.Database, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new KijiError('E_DB', `reading the database ${db.name} failed: ${(error as Error).message} (${code}); if it is damaged, run kiji again into a new database`, { code }, { cause: error });
}
