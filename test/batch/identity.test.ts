import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { parseConfig } from '../../src/schema/config.js';
import { runCli } from '../helpers/cli.js';
import { articleText, writeArticles } from './helpers.js';

let root: string;
const config = parseConfig({});

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-identity-'));
});
afterAll(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

const rows = (db: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare<[], { path: string; status: string; n: number }>('SELECT path, status, (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS n FROM articles a ORDER BY path').all();
  } finally {
    conn.close();
  }
};

describe('articles are files, known by their real path', () => {
  it('stores a folder reached through a symbolic link once', async () => {
    const dir = join(root, 'real');
    mkdirSync(dir);
    writeArticles(dir, 2);
    symlinkSync(dir, join(root, 'link'));
    const db = join(root, 'link.sqlite');
    await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    const second = await runBatch({ inputs: [join(root, 'link')], dbPath: db, config, concurrency: 1 });
    expect(second).toMatchObject({ processed: 0, skipped: 2, missing: 0 });
    expect(rows(db)).toHaveLength(2);
  });

  it('marks a deleted file missing (records dropped), follows a renamed one, and prune removes the missing', async () => {
    const dir = join(root, 'moving');
    mkdirSync(dir);
    const [a, b, c] = writeArticles(dir, 3);
    const db = join(root, 'moving.sqlite');
    await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    const before = rows(db);
    unlinkSync(a!);
    renameSync(b!, join(dir, 'renamed.txt'));
    const next = await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    expect(next).toMatchObject({ processed: 0, skipped: 2, missing: 1, renamed: 1 });
    const after = rows(db);
    expect(after.map((r) => [r.path.slice(dir.length + 1), r.status])).toEqual([['article-000.txt', 'missing'], ['article-002.txt', 'ok'], ['renamed.txt', 'ok']]);
    expect(after[0]!.n).toBe(0);
    expect(after[2]!.n).toBe(before[1]!.n); // the renamed article kept its records
    expect(after[2]!.n).toBeGreaterThan(0);
    // A query counts each record once: nothing of the deleted file, the renamed one under its new name only.
    const query = await runCli(['query', db, '--json']);
    const paths = new Set((JSON.parse(query.stdout) as { article: { path: string } }[]).map((r) => r.article.path));
    expect([...paths].sort()).toEqual([c!, join(dir, 'renamed.txt')]);
    const pruned = await runCli(['prune', db]);
    expect(pruned.stdout).toMatch(/^1 missing article removed/);
    expect(rows(db)).toHaveLength(2);
  });

  // As root, permissions cannot make a file unreadable: skipped there.
  it.skipIf(process.getuid?.() === 0)('a file that became unreadable loses its records as a deleted one does; an unreadable folder marks nothing missing', async () => {
    const dir = join(root, 'perm');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const [a] = writeArticles(dir, 1);
    writeFileSync(join(dir, 'sub', 'inner.txt'), articleText(5));
    const db = join(root, 'perm.sqlite');
    await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
    chmodSync(a!, 0o000);
    chmodSync(join(dir, 'sub'), 0o000);
    try {
      const next = await runBatch({ inputs: [dir], dbPath: db, config, concurrency: 1 });
      expect(next.missing).toBe(0);
      const after = Object.fromEntries(rows(db).map((r) => [r.path.slice(dir.length + 1), r]));
      expect(after['article-000.txt']).toMatchObject({ status: 'failed', n: 0 });
      expect(after['sub/inner.txt']!.status).toBe('ok');
    } finally {
      chmodSync(join(dir, 'sub'), 0o755);
      chmodSync(a!, 0o644);
    }
  });

  it('marks nothing missing outside the folders that were run', async () => {
    const one = join(root, 'one');
    const two = join(root, 'two');
    mkdirSync(one);
    mkdirSync(two);
    writeArticles(one, 1);
    writeArticles(two, 1);
    const db = join(root, 'two-folders.sqlite');
    await runBatch({ inputs: [one, two], dbPath: db, config, concurrency: 1 });
    expect(await runBatch({ inputs: [one], dbPath: db, config, concurrency: 1 })).toMatchObject({ missing: 0, skipped: 1 });
    expect(rows(db).map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});
