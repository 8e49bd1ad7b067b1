import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toEvalSpan } from '../../src/eval/spans.js';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { readArticleFile } from '../../src/text/read-article.js';

/**
 * "Figures only go up": the pipeline on the project's own fixture articles (fixtures/articles, hand gold in
 * fixtures/gold/{ja,en}.jsonl), read from their files exactly as `kiji run` reads them (Shift_JIS, EUC-JP,
 * HTML) and scored by the shared scorer (score.mjs as a child process). Fails when a figure drops more than
 * one point below what was reached.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');

type Metric = 'lenientF1' | 'strictF1' | 'valueAcc';
/** Reached on 2026-11-22, as fractions. */
const FLOORS: Record<'ja' | 'en', Record<string, Partial<Record<Metric, number>>>> = {
  ja: {
    DATE: { lenientF1: 0.981, strictF1: 0.966, valueAcc: 0.992 },
    MONEY: { lenientF1: 1.0, strictF1: 1.0, valueAcc: 1.0 },
    ORG: { lenientF1: 0.959, strictF1: 0.931 },
    AGREEMENT: { lenientF1: 0.977, strictF1: 0.93, valueAcc: 0.952 },
  },
  en: {
    DATE: { lenientF1: 0.994, strictF1: 0.958, valueAcc: 1.0 },
    MONEY: { lenientF1: 1.0, strictF1: 1.0, valueAcc: 1.0 },
    ORG: { lenientF1: 0.988, strictF1: 0.988 },
    AGREEMENT: { lenientF1: 1.0, strictF1: 0.952, valueAcc: 1.0 },
  },
};
const SLACK = 0.01;

interface GoldDoc {
  id: string;
  ref?: string;
}

for (const lang of ['ja', 'en'] as const) {
  const goldPath = join(repoRoot, `fixtures/gold/${lang}.jsonl`);
  describe.skipIf(!existsSync(scorer) || !existsSync(goldPath))(`${lang} fixture scores (needs ${scorer}; set KIJI_EVAL_DIR to run)`, () => {
    let rows: Record<string, number | string>[];
    beforeAll(async () => {
      const pipeline: Pipeline = await createPipeline({});
      const work = mkdtempSync(join(tmpdir(), `kiji-fixture-eval-${lang}-`));
      const docs = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
      const lines: string[] = [];
      for (const d of docs) {
        const article = await readArticleFile(join(repoRoot, 'fixtures/articles', d.id));
        const result = pipeline.process({ id: d.id, text: article.text, ...(d.ref ? { publishedAt: d.ref } : {}) });
        expect(result.lang, d.id).toBe(lang);
        lines.push(JSON.stringify({ id: d.id, spans: result.records.map(toEvalSpan) }));
      }
      const pred = join(work, 'pred.jsonl');
      writeFileSync(pred, `${lines.join('\n')}\n`);
      const out = execFileSync(process.execPath, [scorer, goldPath, pred, '--json', '--types', Object.keys(FLOORS[lang]).join(',')], { encoding: 'utf8' });
      rows = (JSON.parse(out) as { rows: Record<string, number | string>[] }).rows;
    });

    for (const [type, floor] of Object.entries(FLOORS[lang])) {
      it(`${type} stays within a point of ${JSON.stringify(floor)}`, () => {
        const row = rows.find((r) => r.type === type)!;
        console.log(`${lang} ${type}: ${Object.keys(floor).map((m) => `${m} ${Number(row[m]).toFixed(3)}`).join(', ')}`);
        for (const [metric, reached] of Object.entries(floor)) {
          expect(row[metric], `${lang} ${type} ${metric}`).toBeGreaterThanOrEqual(reached - SLACK);
        }
      });
    }
  });
}
