import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { KijiError } from '../core/errors.js';

/**
 * One `kiji run` per database: a lock file `<db>.lock` next to the database, created exclusively
 * (O_EXCL) and holding the holder's pid. A lock whose pid no longer runs on this host (the holder
 * was killed with -9, or the machine restarted) is stale and taken over. Readers (inspect, export)
 * need no lock: SQLite's WAL lets them read while a run writes.
 */
export interface RunLock {
  readonly path: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export function lockPathFor(dbPath: string): string {
  return `${resolve(dbPath)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), startedAt: String(info.startedAt ?? '') } : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as stale below
  }
}

export function acquireRunLock(dbPath: string): RunLock {
  const path = lockPathFor(dbPath);
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new KijiError('E_DB', `cannot create the lock file ${path}: ${(error as Error).message}`, { path });
      const holder = readLock(path);
      const sameHost = holder?.host === info.host;
      if (holder && (!sameHost || isAlive(holder.pid))) {
        const where = sameHost ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
        throw new KijiError(
          'E_DB_LOCKED',
          `another kiji run (${where}, started ${holder.startedAt}) is writing ${resolve(dbPath)}; wait for it to finish or stop it` +
            (sameHost ? '' : `, or delete ${path} if that host no longer runs kiji`),
          { lockPath: path, holder },
        );
      }
      // Stale (dead pid) or unreadable: take it over — but only if it is still the same stale lock, so two
      // runs taking over at once do not delete each other's fresh lock.
      const again = readLock(path);
      if (again?.pid === holder?.pid && again?.startedAt === holder?.startedAt) {
        try {
          unlinkSync(path);
        } catch {
          /* another process took it over first: retry */
        }
      }
      continue;
    }
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        // Only remove the file if it is still ours.
        if (readLock(path)?.pid === info.pid) {
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        }
      },
    };
  }
  throw new KijiError('E_DB_LOCKED', `could not take the lock ${path} (it keeps changing hands)`, { lockPath: path });
}
