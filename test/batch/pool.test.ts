import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticlePool, type ArticlePool } from '../../src/batch/pool.js';
import { CLOCK_BATCH, CLOCK_BYTES, CLOCK_CANCELLED, CLOCK_STARTED, CLOCK_THREAD } from '../../src/batch/worker-clock.js';
import type { ArticleTask } from '../../src/batch/worker.js';
import { parseConfig } from '../../src/schema/config.js';
import { articleText } from './helpers.js';

/**
 * The pool hands each worker several tasks at once, also tasks that can be stopped (which piscina would run alone
 * on their worker if they carried its AbortSignal), and the worker processes those waiting together: a stopped task
 * that had started ends its worker (and its batch), which is replaced; one still waiting is skipped by its worker.
 */
let dir: string;
let pool: ArticlePool;
const config = parseConfig({ maxFileBytes: 8_000_000 });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiji-pool-'));
  writeFileSync(join(dir, 'small-1.txt'), articleText(1));
  writeFileSync(join(dir, 'small-2.txt'), articleText(2));
  writeFileSync(join(dir, 'small-3.txt'), articleText(3));
  // About a second of work: long enough to be stopped while it runs.
  writeFileSync(join(dir, 'big.txt'), articleText(4, 3).repeat(400));
  pool = createArticlePool(config, 1);
});
afterAll(async () => {
  await pool.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const taskOf = (name: string): ArticleTask => ({ path: join(dir, name), maxBytes: config.maxFileBytes, clock: new Float64Array(new SharedArrayBuffer(CLOCK_BYTES)) });
const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the article pool', () => {
  it('skips a task given up while it waited, and finishes the one before it', async () => {
    const first = taskOf('big.txt');
    const second = taskOf('small-1.txt');
    const stop = new AbortController();
    const running = pool.run(first, new AbortController().signal);
    const waiting = pool.run(second, stop.signal);
    await until(() => first.clock![CLOCK_STARTED]! > 0);
    stop.abort('interrupted');
    await expect(waiting).rejects.toThrow(/stopped: interrupted/);
    expect(second.clock![CLOCK_CANCELLED]).toBe(1);
    const done = await running;
    expect(done.article.status).toBe('ok');
    expect(second.clock![CLOCK_STARTED]).toBe(0);
  }, 60_000);

  it('ends the worker of a started task that is stopped, fails the task waiting on it as not started, and goes on', async () => {
    const slow = { ...taskOf('big.txt'), alone: true };
    const behind = taskOf('small-2.txt');
    const stop = new AbortController();
    const running = pool.run(slow, stop.signal);
    const waiting = pool.run(behind, new AbortController().signal);
    await until(() => slow.clock![CLOCK_STARTED]! > 0);
    const thread = slow.clock![CLOCK_THREAD];
    stop.abort('timeout');
    await expect(running).rejects.toThrow(/stopped: timeout/);
    await expect(waiting).rejects.toThrow();
    expect(behind.clock![CLOCK_STARTED]).toBe(0);
    const after = await pool.run(taskOf('small-3.txt'), new AbortController().signal);
    expect(after.article.status).toBe('ok');
    expect(after.threadId).not.toBe(thread);
  }, 60_000);

  it('processes the tasks waiting on a worker together, and stopping one of a batch ends them all, each marked as batched', async () => {
    // Tasks handed over while the worker is busy wait, and make one batch when it is free.
    const busy = () => pool.run({ ...taskOf('big.txt'), alone: true }, new AbortController().signal);
    let blocker = busy();
    const together = [taskOf('small-1.txt'), taskOf('small-2.txt')];
    const done = Promise.all(together.map((t) => pool.run(t, new AbortController().signal)));
    await blocker;
    expect((await done).map((d) => d.article.status)).toEqual(['ok', 'ok']);
    expect(together.map((t) => t.clock![CLOCK_BATCH])).toEqual([2, 2]);
    blocker = busy();
    const slow = taskOf('big.txt');
    const beside = taskOf('small-3.txt');
    const stop = new AbortController();
    const running = pool.run(slow, stop.signal);
    const alongside = pool.run(beside, new AbortController().signal);
    await blocker;
    await until(() => slow.clock![CLOCK_STARTED]! > 0);
    expect([slow.clock![CLOCK_BATCH], beside.clock![CLOCK_BATCH]]).toEqual([2, 2]);
    expect(beside.clock![CLOCK_STARTED]).toBeGreaterThan(0);
    stop.abort('timeout');
    await expect(running).rejects.toThrow(/stopped: timeout/);
    await expect(alongside).rejects.toThrow();
  }, 60_000);
});
