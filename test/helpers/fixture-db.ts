import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPipeline } from '../../src/pipeline.js';
import { okArticle } from '../../src/store/rows.js';
import { openStore } from '../../src/store/store.js';
import { readArticleFile } from '../../src/text/read-article.js';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Our own article with characters HTML must escape, to check the report and the markers. */
export const ESCAPE_ARTICLE = 'zz-escape.txt';
export const ESCAPE_TEXT = '公開日：2025年11月5日\n\n<script>alert("x")</script> 株式会社A&Bは11月4日、\'約3億円\'の投資を決めた。<b>太字</b>\n';

/**
 * A database built in-process (pipeline + store, no worker threads) from copies of a few fixture
 * articles, our escape-test article and one failed file. Returns the folder and the database path.
 */
export async function buildFixtureDb(names: readonly string[]): Promise<{ dir: string; db: string; articles: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiji-db-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  for (const name of names) copyFileSync(join(repoRoot, 'fixtures/articles', name), join(articles, name));
  writeFileSync(join(articles, ESCAPE_ARTICLE), ESCAPE_TEXT);
  const pipeline = await createPipeline({});
  const db = join(dir, 'kiji.sqlite');
  const store = openStore(db);
  store.beginRun({ configHash: 'test', pipelineVersion: pipeline.version, inputs: [articles] });
  for (const name of [...names, ESCAPE_ARTICLE]) {
    const path = join(articles, name);
    const decoded = await readArticleFile(path);
    const result = pipeline.process({ id: name, text: decoded.text, source: path, ...(decoded.publishedAt ? { publishedAt: decoded.publishedAt } : {}), ...(decoded.title ? { title: decoded.title } : {}) });
    store.writeArticles([okArticle({ path, contentHash: decoded.sha256, bytes: decoded.bytes, format: decoded.format, encoding: decoded.encoding }, result, decoded.text)]);
  }
  store.recordFailure({ path: join(articles, 'broken.txt'), contentHash: null, bytes: 10, status: 'failed', errorCode: 'E_BINARY', error: 'broken.txt: binary file (NUL byte at offset 3)' });
  store.finishRun({ seen: names.length + 2, processed: names.length + 1, skipped: 0, failed: 1 });
  store.close();
  return { dir, db, articles };
}
