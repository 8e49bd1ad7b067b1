import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KijiError } from '../core/errors.js';
import { StoreReader } from './read.js';
import { sqliteConnection } from './sqlite-connection.js';

/** `postgres://…` and `postgresql://…` name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens a database for reading: a SQLite file (read-only, never created or migrated) or a
 * PostgreSQL URL. The caller closes the reader.
 */
export async function openReader(target: string, cwd = process.cwd()): Promise<StoreReader> {
  if (isPostgresUrl(target)) {
    const { postgresReader } = await import('./postgres.js');
    return postgresReader(target);
  }
  const path = resolve(cwd, target);
  if (!existsSync(path)) throw new KijiError('E_USAGE', `${path}: no such database (create one with \`kiji run <folder> --db ${target}\`)`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new KijiError('E_DB', `cannot open the database ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
  return new StoreReader(sqliteConnection(db, { closeDb: true }));
}

/** A SQLite path resolved against `cwd`; a PostgreSQL URL as given. */
export function resolveTarget(target: string, cwd: string): string {
  return isPostgresUrl(target) ? target : resolve(cwd, target);
}

/** The target for messages: a URL without its password. */
export function displayTarget(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
