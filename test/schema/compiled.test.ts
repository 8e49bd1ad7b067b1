import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mulberry32 } from '../../src/core/random.js';
import { compileSchema, parserOf, REJECTED } from '../../src/schema/compiled.js';
import { DateRecordSchema, KijiRecordSchema, MoneyRecordSchema, OrgRecordSchema } from '../../src/schema/records.js';

const fixtures = join(import.meta.dirname, '../../fixtures/articles');
/** Every record the fixture articles expect: valid records of every type and shape kiji makes. */
const records: unknown[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.expected.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(fixtures, f), 'utf8')) as { records?: unknown[] }).records ?? []);

/** zod's answer: its parse output, or REJECTED. */
const byZod = (schema: z.ZodType, v: unknown) => {
  const parsed = schema.safeParse(v);
  return parsed.success ? parsed.data : REJECTED;
};
/** Same value and the same key order everywhere (what JSON output shows). */
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

const WRONG: unknown[] = [undefined, null, -1, 1.5, 0, NaN, Infinity, '', 'x', 'XYZ', '2025-13', true, [], ['month'], {}, { x: 1 }];

/** `record` with one field (or a field of its value) changed, added or removed. */
function mutate(record: Record<string, unknown>, random: () => number): Record<string, unknown> {
  const copy = structuredClone(record);
  const target = random() < 0.5 && typeof copy.value === 'object' && copy.value !== null ? (copy.value as Record<string, unknown>) : copy;
  const keys = [...Object.keys(target), 'extra', 'mod', 'alias', 'kind', 'amountMax', 'date'];
  const key = keys[Math.floor(random() * keys.length)]!;
  const roll = random();
  if (roll < 0.15) delete target[key];
  else target[key] = WRONG[Math.floor(random() * WRONG.length)];
  return copy;
}

describe('compiled record schema', () => {
  it('compiles the DATE, MONEY and ORG schemas (the AGREEMENT value has a refinement: zod checks those)', () => {
    expect(compileSchema(DateRecordSchema)).toBeDefined();
    expect(compileSchema(MoneyRecordSchema)).toBeDefined();
    expect(compileSchema(OrgRecordSchema)).toBeDefined();
    expect(compileSchema(KijiRecordSchema)).toBeDefined();
  });

  it('gives what zod gives for every fixture record, keys reordered as zod orders them', () => {
    expect(records.length).toBeGreaterThan(100);
    const parse = parserOf(KijiRecordSchema);
    for (const record of records) {
      const reversed = Object.fromEntries(Object.entries(record as object).reverse());
      same(parse(reversed), byZod(KijiRecordSchema, reversed));
      expect(parse(record)).not.toBe(REJECTED);
    }
  });

  it('accepts exactly what zod accepts, for 20,000 records with one field broken', () => {
    const parse = parserOf(KijiRecordSchema);
    const random = mulberry32(19);
    let rejected = 0;
    for (let i = 0; i < 20000; i++) {
      const broken = mutate(records[Math.floor(random() * records.length)] as Record<string, unknown>, random);
      const mine = parse(broken);
      same(mine, byZod(KijiRecordSchema, broken));
      if (mine === REJECTED) rejected++;
    }
    expect(rejected).toBeGreaterThan(5000);
  });

  it('falls back to zod for what it does not compile', () => {
    const refined = z.object({ a: z.number() }).strict().refine((v) => v.a > 1);
    expect(compileSchema(refined)).toBeUndefined();
    expect(compileSchema(z.string().email())).toBeUndefined();
    expect(compileSchema(z.object({ a: z.number() }))).toBeUndefined(); // not strict: zod strips unknown keys
    expect(parserOf(refined)({ a: 2 })).toEqual({ a: 2 });
    expect(parserOf(refined)({ a: 1 })).toBe(REJECTED);
  });
});
