import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, RACY_MS } from '../../src/batch/file-hash.js';
import { limitsConfigHash } from '../../src/batch/config-hash.js';
import { runBatch } from '../../src/batch/run.js';
import { PIPELINE_VERSION } from '../../src/version.js';
import { parseConfig } from '../../src/schema/config.js';
import { articleText, writeArticles } from './helpers.js';

/** A whole second (2020-01-01), so that utimes sets it exactly. */
const OLD = 1577836800;
const config = parseConfig({ stages: { orgs: false } });
let dir: string;
let db: string;

const stamps = () => {
  const conn = new Database(db, { readonly: true });
  try {
    return Object.fromEntries(conn.prepare<[], { path: string; file_stat: string | null }>('SELECT path, file_stat FROM articles ORDER BY path').all().map((r) => [r.path.slice(dir.length + 1), r.file_stat]));
  } finally {
    conn.close();
  }
};

/** `racyMs: 0` stands for files written long before the run (a test cannot wait out the window for every run). */
const run = (options: { racyMs?: number; rehash?: boolean; retryFailed?: boolean } = {}) => runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1, ...options });

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'kiji-stat-'));
  dir = join(root, 'articles');
  db = join(root, 'kiji.sqlite');
  mkdirSync(dir);
  writeArticles(dir, 3);
});

describe('fileStamp: the stat that stands for the bytes read after it', () => {
  it('is size, mtime, ctime, inode and device; none for a file changed within the racy window, a folder, a missing file or one over maxBytes', () => {
    const path = join(dir, 'article-000.txt');
    const info = statSync(path, { bigint: true });
    expect(fileStamp(path, 1e6, Date.now() + RACY_MS + 1000)).toBe(`${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}:${info.dev}`);
    expect(fileStamp(path, 1e6)).toBeUndefined(); // just written: racy
    expect(fileStamp(path, 1e6, Date.now() + RACY_MS - 1000)).toBeUndefined();
    expect(fileStamp(path, 1e6, Date.now() + 1000, 0)).toBeDefined(); // a second ahead, as below
    expect(fileStamp(path, Number(info.size) - 1, Date.now(), 0)).toBeUndefined();
    expect(fileStamp(dir, 1e6, Date.now(), 0)).toBeUndefined();
    expect(fileStamp(join(dir, 'nope.txt'), 1e6, Date.now(), 0)).toBeUndefined();
  });

  it('changes when the file is rewritten with the same size and its mtime set back (ctime moves on)', async () => {
    const path = join(dir, 'article-000.txt');
    utimesSync(path, OLD, OLD);
    expect(fileStamp(path, 1e6)).toBeUndefined(); // mtime of 2020, but ctime just now
    // A second ahead: a ctime set within the current millisecond is not newer than the clock read (racyMs 0).
    const before = fileStamp(path, 1e6, Date.now() + 1000, 0);
    expect(before).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(path, articleText(0).replace('架空市', '仮想市'));
    utimesSync(path, OLD, OLD);
    expect(statSync(path).mtimeMs).toBe(OLD * 1000);
    expect(statSync(path).size).toBe(Buffer.byteLength(articleText(0)));
    const after = fileStamp(path, 1e6, Date.now() + 1000, 0);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});

describe('kiji run skips a file whose stat is the one stored with its bytes', () => {
  it('stores no stat for files written within the racy window, so the next run hashes them', async () => {
    // An hour's window: the files stay "just written" however slow the machine is.
    await run({ racyMs: 3_600_000 });
    expect(Object.values(stamps())).toEqual([null, null, null]);
    expect(await run({ racyMs: 3_600_000 })).toMatchObject({ processed: 0, skipped: 3 }); // hashed, and still too recent to stamp
    expect(Object.values(stamps())).toEqual([null, null, null]);
  });

  it('hashes once, stores the stat it found the bytes under, then skips on the stat alone', async () => {
    await run();
    const second = await run({ racyMs: 0 }); // the files are old now: their stats are stored
    expect(second).toMatchObject({ processed: 0, skipped: 3 });
    expect(Object.values(stamps()).every((s) => typeof s === 'string')).toBe(true);
    expect((await run({ racyMs: 0 })).timings.hashMs).toBe(0); // no file read
  });

  it('a processed file is stored with the stat taken before it was read; a changed one is processed again and restamped', async () => {
    await run({ racyMs: 0 });
    const first = stamps();
    expect(Object.values(first).every((s) => typeof s === 'string')).toBe(true);
    const path = join(dir, 'article-001.txt');
    utimesSync(path, OLD, OLD);
    await run({ racyMs: 0 }); // its ctime moved: hashed, unchanged, restamped
    const stamped = stamps()['article-001.txt'];
    expect(stamped).not.toBe(first['article-001.txt']);
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(path, articleText(1).replace('架空市', '仮想市')); // same size (both 3 characters of 3 bytes)
    utimesSync(path, OLD, OLD);
    const second = await run({ racyMs: 0 });
    expect(second).toMatchObject({ processed: 1, skipped: 2 });
    expect(stamps()['article-001.txt']).not.toBe(stamped);
    expect(stamps()['article-000.txt']).toBe(first['article-000.txt']);
  });

  it('--rehash hashes every file: stored bytes that differ from the file are found though the stat matches', async () => {
    await run({ racyMs: 0 });
    const conn = new Database(db);
    conn.prepare("UPDATE articles SET content_hash = 'not-the-hash' WHERE path LIKE '%article-002.txt'").run();
    conn.close();
    expect(await run({ racyMs: 0 })).toMatchObject({ processed: 0, skipped: 3 }); // trusted the stat
    expect(await run({ racyMs: 0, rehash: true })).toMatchObject({ processed: 1, skipped: 2 });
  });

  it('a changed config or pipeline version re-processes the files whatever their stat', async () => {
    await run({ racyMs: 0 });
    const other = parseConfig({ stages: { orgs: false, money: false } });
    expect(await runBatch({ inputs: [dir], dbPath: db, config: other, concurrency: 1, racyMs: 0 })).toMatchObject({ processed: 3, skipped: 0 });
    expect(await runBatch({ inputs: [dir], dbPath: db, config: other, concurrency: 1, racyMs: 0, pipelineVersion: 'other' })).toMatchObject({ processed: 3, skipped: 0 });
  });

  it('an article that timed out before is skipped on its stat too, and --retry-failed tries it again', async () => {
    await run({ racyMs: 0 });
    const conn = new Database(db);
    // As a run whose worker hit the time limit leaves it: failed, with the file's hash, stat and the limits' hash.
    conn.prepare("UPDATE articles SET status = 'failed', error_code = 'E_TIMEOUT', error = 'took too long', config_hash = ?, pipeline_version = ? WHERE path LIKE '%article-001.txt'")
      .run(limitsConfigHash(config), PIPELINE_VERSION);
    conn.prepare("DELETE FROM mentions WHERE article_id = (SELECT id FROM articles WHERE path LIKE '%article-001.txt')").run();
    conn.close();
    const again = await run({ racyMs: 0 });
    expect(again).toMatchObject({ processed: 0, skipped: 3 });
    expect(again.skippedFailures).toEqual([{ path: join(dir, 'article-001.txt'), code: 'E_TIMEOUT' }]);
    expect(again.timings.hashMs).toBe(0);
    expect(await run({ racyMs: 0, retryFailed: true })).toMatchObject({ processed: 1, skipped: 2 });
  });

  it('a renamed file keeps its row and is not processed; a vanished one is missing; both as without stats', async () => {
    await run({ racyMs: 0 });
    renameSync(join(dir, 'article-000.txt'), join(dir, 'renamed.txt'));
    rmSync(join(dir, 'article-002.txt'));
    expect(await run({ racyMs: 0 })).toMatchObject({ processed: 0, skipped: 2, renamed: 1, missing: 1 });
    expect(stamps()['renamed.txt']).toEqual(expect.any(String)); // hashed under its new path, and stamped
    expect(await run({ racyMs: 0 })).toMatchObject({ processed: 0, skipped: 2, renamed: 0, missing: 0 });
  });

  it('a file that grew over maxFileBytes is not skipped on its stat', async () => {
    await run({ racyMs: 0 });
    const small = parseConfig({ stages: { orgs: false }, maxFileBytes: 100 });
    expect(await runBatch({ inputs: [dir], dbPath: db, config: small, concurrency: 1, racyMs: 0 })).toMatchObject({ processed: 0, failed: 3 });
  });
});
