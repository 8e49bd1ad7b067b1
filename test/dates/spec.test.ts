import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';
import type { DateRecord } from '../../src/schema/records.js';

/**
 * The date spec table (fixtures/specs/dates/*.json), run through the public pipeline with the reference date
 * pinned per case (`ref` → publishedAt). Values are calendar arithmetic in UTC, so no case depends on the host zone.
 */
interface ExpectedDate {
  text: string;
  value: string | null;
  mod?: string;
  kind?: string;
  startDate?: string;
  endDate?: string;
  rule?: string;
  implied?: string[];
}
interface SpecCase {
  form: string;
  input: string;
  ref?: string;
  expected: ExpectedDate[];
  skip?: string;
}

const specDir = join(import.meta.dirname, '../../fixtures/specs/dates');
const files = readdirSync(specDir).filter((f) => f.endsWith('.json')).sort();

let pipeline: Pipeline;
beforeAll(async () => {
  // Dates alone, Japanese forced: the table pins this stage's output, not the cross-type overlap rules.
  pipeline = await createPipeline({ language: 'ja', stages: { dates: true, money: false, orgs: false, agreements: false } });
});

/** The record, projected onto the keys the case checks (text, value and mod always). */
function project(record: DateRecord, expected: ExpectedDate): ExpectedDate {
  const out: ExpectedDate = { text: record.text, value: record.value };
  if (record.mod || expected.mod) out.mod = record.mod as string;
  for (const key of ['kind', 'startDate', 'endDate', 'rule', 'implied'] as const) {
    if (expected[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = record[key];
  }
  return out;
}

for (const file of files) {
  const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { cases: SpecCase[] };
  describe(`dates spec ${file}`, () => {
    for (const c of spec.cases) {
      const test = c.skip ? it.skip : it;
      test(`${c.form}: ${c.input}`, () => {
        const result = pipeline.process({ id: c.form, text: c.input, ...(c.ref ? { publishedAt: c.ref } : {}) });
        const dates = result.records.filter((r): r is DateRecord => r.type === 'DATE');
        expect(dates.map((d, i) => project(d, c.expected[i] ?? { text: '', value: null }))).toEqual(c.expected);
        for (const d of dates) expect(c.input.slice(d.start, d.end)).toBe(d.text);
      });
    }
  });
}
