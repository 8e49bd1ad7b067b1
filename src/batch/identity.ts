import { articlesUnder, markMissing, renameArticle } from '../store/identity.js';
import type { KijiStore } from '../store/store.js';
import type { WalkResult } from './walk.js';
import { hashFile } from './file-hash.js';

/**
 * After the walk: the stored articles under the run's inputs that the walk did not find. A new file
 * with the bytes of one of them is that article renamed or moved (its row takes the new path and
 * keeps its records, so it is not processed again); the others are marked `missing`. Paths under a
 * folder the walk could not read are left alone — not finding them says nothing.
 */
export function reconcileArticles(store: KijiStore, runId: number, roots: readonly string[], walked: WalkResult, timings: { hashMs: number }): { missing: number; renamed: number } {
  const found = new Set(walked.files);
  const unreadable = walked.failures.map((f) => f.path);
  const inUnreadable = (path: string) => unreadable.some((dir) => path === dir || path.startsWith(`${dir}/`));
  const gone = articlesUnder(store.db, roots).filter((a) => a.status !== 'missing' && !found.has(a.path) && !inUnreadable(a.path));
  if (gone.length === 0) return { missing: 0, renamed: 0 };

  const byHash = new Map<string, (typeof gone)[number]>();
  for (const article of gone) if (article.status === 'ok' && article.contentHash) byHash.set(article.contentHash, article);
  const renamed = new Set<number>();
  if (byHash.size > 0) {
    const t = performance.now();
    store.db.transaction(() => {
      for (const path of walked.files) {
        if (store.lookup(path)) continue; // known: not a renamed file
        let hash: string;
        try {
          hash = hashFile(path);
        } catch {
          continue; // unreadable: the worker records why
        }
        const article = byHash.get(hash);
        if (!article) continue;
        renameArticle(store.db, article.id, path);
        byHash.delete(hash);
        renamed.add(article.id);
      }
    }).immediate();
    timings.hashMs += performance.now() - t;
  }
  const missing = gone.filter((a) => !renamed.has(a.id)).map((a) => a.id);
  markMissing(store.db, missing, runId);
  return { missing: missing.length, renamed: renamed.size };
}
