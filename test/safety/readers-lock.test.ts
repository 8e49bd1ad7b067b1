import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireRunLock, lockPathFor, processStartTime } from '../../src/store/lock.js';
import { buildFixtureDb } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

const bin = resolve(import.meta.dirname, '../../dist/bundle/kiji.js');
let root: string;
let db: string;
let dir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kiji-safety-'));
  ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt']));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `runuser` to an unprivileged user: as root, permissions do not stop anything. */
const canDropPrivileges = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

describe('readers need no write access', () => {
  it.skipIf(!canDropPrivileges)('inspect, query and export work for a user who cannot write the folder, also on a database left in WAL mode, and create nothing', async () => {
    const shared = join(root, 'readonly');
    mkdirSync(shared);
    copyFileSync(db, join(shared, 'kiji.sqlite'));
    // Leave it in WAL mode, as a killed run does.
    spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(join(shared, 'kiji.sqlite'))});d.pragma('journal_mode=WAL');d.close()`], { cwd: resolve(import.meta.dirname, '../..') });
    chmodSync(root, 0o755);
    chmodSync(shared, 0o555);
    chmodSync(join(shared, 'kiji.sqlite'), 0o444);
    const before = readdirSync(shared).sort();
    for (const args of [['inspect', 'kiji.sqlite'], ['query', 'kiji.sqlite', '--type', 'DATE'], ['export', 'kiji.sqlite', '--format', 'jsonl']]) {
      const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, ...args], { cwd: shared, encoding: 'utf8' });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(10);
    }
    expect(readdirSync(shared).sort()).toEqual(before);
    // And `kiji run` says what is wrong, with a code, leaving nothing behind.
    const write = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, 'run', dir, '--db', 'kiji.sqlite', '--quiet'], { cwd: shared, encoding: 'utf8' });
    expect(write.status).toBe(2);
    expect(write.stderr).toMatch(/^kiji: E_DB: cannot write/);
    expect(write.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(shared).sort()).toEqual(before);
  });

  it('a file that is not a kiji database, or a damaged one, is E_DB without a stack trace', async () => {
    const notDb = join(root, 'garbage.sqlite');
    writeFileSync(notDb, 'this is not a database at all, just some text '.repeat(200));
    const damaged = join(root, 'damaged.sqlite');
    copyFileSync(db, damaged);
    const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(statSync(damaged).size - 4096, 0xa5), 0, statSync(damaged).size - 4096, 4096); // every page after the first
    closeSync(fd);
    for (const target of [notDb, damaged]) {
      for (const args of [['inspect', target], ['query', target], ['export', target, '--format', 'csv']]) {
        const run = await runCli(args);
        expect(run.code, `${args.join(' ')}: ${run.stdout}`).toBe(2);
        expect(run.stderr).toMatch(/^kiji: E_DB: /);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    }
  });
});

describe('the run lock', () => {
  it('is the same lock through a symbolic link to the database', () => {
    const target = join(root, 'locked.sqlite');
    symlinkSync(target, join(root, 'alias.sqlite'));
    const lock = acquireRunLock(target);
    try {
      expect(() => acquireRunLock(join(root, 'alias.sqlite'))).toThrow(expect.objectContaining({ code: 'E_DB_LOCKED' }));
    } finally {
      lock.release();
    }
  });

  it('is not kept by a live unrelated process that reuses the pid, nor by our own pid from an earlier life', async () => {
    const target = join(root, 'reused.sqlite');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((r) => sleeper.once('spawn', r));
    try {
      // A lock written by an earlier process with the sleeper's pid but another start time.
      writeFileSync(lockPathFor(target), JSON.stringify({ pid: sleeper.pid, host: hostname(), startedAt: '2020-01-01T00:00:00Z', processStart: '1', token: 'earlier' }));
      acquireRunLock(target).release();
      // A lock left by a kiji that had our pid (PID 1 in a restarted container).
      writeFileSync(lockPathFor(target), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2020-01-01T00:00:00Z', token: 'earlier' }));
      acquireRunLock(target).release();
      // The sleeper itself, with its real start time, holds it.
      writeFileSync(lockPathFor(target), JSON.stringify({ pid: sleeper.pid, host: hostname(), startedAt: '2020-01-01T00:00:00Z', processStart: processStartTime(sleeper.pid!), token: 'live' }));
      expect(() => acquireRunLock(target)).toThrow(expect.objectContaining({ code: 'E_DB_LOCKED' }));
    } finally {
      sleeper.kill();
      rmSync(lockPathFor(target), { force: true });
    }
  });

  it('leaks no lock when the database cannot be opened', async () => {
    const bad = join(root, 'bad-run.sqlite');
    writeFileSync(bad, 'not a database '.repeat(500));
    const run = await runCli(['run', dir, '--db', bad, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kiji: E_DB: /);
    expect(existsSync(`${bad}.lock`)).toBe(false);
  });
});
