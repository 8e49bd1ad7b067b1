import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type KijiRecord, type Pipeline } from '../../src/index.js';

/**
 * English spec tables (fixtures/specs/english/*.json): one case per form the English issue lists, plus
 * negatives. Each case runs through `createPipeline` with language detection on, so routing is tested
 * too; `expect` lists every record of the file's type, in order.
 */
interface Expected {
  text: string;
  value?: string;
  mod?: string;
  amountText?: string;
  currency?: string;
  name?: string;
  alias?: boolean;
  kind?: string;
  date?: string | null;
  dateRelation?: string;
  parties?: string[];
  /** The parties, all of them (any order): an organisation or place that is merely in the sentence must not be one. */
  partiesExactly?: string[];
}
interface SpecFile {
  description: string;
  type: KijiRecord['type'];
  ref: string;
  cases: { text: string; ref?: string; expect: Expected[] }[];
}

const dir = new URL('../../fixtures/specs/english/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({});
});

for (const file of files) {
  const spec = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as SpecFile;
  describe(`english ${spec.type} (fixtures/specs/english/${file})`, () => {
    it('has positives and negatives', () => {
      expect(spec.cases.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(10);
      expect(spec.cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(3);
    });

    it.each(spec.cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
      const result = pipeline.process({ text: c.text, publishedAt: c.ref ?? spec.ref });
      expect(result.lang).toBe('en');
      const found = result.records.filter((r) => r.type === spec.type);
      expect(found.map((r) => r.text)).toEqual(c.expect.map((e) => e.text));
      c.expect.forEach((e, i) => {
        const r = found[i]!;
        expect(c.text.slice(r.start, r.end)).toBe(r.text);
        if (r.type === 'DATE') {
          if (e.value !== undefined) expect(r.value).toBe(e.value);
          expect(r.mod).toBe(e.mod);
        } else if (r.type === 'MONEY') {
          expect(r.value.amountText).toBe(e.amountText);
          expect(r.value.currency).toBe(e.currency);
          expect(r.value.mod).toBe(e.mod);
        } else if (r.type === 'ORG') {
          if (e.name !== undefined) expect(r.value.name).toBe(e.name);
          expect(r.value.alias ?? false).toBe(e.alias ?? false);
        } else {
          expect(r.value.kind).toBe(e.kind);
          if (e.date === null) expect(r.value.date, 'no date of its own clause').toBeUndefined();
          else if (e.date !== undefined) expect(r.value.date).toBe(e.date);
          if (e.dateRelation !== undefined) expect(r.value.dateRelation).toBe(e.dateRelation);
          if (e.parties) expect(r.value.parties ?? []).toEqual(expect.arrayContaining(e.parties));
          if (e.partiesExactly) expect([...(r.value.parties ?? [])].sort()).toEqual([...e.partiesExactly].sort());
          if (e.name !== undefined) expect(r.value.name).toBe(e.name);
          if (e.alias !== undefined) expect(r.value.alias ?? false).toBe(e.alias);
        }
      });
    });
  });
}

describe('english lexicons from the config', () => {
  it('finds configured organisations and their aliases, with the canonical name', async () => {
    const custom = await createPipeline({ language: 'en', lexicons: { organisations: [{ name: 'Mekong River Commission', aliases: ['MRC'], kind: 'international' }] } });
    const orgs = custom.process({ text: 'The Mekong River Commission warned of drought, and MRC staff flew to Vientiane.' }).records.filter((r) => r.type === 'ORG');
    expect(orgs.map((r) => [r.text, r.type === 'ORG' && r.value.name, r.type === 'ORG' && r.value.alias === true])).toEqual([
      ['Mekong River Commission', 'Mekong River Commission', false],
      ['MRC', 'Mekong River Commission', true],
    ]);
  });

  it('takes extra agreement heads from the config', async () => {
    const custom = await createPipeline({ language: 'en', lexicons: { agreementHeads: [{ head: 'roadmap', kind: 'framework' }] } });
    const found = custom.process({ text: 'Both sides adopted a maritime security roadmap.' }).records.filter((r) => r.type === 'AGREEMENT');
    expect(found.map((r) => [r.text, r.type === 'AGREEMENT' && r.value.kind])).toEqual([['maritime security roadmap', 'framework']]);
  });
});
