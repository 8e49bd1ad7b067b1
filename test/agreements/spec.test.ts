import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type AgreementRecord, type Pipeline } from '../../src/index.js';

interface AgreementCase {
  text: string;
  expect: { text: string; kind: string; date?: string; parties?: string[] }[];
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
      if (e.date) expect(a.value.date).toBe(e.date);
      if (e.parties) expect(a.value.parties ?? []).toEqual(expect.arrayContaining(e.parties));
    });
  });

  it('takes extra heads from the config', async () => {
    const custom = await createPipeline({ lexicons: { agreementHeads: [{ head: '協力計画', kind: 'framework' }] } });
    const found = custom.process({ text: '両国は海洋監視協力計画に署名した。' }).records.filter((r) => r.type === 'AGREEMENT');
    expect(found.map((r) => [r.text, r.type === 'AGREEMENT' && r.value.kind])).toEqual([['海洋監視協力計画', 'framework']]);
  });
});
