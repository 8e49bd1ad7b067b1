import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { loadGold, predict } from '../../src/eval/run.js';

/**
 * "Figures only go up" on gov-press (government press releases in Japanese and English, annotated by hand: the
 * set closest to what users feed kiji). Every document goes through the pipeline as `kiji extract --jsonl` runs it
 * (language chosen per article), and the shared scorer (score.mjs, a child process) scores all four types with the
 * agreement links. A figure that drops more than one point below what was reached fails.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');
const goldPath = join(evalDir, 'gov-press/dev.jsonl');

/**
 * Reached on 2026-12-02 (ORG and AGREEMENT with the organisation tagger, the default), as fractions; DATE raised the
 * same evening (bracketed weekdays outside the span, 本25日, qualifiers as mod, 令和5(2023)年度, sentence years); ORG raised
 * 2026-12-03 (a kind of group is no name: references.ts) and 2026-12-04 (a body's name before its official's name and
 * title: `フランス交通省|デュボワ|大臣`; a katakana name before a title of more words is the minister's; a city and its district's letters, `ワシントン|DC`, are a place; `電子政府` a way of working; a `for` after a title's body is the title's portfolio, `Secretary of the Army|for …`; common words a project's name goes on from, `セブ市バイパス|建設計画`, are the project's; strict: name words in a list closed by `&`, `Acquisition, Technology & Logistics Agency`).
 */
const FLOORS: Record<string, Record<string, number>> = {
  DATE: { lenientF1: 0.998, strictF1: 0.998, valueAcc: 0.987 },
  MONEY: { lenientF1: 1.0, strictF1: 1.0, valueAcc: 1.0 },
  ORG: { lenientF1: 0.947, strictF1: 0.903 },
  AGREEMENT: { lenientF1: 0.953, strictF1: 0.91, valueAcc: 0.992, linkDateAcc: 0.95, linkPartiesRecall: 0.927 },
};
const SLACK = 0.01;

describe.skipIf(!existsSync(goldPath) || !existsSync(scorer))(`gov-press dev scores (needs ${goldPath}; set KIJI_EVAL_DIR to run)`, () => {
  let rows: Record<string, number | string | null>[] = [];
  beforeAll(async () => {
    const pipeline = await createPipeline({});
    const docs = await loadGold(goldPath);
    const work = mkdtempSync(join(tmpdir(), 'kiji-gov-press-'));
    const pred = join(work, 'pred.jsonl');
    writeFileSync(pred, predict(pipeline, docs).map((p) => JSON.stringify({ id: p.id, spans: p.spans })).join('\n') + '\n');
    const out = execFileSync(process.execPath, [scorer, goldPath, pred, '--json', '--types', Object.keys(FLOORS).join(',')], { encoding: 'utf8' });
    rows = (JSON.parse(out) as { rows: typeof rows }).rows;
  });

  for (const [type, floor] of Object.entries(FLOORS)) {
    it(`${type} stays within a point of ${JSON.stringify(floor)}`, () => {
      const row = rows.find((r) => r.type === type)!;
      console.log(`gov-press ${type}: ${Object.keys(floor).map((m) => `${m} ${Number(row[m]).toFixed(3)}`).join(', ')}`);
      for (const [metric, reached] of Object.entries(floor)) expect(row[metric], metric).toBeGreaterThanOrEqual(reached - SLACK);
    });
  }
});
