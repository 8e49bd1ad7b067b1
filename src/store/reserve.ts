import { rmSync, writeFileSync } from 'node:fs';
import { realPathOf } from './real-path.js';

/**
 * A little disk space held back for the end of a run: a run stopped by a full disk must still record
 * how it ended (the runs row: status, counts), and that UPDATE needs a page or two of space the full
 * disk no longer has. The file is given back just before the row is written, and removed in any case.
 */
export const RESERVE_BYTES = 256 * 1024;

export function reservePathFor(dbPath: string): string {
  return `${realPathOf(dbPath)}.kiji-reserve`;
}

export function reserveSpace(dbPath: string): { release(): void } {
  const path = reservePathFor(dbPath);
  try {
    writeFileSync(path, Buffer.alloc(RESERVE_BYTES));
  } catch {
    rmSync(path, { force: true }); // not even that much space: the run will say so when it writes
  }
  return { release: () => rmSync(path, { force: true }) };
}
