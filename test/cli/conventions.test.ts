import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline.js';
import { KijiError } from '../../src/core/errors.js';
import { dateInFileName } from '../../src/text/published-at.js';
import { buildFixtureDb } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

/** What a user expects of a command-line tool: mistakes named, dates checked, colours and spreadsheets. */

const ARTICLE = '国防省は11月2日、覚書に署名した。総額は約5億円。\n';

describe('reference dates are checked, never dropped in silence', () => {
  it('extract --ref, a JSONL "ref" and the library\'s publishedAt name the bad value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-ref-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, ARTICLE);
    const bad = await runCli(['extract', file, '--ref', '2025-13-45']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('E_USAGE: --ref "2025-13-45" is not a date');
    const jsonl = join(dir, 'in.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'a', text: ARTICLE, ref: 'garbage' })}\n${JSON.stringify({ id: 'b', text: ARTICLE, ref: '2025-11-04' })}\n`);
    const lines = await runCli(['extract', '--jsonl', jsonl]);
    expect(lines.code).toBe(1); // the bad line fails, the good one is answered
    expect(lines.stderr).toContain('line 1: "ref" "garbage" is not a date');
    const out = lines.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; spans: unknown[]; error?: { code: string } });
    expect(out.map((o) => [o.id, o.error?.code ?? o.spans.length > 0])).toEqual([['a', 'E_USAGE'], ['b', true]]);
    const pipeline = await createPipeline({});
    expect(() => pipeline.process({ text: ARTICLE, publishedAt: 'not a date' })).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('"not a date"') }) as KijiError);
    expect(pipeline.process({ text: ARTICLE, publishedAt: '2025-11-04T09:00:00+09:00' }).publishedAt).toBe('2025-11-04');
  });

  it('a date in the file name, when the file states none', () => {
    expect(dateInFileName('/x/2025-11-04-budget.txt')).toBe('2025-11-04');
    expect(dateInFileName('/x/20251104_budget.html')).toBe('2025-11-04');
    expect(dateInFileName('/x/budget.2025.11.04.md')).toBe('2025-11-04');
    expect(dateInFileName('/x/2025-02-30-x.txt')).toBeUndefined(); // not a day
    expect(dateInFileName('/x/id-123456789.txt')).toBeUndefined();
    expect(dateInFileName('/2025-11-04/budget.txt')).toBeUndefined(); // the name, not the folder
  });

  it('kiji run --ref is --published-at under the name extract uses, checked the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-run-ref-'));
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(join(articles, 'plain.txt'), ARTICLE);
    const db = join(dir, 'kiji.sqlite');
    const ref = await runCli(['run', join(articles, 'plain.txt'), '--db', db, '--quiet', '--concurrency', '1', '--ref', '2025-11-05']);
    expect(ref.code, ref.stderr).toBe(0);
    const stored = new Database(db, { readonly: true });
    expect(stored.prepare("SELECT published_at FROM articles WHERE path LIKE '%plain.txt'").pluck().get()).toBe('2025-11-05');
    stored.close();
    const badRef = await runCli(['run', join(articles, 'plain.txt'), '--db', db, '--ref', '2025-13-45']);
    expect([badRef.code, badRef.stderr]).toEqual([2, expect.stringMatching(/E_USAGE.*--ref.*2025-13-45/)]);
    const both = await runCli(['run', join(articles, 'plain.txt'), '--db', db, '--ref', '2025-11-05', '--published-at', '2025-11-04']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('give one of them')]);
  });

  it('kiji run --published-at for one file, and "fileNameDates" for a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-run-dates-'));
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(join(articles, 'plain.txt'), ARTICLE);
    writeFileSync(join(articles, '2024-03-05-named.txt'), ARTICLE);
    const db = join(dir, 'kiji.sqlite');
    const one = await runCli(['run', join(articles, 'plain.txt'), '--db', db, '--quiet', '--concurrency', '1', '--published-at', '2025-11-04']);
    expect(one.code, one.stderr).toBe(0);
    const folder = await runCli(['run', articles, '--db', db, '--published-at', '2025-11-04']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('name exactly one file');
    writeFileSync(join(dir, 'kiji.config.json'), JSON.stringify({ fileNameDates: true }));
    const named = await runCli(['--config', join(dir, 'kiji.config.json'), 'run', articles, '--db', db, '--quiet', '--concurrency', '1']);
    expect(named.code, named.stderr).toBe(0);
    const raw = new Database(db, { readonly: true });
    const dates = raw.prepare('SELECT path, published_at AS p FROM articles ORDER BY path').all() as { path: string; p: string | null }[];
    const days = raw.prepare("SELECT m.date_value FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.path LIKE '%named.txt' AND m.type = 'DATE'").pluck().all();
    raw.close();
    // plain.txt was re-processed under the folder's config: no date of its own, none in its name.
    expect(dates.map((d) => [d.path.split('/').pop(), d.p])).toEqual([['2024-03-05-named.txt', '2024-03-05'], ['plain.txt', null]]);
    expect(days).toEqual(['2023-11-02']); // 11月2日 resolved against the file name's date (the nearest November 2 before March 2024)
  });
});

describe('user mistakes get a code and a sentence', () => {
  let db: string;
  let dir: string;
  beforeAll(async () => {
    ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt']));
  });

  it('an article, a text file or a foreign database where a kiji database is expected', async () => {
    const article = join(dir, 'articles', 'ja-01-defence-mou.txt');
    const run = await runCli(['query', article]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kiji: E_DB: cannot read the database .*ja-01-defence-mou\.txt: file is not a database \(is it a kiji database/m);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const foreign = join(dir, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (x TEXT)');
    other.close();
    const inspect = await runCli(['inspect', foreign]);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain('is an SQLite database but not a kiji database');
  });

  it('--out into a folder that does not exist; an empty folder to run; unknown --types', async () => {
    const out = await runCli(['export', db, '--format', 'csv', '--out', join(dir, 'no-such-folder', 'x.csv')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('does not exist; create it first');
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, '.git'), { recursive: true });
    writeFileSync(join(empty, '.git', 'HEAD.txt'), 'ref: main');
    const target = join(dir, 'empty.sqlite');
    const run = await runCli(['run', empty, '--db', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no articles in');
    expect(existsSync(target)).toBe(false);
    const gold = join(dir, 'gold.jsonl');
    writeFileSync(gold, `${JSON.stringify({ id: 'a', text: ARTICLE, spans: [] })}\n`);
    const evalRun = await runCli(['eval', gold, '--types', 'FOO']);
    expect(evalRun.code).toBe(2);
    expect(evalRun.stderr).toContain('unknown record type FOO');
  });

  it('an unknown command or option is E_USAGE with the help to read, like every other mistake', async () => {
    const command = await runCli(['bogus']);
    expect([command.code, command.stderr]).toEqual([2, "kiji: E_USAGE: unknown command 'bogus' (see `kiji --help`)\n"]);
    const option = await runCli(['query', db, '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^kiji: E_USAGE: unknown option '--colour'.* \(see `kiji query --help`\)\n$/s);
    const help = await runCli(['--help']);
    expect([help.code, help.stdout.replace(/\s+/g, ' ')]).toEqual([0, expect.stringContaining('the nearest kiji.config.{ts,mjs,js,json}')]);
  });
});

describe('terminals and spreadsheets', () => {
  let db: string;
  let dir: string;
  beforeAll(async () => {
    ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt']));
  });

  it('NO_COLOR and FORCE_COLOR are honoured; --color and --no-color win', async () => {
    const esc = '\u001b[';
    const inspect = (env: Record<string, string | undefined>, ...flags: string[]) => runCli(['inspect', db, 'ja-01', ...flags], { env });
    expect((await inspect({})).stdout).not.toContain(esc); // not a terminal
    expect((await inspect({ FORCE_COLOR: '1' })).stdout).toContain(esc);
    expect((await inspect({ FORCE_COLOR: '0' })).stdout).not.toContain(esc);
    expect((await inspect({ FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(esc);
    expect((await inspect({ NO_COLOR: '1' }, '--color')).stdout).toContain(esc);
    expect((await inspect({ FORCE_COLOR: '1' }, '--no-color')).stdout).not.toContain(esc);
  });

  it('a CSV file starts with a BOM for Excel; standard output does not; --no-bom and --bom say otherwise', async () => {
    const file = join(dir, 'r.csv');
    expect((await runCli(['export', db, '--format', 'csv', '--out', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFarticle,')).toBe(true);
    expect((await runCli(['export', db, '--format', 'csv', '--out', file, '--no-bom'])).code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('article,')).toBe(true);
    expect((await runCli(['export', db, '--format', 'csv'])).stdout.startsWith('article,')).toBe(true);
    expect((await runCli(['export', db, '--format', 'csv', '--bom'])).stdout.startsWith('\uFEFFarticle,')).toBe(true);
  });
});
