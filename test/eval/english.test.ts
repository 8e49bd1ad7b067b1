import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toEvalSpan } from '../../src/cli/extract.js';
import { createPipeline, type Pipeline } from '../../src/index.js';

/**
 * "Figures only go up": kiji's English path on the English fixture articles (fixtures/articles/en-*.txt,
 * hand gold in fixtures/gold/en.jsonl), scored by the shared scorer (score.mjs as a child process).
 * Fails when a lenient F1 drops more than one point below what was reached.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');
const goldPath = join(repoRoot, 'fixtures/gold/en.jsonl');

/** Reached on 2026-11-22 (lenient F1, strict F1, value accuracy), as fractions. */
const FLOORS: Record<string, Partial<Record<'lenientF1' | 'strictF1' | 'valueAcc', number>>> = {
  DATE: { lenientF1: 0.994, strictF1: 0.958, valueAcc: 1.0 },
  MONEY: { lenientF1: 1.0, strictF1: 1.0, valueAcc: 1.0 },
  ORG: { lenientF1: 0.988, strictF1: 0.988 },
  AGREEMENT: { lenientF1: 0.977, strictF1: 0.93, valueAcc: 1.0 },
};
const SLACK = 0.01;

interface GoldDoc {
  id: string;
  ref?: string;
}

describe.skipIf(!existsSync(scorer) || !existsSync(goldPath))(`English fixture scores (needs ${scorer} and fixtures/gold/en.jsonl; set KIJI_EVAL_DIR to run)`, () => {
  let pipeline: Pipeline;
  let rows: Record<string, number | string>[];
  beforeAll(async () => {
    pipeline = await createPipeline({});
    const work = mkdtempSync(join(tmpdir(), 'kiji-english-eval-'));
    const docs = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
    const pred = join(work, 'pred.jsonl');
    writeFileSync(pred, docs.map((d) => {
      const text = readFileSync(join(repoRoot, 'fixtures/articles', d.id), 'utf8');
      const result = pipeline.process({ id: d.id, text, ...(d.ref ? { publishedAt: d.ref } : {}) });
      expect(result.lang).toBe('en');
      return JSON.stringify({ id: d.id, spans: result.records.map(toEvalSpan) });
    }).join('\n') + '\n');
    const out = execFileSync(process.execPath, [scorer, goldPath, pred, '--json', '--types', Object.keys(FLOORS).join(',')], { encoding: 'utf8' });
    rows = (JSON.parse(out) as { rows: Record<string, number | string>[] }).rows;
  });

  for (const [type, floor] of Object.entries(FLOORS)) {
    it(`${type} stays within a point of ${JSON.stringify(floor)}`, () => {
      const row = rows.find((r) => r.type === type)!;
      for (const [metric, reached] of Object.entries(floor)) {
        expect(row[metric], `${type} ${metric}`).toBeGreaterThanOrEqual(reached - SLACK);
      }
    });
  }
});
