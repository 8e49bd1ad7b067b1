import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * SHA-256 of a file's bytes, read synchronously on purpose: articles are small, and an async read per
 * file costs a thread-pool round trip per syscall, which made a run with nothing to do three times slower.
 */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * How recent a file's mtime or ctime may be for its stat to stand for its bytes: more than the coarsest
 * timestamps in common use (FAT's 2 s mtime; ext3 and HFS+ count whole seconds) plus the lag of the
 * kernel's coarse clock (milliseconds).
 */
export const RACY_MS = 3000;

/**
 * The stat a file's bytes are about to be read under (`size:mtimeNs:ctimeNs:ino:dev`), when it can stand for
 * them: a later run that finds the same stat skips the file without reading it, as git's index does.
 *
 * Safety: the stamp is taken *before* the bytes are read, and only when the file's mtime and ctime are both
 * at least `racyMs` older than the clock at that moment. A write after the stamp sets mtime (and ctime) to a
 * later time, which the file system rounds down by at most its granularity (< `racyMs`), so the new stat
 * differs from the stamp; setting mtime back (`touch -d`, `cp -p`, `rsync -t`) sets ctime to now, which no
 * call can set back; replacing the file (an editor's save-and-rename, a copy) changes the inode or ctime; a
 * different file system at the same path changes the device. A file written within `racyMs` of being read
 * (the "racy" case: a second same-size write in the same timestamp tick would keep its stat) gets no stamp,
 * so the next run hashes it, as every run did before. What it does not cover: a file system whose clock is
 * behind this machine's by more than `racyMs` *and* whose timestamps are coarse (some network mounts), or
 * writes through a shared mmap that the kernel has not dated yet; `kiji run --rehash` hashes every file.
 *
 * Undefined also when the file cannot be stat'ed or is not a regular file (the read will say why) and when it
 * is over `maxBytes` (a skip must not hide that it became too large).
 */
export function fileStamp(path: string, maxBytes: number, nowMs = Date.now(), racyMs = RACY_MS): string | undefined {
  let st;
  try {
    st = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!st?.isFile() || st.size > BigInt(maxBytes)) return undefined;
  const newest = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
  if (BigInt(Math.floor(nowMs - racyMs)) * 1_000_000n < newest) return undefined;
  return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`;
}
