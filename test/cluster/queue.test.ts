import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { QUEUE_NAME, redisClient } from '../../src/cluster/jobs.js';
import { missingServices, startPostgres, startRedis, type LocalPostgres, type LocalRedis } from '../../src/cluster/local-services.js';
import { runOnQueue } from '../../src/cluster/producer.js';
import { writeSampleArticles } from '../../src/cluster/sample-articles.js';
import { parseConfig } from '../../src/schema/config.js';
import { openReader } from '../../src/store/open.js';
import { runCli } from '../helpers/cli.js';

const missing = missingServices();
if (missing) console.warn(`test/cluster: queue tests skipped: ${missing}`);

const ARTICLES = 240;
const bin = resolve(import.meta.dirname, '../../dist/bundle/kiji.js');
const config = parseConfig({});

/** Ids (allocation order) and write times differ between backends: compare everything else. */
const withoutIds = <T extends object>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && k !== 'articleId' && k !== 'processedAt')));

describe.skipIf(missing !== undefined)('kiji run --queue with kiji worker processes, into PostgreSQL', () => {
  let pg: LocalPostgres;
  let redis: LocalRedis;
  let dir: string;
  let articles: string;
  let localDb: string;
  const workers: ChildProcess[] = [];

  /** A `kiji worker` process (no config file in its folder: the defaults, as the producer here). */
  const startWorker = () => {
    const child = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--db', pg.url, '--concurrency', '1', '--lock-ms', '2000', '--quiet'], { cwd: dir, stdio: 'ignore' });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'kiji-cluster-'));
    articles = join(dir, 'articles');
    writeSampleArticles(articles, ARTICLES);
    writeFileSync(join(articles, 'zz-binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff]));
    writeFileSync(join(articles, 'zz-empty.txt'), '');
    localDb = join(dir, 'local.sqlite');
    await runBatch({ inputs: [articles], dbPath: localDb, config, concurrency: 2 });
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await redis?.stop();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('two workers — one killed with -9, Redis and PostgreSQL restarted mid-run — store every article once, with the records of a local run', async () => {
    const [first] = [startWorker(), startWorker()];
    const steps: string[] = [];
    const pending: Promise<void>[] = [];
    const summary = await runOnQueue({
      inputs: [articles], queueUrl: redis.url, dbUrl: pg.url, config, pollMs: 200,
      onProgress: (p) => {
        const at = p.total ? p.done / p.total : 0;
        if (process.env.KIJI_DEBUG) console.log(JSON.stringify(p), steps);
        if (!steps.includes('kill') && at >= 0.2) {
          steps.push('kill');
          first!.kill('SIGKILL');
        } else if (steps.includes('kill') && !steps.includes('redis') && at >= 0.4) {
          steps.push('redis');
          pending.push(redis.restart());
        } else if (steps.includes('redis') && !steps.includes('pg') && at >= 0.6) {
          steps.push('pg');
          pending.push(pg.restart());
        }
      },
    });
    await Promise.all(pending);
    expect(steps).toEqual(['kill', 'redis', 'pg']);
    expect(summary).toMatchObject({ seen: ARTICLES + 2, processed: ARTICLES, skipped: 0, failed: 2, enqueued: ARTICLES + 2, interrupted: false });
    expect(summary.failures.map((f) => [f.path.slice(articles.length + 1), f.code])).toEqual([['zz-binary.txt', 'E_BINARY'], ['zz-empty.txt', 'E_EMPTY']]);

    const local = await openReader(localDb);
    const shared = await openReader(pg.url);
    try {
      expect(await shared.summary({ topOrgs: 50 })).toEqual(await local.summary({ topOrgs: 50 }));
      expect(withoutIds(await shared.listArticles())).toEqual(withoutIds(await local.listArticles()));
      expect(withoutIds(await shared.queryMentions())).toEqual(withoutIds(await local.queryMentions()));
    } finally {
      await local.close();
      await shared.close();
    }

    // The killed worker's job went back to the queue and was done again (stored once, as compared above).
    const client = redisClient(redis.url);
    const queue = new Queue(QUEUE_NAME, { connection: client });
    try {
      const completed = await queue.getCompleted(0, -1);
      expect(completed.length).toBe(ARTICLES + 2);
      expect(completed.some((job) => job.attemptsStarted > 1 || job.stalledCounter > 0)).toBe(true);
      expect(completed.filter((job) => job.returnvalue?.outcome === 'written').length).toBeLessThanOrEqual(ARTICLES + 2);
    } finally {
      await queue.close();
      client.disconnect();
    }
  }, 150_000);

  it('a second run finds every article stored and queues nothing', async () => {
    const summary = await runOnQueue({ inputs: [articles], queueUrl: redis.url, dbUrl: pg.url, config, pollMs: 200 });
    // The two bad files are not "up to date" (they failed), so they are queued and recorded again, as a local run does.
    expect(summary).toMatchObject({ seen: ARTICLES + 2, skipped: ARTICLES, enqueued: 2, failed: 2, processed: 0 });
  }, 120_000);

  it('status shows the queue and the runs; inspect, query and export read PostgreSQL as they read SQLite; a missing Redis is an error, not a wait', async () => {
    const status = await runCli(['status', '--queue', redis.url]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/0 waiting, 0 active, 0 delayed \(retrying\), \d+ done, 0 failed/);
    expect(status.stdout).toMatch(/run 1 \(done\): 242\/242 \(100 %\) \| 240 processed, 0 skipped, 2 failed/);
    for (const args of [['export', '--format', 'jsonl'], ['export', '--format', 'csv', '--type', 'MONEY,AGREEMENT'], ['query', '--type', 'DATE', '--from', '2023', '--to', '2023-06', '--json'], ['query', '--org', '防衛省', '--limit', '20']]) {
      const [command, ...rest] = args;
      const fromPg = await runCli([command!, pg.url, ...rest]);
      const fromSqlite = await runCli([command!, localDb, ...rest]);
      expect(fromPg.code).toBe(0);
      expect(fromPg.stdout.length).toBeGreaterThan(100);
      expect(fromPg.stdout).toBe(fromSqlite.stdout);
    }
    const inspect = await runCli(['inspect', pg.url, 'ja-0003.txt']);
    expect(inspect.stdout).toBe((await runCli(['inspect', localDb, 'ja-0003.txt'])).stdout.replace(localDb, pg.url));
    const noRedis = await runCli(['run', articles, '--queue', 'redis://127.0.0.1:1', '--db', pg.url]);
    expect(noRedis.code).toBe(2);
    expect(noRedis.stderr).toContain('E_QUEUE: cannot reach Redis at redis://127.0.0.1:1');
    const worker = await runCli(['worker', '--queue', redis.url, '--db', localDb]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain('needs --db postgres://');
  }, 60_000);

  it('a file gone is marked missing and a renamed file keeps its row, as a local run does', async () => {
    const reader = await openReader(pg.url);
    const mentionsOf = async (name: string) => (await reader.mentionsOfArticle(join(articles, name))).length;
    try {
      expect(await mentionsOf('ja-0001.txt')).toBeGreaterThan(0);
      const moved = await mentionsOf('ja-0004.txt');
      rmSync(join(articles, 'ja-0001.txt'));
      renameSync(join(articles, 'ja-0004.txt'), join(articles, 'ja-0004-moved.txt'));
      const summary = await runOnQueue({ inputs: [articles], queueUrl: redis.url, dbUrl: pg.url, config, pollMs: 200 });
      expect(summary).toMatchObject({ seen: ARTICLES + 1, missing: 1, renamed: 1, skipped: ARTICLES - 1, processed: 0 });
      const rows = await reader.sql.all<{ path: string; status: string }>('SELECT path, status FROM articles WHERE path IN (?, ?, ?) ORDER BY path',
        ['ja-0001.txt', 'ja-0004.txt', 'ja-0004-moved.txt'].map((n) => join(articles, n)));
      expect(rows).toEqual([
        { path: join(articles, 'ja-0001.txt'), status: 'missing' },
        { path: join(articles, 'ja-0004-moved.txt'), status: 'ok' },
      ]);
      expect(await mentionsOf('ja-0001.txt')).toBe(0);
      expect(await mentionsOf('ja-0004-moved.txt')).toBe(moved);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
