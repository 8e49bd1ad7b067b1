import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random.js';
import { snapshot, writeArticles } from './helpers.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = join(repoRoot, 'dist/bundle/kiji.js');

// Enough work that ten killed runs cannot finish it: with kiji's own tokenizer one worker does ~40 of these a second.
const ARTICLES = 400;
let root: string;
let folder: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-resume-'));
  folder = join(root, 'articles');
  spawnSync('mkdir', ['-p', folder]);
  writeArticles(folder, ARTICLES, 3);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));


/** Articles the database holds now (0 while it does not exist or is being created). */
function articleCount(db: string): number {
  try {
    return existsSync(db) ? Object.keys(snapshot(db)).length : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `kiji run`; `kill` says when to SIGKILL it: after a delay from the start (start-up, kuromoji
 * loading), or a little after it has committed more articles than `after` (in the middle of writing).
 */
function runCli(db: string, kill?: { delayMs: number } | { after: number; extraMs: number }, extraArgs: readonly string[] = []): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [bin, 'run', folder, '--db', db, '--quiet', '--concurrency', '1', ...extraArgs], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timers: NodeJS.Timeout[] = [];
    if (kill && 'delayMs' in kill) timers.push(setTimeout(() => child.kill('SIGKILL'), kill.delayMs));
    if (kill && 'after' in kill) {
      const poll = setInterval(() => {
        if (articleCount(db) > kill.after) {
          clearInterval(poll);
          timers.push(setTimeout(() => child.kill('SIGKILL'), kill.extraMs));
        }
      }, 20);
      timers.push(poll);
    }
    child.on('exit', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolvePromise({ code, signal, stderr });
    });
  });
}

describe.skipIf(!existsSync(bin))('kill -9 at random moments, then one more run', () => {
  it('leaves the database equal to a clean run: same articles, same mention counts, no duplicates', { timeout: 300_000 }, async () => {
    const clean = join(root, 'clean.sqlite');
    const cleanRun = runCli(clean); // runs beside the killed ones

    const db = join(root, 'killed.sqlite');
    const next = mulberry32(20251122);
    let killed = 0;
    let killedWhileWriting = 0;
    for (let i = 0; i < 10; i++) {
      const before = articleCount(db);
      const whileWriting = i % 2 === 1;
      // Once a run has finished them all, the next runs re-process every article (--force), so that each of the ten
      // still has work to be killed in (a faster kiji used to finish the folder and leave the later kills nothing).
      const complete = before === ARTICLES;
      const kill = whileWriting ? (complete ? { delayMs: Math.round(300 + next() * 1200) } : { after: before, extraMs: Math.round(next() * 300) }) : { delayMs: Math.round(100 + next() * 1500) };
      const result = await runCli(db, kill, complete ? ['--force'] : []);
      if (result.signal === 'SIGKILL') {
        killed++;
        if (whileWriting) killedWhileWriting++;
      } else expect(result.code, result.stderr).toBe(0);
      if (process.env.KIJI_DEBUG_RESUME) console.log(i, whileWriting, result.signal, before, articleCount(db));
    }
    expect(killed).toBeGreaterThanOrEqual(5);
    expect(killedWhileWriting).toBeGreaterThanOrEqual(2);
    const final = await runCli(db);
    expect(final.code, final.stderr).toBe(0);

    const cleanResult = await cleanRun;
    expect(cleanResult.code, cleanResult.stderr).toBe(0);
    const expected = snapshot(clean);
    expect(Object.keys(expected)).toHaveLength(ARTICLES);
    expect(snapshot(db)).toEqual(expected);
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s stops taking work, writes what finished, prints what was done and exits %i', { timeout: 120_000 }, async (signal, exitCode) => {
    const db = join(root, `${signal}.sqlite`);
    const child = spawn(process.execPath, [bin, 'run', folder, '--db', db, '--concurrency', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const poll = setInterval(() => {
      if (articleCount(db) > 0) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    const code = await exited;
    clearInterval(poll);
    expect(code, stderr).toBe(exitCode);
    expect(stderr).toContain('stopping');
    const done = /(\d+) processed/.exec(stdout);
    expect(stdout).toContain('(interrupted)');
    expect(Number(done?.[1])).toBeLessThan(ARTICLES);
    expect(articleCount(db)).toBe(Number(done?.[1]));
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare('SELECT status FROM runs').pluck().get()).toBe('interrupted');
    conn.close();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
