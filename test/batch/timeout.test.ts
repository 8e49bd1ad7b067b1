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
  // Hundreds of kilobytes of dates and money: seconds of work, far over a 50 ms limit.
  writeFileSync(join(dir, 'b-big.txt'), articleText(2, 3).repeat(1500));
  writeFileSync(join(dir, 'c-small.txt'), articleText(3));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the per-article time limit', () => {
  it('records an article over articleTimeoutMs as E_TIMEOUT, replaces its worker and goes on', async () => {
    const config = parseConfig({ articleTimeoutMs: 50, maxFileBytes: 8_000_000 });
    const started = performance.now();
    const summary = await runBatch({ inputs: [dir], dbPath: join(root, 'limit.sqlite'), config, concurrency: 1 });
    expect(summary).toMatchObject({ processed: 2, failed: 1 });
    expect(summary.failures).toEqual([{ path: join(dir, 'b-big.txt'), code: 'E_TIMEOUT', reason: expect.stringContaining('articleTimeoutMs (50 ms') }]);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

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
