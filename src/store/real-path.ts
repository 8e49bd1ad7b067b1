import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The real path of `path` (links resolved), also for a path that does not exist yet: its folder's
 * real path joined with its name, following a dangling link to where it points (a link to a
 * database that a run is about to create names that database).
 */
export function realPathOf(path: string, depth = 0): string {
  try {
    return realpathSync(path);
  } catch {
    if (depth < 40) {
      try {
        return realPathOf(resolve(dirname(path), readlinkSync(path)), depth + 1);
      } catch {
        /* not a link */
      }
    }
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}
