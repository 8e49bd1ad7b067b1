import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArticles } from './helpers.js';

const bin = resolve(import.meta.dirname, '../../dist/bundle/kiji.js');
let root: string;
let mounted = false;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-full-'));
  mkdirSync(join(root, 'small'));
  mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1536k', 'tmpfs', join(root, 'small')]).status === 0;
});
afterAll(() => {
  if (mounted) spawnSync('umount', [join(root, 'small')]);
  rmSync(root, { recursive: true, force: true });
});

// Needs a small file system: root may mount a tmpfs (CI runs as root); elsewhere this skips.
describe('a full disk', () => {
  it('stops the run with E_DB, finishes the run row with its counts, and leaves no lock', { timeout: 300_000 }, (context) => {
    if (!mounted) context.skip('cannot mount a small tmpfs here (needs root)');
    const articles = join(root, 'articles');
    mkdirSync(articles);
    writeArticles(articles, 400, 4);
    const db = join(root, 'small', 'full.sqlite');
    const run = spawnSync(process.execPath, [bin, 'run', articles, '--db', db, '--quiet', '--concurrency', '2'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^kiji: E_DB: the run stopped: database or disk is full/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(existsSync(`${db}.kiji-reserve`)).toBe(false);
    const conn = new Database(db, { readonly: true });
    const last = conn.prepare<[], { status: string; processed: number; finished_at: string | null }>('SELECT status, processed, finished_at FROM runs').get()!;
    const stored = conn.prepare("SELECT COUNT(*) FROM articles WHERE status = 'ok'").pluck().get() as number;
    conn.close();
    expect(last.status).toBe('failed');
    expect(last.finished_at).not.toBeNull();
    expect(last.processed).toBeGreaterThanOrEqual(stored);
    expect(stored).toBeGreaterThan(0);
    // Fill what is left, then run again: the lock itself cannot be written.
    spawnSync('dd', ['if=/dev/zero', `of=${join(root, 'small', 'filler')}`, 'bs=4096'], { encoding: 'utf8' });
    const again = spawnSync(process.execPath, [bin, 'run', articles, '--db', db, '--quiet'], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^kiji: E_DB: cannot write the lock file .*disk is full/);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(readdirSync(join(root, 'small')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
