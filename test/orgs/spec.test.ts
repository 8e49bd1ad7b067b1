import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type OrgRecord, type Pipeline } from '../../src/index.js';

interface OrgCase {
  text: string;
  /** A name only the tagger finds (the rules have no candidate for it): the rules-only run leaves the case out. */
  taggerOnly?: boolean;
  expect: { text: string; name?: string; kind?: string; alias?: boolean }[];
}
const spec = JSON.parse(readFileSync(new URL('../../fixtures/specs/orgs/cases.json', import.meta.url), 'utf8')) as { cases: OrgCase[] };

let pipeline: Pipeline;
let rules: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({});
  rules = await createPipeline({ orgs: { model: false } });
});

const orgsOf = (p: Pipeline, text: string) => p.process({ text }).records.filter((r): r is OrgRecord => r.type === 'ORG');

function expectCase(p: Pipeline, c: OrgCase): void {
  const orgs = orgsOf(p, c.text);
  expect(orgs.map((o) => o.text)).toEqual(c.expect.map((e) => e.text));
  c.expect.forEach((e, i) => {
    const o = orgs[i]!;
    if (e.name) expect(o.value.name).toBe(e.name);
    if (e.kind) expect(o.value.kind).toBe(e.kind);
    expect(o.value.alias ?? false).toBe(e.alias ?? false);
  });
}

/**
 * Cases where the tagger (the default) answers otherwise than the rules, and why. The test checks that
 * they still differ, so a case that the tagger comes to meet has to leave this list.
 */
const TAGGER_DIFFERS: Record<string, string> = {
  '陸上自衛隊第1空挺団が降下訓練を行った。': 'the training data writes a unit with the body it belongs to as one name',
  '世界知的所有権機関との連携を深める。': 'the model sees no name in 世界知的所有権機関',
};

describe('organisations, rules only (orgs: { model: false }; fixtures/specs/orgs/cases.json)', () => {
  it.each(spec.cases.filter((c) => !c.taggerOnly).map((c) => [c.text, c] as const))('%s', (_text, c) => expectCase(rules, c));
});

describe('organisations with the tagger, the default (fixtures/specs/orgs/cases.json)', () => {
  it.each(spec.cases.filter((c) => !(c.text in TAGGER_DIFFERS)).map((c) => [c.text, c] as const))('%s', (_text, c) => expectCase(pipeline, c));
  it.each(Object.entries(TAGGER_DIFFERS))('%s differs: %s', (text) => {
    const c = spec.cases.find((k) => k.text === text)!;
    expect(c, 'a case of TAGGER_DIFFERS is in cases.json').toBeDefined();
    expect(() => expectCase(pipeline, c)).toThrow();
  });
});

describe('organisation lexicon from the config', () => {
  it('matches user names and aliases with their canonical name and kind', async () => {
    const custom = await createPipeline({ lexicons: { organisations: [{ name: 'ミライ港湾サービス', aliases: ['MPS'], kind: 'company' }] } });
    const orgs = orgsOf(custom, 'ミライ港湾サービスは拡張を発表した。MPSの株価は上昇した。');
    expect(orgs.map((o) => [o.text, o.value.name, o.value.kind, o.value.alias ?? false])).toEqual([
      ['ミライ港湾サービス', 'ミライ港湾サービス', 'company', false],
      ['MPS', 'ミライ港湾サービス', 'company', true],
    ]);
  });

  it('keeps raw offsets when the name is written in full-width characters', () => {
    const text = '提携先は㈱北陸経済研究所とＡＢＣ銀行。';
    for (const o of orgsOf(pipeline, text)) expect(text.slice(o.start, o.end)).toBe(o.text);
    expect(orgsOf(pipeline, text).map((o) => o.value.name)).toEqual(['北陸経済研究所', 'ABC銀行']);
  });
});
