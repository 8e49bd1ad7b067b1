import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { parseDates } from '../../src/stages/dates/index.js';
import { normalizeText } from '../../src/text/normalize.js';

/**
 * "Figures only go up": the DATE scores reached on the shared dev sets, re-measured with the shared scorer
 * (score.mjs, run as a child process). Fails when a figure drops more than one point.
 *
 * Only documents with a gold DATE span or where the date stage finds a candidate are run: elsewhere kiji predicts
 * no DATE and there is no gold, so the score equals the whole file's, in a fraction of the time.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');

/**
 * Reached on 2026-11-22 with the pipeline forced to Japanese (lenient F1, strict F1, value accuracy), as fractions;
 * ud's strict F1 raised on 2026-12-02 (約 and other qualifiers of a length left outside the span).
 */
const FLOORS: Record<string, Record<string, number>> = {
  'ja-timex/dev.jsonl': { valueAcc: 0.984, lenientR: 0.961 },
  'recognizers-text-ja/dev-dates.jsonl': { lenientF1: 0.92, strictF1: 0.516 },
  'ud-japanese-gsd-ne/dev.jsonl': { lenientF1: 0.883, strictF1: 0.825 },
};
const SLACK = 0.01;

interface GoldDoc {
  id: string;
  text: string;
  ref?: string;
  spans: { type: string }[];
}

describe.skipIf(!existsSync(scorer))(`dates dev scores (needs ${evalDir}; set KIJI_EVAL_DIR to run)`, () => {
  let pipeline: Pipeline;
  const work = mkdtempSync(join(tmpdir(), 'kiji-dates-eval-'));
  beforeAll(async () => {
    pipeline = await createPipeline({ language: 'ja' });
  });

  for (const [file, floor] of Object.entries(FLOORS)) {
    it(`${file} stays within a point of ${JSON.stringify(floor)}`, () => {
      const docs = readFileSync(join(evalDir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc)
        .filter((d) => d.spans.some((s) => s.type === 'DATE') || parseDates(normalizeText(d.text).text, undefined).length > 0);
      const gold = join(work, 'gold.jsonl');
      const pred = join(work, 'pred.jsonl');
      writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
      writeFileSync(pred, docs.map((d) => {
        const result = pipeline.process({ id: d.id, text: d.text, ...(d.ref ? { publishedAt: d.ref } : {}) });
        return JSON.stringify({ id: d.id, spans: result.records });
      }).join('\n') + '\n');
      const out = execFileSync(process.execPath, [scorer, gold, pred, '--json', '--types', 'DATE'], { encoding: 'utf8' });
      const row = (JSON.parse(out) as { rows: Record<string, number | string>[] }).rows.find((r) => r.type === 'DATE')!;
      console.log(`${file}: ${Object.keys(floor).map((m) => `${m} ${Number(row[m as keyof typeof row]).toFixed(3)}`).join(', ')}`);
      for (const [metric, reached] of Object.entries(floor)) {
        expect(row[metric], metric).toBeGreaterThanOrEqual(reached - SLACK);
      }
    });
  }
});
