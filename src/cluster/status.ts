import { Queue } from 'bullmq';
import { KijiError } from '../core/errors.js';
import { QUEUE_NAME, redisClient, RUNS_KEY, type ArticleJob } from './jobs.js';

export interface RunProgress {
  runId: number;
  total: number;
  done: number;
  skipped: number;
  processed: number;
  failed: number;
  /** running | done | interrupted | failed (the producer's last word). */
  state: string;
  updatedAt: string;
}

export interface QueueStatus {
  /** `completed` counts every job done since the queue began (BullMQ's metrics); the finished jobs themselves are trimmed. */
  jobs: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: number;
  /** Runs as their producers last published them, newest first. */
  runs: RunProgress[];
  /** The newest jobs the queue gave up on. */
  failedJobs: { runId: number; path: string; attempts: number; reason: string }[];
}

/** `kiji status --queue`: the queue's job counts, its workers, the runs' progress and the failed-job list. */
export async function queueStatus(queueUrl: string, options: { runs?: number; failed?: number } = {}): Promise<QueueStatus> {
  const redis = redisClient(queueUrl, { failFast: true });
  redis.on('error', () => {});
  const queue = new Queue<ArticleJob>(QUEUE_NAME, { connection: redis });
  queue.on('error', () => {});
  try {
    try {
      await queue.waitUntilReady();
    } catch (error) {
      throw new KijiError('E_QUEUE', `cannot reach Redis at ${queueUrl}: ${(error as Error).message} (check --queue and that redis-server runs)`, {}, { cause: error });
    }
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const completed = (await queue.getMetrics('completed', 0, 0)).meta.count;
    const client = redis;
    const runs = Object.values(await client.hgetall(RUNS_KEY))
      .map((json) => JSON.parse(json) as RunProgress)
      .sort((a, b) => b.runId - a.runId)
      .slice(0, options.runs ?? 5);
    const failed = await queue.getFailed(0, (options.failed ?? 10) - 1);
    return {
      jobs: { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, completed: Math.max(completed, c.completed ?? 0), failed: c.failed ?? 0 },
      workers: (await queue.getWorkers()).length,
      runs,
      failedJobs: failed.filter(Boolean).map((job) => ({ runId: job.data.runId, path: job.data.path, attempts: job.attemptsMade, reason: job.failedReason })),
    };
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}
