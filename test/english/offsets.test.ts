import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';

/**
 * compromise runs on the normalized text, so its offsets are normalized offsets; every English record
 * is mapped to the raw text through `doc.rawSpan`. These cases put characters that normalization
 * changes (full-width forms, digit commas, NBSP) or that are two UTF-16 units (emoji, 𠮷) before and
 * inside records.
 */
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline({ language: 'en' });
});

describe('English record offsets point into the raw text', () => {
  it.each([
    ['😀 The Pentagon pledged ＄１３０ million on Nov.\u00a02, said “Toyota Motor Corp.” officials 𠮷.', ['Pentagon', '＄１３０ million', 'Nov.\u00a02', 'Toyota Motor Corp.']],
    ['𠮷田 said the U.S. Department of Defense paid US$1,250,000 in late 2026 👍 under a memorandum of understanding.', ['U.S. Department of Defense', 'US$1,250,000', 'late 2026', 'memorandum of understanding']],
    ['Ｔｈｅ Ａｓｓｏｃｉａｔｉｏｎ of Southeast Asian Nations (ＡＳＥＡＮ) met in 2011.', ['Ａｓｓｏｃｉａｔｉｏｎ of Southeast Asian Nations', 'ＡＳＥＡＮ', '2011']],
  ])('%s', (text, expected) => {
    const result = pipeline.process({ text, publishedAt: '2025-11-03' });
    for (const record of result.records) expect(text.slice(record.start, record.end)).toBe(record.text);
    expect(result.records.map((r) => r.text)).toEqual(expected);
  });

  it('reads exact amounts through digit commas and full-width digits', () => {
    const records = pipeline.process({ text: 'It paid US$1,250,000 and ＄１３０ million.' }).records;
    expect(records.map((r) => (r.type === 'MONEY' ? r.value.amountText : null))).toEqual(['1250000', '130000000']);
  });
});
