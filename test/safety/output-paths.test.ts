import { existsSync, lstatSync, mkdirSync, rmSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_MARKER } from '../../src/report/out-dir.js';
import { buildFixtureDb } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

let db: string;
let dir: string;
const SQLITE = 'SQLite format 3\0';

beforeAll(async () => {
  ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt']));
});

describe('export --out never destroys what it did not write', () => {
  it('refuses the database itself, a link to it and its side files (E_USAGE), leaving it intact', async () => {
    const before = statSync(db).size;
    symlinkSync(db, join(dir, 'link.sqlite'));
    for (const out of [db, join(dir, 'link.sqlite'), `${db}-wal`, `${db}.lock`]) {
      const run = await runCli(['export', db, '--format', 'jsonl', '--out', out]);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toMatch(/E_USAGE/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(statSync(db).size).toBe(before);
    expect(readFileSync(db).subarray(0, 16).toString('latin1')).toBe(SQLITE);
    expect((await runCli(['query', db, '--type', 'DATE'])).code).toBe(0);
  });

  it('refuses another SQLite database even with --force, and a user file without it', async () => {
    const other = join(dir, 'other.sqlite');
    writeFileSync(other, `${SQLITE}rest`);
    expect((await runCli(['export', db, '--format', 'csv', '--out', other, '--force'])).stderr).toMatch(/E_USAGE.*SQLite database/);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    expect((await runCli(['export', db, '--format', 'csv', '--out', notes])).stderr).toMatch(/E_USAGE.*not a kiji export/);
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    expect((await runCli(['export', db, '--format', 'csv', '--out', notes, '--force'])).code).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^\uFEFFarticle,title/); // a file gets the BOM Excel needs
  });

  it('replaces its own earlier export (CSV or JSON lines) and leaves no temporary file', async () => {
    const out = join(dir, 'records.jsonl');
    expect((await runCli(['export', db, '--format', 'jsonl', '--out', out])).code).toBe(0);
    expect((await runCli(['export', db, '--format', 'jsonl', '--out', out])).code).toBe(0);
    const csv = join(dir, 'records.csv');
    expect((await runCli(['export', db, '--format', 'csv', '--bom', '--out', csv])).code).toBe(0);
    expect((await runCli(['export', db, '--format', 'csv', '--out', csv])).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('report --out writes only into a folder it owns', () => {
  it('refuses a folder with a user index.html, leaving it as it was', async () => {
    const out = join(dir, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<p>mine</p>');
    const run = await runCli(['report', db, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/E_USAGE.*not written by kiji report/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>mine</p>');
  });

  it('refuses the database path as the folder', async () => {
    expect((await runCli(['report', db, '--out', db])).stderr).toMatch(/E_USAGE/);
    expect(readFileSync(db).subarray(0, 16).toString('latin1')).toBe(SQLITE);
  });

  it('marks its folder, replaces planted links instead of writing through them, removes stale pages', async () => {
    const out = join(dir, 'report');
    expect((await runCli(['report', db, '--out', out])).code).toBe(0);
    expect(existsSync(join(out, REPORT_MARKER))).toBe(true);
    const pages = readdirSync(join(out, 'articles'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // Hostile links where a page and the index will be written, and a stale page from an older report.
    rmSync(join(out, 'articles', pages[0]!));
    symlinkSync(victim, join(out, 'articles', pages[0]!));
    rmSync(join(out, 'index.html'));
    symlinkSync(victim, join(out, 'index.html'));
    writeFileSync(join(out, 'articles', '999-old.html'), 'stale');
    expect((await runCli(['report', db, '--out', out])).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(out, 'index.html')).isFile()).toBe(true);
    expect(readdirSync(join(out, 'articles')).sort()).toEqual(pages.sort());
  });

  it('does not write through a link planted as the articles folder', async () => {
    const out = join(dir, 'report2');
    expect((await runCli(['report', db, '--out', out])).code).toBe(0);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    rmSync(join(out, 'articles'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'articles'));
    expect((await runCli(['report', db, '--out', out])).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
