import { closeSync, existsSync, lstatSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KijiError } from '../core/errors.js';
import { assertNotDatabase } from '../store/output-guard.js';

/**
 * Where `export --out` may write: never over what it did not write — the database it reads and its
 * side files (`assertNotDatabase`, shared with `report --out`), or a user's own file.
 */

function refuse(out: string, why: string): never {
  throw new KijiError('E_USAGE', `--out ${out}: ${why}`, { out });
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The first bytes of a file (without following a final symbolic link is the caller's job). */
function head(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * An existing `export --out` file may be replaced only when it is empty or an earlier kiji export
 * (a CSV starting with the export's header, JSON lines whose first line is an exported record), or
 * when the user says `--force`. Never an SQLite database, force or not.
 */
export function assertExportTarget(out: string, dbPath: string, options: { force?: boolean; csvHeader: string }): void {
  assertNotDatabase(out, dbPath);
  let info;
  try {
    info = lstatSync(out);
  } catch {
    return; // a new file
  }
  if (info.isDirectory()) refuse(out, 'that is a folder; give a file name');
  if (info.isSymbolicLink()) refuse(out, 'that is a symbolic link; kiji does not write through links (give the target path itself)');
  if (!info.isFile()) refuse(out, 'that is not a regular file');
  if (info.size === 0) return;
  const start = head(out, 4096);
  if (start.startsWith(SQLITE_MAGIC)) refuse(out, 'that file is an SQLite database; kiji never overwrites one (choose another output path)');
  if (options.force) return;
  const firstLine = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine === options.csvHeader) return;
  try {
    const line = JSON.parse(firstLine) as { article?: unknown; record?: { type?: unknown; start?: unknown } };
    if (line && typeof line === 'object' && typeof line.article === 'object' && line.record && 'type' in line.record && 'start' in line.record) return;
  } catch {
    /* not JSON: not ours */
  }
  refuse(out, 'the file exists and is not a kiji export; remove it, choose another path, or pass --force to replace it');
}

/**
 * A temporary file beside `out`, renamed over it when complete: the rename replaces a directory
 * entry (it never writes through a link there), and a failed or interrupted export leaves the old
 * file as it was.
 */
export function temporaryBeside(out: string): { path: string; commit(): void; discard(): void } {
  const path = join(dirname(out), `.${basename(out)}.kiji-${process.pid}-${Date.now()}.tmp`);
  return {
    path,
    commit: () => renameSync(path, out),
    discard: () => {
      if (existsSync(path)) rmSync(path, { force: true });
    },
  };
}
