import { describe, expect, it } from 'vitest';
import type { ArticlePool } from '../../src/batch/pool.js';
import { createScheduler, type TaskOutcome } from '../../src/batch/scheduler.js';
import type { ArticleTask, ArticleTaskResult } from '../../src/batch/worker.js';
import { CLOCK_BATCH, CLOCK_STARTED } from '../../src/batch/worker-clock.js';
import { parseConfig } from '../../src/schema/config.js';

/**
 * What the scheduler makes of a batch that ends its worker (out of memory here; a time limit works the same way):
 * each of the batch's articles is run again alone, and only the one that fails alone is reported, with its error.
 * A pool stand-in plays the worker: it marks each task's clock as a worker does and fails as the article would.
 */
const config = parseConfig({});
const outOfMemory = () => Object.assign(new Error('worker out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
const done = (path: string): ArticleTaskResult => ({ article: { path, status: 'ok' } as ArticleTaskResult['article'], types: {}, readMs: 0, loadMs: 0, processMs: 0, heapMb: 0, threadId: 1 });

function fakePool(runs: { path: string; alone: boolean }[]): () => ArticlePool {
  return () => ({
    threads: 1,
    tasksPerWorker: 4,
    destroy: async () => {},
    run: async (task: ArticleTask) => {
      runs.push({ path: task.path, alone: task.alone === true });
      task.clock![CLOCK_BATCH] = task.alone ? 1 : 2;
      task.clock![CLOCK_STARTED] = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The large article ends whatever worker it is on; the small one fails only beside it, in its batch.
      if (task.path === 'large.txt' || !task.alone) throw outOfMemory();
      return done(task.path);
    },
  });
}

describe('the scheduler with batches', () => {
  it('runs each article of a batch that ended its worker again alone, and reports only the one that fails alone', async () => {
    const runs: { path: string; alone: boolean }[] = [];
    const outcomes = new Map<string, TaskOutcome>();
    const scheduler = createScheduler(config, 1, { onFailure: (error) => { throw error; }, poolFactory: fakePool(runs) });
    for (const path of ['small.txt', 'large.txt']) await scheduler.submit(path, (outcome) => outcomes.set(path, outcome));
    await scheduler.idle();
    await scheduler.destroy();
    expect(outcomes.get('small.txt')?.kind).toBe('done');
    const large = outcomes.get('large.txt');
    expect(large?.kind).toBe('crashed');
    expect(large?.kind === 'crashed' && (large.error as { code?: string }).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    // Each ran once in the batch and once alone.
    expect(runs.filter((r) => r.path === 'small.txt').map((r) => r.alone)).toEqual([false, true]);
    expect(runs.filter((r) => r.path === 'large.txt').map((r) => r.alone)).toEqual([false, true]);
  });
});
