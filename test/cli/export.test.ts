import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField } from '../../src/cli/export.js';
import { KijiRecordSchema, type KijiRecord } from '../../src/schema/records.js';
import { buildFixtureDb, ESCAPE_ARTICLE } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

/** A strict RFC 4180 reader, to check what export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length) throw new Error('no CRLF after the last row');
  return rows;
}

describe('kiji export', () => {
  let db: string;
  let dir: string;
  beforeAll(async () => {
    ({ db, dir } = await buildFixtureDb(['ja-01-defence-mou.txt', 'en-07-lng-supply-deal.txt']));
  });

  it('quotes CSV fields with commas, quotes, line breaks and edge spaces', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' pad')).toBe('" pad"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('jsonl to stdout: one record per line, every type, values intact', async () => {
    const run = await runCli(['export', db, '--format', 'jsonl']);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { article: { path: string }; record: KijiRecord });
    expect(new Set(rows.map((r) => r.record.type))).toEqual(new Set(['DATE', 'MONEY', 'ORG', 'AGREEMENT']));
    for (const r of rows) KijiRecordSchema.parse(r.record);
    const money = rows.find((r) => r.record.type === 'MONEY' && r.article.path.endsWith(ESCAPE_ARTICLE))!;
    expect(money.record.value).toMatchObject({ amountText: '300000000', currency: 'JPY' });
    const date = rows.find((r) => r.record.type === 'DATE' && r.record.text === '11月4日' && r.article.path.endsWith(ESCAPE_ARTICLE))!;
    expect(date.record).toMatchObject({ text: '11月4日', value: '2025-11-04', kind: 'point' });
  });

  it('csv to a file with --type: a header, RFC 4180 rows a strict reader parses back', async () => {
    const out = join(dir, 'money.csv');
    const run = await runCli(['export', db, '--format', 'csv', '--type', 'MONEY,DATE', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\d+ records → /);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true); // a file gets the BOM Excel needs
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(3);
    expect(body.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(new Set(body.map((r) => r[CSV_COLUMNS.indexOf('type')]))).toEqual(new Set(['MONEY', 'DATE']));
    // The escape article's quoted amount keeps its quotes, and value_json is JSON again.
    const quoted = body.find((r) => r[CSV_COLUMNS.indexOf('text')]!.includes('3億円'))!;
    expect(JSON.parse(quoted[CSV_COLUMNS.indexOf('value_json')]!)).toMatchObject({ currency: 'JPY' });
    expect(quoted[CSV_COLUMNS.indexOf('amount_text')]).toBe('300000000');
  });

  it('exit 2 on an unknown format or type; --format is required', async () => {
    expect((await runCli(['export', db, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['export', db, '--format', 'csv', '--type', 'X'])).code).toBe(2);
    expect((await runCli(['export', db])).code).toBe(2);
    expect((await runCli(['export', '--help'])).code).toBe(0);
  });
});
