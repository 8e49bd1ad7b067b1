import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { KijiError } from '../core/errors.js';
import type { RunInfo } from '../store/store.js';

/**
 * What travels through Redis: one job per article, carrying the article's bytes (base64), so workers
 * need no shared storage — only Redis and PostgreSQL. Bytes in the job cost Redis memory while it
 * waits; the producer keeps at most MAX_WAITING jobs waiting, so Redis holds about MAX_WAITING × the
 * mean article size (10,000 × 2 KB ≈ 27 MB as base64), and a single job at most `maxFileBytes`
 * (8 MiB by default; larger files are recorded as E_TOO_LARGE by the producer, as a local run does).
 */

export const QUEUE_NAME = 'kiji-articles';

/** The Redis hash where producers publish their runs' progress, for `kiji status --queue`. */
export const RUNS_KEY = 'kiji:runs';

/** Jobs the producer lets wait in Redis before it pauses enqueuing. */
export const MAX_WAITING = 10_000;

export type JobRun = Pick<RunInfo, 'configHash' | 'pipelineVersion' | 'languageVersions'>;

export interface ArticleJob {
  runId: number;
  path: string;
  /** SHA-256 of `bytes`, as the producer computed it to decide the article was not up to date. */
  contentHash: string;
  /** The file's bytes, base64. */
  bytes: string;
  maxBytes: number;
  /** The producer's pipeline version and config hash: a worker with others refuses the job (E_VERSION). */
  run: JobRun;
}

export interface ArticleJobResult {
  outcome: 'written' | 'unchanged';
  status: 'ok' | 'failed';
  /** Time in the worker: reading + decoding + the pipeline, and the PostgreSQL transaction. */
  extractMs: number;
  storeMs: number;
}

/**
 * Retries with exponential back-off for what is not the article's fault (PostgreSQL unreachable, a
 * worker crash): 1 s, 2 s, 4 s … about 4 minutes in all. Bad input is not retried: the worker stores
 * it as a failed article and the job completes. Finished jobs are trimmed; failed ones are kept for
 * `kiji status` and the producer.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 10_000 },
};

/** One job id per run and path: enqueuing the same article twice in a run adds nothing. */
export function jobId(runId: number, path: string, attempt = 0): string {
  const key = createHash('sha256').update(path).digest('hex').slice(0, 24);
  return `r${runId}-${key}${attempt ? `-${attempt}` : ''}`;
}

/**
 * A Redis client for BullMQ from `redis://[user:password@]host:port[/db]`. BullMQ needs the client
 * built by the caller in an ES module; commands wait for Redis to come back (a restart) instead of
 * failing after 20 tries, and reconnection is retried every 0.2–2 s.
 */
export function redisClient(url: string, options: { failFast?: boolean } = {}): Redis {
  return new Redis({
    ...redisOptions(url),
    ...(options.failFast ? { maxRetriesPerRequest: 1, retryStrategy: () => null, enableOfflineQueue: true } : {}),
    lazyConnect: false,
  });
}

function redisOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KijiError('E_USAGE', `--queue ${url}: expected a Redis URL such as redis://localhost:6379`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new KijiError('E_USAGE', `--queue ${url}: expected a Redis URL such as redis://localhost:6379`);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname || 'localhost',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
