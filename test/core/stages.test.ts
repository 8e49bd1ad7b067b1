import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENTENCES, TOKENS, defineLayer } from '../../src/core/document.js';
import { KijiError } from '../../src/core/errors.js';
import { defineStage } from '../../src/core/stage.js';
import { createPipeline } from '../../src/pipeline.js';
import { STAGES } from '../../src/stages/index.js';

const NOTES = defineLayer<string[]>('notes');

/** A stage with a counted resource, to see when the pipeline loads what. */
function counted() {
  const loads: string[] = [];
  const stage = (name: string, options: { provides: Parameters<typeof defineStage>[0]['provides']; requires?: Parameters<typeof defineStage>[0]['requires'] }) =>
    defineStage({
      name,
      languages: ['ja', 'en'],
      requires: options.requires ?? [],
      provides: options.provides,
      load: async () => {
        loads.push(name);
        return name;
      },
      create: ({ resource }) => (doc) => {
        if (options.provides.includes(NOTES)) doc.set(NOTES, [resource]);
      },
    });
  return { loads, stage };
}

describe('building a pipeline', () => {
  it('fails when it is built, with E_STAGE_ORDER, if a stage requires a layer no earlier stage provides', async () => {
    const reader = defineStage({ name: 'reader', languages: ['ja'], requires: [NOTES], provides: ['DATE'], create: () => () => [] });
    const writer = defineStage({ name: 'writer', languages: ['ja'], requires: [], provides: [NOTES], create: () => (doc) => doc.set(NOTES, []) });
    const error = await createPipeline({ language: 'ja' }, [reader]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KijiError);
    expect((error as KijiError).code).toBe('E_STAGE_ORDER');
    expect((error as KijiError).message).toMatch(/stage "reader" \(ja\) requires notes/);
    // Provided, but too late: the same error.
    await expect(createPipeline({ language: 'ja' }, [reader, writer])).rejects.toMatchObject({ code: 'E_STAGE_ORDER' });
    // In order: built.
    await expect(createPipeline({ language: 'ja' }, [writer, reader])).resolves.toMatchObject({ stages: { ja: ['writer', 'reader'] } });
  });

  it('loads a resource only for a stage that will run, once', async () => {
    const { loads, stage } = counted();
    const needed = stage('needed', { provides: [NOTES] });
    const unused = stage('unused', { provides: [defineLayer<string[]>('unused')] });
    const reader = defineStage({ name: 'reader', languages: ['ja', 'en'], requires: [NOTES], provides: ['ORG'], create: () => (doc) => (doc.get(NOTES).length ? [] : []) });
    const pipeline = await createPipeline({}, [needed, unused, reader]);
    expect(loads).toEqual(['needed']);
    expect(pipeline.stages).toEqual({ ja: ['needed', 'reader'], en: ['needed', 'reader'] });
  });

  it('loads through load(): the tokenizer, and the orgs tagger only when the config switches the model on (the default)', async () => {
    const loadsOf = (timings: Record<string, number>) => Object.keys(timings).filter((k) => k.startsWith('load:')).sort();
    const rules = await createPipeline({ language: 'ja', stages: { agreements: false }, orgs: { model: false } });
    expect(loadsOf(rules.stageTimings())).toEqual(['load:orgs', 'load:tokenize']);
    const model = await createPipeline({ language: 'ja', stages: { agreements: false } });
    expect(loadsOf(model.stageTimings())).toEqual(['load:orgs', 'load:tokenize']);
    // The model pipeline tags with the model: its records name it in their rule.
    const text = '防衛省は日本の行政機関である。国際協力機構も発表した。';
    expect(model.process({ text }).records.some((r) => r.type === 'ORG' && r.rule.startsWith('ja.org.model'))).toBe(true);
    expect(rules.process({ text }).records.some((r) => r.rule.startsWith('ja.org.model'))).toBe(false);
  });

  it('treats the records of a stage switched off as present and empty, and skips what only it needed', async () => {
    const pipeline = await createPipeline({ language: 'ja', stages: { orgs: false, agreements: false, dates: false } });
    // Nothing left reads tokens: kuromoji is neither loaded nor run.
    expect(pipeline.stages.ja).toEqual(['sentences', 'money']);
    // Dates read the tokens for a partial date's tense (大晦日も出動した), so they keep the tokenizer.
    const datesOnly = await createPipeline({ language: 'ja', stages: { orgs: false, agreements: false } });
    expect(datesOnly.stages.ja).toEqual(['sentences', 'tokenize', 'dates', 'money']);
    const withAgreements = await createPipeline({ language: 'ja', stages: { orgs: false, dates: false } });
    expect(withAgreements.stages.ja).toEqual(['sentences', 'tokenize', 'token-features', 'money', 'agreements']);
  });

  it('runs no sentence splitting and no tokenizer for English: its stages read the compromise analysis', async () => {
    const pipeline = await createPipeline({ language: 'en' });
    expect(pipeline.stages.ja).toEqual([]);
    expect(pipeline.stages.en).toEqual(['en.analysis', 'en.dates', 'en.money', 'en.orgs', 'en.agreements']);
  });

  it('a stage reading a layer it did not require fails with a coded error naming the layer', async () => {
    const sneaky = defineStage({ name: 'sneaky', languages: ['ja'], requires: [], provides: ['DATE'], create: () => (doc) => (doc.get(NOTES).length ? [] : []) });
    const pipeline = await createPipeline({ language: 'ja' }, [sneaky]);
    expect(() => pipeline.process({ text: '本文。' })).toThrow(/the layer "notes" was read before any stage provided it/);
  });

  it('every stage of the real list declares its layers by the same names the kernel uses', () => {
    const names = new Set(STAGES.flatMap((s) => s.provides));
    expect([...names]).toEqual(expect.arrayContaining([SENTENCES.name, TOKENS.name, 'token-features', 'en.analysis', 'DATE', 'MONEY', 'ORG', 'AGREEMENT']));
    for (const stage of STAGES) expect(new Set(stage.provides).size).toBe(stage.provides.length);
  });
});

describe('the kernel knows no stage', () => {
  const root = join(import.meta.dirname, '../../src');
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1]!);

  it('src/core imports nothing from src/stages, the composition root or the CLI', () => {
    const offending: string[] = [];
    for (const file of readdirSync(join(root, 'core'))) {
      for (const spec of importsOf(join(root, 'core', file))) {
        if (/^\.\.\/(stages|pipeline|cli|batch|store|report)\b/.test(spec) || /kuromoji|compromise/.test(spec)) offending.push(`core/${file} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('only the CLI imports the CLI: the library (report, store, batch, …) is a layer below it', () => {
    const offending: string[] = [];
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      const relative = file.slice(root.length + 1);
      if (relative.startsWith('cli/')) continue;
      for (const spec of importsOf(file)) if (/(^|\/)cli\//.test(spec)) offending.push(`${relative} → ${spec}`);
    }
    expect(offending).toEqual([]);
  });

  it('regular expressions are quoted in one place (core/regex.ts), not by copies of its replace', () => {
    const copies: string[] = [];
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      if (file === join(root, 'core', 'regex.ts')) continue;
      if (readFileSync(file, 'utf8').includes("'\\\\$&'")) copies.push(file.slice(root.length + 1));
    }
    expect(copies).toEqual([]);
  });

    it('the overlap test is core/spans.ts\'s overlaps(), not written out again', () => {
    const copies: string[] = [];
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      if (file === join(root, 'core', 'spans.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(\w+)\.start < (\w+)\.end && \2\.start < \1\.end/g)) copies.push(`${file.slice(root.length + 1)}: ${m[0]}`);
    }
    expect(copies).toEqual([]);
  });

    it('core/errors.ts is a leaf (imports nothing), so text/ and schema/ may use it without a cycle', () => {
    expect(importsOf(join(root, 'core', 'errors.ts'))).toEqual([]);
  });
});
