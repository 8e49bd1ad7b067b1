import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { BATCH_ARTICLES } from './batch-size.js';
import { workerHeapLimitMb } from './heap-limit.js';
import { KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { loadDictionaryImage } from '../stages/tokenize/dictionary-file.js';
import type { ArticleTask, ArticleTaskResult, WorkerData } from './worker.js';
import { CLOCK_CANCELLED, CLOCK_STARTED, CLOCK_THREAD } from './worker-clock.js';

export { WORKER_HEAP_LIMIT_MB, workerHeapLimitMb } from './heap-limit.js';

/** The compiled worker: next to this module in dist/, or dist/ when this module runs from src/ (vitest). */
export function workerFileUrl(): string {
  for (const candidate of ['./worker.js', '../../dist/batch/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new KijiError('E_INTERNAL', 'the batch worker is not built (dist/batch/worker.js is missing): run `npm run build`');
}

/**
 * Tasks handed to each worker at once: two batches (worker.ts processes the tasks waiting on it together), so that it
 * starts the next batch as soon as one is done, without waiting for the main thread (busy, or not given the CPU on a
 * loaded machine). piscina runs a task that has an AbortSignal alone on its worker, so tasks are handed over without
 * one and stopped through their clock instead (stopTask).
 */
export const TASKS_PER_WORKER = 2 * BATCH_ARTICLES;

export interface ArticlePool {
  /** Aborting `signal` terminates the worker the task was handed to (it is replaced) and rejects. */
  run(task: ArticleTask, signal?: AbortSignal): Promise<ArticleTaskResult>;
  destroy(): Promise<void>;
  readonly threads: number;
  readonly tasksPerWorker: number;
}

export interface ArticlePoolOptions {
  /** The results go to a SQLite store: each worker computes its articles' gram tokens (store/grams.ts) for the writer. */
  gramTokens?: boolean;
}

/** One dictionary for all workers: read once here into shared memory and handed to each worker (none for English-only runs). */
export function workerDataFor(config: KijiConfig, options: ArticlePoolOptions = {}): WorkerData {
  const gramTokens = options.gramTokens ? { gramTokens: true } : {};
  return config.language === 'en' ? { config, ...gramTokens } : { config, dictionary: loadDictionaryImage(), ...gramTokens };
}

export function createArticlePool(config: KijiConfig, threads: number, options: ArticlePoolOptions = {}): ArticlePool {
  const workerData = workerDataFor(config, options);
  const pool = new Piscina<ArticleTask, ArticleTaskResult>({
    filename: workerFileUrl(),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    idleTimeout: 60_000,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb(config) },
  });
  // A worker's late answer after the pool stopped must not become an uncaught 'error' event (which
  // ended the process, leaving the lock behind): the run has already recorded how it ended.
  pool.on('error', () => {});
  const terminating = new WeakSet<object>();
  return {
    threads,
    tasksPerWorker: TASKS_PER_WORKER,
    run: (task, signal) => {
      const clock = task.clock;
      // Without a clock there is no telling which worker runs the task: piscina stops it (and runs it alone).
      if (!signal || !clock) return pool.run(task, signal ? { signal } : {});
      const running = pool.run(task);
      return new Promise<ArticleTaskResult>((resolve, reject) => {
        const onAbort = () => {
          stopTask(pool, clock, terminating);
          reject(new KijiError('E_INTERNAL', `the task for ${task.path} was stopped: ${String(signal.reason)}`));
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        running.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    destroy: () => pool.destroy(),
  };
}

/**
 * Stops a task: a started one by terminating its worker (piscina then fails that worker's other tasks, those of its
 * batch and those that had not started, and replaces the worker), one still waiting by marking it cancelled for its
 * worker to skip. A batch's tasks stopped together terminate their worker once.
 */
function stopTask(pool: Piscina, clock: Float64Array, terminating: WeakSet<object>): void {
  if (clock[CLOCK_STARTED] === 0) {
    clock[CLOCK_CANCELLED] = 1;
    return;
  }
  const thread = clock[CLOCK_THREAD];
  const worker = pool.threads.find((w) => w.threadId === thread);
  if (!worker || terminating.has(worker)) return;
  terminating.add(worker);
  void worker.terminate();
}
