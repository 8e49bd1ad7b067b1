import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import type { ArticleTask, ArticleTaskResult, WorkerData } from './worker.js';

/**
 * V8 old-space limit per worker. kuromoji's dictionary lives mostly in typed arrays outside this
 * limit; an article that would need more than this (a runaway document) kills only its worker,
 * which is recorded as a failed article and replaced.
 */
export const WORKER_HEAP_LIMIT_MB = 2048;

/** The compiled worker: next to this module in dist/, or dist/ when this module runs from src/ (vitest). */
export function workerFileUrl(): string {
  for (const candidate of ['./worker.js', '../../dist/batch/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new KijiError('E_INTERNAL', 'the batch worker is not built (dist/batch/worker.js is missing): run `npm run build`');
}

export interface ArticlePool {
  run(task: ArticleTask): Promise<ArticleTaskResult>;
  destroy(): Promise<void>;
  readonly threads: number;
}

export function createArticlePool(config: KijiConfig, threads: number): ArticlePool {
  const workerData: WorkerData = { config };
  const pool = new Piscina<ArticleTask, ArticleTaskResult>({
    filename: workerFileUrl(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB },
  });
  return {
    threads,
    run: (task) => pool.run(task),
    destroy: () => pool.destroy(),
  };
}
