import { appendFileSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDb, ESCAPE_ARTICLE } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

const ARTICLES = ['ja-01-defence-mou.txt', 'ja-08-sjis-trade-ministers.txt', 'en-07-lng-supply-deal.txt'];

describe('kiji inspect', () => {
  let db: string;
  let articles: string;
  beforeAll(async () => {
    ({ db, articles } = await buildFixtureDb(ARTICLES));
  });

  it('summarises: articles by status, records per type, top organisations, agreements by kind, dates covered', async () => {
    const run = await runCli(['inspect', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^articles: 5 — 4 ok, 1 failed \(E_BINARY\)$/m);
    expect(run.stdout).toMatch(/^records: AGREEMENT \d+ \(in \d+ articles?\), DATE \d+ \(in 4 articles\), MONEY \d+/m);
    expect(run.stdout).toMatch(/^dates covered: \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2} \(articles published 2025-11-\d\d … 2025-11-\d\d\)$/m);
    expect(run.stdout).toMatch(/^top organisations:\n\s+\d+ {2}\S/m);
    expect(run.stdout).toMatch(/^agreements by kind: \w+ \d+/m);
  });

  it('shows one article with [TYPE text] markers when not on a terminal, then its records with values', async () => {
    const run = await runCli(['inspect', db, 'ja-01-defence-mou.txt']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('[ORG ベトナム国防省]');
    expect(run.stdout).toContain('[AGREEMENT 防衛産業協力に関する了解覚書]');
    expect(run.stdout).toMatch(/^ {2}DATE +\d+–\d+ +11月2日 → 2025-11-02 +ja\.date/m);
    expect(run.stdout).not.toContain('\u001b[');
    // The same article by a unique beginning of its name, and in colour when asked.
    const coloured = await runCli(['inspect', db, 'ja-01', '--color']);
    expect(coloured.stdout).toContain('\u001b[');
    expect(coloured.stdout).not.toContain('[ORG ベトナム国防省]');
  });

  it('marks records in a Shift_JIS article and in text with HTML characters exactly', async () => {
    const sjis = await runCli(['inspect', db, 'ja-08-sjis-trade-ministers.txt']);
    expect(sjis.stdout).toMatch(/\[ORG [^\]]+\]/);
    const esc = await runCli(['inspect', db, ESCAPE_ARTICLE]);
    expect(esc.stdout).toContain('[DATE 11月4日]');
    expect(esc.stdout).toContain('<script>alert("x")</script>');
  });

  it('reads the text from the database: a moved or edited file changes nothing', async () => {
    const { db: db2, articles: dir2 } = await buildFixtureDb([]);
    appendFileSync(join(dir2, ESCAPE_ARTICLE), 'あとから追記した一文。\n');
    renameSync(join(dir2, ESCAPE_ARTICLE), join(dir2, 'moved.txt'));
    const run = await runCli(['inspect', db2, ESCAPE_ARTICLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[DATE 11月4日]');
    expect(run.stdout).not.toContain('あとから追記');
    expect(run.stdout).not.toContain('not available');
  });

  it('a database stored before texts were kept: reads the file again and says when it changed', async () => {
    const { db: db2, articles: dir2 } = await buildFixtureDb([]);
    const raw = new Database(db2);
    raw.exec('UPDATE articles SET text = NULL');
    raw.close();
    appendFileSync(join(dir2, ESCAPE_ARTICLE), 'あとから追記した一文。\n');
    const run = await runCli(['inspect', db2, ESCAPE_ARTICLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the file changed since it was processed');
  });

  it('reports a failed article with its reason; exit 2 for an unknown article or database', async () => {
    expect((await runCli(['inspect', db, 'broken.txt'])).stdout).toContain('failed: E_BINARY: broken.txt: binary file');
    const unknown = await runCli(['inspect', db, 'nope.txt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no article "nope.txt"');
    const ambiguous = await runCli(['inspect', db, 'ja-0']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('"ja-0" matches 2 articles');
    expect((await runCli(['inspect', join(articles, 'missing.sqlite')])).code).toBe(2);
    const help = await runCli(['inspect', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('[ORG 防衛省]');
  });
});
