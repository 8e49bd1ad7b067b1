import { beforeAll, describe, expect, it } from 'vitest';
import { periodBound } from '../../src/cli/query.js';
import { KijiRecordSchema, type KijiRecord } from '../../src/schema/records.js';
import { buildFixtureDb } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

interface Out { article: { path: string; title: string | null; publishedAt: string | null }; record: KijiRecord }
interface Row { article: string; type: string; text: string; value: unknown; parties?: string[]; publishedAt: string | null }
/** The fields these tests look at, from the {article, record} shape. */
const flat = ({ article, record }: Out): Row => ({
  article: article.path, publishedAt: article.publishedAt, type: record.type, text: record.text,
  value: record.type === 'DATE' ? { value: record.value } : record.value,
  ...(record.type === 'AGREEMENT' && record.value.parties ? { parties: record.value.parties } : {}),
});

describe('kiji query', () => {
  let db: string;
  const query = async (...args: string[]) => {
    const run = await runCli(['query', db, ...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Out[];
    // Every record is in the zod schema's shape: the one extract and the library give.
    for (const o of out) KijiRecordSchema.parse(o.record);
    return out.map(flat);
  };
  beforeAll(async () => {
    ({ db } = await buildFixtureDb(['ja-01-defence-mou.txt', 'ja-03-us-philippines-transfer.txt', 'en-07-lng-supply-deal.txt']));
  });

  it('periods: a year, a month or a day, inclusive', () => {
    expect(periodBound('2021', 'from')).toBe('2021-01-01');
    expect(periodBound('2025', 'to')).toBe('2025-12-31');
    expect(periodBound('2024-2', 'to')).toBe('2024-02-29');
    expect(periodBound('2025/11/2', 'from')).toBe('2025-11-02');
    expect(() => periodBound('last year', 'from')).toThrow(/expected a year/);
  });

  it('periods use the one calendar: years below 100 are themselves (year 0 is a leap year, 1900 is not)', () => {
    expect(periodBound('0000-02', 'to')).toBe('0000-02-29');
    expect(periodBound('0000-02-29', 'from')).toBe('0000-02-29');
    expect(() => periodBound('1900-02-29', 'from')).toThrow(/has 28 days/);
  });

  it('--type AGREEMENT --from 2021 --to 2025 --org 国防省: agreements signed in the period with a party naming it', async () => {
    const rows = await query('--type', 'AGREEMENT', '--from', '2021', '--to', '2025', '--org', '国防省');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.type).toBe('AGREEMENT');
      expect(r.parties?.some((p) => p.includes('国防省'))).toBe(true);
    }
    expect(rows.map((r) => r.text)).toContain('防衛産業協力に関する了解覚書');
    // The joint vision statement of 2018 is outside the period.
    const all = await query('--type', 'AGREEMENT', '--to', '2019');
    expect(all.every((r) => typeof r.value === 'object' && String((r.value as { date?: string }).date ?? r.publishedAt) <= '2019-12-31~')).toBe(true);
  });

  it('DATE records by the days they cover; --record-text by substring; --limit', async () => {
    const dates = await query('--type', 'DATE', '--from', '2025-11', '--to', '2025-11');
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(String((d.value as { value: string }).value)).toMatch(/^2025(-11|$|-W|-Q4|-H2)|^FY2025/);
    const orgs = await query('--type', 'ORG', '--record-text', '国防省');
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((r) => r.text.includes('国防省'))).toBe(true);
    expect(await query('--limit', '2')).toHaveLength(2);
  });

  it('--text searches the article texts (trigram index, and a scan under three characters)', async () => {
    // 防衛産業 is in the MOU article's text; every record of that article comes back, none of the others.
    const rows = await query('--text', '防衛産業');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.article.split('/').pop()))).toEqual(new Set(['ja-01-defence-mou.txt']));
    expect(rows.some((r) => !r.text.includes('防衛産業'))).toBe(true);
    // Two characters: no trigram, the same answer by scanning.
    const short = await query('--text', '覚書');
    expect(short.length).toBeGreaterThan(0);
    expect(await query('--text', 'no such words in any article')).toEqual([]);
    // Query syntax in the needle is text, not FTS5 operators.
    expect(await query('--text', '"OR" NEAR(')).toEqual([]);
    const hits = await runCli(['query', db, '--text', 'LNG', '--articles', '--json']);
    expect(hits.code, hits.stderr).toBe(0);
    const found = JSON.parse(hits.stdout) as { path: string; snippet: string }[];
    expect(found.map((h) => h.path.split('/').pop())).toEqual(['en-07-lng-supply-deal.txt']);
    expect(found[0]!.snippet).toContain('【LNG】');
    expect((await runCli(['query', db, '--articles'])).code).toBe(2);
  });

  it('prints one line per record without --json; exit 2 on bad filters', async () => {
    const run = await runCli(['query', db, '--type', 'money']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2025-11-\d\d {2}\S+ {2}MONEY +\S.* → \d+(\.\d+)? [A-Z]{3}/m);
    expect(run.stderr).toMatch(/^\d+ records?$/m);
    expect((await runCli(['query', db, '--type', 'PERSON'])).code).toBe(2);
    expect((await runCli(['query', db, '--from', 'yesterday'])).code).toBe(2);
    expect((await runCli(['query', db, '--from', '2025', '--to', '2024'])).code).toBe(2);
    expect((await runCli(['query', '--help'])).stdout).toContain('--org <name>');
  });
});
