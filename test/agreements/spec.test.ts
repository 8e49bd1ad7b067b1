import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type AgreementRecord, type Pipeline } from '../../src/index.js';

interface AgreementCase {
  text: string;
  /**
   * Every AGREEMENT record, in order. `date: null`: no date (none in the agreement's own clause); `partiesExactly`: all
   * the parties, in any order (an organisation merely in the sentence is not one); `name`/`alias`: what a short form stands for.
   */
  expect: { text: string; kind: string; date?: string | null; dateRelation?: string; parties?: string[]; partiesExactly?: string[]; name?: string; alias?: boolean; key?: string }[];
}
interface SpecFile {
  ref: string;
  cases: AgreementCase[];
}
const dir = new URL('../../fixtures/specs/agreements/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as SpecFile;
const spec = read('cases.json');
/** Further tables (links.json, …): each with its own reference date. */
const more = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'cases.json').sort();

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({});
});

const agreementsOf = (p: Pipeline, text: string, ref = spec.ref) => p.process({ text, publishedAt: ref }).records.filter((r): r is AgreementRecord => r.type === 'AGREEMENT');

function check(found: AgreementRecord[], c: AgreementCase): void {
  expect(found.map((a) => a.text)).toEqual(c.expect.map((e) => e.text));
  c.expect.forEach((e, i) => {
    const a = found[i]!;
    expect(a.value.kind).toBe(e.kind);
    if (e.date === null) expect(a.value.date, 'no date of its own clause').toBeUndefined();
    else if (e.date) expect(a.value.date).toBe(e.date);
    if (e.dateRelation) expect(a.value.dateRelation).toBe(e.dateRelation);
    if (e.parties) expect(a.value.parties ?? []).toEqual(expect.arrayContaining(e.parties));
    if (e.partiesExactly) expect([...(a.value.parties ?? [])].sort()).toEqual([...e.partiesExactly].sort());
    if (e.name !== undefined) expect(a.value.name).toBe(e.name);
    if (e.alias !== undefined) expect(a.value.alias ?? false).toBe(e.alias);
    if (e.key !== undefined) expect(a.value.key).toBe(e.key);
  });
}

describe('agreements (fixtures/specs/agreements/cases.json)', () => {
  it('has at least 40 cases, positives and negatives', () => {
    expect(spec.cases.length).toBeGreaterThanOrEqual(40);
    expect(spec.cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(spec.cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    check(agreementsOf(pipeline, c.text), c);
  });

  it('takes extra heads from the config', async () => {
    const custom = await createPipeline({ lexicons: { agreementHeads: [{ head: '協力計画', kind: 'framework' }] } });
    const found = custom.process({ text: '両国は海洋監視協力計画に署名した。' }).records.filter((r) => r.type === 'AGREEMENT');
    expect(found.map((r) => [r.text, r.type === 'AGREEMENT' && r.value.kind])).toEqual([['海洋監視協力計画', 'framework']]);
  });
});

for (const file of more) {
  const table = read(file);
  describe(`agreements (fixtures/specs/agreements/${file})`, () => {
    it('has positives and negatives', () => {
      expect(table.cases.length).toBeGreaterThanOrEqual(5);
      expect(table.cases.some((c) => c.expect.some((e) => e.date === null || (e.partiesExactly?.length ?? 1) === 0) || c.expect.length === 0)).toBe(true);
    });
    it.each(table.cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
      check(agreementsOf(pipeline, c.text, table.ref), c);
    });
  });
}
