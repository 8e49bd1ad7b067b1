import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { KijiError } from '../../src/core/errors.js';
import { STAGES } from '../../src/stages/index.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({});
});

describe('createPipeline', () => {
  it('builds one stage list per language with tokenization before extraction', () => {
    expect(pipeline.stages.ja.slice(0, 2)).toEqual(['sentences', 'tokenize']);
    expect(pipeline.stages.ja).toEqual(expect.arrayContaining(['dates', 'money', 'orgs', 'agreements']));
  });

  it('keeps raw.slice(start, end) === text with surrogate pairs and emoji before and between records', () => {
    const text = '𠮷田😀記者によると、２０２５年１１月２日に国防省は１億３，０００万ドルを拠出した。👍𠮷😀同日、協定に署名した。';
    const result = pipeline.process({ id: 'offsets', text, publishedAt: '2025-11-04' });
    expect(result.records.length).toBeGreaterThanOrEqual(3);
    for (const record of result.records) {
      expect(text.slice(record.start, record.end)).toBe(record.text);
    }
    expect(result.records.map((r) => r.type)).toEqual(expect.arrayContaining(['DATE', 'MONEY', 'ORG']));
    const date = result.records.find((r) => r.type === 'DATE');
    expect(date?.text).toBe('２０２５年１１月２日');
    const money = result.records.find((r) => r.type === 'MONEY');
    expect(money?.type === 'MONEY' && money.value.amountText).toBe('130000000');
  });

  it('rejects unknown config keys, naming the key', async () => {
    await expect(createPipeline({ databse: 'x.sqlite' } as never)).rejects.toThrow(/unknown key "databse"/);
    await expect(createPipeline({ lexicons: { orgs: [] } } as never)).rejects.toBeInstanceOf(KijiError);
  });

  it('reports the reference date it used', () => {
    expect(pipeline.process({ text: '本日の発表。', publishedAt: '2011-10-02T10:00:00+0900' }).publishedAt).toBe('2011-10-02');
    expect(pipeline.process({ text: '本日の発表。' }).publishedAt).toBeUndefined();
  });
});

describe('a lazy pipeline (what batch workers build)', () => {
  it('builds a language only when asked, and gives the same records as an eager pipeline', async () => {
    const built: string[] = [];
    const counting = STAGES.map((stage) => ({ ...stage, build: (config: Parameters<typeof stage.build>[0]) => (built.push(stage.name), stage.build(config)) }));
    const lazy = await createPipeline({}, counting, { lazy: true });
    expect(built).toEqual([]);
    expect(lazy.isLoaded('ja')).toBe(false);
    const en = { id: 'en', text: 'Japan and Vietnam signed a memorandum on 2 November 2025 in Hanoi.', publishedAt: '2025-11-04' };
    expect(lazy.languageOf(en.text)).toBe('en');
    expect(() => lazy.process(en)).toThrow(/not loaded: await pipeline.load\('en'\)/);
    await lazy.load('ja');
    expect(lazy.isLoaded('ja')).toBe(true);
    expect(lazy.isLoaded('en')).toBe(false); // compromise not loaded for Japanese articles
    const ja = { id: 'ja', text: '２０２５年１１月２日、国防省は１億ドルを拠出した。', publishedAt: '2025-11-04' };
    expect(lazy.process(ja)).toEqual(pipeline.process(ja));
    expect(built).not.toContain('en.analysis');
    await lazy.load('en');
    expect(built.filter((name) => name === 'sentences')).toHaveLength(1); // shared by both languages, built once
    expect(built).toContain('en.analysis');
    expect(lazy.process(en)).toEqual(pipeline.process(en));
  });
});
