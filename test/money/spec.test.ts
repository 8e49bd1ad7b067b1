import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type MoneyRecord, type Pipeline } from '../../src/index.js';

/** The money spec table (fixtures/specs/money/*.json), run through the public pipeline. */
interface ExpectedMoney {
  text: string;
  amountText: string | null;
  currency: string;
  mod?: string;
  amountMaxText?: string;
  vague?: boolean;
  rule?: string;
}
interface SpecCase {
  form: string;
  input: string;
  expected: ExpectedMoney[];
  skip?: string;
}

const specDir = join(import.meta.dirname, '../../fixtures/specs/money');
const files = readdirSync(specDir).filter((f) => f.endsWith('.json')).sort();

let pipeline: Pipeline;
beforeAll(async () => {
  // Money alone, Japanese forced: the table pins this stage's output, not the cross-type overlap rules.
  pipeline = await createPipeline({ language: 'ja', stages: { dates: false, money: true, orgs: false, agreements: false } });
});

function project(record: MoneyRecord): ExpectedMoney {
  const { value } = record;
  return {
    text: record.text,
    amountText: value.amountText,
    currency: value.currency,
    ...(value.mod ? { mod: value.mod } : {}),
    ...(value.amountMaxText ? { amountMaxText: value.amountMaxText } : {}),
    ...(value.vague ? { vague: true } : {}),
  };
}

for (const file of files) {
  const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { cases: SpecCase[] };
  describe(`money spec ${file}`, () => {
    for (const c of spec.cases) {
      const test = c.skip ? it.skip : it;
      test(`${c.form}: ${c.input}`, () => {
        const result = pipeline.process({ id: c.form, text: c.input });
        const money = result.records.filter((r): r is MoneyRecord => r.type === 'MONEY');
        expect(money.map(project)).toEqual(c.expected.map(({ rule: _rule, ...rest }) => rest));
        c.expected.forEach((e, i) => {
          if (e.rule) expect(money[i]!.rule).toBe(e.rule);
          const value = money[i]!.value;
          // amount is exactly Number(amountText), never computed in floating point
          expect(value.amount).toBe(value.amountText === null ? null : Number(value.amountText));
          expect(c.input.slice(money[i]!.start, money[i]!.end)).toBe(e.text);
        });
      });
    }
  });
}
