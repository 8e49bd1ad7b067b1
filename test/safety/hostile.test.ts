import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundedLines } from '../../src/cli/jsonl-lines.js';
import { terminalSafe, terminalSafeBody, terminalSafeJson } from '../../src/cli/terminal.js';
import { Readable } from 'node:stream';
import { buildFixtureDb } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

let db: string;
let dir: string;
const ESC = '\u001b';

beforeAll(async () => {
  ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt']));
});

describe('a hostile database', () => {
  it('cannot make inspect or report read a file outside the folders that were run', async () => {
    const secret = join(dir, '..', 'secret.txt');
    writeFileSync(secret, '秘密の内容は2025年1月1日に決まった。');
    const conn = new Database(db);
    // A database without stored texts (as older ones are) names a file outside the folder that was run.
    conn.prepare("UPDATE articles SET path = ?, title = ?, text = NULL WHERE path LIKE '%ja-01-defence-mou.txt'").run(secret, `T${ESC}]0;pwned\u0007`);
    conn.close();
    const inspect = await runCli(['inspect', db, 'secret.txt']);
    expect(inspect.stdout).not.toContain('秘密の内容');
    expect(inspect.stdout).toContain('outside the folders');
    expect(inspect.stdout).not.toContain(ESC); // the title's escape sequence is shown, not sent
    expect(inspect.stdout).toContain('T\\x1b]0;pwned\\x07');
    expect((await runCli(['inspect', db, 'secret.txt', '--any-path'])).stdout).toContain('秘密の内容');
    const out = join(dir, 'report-hostile');
    expect((await runCli(['report', db, '--out', out])).code).toBe(0);
    const { readdirSync, readFileSync } = await import('node:fs');
    const pages = readdirSync(join(out, 'articles')).map((f) => readFileSync(join(out, 'articles', f), 'utf8')).join('');
    expect(pages).not.toContain('秘密の内容');
  });

  it('escapes control characters of record texts in query output', async () => {
    const conn = new Database(db);
    conn.prepare("UPDATE mentions SET text = ? WHERE id = (SELECT MIN(id) FROM mentions)").run(`X${ESC}[2J\u009b31m\u202eY`);
    conn.close();
    const query = await runCli(['query', db]);
    expect(query.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
    const json = await runCli(['query', db, '--json']);
    expect(json.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
  });

  it('terminal helpers: lines escape newlines, bodies keep them, JSON gets C1 and bidi escaped', () => {
    expect(terminalSafe('a\nb\u001b[1m')).toBe('a\\x0ab\\x1b[1m');
    expect(terminalSafeBody('a\nb\tc\u0007')).toBe('a\nb\tc\\x07');
    expect(terminalSafeJson(JSON.stringify('\u009b\u202e'))).toBe('"\\u009b\\u202e"');
  });
});

describe('command-line input', () => {
  it('rejects impossible days and non-decimal limits', async () => {
    for (const args of [['--from', '2021-02-30'], ['--to', '2021-04-31'], ['--limit', '0x10'], ['--limit', '1e3']]) {
      const run = await runCli(['query', db, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/E_USAGE/);
    }
    expect((await runCli(['query', db, '--from', '2024-02-29', '--limit', '10'])).code).toBe(0);
  });

  it('extract --jsonl: an object id is E_USAGE, and a line over the size limit is reported and skipped', async () => {
    const bad = await runCli(['extract', '--jsonl', '-'], { stdin: '{"id":{"x":1},"text":"2025年1月1日"}\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kiji: E_USAGE: line 1: "id"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const lines: unknown[] = [];
    for await (const line of boundedLines(Readable.from(['ab', 'c\r\n', 'x'.repeat(50), '\nlast']), 10)) lines.push(line);
    expect(lines).toEqual([{ text: 'abc' }, { tooLong: true, chars: 50 }, { text: 'last' }]);
  });
});
