import { loadArticleText, type TextAccess } from './article-text.js';
import { displayTarget, openReader } from '../store/open.js';
import { articlePageName, renderArticlePage, renderIndex } from './html.js';
import { openReportFolder } from './out-dir.js';
import { EntityIndex, entityPageName } from './entities.js';
import { renderAgreementIndex, renderAgreementPage, renderOrgIndex, renderOrgPage } from './entity-html.js';

export interface ReportResult {
  index: string;
  pages: string[];
  /** Articles whose page has a warning (text unavailable or changed). */
  warnings: string[];
}

/**
 * Writes `index.html`, `articles/<id>-<name>.html` for every processed article of the database,
 * `orgs.html` and `agreements.html`, and `entities/org-<hash>.html` / `entities/agreement-<hash>.html`
 * for every organisation (canonical name) and agreement (key).
 */
export async function writeReport(dbPath: string, outDir: string, options: { anyPath?: boolean } = {}): Promise<ReportResult> {
  const store = await openReader(dbPath);
  try {
    const access: TextAccess = { roots: await store.runInputs(), anyPath: options.anyPath ?? false };
    const articles = await store.listArticles();
    const info = await store.summary();
    const folder = openReportFolder(outDir, dbPath);
    const pages: string[] = [];
    const warnings: string[] = [];
    const entities = new EntityIndex();
    for (const article of articles) {
      if (article.status !== 'ok') continue;
      const mentions = await store.mentionsOfArticle(article.id);
      entities.add(mentions);
      const loaded = await loadArticleText(article.path, article.contentHash, await store.articleText(article.id), access);
      const notes: string[] = [];
      if (loaded.text === undefined) notes.push(`The article text could not be read again (${loaded.problem}); the records are listed without it.`);
      else if (loaded.changed) notes.push('The file changed since it was processed: records whose text is no longer at their offsets are listed but not marked. Run kiji run again to refresh.');
      if (notes.length) warnings.push(`${article.path}: ${notes.join(' ')}`);
      pages.push(folder.write(`articles/${articlePageName(article)}`, renderArticlePage({ article, mentions, ...(loaded.text !== undefined ? { text: loaded.text } : {}), notes })));
    }
    for (const org of entities.orgs.values()) folder.write(`entities/${entityPageName('org', org.name)}`, renderOrgPage(org, entities.agreements));
    for (const a of entities.agreements.values()) folder.write(`entities/${entityPageName('agreement', a.key)}`, renderAgreementPage(a, entities.orgs));
    folder.write('orgs.html', renderOrgIndex(entities.orgs));
    folder.write('agreements.html', renderAgreementIndex(entities.agreements));
    const index = folder.write('index.html', renderIndex(articles, info, displayTarget(dbPath), { orgs: entities.orgs.size, agreements: entities.agreements.size }));
    folder.removeStale();
    return { index, pages, warnings };
  } finally {
    await store.close();
  }
}
