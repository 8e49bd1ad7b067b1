import { MetricsTime, UnrecoverableError, Worker, type Job } from 'bullmq';
import { configHash } from '../batch/config-hash.js';
import { createArticlePool, workerHeapLimitMb } from '../batch/pool.js';
import { describeError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { PgStore } from '../store/postgres.js';
import type { FailedArticle, StoredArticle } from '../store/rows.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../version.js';
import { QUEUE_NAME, redisClient, type ArticleJob, type ArticleJobResult, type JobRun } from './jobs.js';

export interface ClusterWorkerOptions {
  queueUrl: string;
  dbUrl: string;
  config: KijiConfig;
  /** Articles processed at once: one pipeline thread each. */
  concurrency: number;
  /**
   * How long a job stays with a worker that stopped answering before another worker takes it
   * (BullMQ's lock duration; the stalled check runs twice as often). Default 30 s.
   */
  lockMs?: number;
  /** Overrides the pipeline version this worker accepts jobs of (tests). */
  pipelineVersion?: string;
  onJob?: (job: ArticleJob, result: ArticleJobResult) => void;
  onError?: (error: Error) => void;
}

export interface WorkerStats {
  jobs: number;
  written: number;
  unchanged: number;
  failedArticles: number;
  extractMs: number;
  storeMs: number;
  /** Wall time from taking a job to returning its result, summed. */
  jobMs: number;
}

export interface ClusterWorker {
  readonly stats: WorkerStats;
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
}

/**
 * `kiji worker`: takes article jobs from Redis, runs the pipeline on a pool of threads (so the main
 * thread stays free to renew the jobs' locks) and stores each result in PostgreSQL in one
 * transaction. Whatever an article does is stored as a local run would (a failed article included);
 * only infrastructure errors — PostgreSQL down — fail the job, which BullMQ retries with back-off.
 */
export async function startClusterWorker(options: ClusterWorkerOptions): Promise<ClusterWorker> {
  const { config } = options;
  const expected: JobRun = {
    configHash: configHash(config),
    pipelineVersion: options.pipelineVersion ?? PIPELINE_VERSION,
    languageVersions: options.pipelineVersion !== undefined ? { ja: options.pipelineVersion, en: options.pipelineVersion } : LANGUAGE_VERSIONS,
  };
  const store = await PgStore.open(options.dbUrl, { connections: options.concurrency + 1 });
  const pool = createArticlePool(config, options.concurrency);
  const stats: WorkerStats = { jobs: 0, written: 0, unchanged: 0, failedArticles: 0, extractMs: 0, storeMs: 0, jobMs: 0 };
  const lockMs = options.lockMs ?? 30_000;

  const processJob = async (job: Job<ArticleJob, ArticleJobResult>): Promise<ArticleJobResult> => {
    const started = performance.now();
    const data = job.data;
    if (data.run.configHash !== expected.configHash || data.run.pipelineVersion !== expected.pipelineVersion) {
      // Not retried: another worker (with the right kiji and config) may take the article next run.
      throw new UnrecoverableError(`E_VERSION: this worker runs pipeline ${expected.pipelineVersion} with config ${expected.configHash.slice(0, 12)}, the run queued ${data.run.pipelineVersion} with ${data.run.configHash.slice(0, 12)}; start workers from the same kiji and config as \`kiji run\``);
    }
    let article: StoredArticle;
    let extractMs: number;
    try {
      const result = await pool.run({ path: data.path, maxBytes: data.maxBytes, bytes: Buffer.from(data.bytes, 'base64') });
      article = result.article;
      extractMs = result.readMs + result.processMs;
    } catch (error) {
      // The pipeline thread died (out of memory, say): stored as a failed article, as a local run does; the pool replaces the thread.
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const failed: FailedArticle = outOfMemory
        ? { path: data.path, status: 'failed', errorCode: 'E_TOO_LARGE', error: `processing needed more than the worker's ${workerHeapLimitMb(config)} MB heap (the limit grows with maxFileBytes)`, contentHash: data.contentHash, bytes: null }
        : { path: data.path, status: 'failed', errorCode: 'E_INTERNAL', error: `the worker processing this article crashed: ${describeError(error).message}`, contentHash: data.contentHash, bytes: null };
      article = failed;
      extractMs = performance.now() - started;
    }
    // Reasons are stored without the path, which is the row's own column (as in a local run).
    if (article.status === 'failed' && article.error.startsWith(`${article.path}: `)) article.error = article.error.slice(article.path.length + 2);
    const t = performance.now();
    const outcome = await store.writeArticle(data.runId, article, data.run);
    const storeMs = performance.now() - t;
    const result: ArticleJobResult = { outcome, status: article.status, extractMs, storeMs };
    stats.jobs++;
    stats[outcome]++;
    if (article.status === 'failed') stats.failedArticles++;
    stats.extractMs += extractMs;
    stats.storeMs += storeMs;
    stats.jobMs += performance.now() - started;
    options.onJob?.(data, result);
    return result;
  };

  const redis = redisClient(options.queueUrl);
  redis.on('error', () => {}); // reconnects; the worker's 'error' event reports it
  const worker = new Worker<ArticleJob, ArticleJobResult>(QUEUE_NAME, processJob, {
    connection: redis,
    concurrency: options.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    // A job whose worker died twice is failed (a poison article that kills workers), not retried forever.
    maxStalledCount: 2,
    // Counts completed jobs for `kiji status` (the jobs themselves are trimmed).
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  });
  worker.on('error', (error) => options.onError?.(error));
  await worker.waitUntilReady();

  return {
    stats,
    async close() {
      await worker.close();
      redis.disconnect();
      await pool.destroy();
      await store.close();
    },
  };
}
