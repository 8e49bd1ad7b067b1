import { readArticleFile } from '../text/read-article.js';
import { describeError } from '../core/errors.js';

/**
 * The database keeps records, not article text: inspect and report read the article again from its
 * path, the way `kiji run` read it. When the file changed since (another content hash), a record is
 * only shown in place if the text at its offsets is still the record's text.
 */
export interface ArticleText {
  text?: string;
  /** The file's bytes differ from the ones the records were extracted from. */
  changed: boolean;
  /** Why the text is missing. */
  problem?: string;
}

export async function loadArticleText(path: string, contentHash: string | null): Promise<ArticleText> {
  try {
    const article = await readArticleFile(path);
    return { text: article.text, changed: contentHash !== null && article.sha256 !== contentHash };
  } catch (error) {
    const { code, message } = describeError(error);
    return { changed: true, problem: `${code}: ${message}` };
  }
}
