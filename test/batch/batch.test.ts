import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { runBatch, type BatchSummary } from '../../src/batch/run.js';
import { checkUpToDate } from '../../src/batch/up-to-date.js';
import { configHash, limitsConfigHash } from '../../src/batch/config-hash.js';
import { openStore } from '../../src/store/store.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../../src/version.js';
import { walkInputs } from '../../src/batch/walk.js';
import { parseConfig, type KijiConfig } from '../../src/schema/config.js';
import { articleText, snapshot, writeArticles } from './helpers.js';

let root: string;
let dir: string;
let db: string;
const config: KijiConfig = parseConfig({ maxFileBytes: 400_000 });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-batch-'));
  dir = join(root, 'articles');
  db = join(root, 'kiji.sqlite');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeArticles(dir, 4);
  writeFileSync(join(dir, 'sub', 'nested.md'), `# 入れ子の記事\n\n${articleText(7)}`);
  writeFileSync(join(dir, 'english.txt'), 'Tokyo, April 2, 2025 — The Ministry of Defense said it would spend $5 million on a new training program.\n');
  writeFileSync(join(dir, 'notes.json'), '{"not": "an article extension"}');
  // Bad input: each must be recorded with a reason while the rest is processed.
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'undecodable.txt'), Buffer.concat([Buffer.from('日本の記事です。', 'utf8'), Buffer.from([0xff, 0xfe, 0x80, 0x81, 0xff]), Buffer.from('続き', 'utf8')]));
  writeFileSync(join(dir, 'too-large.txt'), articleText(1).repeat(2000)); // > maxFileBytes (400 kB)
  // 64,000 characters on one line without punctuation: split before kuromoji, so it is processed.
  // (Long runs of kanji alone are slow today: see the report on the agreements pattern.)
  writeFileSync(join(dir, 'long-line.txt'), '架空市の防衛装備と共同開発の事業'.repeat(4000));
  symlinkSync('..', join(dir, 'sub', 'loop')); // a folder link back to its ancestor
  symlinkSync('self-loop.txt', join(dir, 'self-loop.txt')); // a link to itself (ELOOP)
  symlinkSync('missing.txt', join(dir, 'dangling.txt'));
  symlinkSync('article-000.txt', join(dir, 'alias-of-000.txt')); // the same file twice: read once
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const statuses = (path: string) => {
  const conn = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      conn.prepare<[], { path: string; status: string; error_code: string | null; error: string | null }>('SELECT path, status, error_code, error FROM articles').all().map((r) => [r.path.slice(dir.length + 1), r]),
    );
  } finally {
    conn.close();
  }
};

describe('walkInputs', () => {
  it('lists article files sorted and once each, and reports loops and dangling links', async () => {
    const walked = await walkInputs([dir], config.extensions);
    expect(walked.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'article-000.txt', 'article-001.txt', 'article-002.txt', 'article-003.txt', 'binary.txt', 'empty.txt', 'english.txt', 'long-line.txt', 'sub/nested.md', 'too-large.txt', 'undecodable.txt',
    ]);
    expect(walked.failures.map((f) => [f.path.slice(dir.length + 1), f.error.replace(/^.*?: /, '')])).toEqual([
      ['dangling.txt', expect.stringContaining('dangling symbolic link')],
      ['self-loop.txt', expect.stringContaining('symbolic link loop')],
      ['sub/loop', expect.stringContaining('symbolic link loop')],
    ]);
  });

  it('refuses a missing input as a usage error', async () => {
    await expect(walkInputs([join(root, 'nope')], config.extensions)).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('runBatch', () => {
  let first: BatchSummary;

  it('records every bad file with its reason and processes the rest', async () => {
    first = await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 2 });
    const rows = statuses(db);
    expect(first).toMatchObject({ seen: 14, processed: 7, skipped: 0, failed: 7, interrupted: false });
    for (const ok of ['article-000.txt', 'article-003.txt', 'sub/nested.md', 'english.txt', 'long-line.txt']) expect(rows[ok]?.status).toBe('ok');
    expect(rows['binary.txt']).toMatchObject({ status: 'failed', error_code: 'E_BINARY' });
    expect(rows['empty.txt']).toMatchObject({ status: 'failed', error_code: 'E_EMPTY' });
    expect(rows['undecodable.txt']).toMatchObject({ status: 'failed', error_code: 'E_DECODE', error: expect.stringMatching(/at byte \d+/) });
    expect(rows['too-large.txt']).toMatchObject({ status: 'failed', error_code: 'E_TOO_LARGE' });
    expect(rows['self-loop.txt']).toMatchObject({ status: 'failed', error_code: 'E_READ', error: expect.stringContaining('loop') });
    expect(rows['sub/loop']).toMatchObject({ status: 'failed', error_code: 'E_READ', error: expect.stringContaining('loop') });
    expect(rows['dangling.txt']).toMatchObject({ status: 'failed', error_code: 'E_READ' });
    expect(rows['alias-of-000.txt']).toBeUndefined();
    expect(first.failures.map((f) => f.code).sort()).toEqual(['E_BINARY', 'E_DECODE', 'E_EMPTY', 'E_READ', 'E_READ', 'E_READ', 'E_TOO_LARGE']);
    // Reasons do not repeat the path (it is the row's own column).
    for (const f of first.failures) expect(f.reason.startsWith(f.path)).toBe(false);
    expect(first.records).toMatchObject({ DATE: expect.any(Number), MONEY: expect.any(Number), ORG: expect.any(Number) });
    // The writer thread reports its own CPU time where Linux tells it (/proc/thread-self).
    if (existsSync('/proc/thread-self/stat')) expect(first.timings.writerCpuMs).toBeGreaterThanOrEqual(0);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT lang FROM articles WHERE path LIKE '%english.txt'").pluck().get()).toBe('en');
    expect(conn.prepare("SELECT status, seen, processed, skipped, failed FROM runs").get()).toEqual({ status: 'done', seen: 14, processed: 7, skipped: 0, failed: 7 });
    conn.close();
  });

  it('skips every unchanged article on a second run and retries the failed ones', async () => {
    const before = snapshot(db);
    const second = await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    expect(second).toMatchObject({ seen: 14, processed: 0, skipped: 7, failed: 7 });
    expect(snapshot(db)).toEqual(before);
  });

  it('re-processes a changed file and only that one', async () => {
    writeFileSync(join(dir, 'article-002.txt'), articleText(2) + '同市は2026年3月末までに計画をまとめる。\n');
    writeFileSync(join(dir, 'empty.txt'), articleText(50)); // a failed file that is fixed is processed
    const third = await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    expect(third).toMatchObject({ processed: 2, skipped: 6, failed: 6 });
    expect(statuses(db)['empty.txt']).toMatchObject({ status: 'ok', error_code: null, error: null });
  });

  it('reads and hashes a changed file once: the main thread hands its bytes and hash to the worker', async () => {
    const store = openStore(db);
    const timings = { walkMs: 0, readMs: 0, loadMs: 0, processMs: 0, writeMs: 0, hashMs: 0 };
    const info = { configHash: configHash(config), pipelineVersion: PIPELINE_VERSION, languageVersions: LANGUAGE_VERSIONS };
    const path = join(dir, 'article-001.txt');
    const limits = (maxBytes: number) => ({ maxBytes, limitsHash: limitsConfigHash(config), retryFailed: false, rehash: false });
    const check = (p: string, maxBytes = config.maxFileBytes) => checkUpToDate(store.lookup(p), p, info, timings, limits(maxBytes));
    try {
      expect(check(path)).toMatchObject({ skip: true });
      const changed = articleText(1) + '同社は2027年に新工場を建てる。\n';
      writeFileSync(path, changed);
      const read = check(path);
      if (read.skip || !read.read) throw new Error(`expected the changed bytes, got ${JSON.stringify(read)}`);
      expect(Buffer.from(read.read.bytes).toString()).toBe(changed);
      expect(read.read.sha256).toBe(createHash('sha256').update(changed).digest('hex'));
      expect(check(join(dir, 'never-seen.txt'))).toEqual({ skip: false });
      expect(check(path, 10)).toEqual({ skip: false }); // over maxFileBytes: the worker records why
    } finally {
      store.close();
    }
    const again = await runBatch({ inputs: [path], dbPath: db, config, concurrency: 1 });
    expect(again).toMatchObject({ processed: 1, failed: 0 });
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare('SELECT content_hash FROM articles WHERE path = ?').pluck().get(path)).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    conn.close();
  });

  it('re-processes everything when the extraction config or the pipeline version changes, not when only paths do', async () => {
    const moved = await runBatch({ inputs: [dir], dbPath: db, config: parseConfig({ maxFileBytes: 400_000, concurrency: 1, database: 'elsewhere.sqlite' }), concurrency: 1 });
    expect(moved.processed).toBe(0);
    const lexicon = parseConfig({ maxFileBytes: 400_000, lexicons: { organisations: [{ name: '架空市役所' }] } });
    const changed = await runBatch({ inputs: [dir], dbPath: db, config: lexicon, concurrency: 1 });
    expect(changed).toMatchObject({ processed: 8, skipped: 0 });
    const bumped = await runBatch({ inputs: [join(dir, 'article-000.txt')], dbPath: db, config: lexicon, concurrency: 1, pipelineVersion: '999' });
    expect(bumped).toMatchObject({ seen: 1, processed: 1, skipped: 0 });
  });

  it('stops taking work when aborted, writes what finished, and the next run completes the rest', async () => {
    const folder = join(root, 'abort');
    mkdirSync(folder);
    // More than the tasks in flight on one worker (two batches), so that some are left when the run stops.
    writeArticles(folder, 80);
    const abortDb = join(root, 'abort.sqlite');
    const controller = new AbortController();
    const stopped = await runBatch({
      inputs: [folder], dbPath: abortDb, config, concurrency: 1, signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 2) controller.abort();
      },
    });
    expect(stopped.interrupted).toBe(true);
    expect(stopped.processed).toBeGreaterThanOrEqual(2);
    expect(stopped.processed).toBeLessThan(80);
    expect(Object.keys(snapshot(abortDb))).toHaveLength(stopped.processed);
    const conn = new Database(abortDb, { readonly: true });
    expect(conn.prepare('SELECT status FROM runs').pluck().get()).toBe('interrupted');
    conn.close();
    const rest = await runBatch({ inputs: [folder], dbPath: abortDb, config, concurrency: 1 });
    expect(rest).toMatchObject({ processed: 80 - stopped.processed, skipped: stopped.processed, failed: 0 });
  });

  it.skipIf(process.getuid?.() === 0)('records an unreadable file (chmod 000) — skipped as root, who can read anything; dangling links cover E_READ there', async () => {
    const folder = join(root, 'unreadable');
    mkdirSync(folder);
    writeFileSync(join(folder, 'secret.txt'), articleText(1));
    chmodSync(join(folder, 'secret.txt'), 0o000);
    const summary = await runBatch({ inputs: [folder], dbPath: join(root, 'unreadable.sqlite'), config, concurrency: 1 });
    expect(summary.failures).toEqual([expect.objectContaining({ code: 'E_READ' })]);
  });
});
