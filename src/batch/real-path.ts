import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The real path of `path` (links resolved), or of its folder joined with its name when it does not exist (yet). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}
