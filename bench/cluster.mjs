#!/usr/bin/env node
// npm run bench:cluster [-- --articles N]
// The same articles four ways on this machine: a local SQLite run (1 and 2 worker threads), then
// `kiji run --queue` with 1 and then 2 `kiji worker` processes (one pipeline thread each) against one
// PostgreSQL (durable settings: fsync and synchronous_commit on) and one Redis (append-only file).
// Reports wall time and, per article, where the time goes: extraction (read + pipeline, in the
// worker thread), the store (the PostgreSQL transaction), the queue (the rest of a job's time in the
// worker processes' wall time: taking jobs from Redis, completing them, passing bytes to the pipeline
// thread, and waiting — an upper bound) and the producer (walk + hash + enqueue). Then the
// ceilings of the two shared services measured alone: PostgreSQL storing pre-computed articles from
// 1 and 4 connections, and Redis moving no-op jobs.
// Needs the build (npm run build) and Debian's redis-server and postgresql.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue, Worker } from 'bullmq';

const dist = resolve(import.meta.dirname, '../dist');
const { missingServices, startPostgres, startRedis } = await import(join(dist, 'cluster/local-services.js'));
const { writeSampleArticles } = await import(join(dist, 'cluster/sample-articles.js'));
const { runOnQueue } = await import(join(dist, 'cluster/producer.js'));
const { QUEUE_NAME, redisClient } = await import(join(dist, 'cluster/jobs.js'));
const { runBatch } = await import(join(dist, 'batch/run.js'));
const { parseConfig } = await import(join(dist, 'schema/config.js'));
const { PgStore } = await import(join(dist, 'store/postgres.js'));
const { openReader } = await import(join(dist, 'store/open.js'));

const argIndex = process.argv.indexOf('--articles');
const N = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1500;
const missing = missingServices();
if (missing) {
  console.error(`bench:cluster: ${missing}`);
  process.exit(2);
}

const bin = join(dist, 'bundle/kiji.js');
const config = parseConfig({});
const dir = mkdtempSync(join(tmpdir(), 'kiji-bench-cluster-'));
const articles = join(dir, 'articles');
writeSampleArticles(articles, N);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];

console.log(`bench:cluster — ${N} generated articles, ${availableParallelism()} cores (shared with whatever else runs), node ${process.version}`);

// 1. Local SQLite runs.
for (const threads of [1, 2]) {
  const t = performance.now();
  const s = await runBatch({ inputs: [articles], dbPath: join(dir, `local-${threads}.sqlite`), config, concurrency: threads });
  const wall = performance.now() - t;
  rows.push({ run: `SQLite, ${threads} thread${threads > 1 ? 's' : ''}`, wall, perArticle: wall / N, chars: s.chars,
    extract: (s.timings.readMs + s.timings.processMs) / N, store: s.timings.writeMs / N, queue: 0, producer: (s.timings.walkMs + s.timings.hashMs) / N });
}

// 2. The queue.
const pg = await startPostgres({ durable: true });
const redis = await startRedis();
const store = await PgStore.open(pg.url);
try {
  for (const processes of [1, 2]) {
    await store.pool.query('TRUNCATE runs, articles, mentions, agreement_parties RESTART IDENTITY CASCADE');
    const client = redisClient(redis.url);
    await client.flushall();
    const workers = [];
    const stats = [];
    for (let i = 0; i < processes; i++) {
      const child = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--db', pg.url, '--concurrency', '1', '--quiet', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      workers.push(new Promise((done) => child.on('exit', () => done(out))));
      workers[i].child = child;
    }
    // Wait until every worker is connected and has its pipeline loaded (one warm-up article each is not counted).
    const queue = new Queue(QUEUE_NAME, { connection: client });
    while ((await queue.getWorkers()).length < processes) await sleep(100);
    await queue.close();
    const t = performance.now();
    const s = await runOnQueue({ inputs: [articles], queueUrl: redis.url, dbUrl: pg.url, config, pollMs: 100 });
    const wall = performance.now() - t;
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) stats.push(JSON.parse((await w).trim().split('\n').pop()));
    client.disconnect();
    const jobs = stats.reduce((a, b) => a + b.jobs, 0);
    const sum = (k) => stats.reduce((a, b) => a + b[k], 0) / jobs;
    rows.push({ run: `queue + PostgreSQL, ${processes} worker process${processes > 1 ? 'es' : ''}`, wall, perArticle: wall / N, chars: s.chars,
      extract: sum('extractMs'), store: sum('storeMs'), queue: (wall * processes) / N - sum('extractMs') - sum('storeMs'), producer: (s.timings.walkMs + s.timings.hashMs + s.timings.enqueueMs) / N });
  }

  // Same records as the local run?
  const a = await openReader(join(dir, 'local-1.sqlite'));
  const b = await openReader(pg.url);
  const same = JSON.stringify(await a.summary({ topOrgs: 100 })) === JSON.stringify(await b.summary({ topOrgs: 100 }));
  await a.close();
  await b.close();

  console.log('');
  console.log('| run | wall | ms/article (wall) | extraction | store | queue | producer |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.run} | ${(r.wall / 1000).toFixed(1)} s | ${ms(r.perArticle)} | ${ms(r.extract)} | ${ms(r.store)} | ${ms(r.queue)} | ${ms(r.producer)} |`);
  console.log(`(per-article columns are time summed over workers ÷ articles; SQLite "store" is its batched write transactions; characters per article: ${Math.round(rows[0].chars / N)}; PostgreSQL records equal to SQLite's: ${same})`);

  // 3. Ceilings of the shared services alone.
  const reader = await openReader(join(dir, 'local-1.sqlite'));
  const listed = await reader.listArticles();
  const stored = [];
  for (const art of listed.slice(0, 400)) {
    const mentions = await reader.mentionsOfArticle(art.id);
    stored.push({ path: art.path, status: 'ok', contentHash: art.contentHash, bytes: 0, format: 'txt', encoding: 'utf-8', title: art.title, publishedAt: art.publishedAt, lang: art.lang, chars: art.chars,
      mentions: mentions.map((m) => ({ type: m.type, start: m.start, end: m.end, text: m.text, rule: m.rule, valueJson: JSON.stringify(m.value), dateValue: m.dateValue, dateMod: m.type === 'DATE' ? m.mod : null, dateStart: m.dateStart, dateEnd: m.dateEnd,
        amountText: m.amountText, amountMinor: m.amountMinor, amountMaxText: m.amountMaxText, currency: m.currency, moneyMod: null, orgName: m.orgName, orgKind: m.orgKind, agreementKind: m.agreementKind, parties: m.parties })) });
  }
  await reader.close();
  const mentionsPer = stored.reduce((n, x) => n + x.mentions.length, 0) / stored.length;
  console.log('');
  for (const connections of [1, 4]) {
    await store.pool.query('TRUNCATE runs, articles, mentions, agreement_parties RESTART IDENTITY CASCADE');
    const writer = await PgStore.open(pg.url, { connections });
    const runInfo = { configHash: 'bench', pipelineVersion: 'bench' };
    const runId = await writer.beginRun(runInfo);
    let next = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: connections }, async () => {
      for (let i = next++; i < stored.length; i = next++) await writer.writeArticle(runId, stored[i], runInfo);
    }));
    const secs = (performance.now() - t) / 1000;
    console.log(`PostgreSQL alone (fsync on), ${connections} connection${connections > 1 ? 's' : ''}: ${Math.round(stored.length / secs)} articles/s stored (${mentionsPer.toFixed(1)} mentions each, one transaction per article)`);
    await writer.close();
  }
  {
    const client = redisClient(redis.url);
    await client.flushall();
    const queue = new Queue('bench-noop', { connection: client });
    const jobs = 5000;
    const t0 = performance.now();
    for (let i = 0; i < jobs; i += 500) await queue.addBulk(Array.from({ length: 500 }, (_, k) => ({ name: 'a', data: { i: i + k, bytes: 'x'.repeat(2400) }, opts: { removeOnComplete: { count: 1000 } } })));
    const enqueue = (performance.now() - t0) / 1000;
    let done = 0;
    const t1 = performance.now();
    const wclient = redisClient(redis.url);
    const worker = new Worker('bench-noop', async () => { done++; }, { connection: wclient, concurrency: 16 });
    while (done < jobs) await sleep(20);
    const drain = (performance.now() - t1) / 1000;
    await worker.close();
    await queue.close();
    client.disconnect();
    wclient.disconnect();
    console.log(`Redis alone: ${Math.round(jobs / enqueue)} jobs/s enqueued (addBulk of 500, 2.4 KB each); ${Math.round(jobs / drain)} no-op jobs/s taken and completed by one worker process (concurrency 16)`);
  }
} finally {
  await store.close();
  await redis.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
