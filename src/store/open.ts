import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
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
  const opened = openSqliteForReading(path);
  return new StoreReader(sqliteConnection(opened.db, { closeDb: true, onClose: opened.cleanup }));
}

const NEEDS_FOLDER_WRITE = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_CANTLOCK']);

/**
 * A SQLite database opened read-only, checked to be a kiji database. A database left in WAL mode (a
 * run still writing, or killed) needs its -shm file, which a user without write access to the folder
 * cannot create: that user reads a private copy of the database (and its -wal) instead.
 */
function openSqliteForReading(path: string): { db: Database.Database; cleanup?: () => void } {
  try {
    return { db: checked(new Database(path, { readonly: true, fileMustExist: true }), path) };
  } catch (error) {
    if (error instanceof KijiError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (!NEEDS_FOLDER_WRITE.has(code)) throw dbError(path, error);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiji-read-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return { db: checked(new Database(copy, { readonly: true, fileMustExist: true }), path), cleanup };
  } catch (error) {
    cleanup();
    throw error instanceof KijiError ? error : dbError(path, error);
  }
}

function dbError(path: string, error: unknown): KijiError {
  return new KijiError('E_DB', `cannot read the database ${path}: ${(error as Error).message} (is it a kiji database, and readable?)`, { path }, { cause: error });
}

/** Fails now, with E_DB, on a file that is not a database or not kiji's, instead of on the first query. */
function checked(db: Database.Database, path: string): Database.Database {
  try {
    db.pragma('busy_timeout = 5000');
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'mentions', 'runs')").pluck().all();
    if (tables.length < 3) throw new KijiError('E_DB', `${path} is an SQLite database but not a kiji database (no articles, mentions and runs tables)`, { path });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
