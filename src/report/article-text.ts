import { readArticleFile } from '../text/read-article.js';
import { resolve } from 'node:path';
import { hashFile } from '../batch/file-hash.js';
import { describeError } from '../core/errors.js';
import { realPathOf } from '../store/real-path.js';

/**
 * The text an article's offsets point into, as the database keeps it. Databases written before kiji
 * kept texts have none: then the article is read again from its path, and when the file changed since
 * (another content hash) a record is only shown in place if the text at its offsets is still the record's.
 */
export interface ArticleText {
  text?: string;
  /** The file's bytes differ from the ones the records were extracted from. */
  changed: boolean;
  /** Why the text is missing. */
  problem?: string;
}

/**
 * Which paths a reader may read: a database names paths, and a hostile one could name /etc/passwd.
 * A path is read when it is inside a folder a run of this database was given (`roots`), or when its
 * bytes are exactly the ones the database recorded (whoever wrote the database had them already), or
 * when the user allows any path (`--any-path`).
 */
export interface TextAccess {
  roots: readonly string[];
  anyPath?: boolean;
}

/** Inside `root`; the file system root itself is never a run's folder (a forged runs row could name it). */
const inside = (path: string, root: string) => root !== '/' && (path === root || path.startsWith(`${root}/`));

export async function loadArticleText(path: string, contentHash: string | null, stored: string | null = null, access?: TextAccess): Promise<ArticleText> {
  if (stored !== null) return { text: stored, changed: false };
  try {
    if (access && !access.anyPath) {
      const real = realPathOf(resolve(path));
      if (!access.roots.some((root) => inside(real, realPathOf(root))) && (contentHash === null || hashFile(real) !== contentHash)) {
        return { changed: true, problem: `not read: ${path} is outside the folders this database's runs were given (pass --any-path to read it anyway)` };
      }
    }
    const article = await readArticleFile(path);
    return { text: article.text, changed: contentHash !== null && article.sha256 !== contentHash };
  } catch (error) {
    const { code, message } = describeError(error);
    return { changed: true, problem: `${code}: ${message}` };
  }
}
