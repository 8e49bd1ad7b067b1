import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { acquireRunLock } from '../store/lock.js';
import { reserveSpace } from '../store/reserve.js';
import type { FailedArticle, StoredArticle } from '../store/rows.js';
import { type KijiStore, openStore, type RunCounts, type RunInfo, versionFor } from '../store/store.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../version.js';
import { configHash, limitsConfigHash } from './config-hash.js';
import { hashFile } from './file-hash.js';
import { workerHeapLimitMb } from './heap-limit.js';
import type { ReadFile, Scheduler, TaskOutcome } from './scheduler.js';
import { createBatchWriter, type BatchWriter } from './writer.js';
import { readBytesSync } from '../text/read-bytes.js';
import { reconcileArticles } from './identity.js';
import { realPathOf } from '../store/real-path.js';
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
  /**
   * Try again the articles that timed out or ran out of memory before, though their bytes, the pipeline and
   * the config (with its limits) are unchanged (otherwise they are skipped: the same work would fail the same way).
   */
  retryFailed?: boolean;
  /** Aborting stops taking new work; articles in flight finish and are written (those still running after a short grace are stopped and left for the next run). */
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
  /** Articles under the inputs whose files were not found (now `missing`), and files found under a new name (same bytes: the article's path was updated). */
  missing: number;
  renamed: number;
  runId: number;
  /** Records written in this run, per type. */
  records: Record<string, number>;
  failures: BatchFailure[];
  /** Articles skipped because they failed before (E_TIMEOUT, …) and nothing they depend on changed; counted in `skipped`. */
  skippedFailures: { path: string; code: string }[];
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
 * One `kiji run`: walk the inputs, reconcile what the database knows under them (renamed and
 * missing files), skip what is up to date, process the rest on the worker pool (scheduler.ts) and
 * write the results in batched transactions on the writer's own thread (writer.ts).
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const { config } = options;
  const concurrency = Math.max(1, options.concurrency ?? config.concurrency ?? availableParallelism());
  const cwd = options.cwd ?? process.cwd();
  const roots = options.inputs.map((input) => realPathOf(resolve(cwd, input)));
  const languageVersions = options.pipelineVersion !== undefined ? { ja: options.pipelineVersion, en: options.pipelineVersion } : { ...LANGUAGE_VERSIONS, ...options.languageVersions };
  const run: RunInfo = { configHash: configHash(config), pipelineVersion: options.pipelineVersion ?? PIPELINE_VERSION, languageVersions, inputs: roots };

  const lock = acquireRunLock(options.dbPath);
  const reserve = reserveSpace(options.dbPath);
  let store: KijiStore;
  let runId: number;
  try {
    store = openStore(options.dbPath);
    try {
      runId = store.beginRun(run);
    } catch (error) {
      store.close();
      throw error;
    }
  } catch (error) {
    reserve.release();
    lock.release();
    throw error instanceof KijiError ? error : new KijiError('E_DB', `cannot start the run in ${options.dbPath}: ${(error as Error).message}`, {}, { cause: error });
  }
  const counts: RunCounts = { seen: 0, processed: 0, skipped: 0, failed: 0 };
  const records: Record<string, number> = {};
  const failures: BatchFailure[] = [];
  const skippedFailures: BatchSummary['skippedFailures'] = [];
  const limitsHash = limitsConfigHash(config);
  const timings = { walkMs: 0, readMs: 0, loadMs: 0, processMs: 0, writeMs: 0, hashMs: 0 };
  const workerHeap = new Map<number, number>();
  let chars = 0;
  let total = 0;
  let reconciled = { missing: 0, renamed: 0 };
  let scheduler: Scheduler | undefined;
  let taskError: unknown;
  const writer: BatchWriter = createBatchWriter(store, { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, flushMs: options.flushMs ?? DEFAULT_FLUSH_MS });

  const progress = () =>
    options.onProgress?.({ total, done: counts.processed + counts.skipped + counts.failed, processed: counts.processed, skipped: counts.skipped, failed: counts.failed, elapsedMs: performance.now() - started });

  const settle = (article: StoredArticle) => {
    if (article.status === 'ok') counts.processed++;
    else {
      // Reasons are stored without the path, which is the row's own column.
      if (article.error.startsWith(`${article.path}: `)) article.error = article.error.slice(article.path.length + 2);
      counts.failed++;
      failures.push({ path: article.path, code: article.errorCode, reason: article.error });
    }
    writer.add(article);
    progress();
  };

  const onOutcome = (path: string, outcome: TaskOutcome, read: ReadFile | undefined): void => {
    if (outcome.kind === 'interrupted') return; // not recorded: the next run processes it
    if (outcome.kind === 'done') {
      const { result } = outcome;
      timings.readMs += result.readMs;
      timings.loadMs += result.loadMs;
      timings.processMs += result.processMs;
      workerHeap.set(result.threadId, Math.max(workerHeap.get(result.threadId) ?? 0, result.heapMb));
      if (result.article.status === 'ok') {
        chars += result.article.chars;
        for (const [type, n] of Object.entries(result.types)) records[type] = (records[type] ?? 0) + n;
      }
      settle(result.article);
      return;
    }
    settle(failedTask(path, outcome, config, limitsHash, read));
  };

  let status: 'done' | 'interrupted' | 'failed' = 'done';
  try {
    const walkStart = performance.now();
    const walked = await walkInputs(options.inputs, config.extensions, cwd);
    timings.walkMs = performance.now() - walkStart;
    total = walked.files.length + walked.failures.length;
    counts.seen = total;
    reconciled = reconcileArticles(store, runId, roots, walked, timings);
    for (const failure of walked.failures) settle(failure);

    for (const [index, path] of walked.files.entries()) {
      if (writer.error) throw writer.error;
      if (taskError) throw taskError;
      if (options.signal?.aborted) break;
      const known = options.force ? undefined : checkUpToDate(store, path, run, timings, { maxBytes: config.maxFileBytes, limitsHash, retryFailed: Boolean(options.retryFailed) });
      if (known === true || (known && 'failedBefore' in known)) {
        if (known !== true) skippedFailures.push({ path, code: known.failedBefore });
        counts.skipped++;
        progress();
        continue;
      }
      // No more workers (each loads its own kuromoji) than there are articles left to process.
      // The pool (piscina) is imported only when there is something to process: not for a re-run with nothing changed.
      scheduler ??= (await import('./scheduler.js')).createScheduler(config, Math.min(concurrency, walked.files.length - index), {
        ...(options.signal ? { signal: options.signal } : {}),
        onFailure: (error) => {
          taskError ??= error;
        },
      });
      if (options.signal?.aborted) break;
      await writer.room();
      await scheduler.submit(path, (outcome) => onOutcome(path, outcome, known), known);
    }
    await scheduler?.idle();
    if (writer.error) throw writer.error;
    if (taskError) throw taskError;
    await writer.flush();
    if (options.signal?.aborted) status = 'interrupted';
  } catch (error) {
    status = 'failed';
    // Whatever was finished is still written; a failing write leaves the last transaction rolled back.
    try {
      await writer.flush();
    } catch {
      /* reported below */
    }
    const full = (error as { code?: string }).code === 'SQLITE_FULL';
    throw error instanceof KijiError ? error : new KijiError('E_DB', `the run stopped: ${(error as Error).message}${full ? ' (free some space and run again: every article written so far is kept)' : ''}`, {}, { cause: error });
  } finally {
    await writer.close().catch(() => {}); // what it could not write is in writer.error, reported above
    timings.writeMs = writer.writeMs;
    try {
      reserve.release(); // room for this last write, also on a full disk
      store.finishRun(counts, status);
    } catch {
      /* the database itself failed: the run stays 'running' and the next run marks it abandoned */
    }
    await scheduler?.destroy();
    store.close();
    reserve.release();
    lock.release();
  }

  return {
    db: store.path,
    runId,
    ...counts,
    ...reconciled,
    records,
    failures,
    skippedFailures,
    chars,
    elapsedMs: performance.now() - started,
    interrupted: status === 'interrupted',
    concurrency: scheduler?.threads ?? concurrency,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) as BatchSummary['timings'],
    memory: { peakRssMb: peakRssMb(), workerHeapMb: [...workerHeap.values()] },
    cpuAtStartMs: Math.round((cpuAtStart.user + cpuAtStart.system) / 1000),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  };
}

/** Failures that cost a worker; skipped on the next runs while the bytes, the pipeline, the config and its limits stay the same. */
const COSTLY_FAILURES: ReadonlySet<string> = new Set(['E_TIMEOUT', 'E_TOO_LARGE']);

/**
 * The row recorded for an article whose worker did not return a result. A timeout or a worker out of memory
 * is stored with the file's hash and the limits it hit (`limitsHash`), so the next run skips it unless one
 * of them changed; a crash (a bug) is tried again every run.
 */
function failedTask(path: string, outcome: Exclude<TaskOutcome, { kind: 'done' | 'interrupted' }>, config: KijiConfig, limitsHash: string, read: ReadFile | undefined): FailedArticle {
  const failed = (errorCode: FailedArticle['errorCode'], error: string): FailedArticle => ({ path, status: 'failed', errorCode, error: `${path}: ${error}`, contentHash: null, bytes: null });
  const costly = (errorCode: FailedArticle['errorCode'], error: string): FailedArticle => {
    const row: FailedArticle = { ...failed(errorCode, `${error}. The next runs skip it while the file, kiji and these settings stay the same (kiji run --retry-failed tries again)`), configHash: limitsHash };
    try {
      row.contentHash = read?.sha256 ?? hashFile(path);
      row.bytes = read?.bytes.length ?? null;
    } catch {
      /* unreadable now: no hash, so the next run tries again */
    }
    return row;
  };
  if (outcome.kind === 'timeout') {
    return costly('E_TIMEOUT', `processing took longer than articleTimeoutMs (${config.articleTimeoutMs} ms; stopped after ${outcome.ms} ms); the worker was replaced. Raise articleTimeoutMs in the config for very large articles`);
  }
  if ((outcome.error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return costly('E_TOO_LARGE', `processing needed more than the worker's ${workerHeapLimitMb(config)} MB heap (the limit grows with maxFileBytes); the worker was replaced`);
  }
  return failed('E_INTERNAL', `the worker processing this article crashed: ${describeError(outcome.error).message}`);
}

/**
 * Up to date: processed successfully before from the same bytes and config, by the same version of its
 * language's path (`true`), or failed before in a way that costs a worker (a timeout) from the same bytes,
 * pipeline, config and limits (`failedBefore`, unless `retryFailed`). A known file whose bytes changed gives
 * them back with their hash, so that the worker neither reads nor hashes the file again; `undefined` when
 * the worker must read it itself.
 */
export function checkUpToDate(
  store: KijiStore, path: string, run: RunInfo, timings: BatchSummary['timings'],
  options: { maxBytes: number; limitsHash: string; retryFailed: boolean },
): true | { failedBefore: string } | ReadFile | undefined {
  const state = store.lookup(path);
  if (!state) return undefined;
  const ok = state.status === 'ok' && state.pipelineVersion === versionFor(state.lang, run) && state.configHash === run.configHash;
  const failedBefore = !options.retryFailed && state.status === 'failed' && state.errorCode !== null && COSTLY_FAILURES.has(state.errorCode) &&
    state.pipelineVersion === run.pipelineVersion && state.configHash === options.limitsHash;
  if (!ok && !failedBefore) return undefined;
  const t = performance.now();
  try {
    const bytes = readBytesSync(path, options.maxBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== state.contentHash) return { bytes, sha256 };
    return ok ? true : { failedBefore: state.errorCode! };
  } catch {
    return undefined; // unreadable or too large now: let the worker record why
  } finally {
    timings.hashMs += performance.now() - t;
  }
}
