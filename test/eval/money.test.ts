import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { moneyTriggers } from '../../src/stages/money/find.js';
import { normalizeText } from '../../src/text/normalize.js';

/**
 * "Figures only go up": the MONEY scores reached on the shared dev sets, re-measured with the shared
 * scorer (score.mjs, run as a child process). Fails when a figure drops more than one point.
 *
 * ud-japanese-gsd-ne has 6,509 sentences: only those with a gold MONEY span or where the money
 * stage's own trigger fires are run (elsewhere kiji cannot predict MONEY and there is no gold, so
 * the score is the same as on the whole file, in a fraction of the time).
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');

/** Reached on 2026-11-22 (lenient F1, strict F1, value accuracy), as fractions. */
const FLOORS = {
  'recognizers-text-ja/dev-money.jsonl': { lenientF1: 0.949, strictF1: 0.929, valueAcc: 0.936 },
  'ud-japanese-gsd-ne/dev.jsonl': { lenientF1: 0.931, strictF1: 0.931 },
} as const;
const SLACK = 0.01;

interface GoldDoc {
  id: string;
  text: string;
  ref?: string;
  spans: { type: string }[];
}

describe.skipIf(!existsSync(scorer))(`money dev scores (needs ${evalDir}; set KIJI_EVAL_DIR to run)`, () => {
  let pipeline: Pipeline;
  const work = mkdtempSync(join(tmpdir(), 'kiji-money-eval-'));
  beforeAll(async () => {
    pipeline = await createPipeline({ language: 'ja' });
  });

  for (const [file, floor] of Object.entries(FLOORS)) {
    it(`${file} stays within a point of ${JSON.stringify(floor)}`, () => {
      const docs = readFileSync(join(evalDir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc)
        .filter((d) => d.spans.some((s) => s.type === 'MONEY') || moneyTriggers(normalizeText(d.text).text) !== 0);
      const gold = join(work, 'gold.jsonl');
      const pred = join(work, 'pred.jsonl');
      writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
      writeFileSync(pred, docs.map((d) => {
        const result = pipeline.process({ id: d.id, text: d.text, ...(d.ref ? { publishedAt: d.ref } : {}) });
        return JSON.stringify({ id: d.id, spans: result.records.map((r) => ({ ...r, ...(r.type === 'MONEY' && r.value.mod ? { mod: r.value.mod } : {}) })) });
      }).join('\n') + '\n');
      const out = execFileSync(process.execPath, [scorer, gold, pred, '--json', '--types', 'MONEY'], { encoding: 'utf8' });
      const row = (JSON.parse(out) as { rows: Record<string, number | string>[] }).rows.find((r) => r.type === 'MONEY')!;
      console.log(`${file}: ${Object.keys(floor).map((m) => `${m} ${Number(row[m as keyof typeof row]).toFixed(3)}`).join(', ')}`);
      for (const [metric, reached] of Object.entries(floor)) {
        expect(row[metric], metric).toBeGreaterThanOrEqual(reached - SLACK);
      }
    });
  }
});
