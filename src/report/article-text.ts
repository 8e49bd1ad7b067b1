import { readArticleFile } from '../text/read-article.js';
import { describeError } from '../core/errors.js';

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

export async function loadArticleText(path: string, contentHash: string | null, stored: string | null = null): Promise<ArticleText> {
  if (stored !== null) return { text: stored, changed: false };
  try {
    const article = await readArticleFile(path);
    return { text: article.text, changed: contentHash !== null && article.sha256 !== contentHash };
  } catch (error) {
    const { code, message } = describeError(error);
    return { changed: true, problem: `${code}: ${message}` };
  }
}
