import { KijiError } from '../core/errors.js';
import { lockPathFor } from './lock.js';
import { realPathOf } from './real-path.js';
import { reservePathFor } from './reserve.js';

/**
 * What no command that writes output (`export --out` a file, `report --out` a folder) may write over:
 * the database it reads and the files SQLite and kiji keep beside it. `export DB --out DB` once replaced
 * the database with an empty export and exited 0. The store owns these names (lock, reserve), so the
 * guard lives here and the report and the CLI both use it.
 */
function databaseFiles(dbPath: string): string[] {
  const real = realPathOf(dbPath);
  return [real, `${real}-wal`, `${real}-shm`, `${real}-journal`, lockPathFor(dbPath), reservePathFor(dbPath)];
}

/** Refuses an output path that is the database or one of its side files (compared as real paths, so through links too). */
export function assertNotDatabase(out: string, dbPath: string): void {
  if (databaseFiles(dbPath).includes(realPathOf(out))) {
    throw new KijiError('E_USAGE', `--out ${out}: that is the database being read (${realPathOf(dbPath)}) or one of its files; choose another output path`, { out });
  }
}
