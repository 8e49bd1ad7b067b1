import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { acquireRunLock } from '../../src/store/lock.js';
import { writeArticles } from '../batch/helpers.js';

let root: string;
let dir: string;

function captured(cwd: string): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr, stdin: new PassThrough(), cwd }, out: () => out, err: () => err };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-cli-run-'));
  dir = join(root, 'articles');
  mkdirSync(dir);
  writeArticles(dir, 3);
  writeFileSync(join(dir, 'empty.txt'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kiji run', () => {
  it('processes a folder, prints a summary with failures, and exits 1 when an article failed', async () => {
    const c = captured(root);
    const code = await main(['run', 'articles', '--db', 'out.sqlite', '--concurrency', '1'], c.io);
    expect(code).toBe(1);
    expect(c.out()).toMatch(/4 articles seen, 3 processed, 0 skipped \(unchanged\), 1 failed/);
    expect(c.out()).toMatch(/records: DATE \d+, MONEY \d+, ORG \d+, AGREEMENT \d+/);
    expect(c.out()).toContain('articles/empty.txt: E_EMPTY: the file is empty');
  });

  it('prints the summary as JSON with --json, and skips unchanged articles the second time', async () => {
    const c = captured(root);
    const code = await main(['run', 'articles', '--db', 'out.sqlite', '--json'], c.io);
    expect(code).toBe(1);
    const summary = JSON.parse(c.out()) as Record<string, unknown>;
    expect(summary).toMatchObject({ seen: 4, processed: 0, skipped: 3, failed: 1, failures: [expect.objectContaining({ code: 'E_EMPTY' })] });
    expect(c.err()).toBe('');
  });

  it('exits 0 when every article is fine; --force re-processes unchanged articles; --quiet prints no progress', async () => {
    const c = captured(root);
    expect(await main(['run', join(dir, 'article-000.txt'), '--db', 'out.sqlite', '--concurrency', '1', '--quiet', '--force'], c.io)).toBe(0);
    expect(c.out()).toMatch(/1 article seen, 1 processed, 0 skipped/); // --force: re-processed although unchanged
    expect(c.err()).toBe('');
  });

  it('refuses a second run on a locked database with E_DB_LOCKED and exit code 2', async () => {
    const lock = acquireRunLock(join(root, 'busy.sqlite'));
    try {
      const c = captured(root);
      expect(await main(['run', 'articles', '--db', 'busy.sqlite'], c.io)).toBe(2);
      expect(c.err()).toMatch(/E_DB_LOCKED: another kiji run \(pid \d+, started .*\) is writing .*busy\.sqlite/);
    } finally {
      lock.release();
    }
  });

  it('exits 2 on usage errors and documents itself with --help', async () => {
    const missing = captured(root);
    expect(await main(['run', 'no-such-folder', '--db', 'x.sqlite'], missing.io)).toBe(2);
    expect(missing.err()).toContain('E_USAGE: no-such-folder: no such file or folder');
    const bad = captured(root);
    expect(await main(['run', 'articles', '--concurrency', 'zero'], bad.io)).toBe(2);
    const help = captured(root);
    expect(await main(['run', '--help'], help.io)).toBe(0);
    expect(help.out()).toContain('--concurrency <n>');
    expect(help.out()).toContain('Exit codes');
  });
});
