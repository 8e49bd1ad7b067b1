import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type ArticleInput, type Pipeline } from '../../src/index.js';
import { defineStage } from '../../src/core/stage.js';
import { STAGES } from '../../src/stages/index.js';

/** processBatch runs each stage over the whole batch; what it gives must be what process gives each article. */
const fixtures = resolve(import.meta.dirname, '../../fixtures/articles');
const articles: ArticleInput[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f, text: readFileSync(join(fixtures, f), 'utf8'), publishedAt: '2025-11-04' }));

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({ language: 'auto' });
});

describe('processBatch', () => {
  it('gives every article what process gives it, Japanese and English mixed, in order', () => {
    expect(articles.some((a) => pipeline.languageOf(a.text) === 'en')).toBe(true);
    const outcomes = pipeline.processBatch(articles);
    expect(outcomes).toHaveLength(articles.length);
    outcomes.forEach((outcome, i) => {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.result).toEqual(pipeline.process(articles[i]!));
    });
  });

  it('reports one article’s error in its place and goes on with the others', () => {
    const bad = { id: 'bad', text: '本日の発表。', publishedAt: 'not a date' };
    const outcomes = pipeline.processBatch([articles[0]!, bad, articles[1]!]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]!.ok === false && (outcomes[1]!.error as { code?: string }).code).toBe(
      (() => {
        try {
          pipeline.process(bad);
        } catch (error) {
          return (error as { code?: string }).code;
        }
        return undefined;
      })(),
    );
    expect(outcomes[2]).toEqual({ ok: true, result: pipeline.process(articles[1]!) });
  });

  it('leaves an article a stage throws on out of the stages after it, and the other articles in', async () => {
    const seen: string[] = [];
    const picky = defineStage({
      name: 'picky',
      languages: ['ja'],
      requires: [],
      provides: ['MONEY'],
      create: () => (doc) => {
        if (doc.raw.includes('壊れた')) throw new Error('picky cannot read this one');
        return [];
      },
    });
    const after = defineStage({
      name: 'after',
      languages: ['ja'],
      requires: [],
      provides: ['DATE'],
      create: () => (doc) => {
        seen.push(doc.raw);
        return [];
      },
    });
    const custom = await createPipeline({}, [...STAGES.filter((s) => s.name === 'sentences'), picky, after]);
    const outcomes = custom.processBatch([{ text: '一つ目の記事。' }, { text: '壊れた記事。' }, { text: '三つ目の記事。' }]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]!.ok === false && String(outcomes[1]!.error)).toMatch(/picky cannot read this one/);
    expect(seen).toEqual(['一つ目の記事。', '三つ目の記事。']);
  });

  it('gives nothing for no articles', () => {
    expect(pipeline.processBatch([])).toEqual([]);
  });
});
