import { type KnownArticle, markMissing, renameArticle, type StoredState } from '../store/identity.js';
import type { KijiStore } from '../store/store.js';
import type { WalkResult } from './walk.js';
import { hashFile } from './file-hash.js';

/**
 * After the walk: the stored articles under the run's inputs that the walk did not find. A new file
 * with the bytes of one of them is that article renamed or moved (its row takes the new path and
 * keeps its records, so it is not processed again); the others are marked `missing`. Paths under a
 * folder the walk could not read are left alone — not finding them says nothing. The same rule for a
 * local run (SQLite, below) and a queued one (PostgreSQL, src/cluster/producer.ts).
 */
export function goneArticles(known: readonly KnownArticle[], walked: WalkResult): KnownArticle[] {
  const found = new Set(walked.files);
  const unreadable = walked.failures.map((f) => f.path);
  const inUnreadable = (path: string) => unreadable.some((dir) => path === dir || path.startsWith(`${dir}/`));
  return known.filter((a) => a.status !== 'missing' && !found.has(a.path) && !inUnreadable(a.path));
}

/**
 * Which gone articles are renamed files: a new file (`isKnown` false) whose bytes are a gone article's.
 * Hashes only when some gone article has a hash to match. The rest of `gone` is missing.
 */
export function planRenames(gone: readonly KnownArticle[], files: readonly string[], isKnown: (path: string) => boolean): { renames: { id: number; path: string }[]; missing: number[] } {
  const byHash = new Map<string, KnownArticle>();
  for (const article of gone) if (article.status === 'ok' && article.contentHash) byHash.set(article.contentHash, article);
  const renames: { id: number; path: string }[] = [];
  if (byHash.size > 0) {
    for (const path of files) {
      if (isKnown(path)) continue; // known: not a renamed file
      let hash: string;
      try {
        hash = hashFile(path);
      } catch {
        continue; // unreadable: the worker records why
      }
      const article = byHash.get(hash);
      if (!article) continue;
      renames.push({ id: article.id, path });
      byHash.delete(hash);
      if (byHash.size === 0) break;
    }
  }
  const renamed = new Set(renames.map((r) => r.id));
  return { renames, missing: gone.filter((a) => !renamed.has(a.id)).map((a) => a.id) };
}

/**
 * Marks the gone articles missing and moves the renamed ones to their new paths, in the database and in
 * `stored` (the articles under `roots`, by path), which the run then reads to skip what is up to date.
 */
export function reconcileArticles(store: KijiStore, runId: number, stored: Map<string, StoredState>, walked: WalkResult, timings: { hashMs: number }): { missing: number; renamed: number } {
  const gone = goneArticles([...stored.values()], walked);
  if (gone.length === 0) return { missing: 0, renamed: 0 };
  const t = performance.now();
  const { renames, missing } = planRenames(gone, walked.files, (path) => stored.has(path) || store.lookup(path) !== undefined);
  timings.hashMs += performance.now() - t;
  store.db.transaction(() => {
    for (const { id, path } of renames) renameArticle(store.db, id, path);
  }).immediate();
  markMissing(store.db, missing, runId);
  const byId = new Map([...stored.values()].map((a) => [a.id, a]));
  for (const { id, path } of renames) {
    const article = byId.get(id)!;
    stored.delete(article.path);
    stored.set(path, { ...article, path, fileStat: null });
  }
  return { missing: missing.length, renamed: renames.length };
}
