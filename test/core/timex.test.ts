import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timexDays } from '../../src/core/timex.js';
import { createPipeline } from '../../src/index.js';
import type { DateRecord } from '../../src/schema/records.js';

describe('timexDays: the days a TIMEX value covers', () => {
  it.each([
    ['2025-11-02', '2025-11-02', '2025-11-02'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['0800', '0800-01-01', '0800-12-31'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2021-W30', '2021-07-26', '2021-08-01'],
    ['2025-W44-WE', '2025-11-01', '2025-11-02'],
    ['2025-W44-3', '2025-10-29', '2025-10-29'],
    ['FY2025', '2025-04-01', '2026-03-31'],
    ['FY2025-H2', '2025-10-01', '2026-03-31'],
    ['FY2025-Q4', '2026-01-01', '2026-03-31'],
    ['2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-WI', '2025-12-01', '2026-02-28'],
    ['2025-SP', '2025-03-01', '2025-05-31'],
    ['199X', '1990-01-01', '1999-12-31'],
    ['20XX', '2001-01-01', '2100-12-31'],
    ['1995/2025', '1995-01-01', '2025-12-31'],
    ['2025-11-02/2025-11-03', '2025-11-02', '2025-11-03'],
    ['2025-04/2026-03', '2025-04-01', '2026-03-31'],
  ])('%s → %s … %s', (value, start, end) => {
    expect(timexDays(value)).toEqual({ start, end });
  });

  it.each(['XXXX-11-02', 'XXXX-WXX-WE', 'FYXXXX', 'P4Y', 'BC0500', 'BC04XX', '2025-13', '2025-02-30', '2025-W54', '2026/2025', 'now', '', null])('%s covers no known days', (value) => {
    expect(timexDays(value)).toBeUndefined();
  });
});

/**
 * The dates stages compute each record's days while they resolve it; the store computes an agreement's
 * from its value alone. Both must be one reading: every DATE the Japanese and English spec tables and the
 * fixture articles give (without a mod, which narrows the days) has exactly the days its value says.
 */
describe('the dates stages and timexDays agree', () => {
  it('on every DATE of the spec tables and the fixture articles', async () => {
    const root = join(import.meta.dirname, '../../fixtures');
    const inputs: { text: string; publishedAt?: string }[] = [];
    for (const file of ['specs/dates/forms.json', 'specs/dates/resolution.json']) {
      for (const c of (JSON.parse(readFileSync(join(root, file), 'utf8')) as { cases: { input: string; ref?: string }[] }).cases) {
        inputs.push({ text: c.input, ...(c.ref ? { publishedAt: c.ref } : {}) });
      }
    }
    const english = JSON.parse(readFileSync(join(root, 'specs/english/dates.json'), 'utf8')) as { ref?: string; cases: { text: string; ref?: string }[] };
    for (const c of english.cases) inputs.push({ text: c.text, ...(c.ref ?? english.ref ? { publishedAt: (c.ref ?? english.ref)! } : {}) });
    const fromFixtures: DateRecord[] = [];
    for (const file of readdirSync(join(root, 'articles')).filter((f) => f.endsWith('.expected.json'))) {
      const expected = JSON.parse(readFileSync(join(root, 'articles', file), 'utf8')) as { records: { type: string }[] };
      fromFixtures.push(...(expected.records.filter((r) => r.type === 'DATE') as DateRecord[]));
    }
    const pipeline = await createPipeline({ stages: { money: false, orgs: false, agreements: false } });
    const records = [...inputs.flatMap((input) => pipeline.process(input).records.filter((r): r is DateRecord => r.type === 'DATE')), ...fromFixtures];
    const checked = records.filter((r) => !r.mod && r.kind !== 'vague' && r.kind !== 'duration');
    expect(checked.length).toBeGreaterThan(300);
    const disagree = checked
      .map((r) => ({ text: r.text, value: r.value, stage: r.startDate ? { start: r.startDate, end: r.endDate } : undefined, timex: timexDays(r.value) }))
      .filter((d) => JSON.stringify(d.stage) !== JSON.stringify(d.timex));
    expect(disagree).toEqual([]);
  });
});
