import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { BatchProgress } from '../batch/run.js';
import { configHash } from '../batch/config-hash.js';
import { goneArticles, planRenames } from '../batch/identity.js';
import { walkInputs } from '../batch/walk.js';
import { resolve } from 'node:path';
import { realPathOf } from '../store/real-path.js';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { isTransientPgError, PgStore } from '../store/postgres.js';
import type { FailedArticle } from '../store/rows.js';
import { versionFor, type RunCounts, type RunInfo } from '../store/store.js';
import { readBytesSync } from '../text/read-bytes.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../version.js';
import { JOB_OPTIONS, jobId, MAX_WAITING, QUEUE_NAME, redisClient, RUNS_KEY, type ArticleJob } from './jobs.js';

export interface QueueRunOptions {
  inputs: readonly string[];
  queueUrl: string;
  dbUrl: string;
  config: KijiConfig;
  force?: boolean;
  /** Aborting stops enqueuing and waiting; jobs already queued are still processed by the workers. */
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  cwd?: string;
  /** How often progress is read back from PostgreSQL. */
  pollMs?: number;
  /** Overrides the pipeline version recorded (tests). */
  pipelineVersion?: string;
}

export interface QueueRunSummary extends RunCounts {
  db: string;
  runId: number;
  enqueued: number;
  records: Record<string, number>;
  failures: { path: string; code: string; reason: string }[];
  /** Articles under the inputs whose files were not found (now `missing`), and files found under a new name, as in a local run. */
  missing: number;
  renamed: number;
  chars: number;
  elapsedMs: number;
  interrupted: boolean;
  /** Workers connected to the queue at the end. */
  workers: number;
  /** The producer's own time: walking, reading + hashing to skip, and adding jobs to Redis. */
  timings: { walkMs: number; hashMs: number; enqueueMs: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long the producer waits for Redis to answer when it starts. */
const REDIS_CONNECT_MS = 10_000;

/** How long the producer keeps retrying PostgreSQL (restarted, failing over) before it gives up. */
const DB_PATIENCE_MS = 5 * 60_000;

/** Runs a database step again until it succeeds (PostgreSQL restarting), for up to DB_PATIENCE_MS. */
async function patiently<T>(step: () => Promise<T>): Promise<T> {
  const until = Date.now() + DB_PATIENCE_MS;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
    try {
      return await step();
    } catch (error) {
      if (!isTransientPgError(error) || Date.now() > until) throw error;
      await sleep(wait);
    }
  }
}

/**
 * `kiji run --queue`: walk, hash, skip what PostgreSQL already has, enqueue one job per remaining
 * article (bytes in the job), then follow the run's progress — read from PostgreSQL, where each
 * article of the run is one row, so a redelivered job cannot count twice — until every article is
 * stored. When the queue is idle and articles are still missing (Redis lost jobs it had not
 * persisted), they are enqueued again; jobs the queue gave up on are stored as failed articles
 * (E_JOB_FAILED) so the run ends and the next run tries them again.
 */
export async function runOnQueue(options: QueueRunOptions): Promise<QueueRunSummary> {
  const started = performance.now();
  const { config } = options;
  const languageVersions = options.pipelineVersion !== undefined ? { ja: options.pipelineVersion, en: options.pipelineVersion } : LANGUAGE_VERSIONS;
  // Real paths, as a local run records them: what the articles under the inputs are looked up by.
  const roots = options.inputs.map((input) => realPathOf(resolve(options.cwd ?? process.cwd(), input)));
  const run: RunInfo = { configHash: configHash(config), pipelineVersion: options.pipelineVersion ?? PIPELINE_VERSION, languageVersions, inputs: roots };
  const store = await PgStore.open(options.dbUrl);
  const redis = redisClient(options.queueUrl);
  redis.on('error', () => {}); // reconnects; a Redis away shows as a pause in the progress
  const queue = new Queue<ArticleJob>(QUEUE_NAME, { connection: redis, defaultJobOptions: JOB_OPTIONS });
  queue.on('error', () => {}); // connection errors are retried; a dead Redis shows as no progress
  const timings = { walkMs: 0, hashMs: 0, enqueueMs: 0 };
  const counts: RunCounts = { seen: 0, processed: 0, skipped: 0, failed: 0 };
  let runId: number | undefined;
  let status: 'done' | 'interrupted' | 'failed' = 'done';
  const enqueued = new Map<string, string>(); // path → content hash
  let workers = 0;
  let reconciled = { missing: 0, renamed: 0 };
  try {
    try {
      // Redis must answer at the start (ioredis would otherwise retry for ever, silently); later outages are waited out.
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${REDIS_CONNECT_MS / 1000} s`)), REDIS_CONNECT_MS);
      });
      await Promise.race([redis.ping(), giveUp]).finally(() => clearTimeout(timer));
    } catch (error) {
      throw new KijiError('E_QUEUE', `cannot reach Redis at ${options.queueUrl}: ${(error as Error).message} (check --queue and that redis-server runs)`, {}, { cause: error });
    }
    runId = await patiently(() => store.beginRun(run));
    const id = runId;
    const t0 = performance.now();
    const walked = await walkInputs(options.inputs, config.extensions, options.cwd);
    timings.walkMs = performance.now() - t0;
    counts.seen = walked.files.length + walked.failures.length;
    const record = async (failure: FailedArticle) => {
      if (failure.error.startsWith(`${failure.path}: `)) failure.error = failure.error.slice(failure.path.length + 2);
      await patiently(() => store.writeArticle(id, failure, run));
    };
    for (const failure of walked.failures) await record(failure);
    // Files gone since the database last saw them: renamed (same bytes under a new path) or missing.
    const gone = goneArticles(await patiently(() => store.articlesUnder(roots)), walked);
    if (gone.length > 0) {
      const t = performance.now();
      const known = new Set((await patiently(() => store.lookup(walked.files))).keys());
      const { renames, missing } = planRenames(gone, walked.files, (path) => known.has(path));
      timings.hashMs += performance.now() - t;
      await patiently(() => store.reconcile(id, renames, missing));
      reconciled = { missing: missing.length, renamed: renames.length };
    }

    const publish = async (done: number, state: string) => {
      const client = redis;
      await client.hset(RUNS_KEY, { [String(id)]: JSON.stringify({ runId: id, total: counts.seen, done, skipped: counts.skipped, processed: counts.processed, failed: counts.failed, state, updatedAt: new Date().toISOString() }) });
    };
    const progress = async () => {
      const p = await patiently(() => store.runProgress(id));
      counts.processed = p.processed;
      counts.failed = p.failed;
      const done = counts.skipped + p.processed + p.failed;
      options.onProgress?.({ total: counts.seen, done, processed: p.processed, skipped: counts.skipped, failed: p.failed, elapsedMs: performance.now() - started });
      await publish(done, 'running').catch(() => {});
      return done;
    };

    const enqueue = async (jobs: { path: string; bytes: Uint8Array; hash: string }[], attempt = 0) => {
      if (jobs.length === 0) return;
      const t = performance.now();
      await queue.addBulk(jobs.map((j) => ({
        name: 'article',
        data: { runId: id, path: j.path, contentHash: j.hash, bytes: Buffer.from(j.bytes).toString('base64'), maxBytes: config.maxFileBytes, run: { configHash: run.configHash, pipelineVersion: run.pipelineVersion, languageVersions } },
        opts: { ...JOB_OPTIONS, jobId: jobId(id, j.path, attempt) },
      })));
      timings.enqueueMs += performance.now() - t;
    };

    let lastProgress = 0;
    for (let i = 0; i < walked.files.length && !options.signal?.aborted; i += 500) {
      const chunk = walked.files.slice(i, i + 500);
      const states = options.force ? new Map() : await patiently(() => store.lookup(chunk));
      const jobs: { path: string; bytes: Uint8Array; hash: string }[] = [];
      for (const path of chunk) {
        const t = performance.now();
        let bytes: Uint8Array;
        try {
          bytes = readBytesSync(path, config.maxFileBytes);
        } catch (error) {
          // Unreadable or too large: recorded here, as the local run's worker would.
          const { code, message } = describeError(error);
          await record({ path, status: 'failed', errorCode: code, error: message, contentHash: null, bytes: null });
          timings.hashMs += performance.now() - t;
          continue;
        }
        const hash = createHash('sha256').update(bytes).digest('hex');
        timings.hashMs += performance.now() - t;
        const state = states.get(path);
        if (state && state.status === 'ok' && state.contentHash === hash && state.configHash === run.configHash && state.pipelineVersion === versionFor(state.lang, run)) {
          counts.skipped++;
          continue;
        }
        jobs.push({ path, bytes, hash });
        enqueued.set(path, hash);
      }
      await enqueue(jobs);
      // Back-pressure: the jobs carry their bytes, so Redis holds at most about MAX_WAITING articles.
      while (!options.signal?.aborted && (await queue.getWaitingCount()) > MAX_WAITING) await sleep(options.pollMs ?? 500);
      if (performance.now() - lastProgress > (options.pollMs ?? 500)) {
        lastProgress = performance.now();
        await progress();
      }
    }
    await patiently(() => store.updateRun(id, { seen: counts.seen, skipped: counts.skipped }));

    // Follow the run until every article it saw is in the database.
    let idlePolls = 0;
    let attempt = 0;
    while (!options.signal?.aborted) {
      const done = await progress();
      if (done >= counts.seen) break;
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      const pending = Object.values(c).reduce((a, b) => a + b, 0);
      idlePolls = pending === 0 ? idlePolls + 1 : 0;
      if (idlePolls >= 3) {
        idlePolls = 0;
        const stored = await patiently(() => store.runPaths(id));
        // Jobs of this run the queue gave up on: stored as failed articles, so the run can end.
        const failedJobs = (await queue.getFailed(0, -1)).filter((job) => job.data?.runId === id && !stored.has(job.data.path));
        for (const job of failedJobs) {
          await record({ path: job.data.path, status: 'failed', errorCode: 'E_JOB_FAILED', error: `the queue gave up after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}: ${job.failedReason}; run again to retry`, contentHash: job.data.contentHash, bytes: null });
          stored.add(job.data.path);
        }
        // Articles neither stored nor queued: Redis lost their jobs (restarted without them). Queue them again.
        const lost = [...enqueued].filter(([path]) => !stored.has(path));
        if (lost.length > 0) {
          attempt++;
          const again: { path: string; bytes: Uint8Array; hash: string }[] = [];
          for (const [path, hash] of lost) {
            try {
              again.push({ path, bytes: readBytesSync(path, config.maxFileBytes), hash });
            } catch (error) {
              const { code, message } = describeError(error);
              await record({ path, status: 'failed', errorCode: code, error: message, contentHash: null, bytes: null });
            }
          }
          await enqueue(again, attempt);
        }
      }
      await sleep(options.pollMs ?? 500);
    }
    if (options.signal?.aborted) status = 'interrupted';
    workers = (await queue.getWorkers().catch(() => [])).length;
  } catch (error) {
    status = 'failed';
    throw error;
  } finally {
    if (runId !== undefined) {
      await patiently(() => store.finishRun(runId!, counts, status)).catch(() => {});
      const client = redis;
      await client.hset(RUNS_KEY, { [String(runId)]: JSON.stringify({ runId, total: counts.seen, done: counts.skipped + counts.processed + counts.failed, skipped: counts.skipped, processed: counts.processed, failed: counts.failed, state: status, updatedAt: new Date().toISOString() }) }).catch(() => {});
    }
    await queue.close().catch(() => {});
    redis.disconnect();
  }
  const p = await patiently(() => store.runProgress(runId!));
  const failures = (await patiently(() => store.reader.sql.all<{ path: string; code: string; reason: string }>(
    "SELECT path, error_code AS code, error AS reason FROM articles WHERE run_id = ? AND status = 'failed' ORDER BY path LIMIT 1000", [runId!])));
  await store.close();
  return {
    db: options.dbUrl,
    runId: runId!,
    ...counts,
    ...reconciled,
    enqueued: enqueued.size,
    records: p.records,
    failures,
    chars: p.chars,
    elapsedMs: performance.now() - started,
    interrupted: status === 'interrupted',
    workers,
    timings: { walkMs: Math.round(timings.walkMs), hashMs: Math.round(timings.hashMs), enqueueMs: Math.round(timings.enqueueMs) },
  };
}
