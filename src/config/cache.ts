import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A small per-user cache of what loading a config computes from its text alone: the config file compiled to
 * JavaScript, and the config the schema makes of a plain value. Each entry is named by the SHA-256 of all it
 * depends on, so an entry is never stale, only unused; a cache that cannot be read or written is no cache.
 * `$KIJI_CACHE_DIR`, else `$XDG_CACHE_HOME/kiji`, else `~/.cache/kiji` (the user's own: what is cached is run).
 */
export function configCacheDir(): string {
  if (process.env.KIJI_CACHE_DIR) return process.env.KIJI_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kiji');
}

export const cacheKey = (...parts: readonly string[]): string => createHash('sha256').update(parts.join('\0')).digest('hex');

export function readCached(name: string): string | undefined {
  try {
    return readFileSync(join(configCacheDir(), name), 'utf8');
  } catch {
    return undefined;
  }
}

/** Written whole to a temporary name and renamed into place, so a reader never sees half an entry. */
export function writeCached(name: string, text: string): void {
  const path = join(configCacheDir(), name);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    /* no cache: the next run computes it again */
  }
}
