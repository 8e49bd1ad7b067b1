import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticleText } from './article-text.js';
import { listArticles, mentionsOfArticle, openReadOnly, summary } from './db.js';
import { articlePageName, renderArticlePage, renderIndex } from './html.js';

export interface ReportResult {
  index: string;
  pages: string[];
  /** Articles whose page has a warning (text unavailable or changed). */
  warnings: string[];
}

/** Writes `index.html` and `articles/<id>-<name>.html` for every processed article of the database. */
export async function writeReport(dbPath: string, outDir: string): Promise<ReportResult> {
  const store = openReadOnly(dbPath);
  try {
    const articles = listArticles(store.db);
    const info = summary(store.db);
    mkdirSync(join(outDir, 'articles'), { recursive: true });
    const pages: string[] = [];
    const warnings: string[] = [];
    for (const article of articles) {
      if (article.status !== 'ok') continue;
      const mentions = mentionsOfArticle(store.db, article.id);
      const loaded = await loadArticleText(article.path, article.contentHash);
      const notes: string[] = [];
      if (loaded.text === undefined) notes.push(`The article text could not be read again (${loaded.problem}); the records are listed without it.`);
      else if (loaded.changed) notes.push('The file changed since it was processed: records whose text is no longer at their offsets are listed but not marked. Run kiji run again to refresh.');
      if (notes.length) warnings.push(`${article.path}: ${notes.join(' ')}`);
      const path = join(outDir, 'articles', articlePageName(article));
      writeFileSync(path, renderArticlePage({ article, mentions, ...(loaded.text !== undefined ? { text: loaded.text } : {}), notes }));
      pages.push(path);
    }
    const index = join(outDir, 'index.html');
    writeFileSync(index, renderIndex(articles, info, dbPath));
    return { index, pages, warnings };
  } finally {
    store.close();
  }
}
