import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import type { KijiConfig } from '../schema/config.js';
import { createArticlePool, type ArticlePool } from './pool.js';
import type { ArticleTask, ArticleTaskResult } from './worker.js';
import { CLOCK_BATCH, CLOCK_BYTES, CLOCK_FIRST, CLOCK_LOAD_STARTED, CLOCK_LOADED_MS, CLOCK_STARTED } from './worker-clock.js';

/** A file's bytes and their SHA-256, when the main thread read them already (to see that they changed). */
export interface ReadFile {
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Runs articles on the worker pool with bounded work in flight — two batches' worth per worker (worker.ts
 * processes the articles waiting on it together), so that a worker finishing a batch starts the next at once
 * instead of waiting for this thread to hand it over — and a time limit per article, counted from when its
 * worker starts it (the worker marks that in a shared clock; time spent loading the pipeline for it is not
 * counted, up to PIPELINE_LOAD_ALLOWANCE_MS): an article over `articleTimeoutMs` has its worker terminated
 * and replaced, and is reported as timed out while the run goes on; the articles waiting behind it on that
 * worker had not started and are run again. An article whose batch ran over the limit or ended its worker
 * (out of memory) is run again alone, so that only the article that did it is reported. When the run is
 * interrupted, articles still in flight after a short grace are stopped the same way and reported as interrupted
 * (not recorded: the next run processes them), so Ctrl-C never waits for a slow article.
 */
export type TaskOutcome =
  | { kind: 'done'; result: ArticleTaskResult }
  | { kind: 'timeout'; ms: number }
  | { kind: 'interrupted' }
  | { kind: 'crashed'; error: unknown };

export interface Scheduler {
  /** Waits for a free slot, then starts the article (from `read` when the file was read already); `onOutcome` runs when it settles. */
  submit(path: string, onOutcome: (outcome: TaskOutcome) => void, read?: ReadFile): Promise<void>;
  idle(): Promise<void>;
  destroy(): Promise<void>;
  readonly threads: number;
}

/** Loading the pipeline for an article (a new worker's first, a language's first) is not counted against its time limit, up to this. */
export const PIPELINE_LOAD_ALLOWANCE_MS = 60_000;
/** How long an interrupted run lets articles in flight finish before stopping them. */
export const INTERRUPT_GRACE_MS = 1_500;

/** Times an article that never started (its worker was stopped for another one, or crashed) is handed over again. */
const MAX_ATTEMPTS = 3;

export function createScheduler(config: KijiConfig, threads: number, options: { signal?: AbortSignal; onFailure: (error: unknown) => void; poolFactory?: typeof createArticlePool }): Scheduler {
  // A local run writes to SQLite, whose gram index the workers compute the tokens of (in parallel, not in the writer).
  const pool: ArticlePool = (options.poolFactory ?? createArticlePool)(config, threads, { gramTokens: true });
  const queue = new PQueue({ concurrency: pool.threads * pool.tasksPerWorker });
  const interrupt = new AbortController();
  // Every task in flight listens to it (two batches' worth per worker): more than EventEmitter's default warns of a leak.
  setMaxListeners(pool.threads * pool.tasksPerWorker + 10, interrupt.signal);
  let graceTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    graceTimer = setTimeout(() => interrupt.abort('interrupted'), INTERRUPT_GRACE_MS);
    graceTimer.unref();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const runOnce = async (path: string, read: ReadFile | undefined, alone: boolean): Promise<TaskOutcome | 'not started' | 'again alone'> => {
    const timeout = new AbortController();
    const clock = new Float64Array(new SharedArrayBuffer(CLOCK_BYTES));
    const loadedMs = () => Math.min(PIPELINE_LOAD_ALLOWANCE_MS, clock[CLOCK_LOADED_MS]! + (clock[CLOCK_LOAD_STARTED]! > 0 ? Date.now() - clock[CLOCK_LOAD_STARTED]! : 0));
    const check = () => {
      const startedAt = clock[CLOCK_STARTED]!;
      // A worker's first article (a new worker, or one replacing a stopped one) also loads the pipeline and warms up its
      // code; not an article tried again alone, whose time is what is being found out (the loading is not counted anyway).
      const limit = config.articleTimeoutMs + (clock[CLOCK_FIRST] === 1 && !alone ? PIPELINE_LOAD_ALLOWANCE_MS : 0);
      const left = startedAt === 0 ? config.articleTimeoutMs : limit + loadedMs() - (Date.now() - startedAt);
      if (left <= 0) timeout.abort('timeout');
      else timer = setTimeout(check, left);
    };
    let timer = setTimeout(check, config.articleTimeoutMs);
    try {
      const task: ArticleTask = { path, maxBytes: config.maxFileBytes, clock, ...(read ? { bytes: read.bytes, sha256: read.sha256 } : {}), ...(alone ? { alone } : {}) };
      const result = await pool.run(task, AbortSignal.any([timeout.signal, interrupt.signal]));
      return { kind: 'done', result };
    } catch (error) {
      // Its batch ran too long or ended its worker: which of its articles did is known only once each runs alone.
      if (clock[CLOCK_STARTED] !== 0 && clock[CLOCK_BATCH]! > 1 && !interrupt.signal.aborted) return 'again alone';
      if (timeout.signal.aborted) return { kind: 'timeout', ms: Math.round(Date.now() - clock[CLOCK_STARTED]!) };
      if (interrupt.signal.aborted) return { kind: 'interrupted' };
      if (clock[CLOCK_STARTED] === 0) return 'not started';
      return { kind: 'crashed', error }; // out of memory
    } finally {
      clearTimeout(timer);
    }
  };
  const runOne = async (path: string, read?: ReadFile): Promise<TaskOutcome> => {
    let alone = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await runOnce(path, read, alone);
      if (outcome === 'again alone') {
        // Not counted as an attempt: alone, the article is its batch, so this happens once at most.
        alone = true;
        attempt--;
        continue;
      }
      if (outcome !== 'not started') return outcome;
      if (attempt === MAX_ATTEMPTS) return { kind: 'crashed', error: new Error(`its worker was stopped ${MAX_ATTEMPTS} times before it could start the article`) };
    }
  };

  return {
    threads: pool.threads,
    async submit(path, onOutcome, read) {
      await queue.onSizeLessThan(1); // every slot busy: wait for one before taking the next path
      queue
        .add(async () => onOutcome(await runOne(path, read)))
        .catch(options.onFailure); // storing the result failed: the run stops
    },
    idle: () => queue.onIdle(),
    async destroy() {
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // A run that stopped on an error may still have articles in flight: stop them (not recorded) and
      // let their tasks settle before the pool goes, so no worker answers a pool that is gone.
      interrupt.abort('stopping');
      await queue.onIdle();
      await pool.destroy();
    },
  };
}
