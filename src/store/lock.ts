import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { realPathOf } from './real-path.js';
import { KijiError } from '../core/errors.js';

/**
 * One `kiji run` per database: a lock file `<real path of the db>.lock` (a symbolic link to the
 * database takes the same lock), holding the holder's pid, the start time of that process, a random
 * token and the database's real path.
 *
 * A lock is stale — and taken over — when its holder no longer runs: its pid is gone, or the pid is
 * now another process (started at another time: pids are reused, and a container restarting kiji
 * gives it the same pid 1 again), or the pid is our own but the token is not one we wrote. Liveness
 * alone (`kill(pid, 0)`) kept a database locked forever behind any unrelated live process.
 *
 * The lock is written whole to a temporary file and then linked into place (link() fails if the lock
 * exists, like O_EXCL), so a full disk fails before any lock exists and no reader sees half a lock.
 * Readers (inspect, query, export, report) need no lock.
 */
export interface RunLock {
  readonly path: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** The holder's start time as the kernel counts it (Linux: clock ticks since boot), when known. */
  processStart?: string;
  token?: string;
  db?: string;
}

export function lockPathFor(dbPath: string): string {
  return `${realPathOf(dbPath)}.lock`;
}

/** Tokens of the locks this process holds. */
const ownTokens = new Set<string>();

/** A process's start time, field 22 of /proc/<pid>/stat (after the parenthesised command name). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
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

/** Whether the process that wrote `holder` still runs (only decidable on its own host). */
function holderRuns(holder: LockInfo): boolean {
  if (holder.pid === process.pid) return holder.token !== undefined && ownTokens.has(holder.token);
  if (!isAlive(holder.pid)) return false;
  if (holder.processStart !== undefined) {
    const now = processStartTime(holder.pid);
    if (now !== undefined && now !== holder.processStart) return false; // the pid was reused
  }
  return true;
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return undefined;
    return {
      pid: info.pid,
      host: String(info.host ?? ''),
      startedAt: String(info.startedAt ?? ''),
      ...(typeof info.processStart === 'string' ? { processStart: info.processStart } : {}),
      ...(typeof info.token === 'string' ? { token: info.token } : {}),
      ...(typeof info.db === 'string' ? { db: info.db } : {}),
    };
  } catch {
    return undefined; // unreadable: treated as stale below
  }
}

function ioError(path: string, what: string, error: unknown): KijiError {
  const code = (error as NodeJS.ErrnoException).code;
  const hint = code === 'ENOSPC' ? ' (the disk is full: free some space and run again)' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ' (no write access: kiji run must write the database and its folder)' : '';
  return new KijiError('E_DB', `${what} ${path}: ${(error as Error).message}${hint}`, { path, code });
}

/** `kiji run` writes the database, its journal and its lock: say so now, before anything is created. */
function assertWritable(db: string): void {
  for (const [path, what] of [[dirname(db), 'the folder of the database'], ...(existsSync(db) ? [[db, 'the database']] : [])] as const) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw ioError(path, `cannot write ${what}`, error);
    }
  }
}

export function acquireRunLock(dbPath: string): RunLock {
  const db = realPathOf(dbPath);
  const path = `${db}.lock`;
  assertWritable(db);
  const token = randomUUID();
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token, db };
  const start = processStartTime(process.pid);
  if (start !== undefined) info.processStart = start;
  const temporary = `${path}.${token}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(info), { flag: 'wx' });
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      /* never created */
    }
    throw ioError(path, 'cannot write the lock file', error);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(path, 'cannot create the lock file', error);
        const holder = readLock(path);
        const sameHost = holder?.host === info.host;
        if (holder && (!sameHost || holderRuns(holder))) {
          const where = sameHost ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
          throw new KijiError(
            'E_DB_LOCKED',
            `another kiji run (${where}, started ${holder.startedAt}) is writing ${db}; wait for it to finish or stop it` +
              (sameHost ? '' : `, or delete ${path} if that host no longer runs kiji`),
            { lockPath: path, holder },
          );
        }
        // Stale or unreadable: take it over — but only if it is still the same stale lock, so two runs
        // taking over at once do not delete each other's fresh lock.
        const again = readLock(path);
        if (again?.pid === holder?.pid && again?.startedAt === holder?.startedAt && again?.token === holder?.token) {
          try {
            unlinkSync(path);
          } catch {
            /* another process took it over first: retry */
          }
        }
        continue;
      }
      ownTokens.add(token);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          ownTokens.delete(token);
          // Only remove the file if it is still ours.
          if (readLock(path)?.token === token) {
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
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      /* already gone */
    }
  }
}
