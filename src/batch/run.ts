import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import type { StoredArticle } from '../store/rows.js';
import type { RunCounts, RunInfo } from '../store/store.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../version.js';
import { configHash, limitsConfigHash } from './config-hash.js';
import type { Scheduler } from './scheduler.js';
import { createBatchWriter, type BatchWriter } from './writer.js';
import { reconcileArticles } from './identity.js';
import { realPathOf } from '../store/real-path.js';
import { peakRssMb } from './peak-rss.js';
import { walkInputs, type WalkResult } from './walk.js';
import { openRun } from './open-run.js';
import { RunTally } from './tally.js';
import { checkUpToDate, failedTask, StoredArticles } from './up-to-date.js';
import { articlesUnder, restampArticles } from '../store/identity.js';

export interface BatchOptions {
  /** Files and folders (relative to `cwd`). */
  inputs: readonly string[];
  dbPath: string;
  config: KijiConfig;
  /** Worker threads (default: config.concurrency, else the number of cores; never more than the articles to process). */
  concurrency?: number;
  /** The inputs already walked (the CLI walks them first when there is no database yet, to leave none behind for nothing). */
  walked?: WalkResult;
  /** Re-process every article, even unchanged ones. */
  force?: boolean;
  /** Hash every known file to see whether it changed, also those whose stat is the one stored with their bytes. */
  rehash?: boolean;
  /** How recent a file's mtime or ctime may be for its stat to be stored (default RACY_MS; tests). */
  racyMs?: number;
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
  /**
   * Time summed over workers (reading + decoding, loading the pipeline, processing), the writer's time in transactions, and hashing to skip;
   * `writerCpuMs`: the writer thread's own CPU time (Linux, a database on disk), which it took from the workers' cores.
   */
  timings: { walkMs: number; readMs: number; loadMs: number; processMs: number; writeMs: number; hashMs: number; writerCpuMs?: number };
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

  const opened = openRun(options.dbPath, run);
  const { store, runId } = opened;
  const tally = new RunTally(options.onProgress, started);
  const { counts, timings } = tally;
  const limitsHash = limitsConfigHash(config);
  const skipOptions = { maxBytes: config.maxFileBytes, limitsHash, retryFailed: Boolean(options.retryFailed), rehash: Boolean(options.rehash), ...(options.racyMs !== undefined ? { racyMs: options.racyMs } : {}) };
  /** Stats under which a skipped file was found (by its hash) to have its stored bytes: stored at the end, so that the next run need not hash it. */
  const restamps: { path: string; fileStat: string }[] = [];
  let reconciled = { missing: 0, renamed: 0 };
  let scheduler: Scheduler | undefined;
  let taskError: unknown;
  const writer: BatchWriter = createBatchWriter(store, { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, flushMs: options.flushMs ?? DEFAULT_FLUSH_MS });
  const write = (article: StoredArticle) => writer.add(article);

  let status: 'done' | 'interrupted' | 'failed' = 'done';
  try {
    const walkStart = performance.now();
    const walked = options.walked ?? (await walkInputs(options.inputs, config.extensions, cwd));
    timings.walkMs = performance.now() - walkStart;
    counts.seen = walked.files.length + walked.failures.length;
    const stored = new StoredArticles(store, roots, articlesUnder(store.db, roots));
    reconciled = reconcileArticles(store, runId, stored.byPath, walked, timings);
    for (const failure of walked.failures) tally.settle(failure, write);

    const { files } = walked;
    for (let index = 0; index < files.length; index++) {
      const path = files[index]!;
      if (writer.error) throw writer.error;
      if (taskError) throw taskError;
      if (options.signal?.aborted) break;
      const known = checkUpToDate(options.force ? undefined : stored.get(path), path, run, timings, skipOptions);
      if (known.skip) {
        if (known.restamp !== undefined) restamps.push({ path, fileStat: known.restamp });
        tally.skip(path, known.failedBefore);
        continue;
      }
      // No more workers (each loads its own pipeline) than there are articles left to process.
      // The pool (piscina) is imported only when there is something to process: not for a re-run with nothing changed.
      scheduler ??= (await import('./scheduler.js')).createScheduler(config, Math.min(concurrency, walked.files.length - index), {
        ...(options.signal ? { signal: options.signal } : {}),
        onFailure: (error) => {
          taskError ??= error;
        },
      });
      if (options.signal?.aborted) break;
      await writer.room();
      // The stat was taken before any read of the bytes the row will hold (here or in the worker).
      const { read, stamp } = known;
      const writeStamped = stamp === undefined ? write : (article: StoredArticle) => write({ ...article, fileStat: stamp });
      await scheduler.submit(path, (outcome) => tally.outcome(outcome, (failed) => failedTask(path, failed, config, limitsHash, read), writeStamped), read);
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
    if (writer.cpuMs !== undefined) timings.writerCpuMs = writer.cpuMs; // the writer thread's own CPU time (Linux)
    try {
      opened.releaseSpace(); // room for this last write, also on a full disk
      try {
        restampArticles(store.db, restamps);
      } catch {
        /* the next run hashes those files again */
      }
      store.finishRun(counts, status);
    } catch {
      /* the database itself failed: the run stays 'running' and the next run marks it abandoned */
    }
    await scheduler?.destroy();
    opened.close();
  }

  const { workerHeapMb, ...figures } = tally.figures();
  return {
    db: store.path,
    runId,
    ...figures,
    ...reconciled,
    interrupted: status === 'interrupted',
    concurrency: scheduler?.threads ?? concurrency,
    memory: { peakRssMb: peakRssMb(), workerHeapMb },
    cpuAtStartMs: Math.round((cpuAtStart.user + cpuAtStart.system) / 1000),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  };
}
