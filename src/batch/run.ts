import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { acquireRunLock } from '../store/lock.js';
import type { FailedArticle, StoredArticle } from '../store/rows.js';
import { openStore, type RunCounts, type RunInfo, versionFor } from '../store/store.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../version.js';
import { configHash } from './config-hash.js';
import { createArticlePool, type ArticlePool, workerHeapLimitMb } from './pool.js';
import { peakRssMb } from './peak-rss.js';
import { walkInputs } from './walk.js';
import type { ArticleTaskResult } from './worker.js';

export interface BatchOptions {
  /** Files and folders (relative to `cwd`). */
  inputs: readonly string[];
  dbPath: string;
  config: KijiConfig;
  /** Worker threads (default: config.concurrency, else the number of cores; never more than the articles to process). */
  concurrency?: number;
  /** Re-process every article, even unchanged ones. */
  force?: boolean;
  /** Aborting stops taking new work; articles in flight finish and are written. */
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  cwd?: string;
  /** Articles per write transaction, and the longest a finished article waits to be written. */
  batchSize?: number;
  flushMs?: number;
  /** Overrides the pipeline version recorded, for every language (tests). */
  pipelineVersion?: string;
  /** Overrides the version of some language paths (tests: an upgrade that changed one language). */
  languageVersions?: Readonly<Record<string, string>>;
}

export interface BatchProgress {
  total: number;
  done: number;
  processed: number;
  skipped: number;
  failed: number;
  elapsedMs: number;
}

export interface BatchFailure {
  path: string;
  code: string;
  reason: string;
}

export interface BatchSummary extends RunCounts {
  db: string;
  runId: number;
  /** Records written in this run, per type. */
  records: Record<string, number>;
  failures: BatchFailure[];
  /** Characters of the articles processed in this run. */
  chars: number;
  elapsedMs: number;
  interrupted: boolean;
  concurrency: number;
  /** Time summed over workers (reading + decoding, loading the pipeline, processing), the writer's time in transactions, and hashing to skip. */
  timings: { walkMs: number; readMs: number; loadMs: number; processMs: number; writeMs: number; hashMs: number };
  /** Peak resident memory of the whole process (main thread and workers), and each worker's peak V8 heap. */
  memory: { peakRssMb: number; workerHeapMb: number[] };
  /** CPU time of the whole process (all threads, user + system) since it started: a measure that holds on a busy machine. */
  cpuMs: number;
  /** The same when the run began (node start-up and module loading before it). */
  cpuAtStartMs: number;
}

const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_FLUSH_MS = 250;

/**
 * One `kiji run`: walk the inputs, skip what is up to date, process the rest on a worker pool with
 * bounded work in flight, and write the results from this thread in batched transactions.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const { config } = options;
  const concurrency = Math.max(1, options.concurrency ?? config.concurrency ?? availableParallelism());
  const languageVersions = options.pipelineVersion !== undefined ? { ja: options.pipelineVersion, en: options.pipelineVersion } : { ...LANGUAGE_VERSIONS, ...options.languageVersions };
  const run: RunInfo = { configHash: configHash(config), pipelineVersion: options.pipelineVersion ?? PIPELINE_VERSION, languageVersions, inputs: options.inputs };

  const lock = acquireRunLock(options.dbPath);
  let store;
  try {
    store = openStore(options.dbPath);
  } catch (error) {
    lock.release();
    throw error;
  }
  const runId = store.beginRun(run);
  const counts: RunCounts = { seen: 0, processed: 0, skipped: 0, failed: 0 };
  const records: Record<string, number> = {};
  const failures: BatchFailure[] = [];
  const timings = { walkMs: 0, readMs: 0, loadMs: 0, processMs: 0, writeMs: 0, hashMs: 0 };
  const workerHeap = new Map<number, number>();
  let chars = 0;
  let total = 0;
  let pool: ArticlePool | undefined;
  let pending: StoredArticle[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let writeError: unknown;

  const progress = () =>
    options.onProgress?.({ total, done: counts.processed + counts.skipped + counts.failed, processed: counts.processed, skipped: counts.skipped, failed: counts.failed, elapsedMs: performance.now() - started });

  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const t = performance.now();
    try {
      store.writeArticles(batch);
    } catch (error) {
      pending = batch.concat(pending); // nothing of the batch was written: the transaction rolled back
      throw error;
    }
    timings.writeMs += performance.now() - t;
  };

  const settle = (article: StoredArticle) => {
    if (article.status === 'ok') counts.processed++;
    else {
      // Reasons are stored without the path, which is the row's own column.
      if (article.error.startsWith(`${article.path}: `)) article.error = article.error.slice(article.path.length + 2);
      counts.failed++;
      failures.push({ path: article.path, code: article.errorCode, reason: article.error });
    }
    pending.push(article);
    if (pending.length >= (options.batchSize ?? DEFAULT_BATCH_SIZE)) flush();
    progress();
  };

  const onResult = (result: ArticleTaskResult) => {
    timings.readMs += result.readMs;
    timings.loadMs += result.loadMs;
    timings.processMs += result.processMs;
    workerHeap.set(result.threadId, Math.max(workerHeap.get(result.threadId) ?? 0, result.heapMb));
    if (result.article.status === 'ok') {
      chars += result.article.chars;
      for (const [type, n] of Object.entries(result.types)) records[type] = (records[type] ?? 0) + n;
    }
    settle(result.article);
  };

  const onCrash = (path: string, error: unknown): void => {
    const { message } = describeError(error);
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const failed: FailedArticle = outOfMemory
      ? { path, status: 'failed', errorCode: 'E_TOO_LARGE', error: `${path}: processing needed more than the worker's ${workerHeapLimitMb(config)} MB heap (the limit grows with maxFileBytes); the worker was replaced`, contentHash: null, bytes: null }
      : { path, status: 'failed', errorCode: 'E_INTERNAL', error: `${path}: the worker processing this article crashed: ${message}`, contentHash: null, bytes: null };
    settle(failed);
  };

  let status: 'done' | 'interrupted' | 'failed' = 'done';
  try {
    const walkStart = performance.now();
    const walked = await walkInputs(options.inputs, config.extensions, options.cwd);
    timings.walkMs = performance.now() - walkStart;
    total = walked.files.length + walked.failures.length;
    counts.seen = total;
    for (const failure of walked.failures) settle(failure);

    flushTimer = setInterval(() => {
      try {
        flush();
      } catch (error) {
        writeError ??= error; // surfaces in the main flow, which stops the run
      }
    }, options.flushMs ?? DEFAULT_FLUSH_MS);
    flushTimer.unref();

    // Bounded work in flight (p-queue): enough to keep every worker busy, never the whole folder.
    const queue = new PQueue({ concurrency: concurrency * 2 });
    for (const [index, path] of walked.files.entries()) {
      if (writeError) throw writeError;
      if (options.signal?.aborted) break;
      if (!options.force && isUpToDate(store, path, run, timings)) {
        counts.skipped++;
        progress();
        continue;
      }
      await queue.onSizeLessThan(1); // every slot busy: wait for one before reading the next path
      if (options.signal?.aborted) break;
      // No more workers (each loads its own kuromoji) than there are articles left to process.
      const articles = (pool ??= createArticlePool(config, Math.min(concurrency, walked.files.length - index)));
      queue
        .add(() => articles.run({ path, maxBytes: config.maxFileBytes }).then(onResult, (error: unknown) => onCrash(path, error)))
        .catch((error: unknown) => {
          writeError ??= error; // storing the result failed: the main flow stops the run
        });
    }
    await queue.onIdle();
    if (writeError) throw writeError;
    flush();
    if (options.signal?.aborted) status = 'interrupted';
  } catch (error) {
    status = 'failed';
    // Whatever was finished is still written; a failing write leaves the last transaction rolled back.
    try {
      flush();
    } catch {
      /* reported below */
    }
    throw error instanceof KijiError ? error : new KijiError('E_DB', `the run stopped: ${(error as Error).message}`, {}, { cause: error });
  } finally {
    if (flushTimer) clearInterval(flushTimer);
    try {
      store.finishRun(counts, status);
    } catch {
      /* the database itself failed: the run stays 'running' and the next run marks it abandoned */
    }
    await pool?.destroy();
    store.close();
    lock.release();
  }

  return {
    db: store.path,
    runId,
    ...counts,
    records,
    failures,
    chars,
    elapsedMs: performance.now() - started,
    interrupted: status === 'interrupted',
    concurrency: pool?.threads ?? concurrency,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) as BatchSummary['timings'],
    memory: { peakRssMb: peakRssMb(), workerHeapMb: [...workerHeap.values()] },
    cpuAtStartMs: Math.round((cpuAtStart.user + cpuAtStart.system) / 1000),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  };
}

/** Up to date: processed successfully before from the same bytes and config, by the same version of its language's path. */
function isUpToDate(store: ReturnType<typeof openStore>, path: string, run: RunInfo, timings: BatchSummary['timings']): boolean {
  const state = store.lookup(path);
  if (!state || state.status !== 'ok' || state.pipelineVersion !== versionFor(state.lang, run) || state.configHash !== run.configHash) return false;
  const t = performance.now();
  try {
    // Synchronous on purpose: articles are small, and an async read per file costs a thread-pool round
    // trip per syscall, which made a run with nothing to do three times slower.
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    return hash === state.contentHash;
  } catch {
    return false; // unreadable now: let the worker record why
  } finally {
    timings.hashMs += performance.now() - t;
  }
}
