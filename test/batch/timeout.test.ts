import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { parseConfig } from '../../src/schema/config.js';
import { articleText } from './helpers.js';

let root: string;
let dir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-timeout-'));
  dir = join(root, 'articles');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a-small.txt'), articleText(1));
  // Hundreds of kilobytes of dates and money: about 5 s of work, far over a 500 ms limit (which the small articles, a few
  // milliseconds each, stay under also on a new worker of a loaded machine: at 50 ms one of them timed out there).
  writeFileSync(join(dir, 'b-big.txt'), articleText(2, 3).repeat(1500));
  writeFileSync(join(dir, 'c-small.txt'), articleText(3));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the per-article time limit', () => {
  it('records an article over articleTimeoutMs as E_TIMEOUT, replaces its worker and goes on', async () => {
    const config = parseConfig({ articleTimeoutMs: 500, maxFileBytes: 8_000_000 });
    const started = performance.now();
    const summary = await runBatch({ inputs: [dir], dbPath: join(root, 'limit.sqlite'), config, concurrency: 1 });
    expect(summary).toMatchObject({ processed: 2, failed: 1 });
    expect(summary.failures).toEqual([{ path: join(dir, 'b-big.txt'), code: 'E_TIMEOUT', reason: expect.stringContaining('articleTimeoutMs (500 ms') }]);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  /**
   * A folder whose first file changes before every run, so the worker's first article (which gets extra time
   * for loading the pipeline) is always that one and the slow article meets the plain limit.
   */
  const slowFolder = (name: string) => {
    const folder = join(root, name);
    mkdirSync(folder);
    let n = 0;
    const run = (config: ReturnType<typeof parseConfig>, options: { retryFailed?: boolean } = {}) => {
      writeFileSync(join(folder, 'a-first.txt'), articleText(100 + n++));
      return runBatch({ inputs: [folder], dbPath: join(root, `${name}.sqlite`), config, concurrency: 1, ...options });
    };
    const slow = join(folder, 'b-slow.txt');
    writeFileSync(slow, articleText(5, 3).repeat(1500));
    return { run, slow };
  };
  // Far over what a small article takes on a loaded machine, far under the slow one's seconds of work.
  const tight = parseConfig({ articleTimeoutMs: 2_000, maxFileBytes: 8_000_000 });

  it('skips an article that timed out on the next runs until the limit changes, or with --retry-failed', async () => {
    const { run, slow } = slowFolder('again');
    expect(await run(tight)).toMatchObject({ processed: 1, failed: 1, failures: [{ path: slow, code: 'E_TIMEOUT' }] });
    // The same file, kiji and limit: the same work would time out again, so it is not tried.
    expect(await run(tight)).toMatchObject({ processed: 1, skipped: 1, failed: 0, skippedFailures: [{ path: slow, code: 'E_TIMEOUT' }] });
    // Asked to: tried again (and times out again).
    expect(await run(tight, { retryFailed: true })).toMatchObject({ processed: 1, skipped: 0, failed: 1, skippedFailures: [] });
    // A changed limit is a reason to try again (still too short here, so it fails again, and is then skipped under it).
    const raised = parseConfig({ articleTimeoutMs: 2_500, maxFileBytes: 8_000_000 });
    expect(await run(raised)).toMatchObject({ processed: 1, failed: 1, skippedFailures: [] });
    expect(await run(raised)).toMatchObject({ processed: 1, failed: 0, skippedFailures: [{ path: slow, code: 'E_TIMEOUT' }] });
  }, 180_000);

  it('tries a timed-out article again when its file changed', async () => {
    const { run, slow } = slowFolder('changed');
    expect(await run(tight)).toMatchObject({ failed: 1, failures: [{ path: slow, code: 'E_TIMEOUT' }] });
    writeFileSync(slow, articleText(5));
    expect(await run(tight)).toMatchObject({ processed: 2, failed: 0, skippedFailures: [] });
  }, 120_000);

  it('an interrupted run does not wait for a slow article: it is stopped and left for the next run', async () => {
    const config = parseConfig({ maxFileBytes: 8_000_000 });
    const controller = new AbortController();
    let abortedAt = 0;
    const summary = await runBatch({
      inputs: [dir], dbPath: join(root, 'interrupt.sqlite'), config, concurrency: 1, signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1 && !abortedAt) {
          abortedAt = performance.now();
          controller.abort(); // b-big.txt has just started
        }
      },
    });
    const waited = performance.now() - abortedAt;
    expect(summary.interrupted).toBe(true);
    expect(summary).toMatchObject({ processed: 1, failed: 0 });
    expect(waited).toBeLessThan(5_000);
  });
});
