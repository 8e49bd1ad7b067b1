import { readFileSync } from 'node:fs';
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
const spec = JSON.parse(readFileSync(new URL('../../fixtures/specs/agreements/cases.json', import.meta.url), 'utf8')) as { ref: string; cases: AgreementCase[] };

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({});
});

const agreementsOf = (p: Pipeline, text: string) => p.process({ text, publishedAt: spec.ref }).records.filter((r): r is AgreementRecord => r.type === 'AGREEMENT');

describe('agreements (fixtures/specs/agreements/cases.json)', () => {
  it('has at least 40 cases, positives and negatives', () => {
    expect(spec.cases.length).toBeGreaterThanOrEqual(40);
    expect(spec.cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(spec.cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const found = agreementsOf(pipeline, c.text);
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
  });

  it('takes extra heads from the config', async () => {
    const custom = await createPipeline({ lexicons: { agreementHeads: [{ head: '協力計画', kind: 'framework' }] } });
    const found = custom.process({ text: '両国は海洋監視協力計画に署名した。' }).records.filter((r) => r.type === 'AGREEMENT');
    expect(found.map((r) => [r.text, r.type === 'AGREEMENT' && r.value.kind])).toEqual([['海洋監視協力計画', 'framework']]);
  });
});
