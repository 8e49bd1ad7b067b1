import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');

/** Hand-written gold (our own sentences); one ORG span is on text no extractor would call an ORG, so it is always missed. */
function goldFile(): { dir: string; gold: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiji-eval-'));
  const at = (text: string, piece: string, type: string, extra: Record<string, unknown> = {}) => {
    const start = text.indexOf(piece);
    if (start < 0) throw new Error(`${piece} not in ${text}`);
    return { start, end: start + piece.length, type, text: piece, ...extra };
  };
  const t1 = '経済産業省は2024年3月15日、約300億円の補助金を決めた。';
  const t2 = '東都重工株式会社は来月、北九州市で新工場を稼働させる。投資額は5000万ドル。';
  const t3 = '両国は2023年に防衛装備品・技術移転協定に署名した。青い空が広がる。';
  const docs = [
    { id: 'a', ref: '2024-03-16', text: t1, spans: [at(t1, '経済産業省', 'ORG'), at(t1, '2024年3月15日', 'DATE', { value: '2024-03-15' }), at(t1, '約300億円', 'MONEY', { value: { amount: 30000000000, currency: 'JPY' }, mod: 'APPROX' })] },
    { id: 'b', ref: '2024-03-16', text: t2, spans: [at(t2, '東都重工株式会社', 'ORG'), at(t2, '来月', 'DATE', { value: '2024-04' }), at(t2, '5000万ドル', 'MONEY', { value: { amount: 50000000, currency: 'USD' } })] },
    { id: 'c', ref: '2024-03-16', text: t3, spans: [at(t3, '2023年', 'DATE', { value: '2023' }), at(t3, '防衛装備品・技術移転協定', 'AGREEMENT', { value: { kind: 'agreement', date: '2023', parties: ['日本', 'ベトナム'] } }), at(t3, '青い空', 'ORG')] },
  ];
  const gold = join(dir, 'gold.jsonl');
  writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return { dir, gold };
}

describe('kiji eval', () => {
  it('prints the score.mjs table; --json rows equal score.mjs on the `kiji extract --jsonl` output of the same gold', async () => {
    const { dir, gold } = goldFile();
    const table = await runCli(['eval', gold], { cwd: dir });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('type        gold  pred  strictP strictR strictF1  lenP   lenR   lenF1  valueAcc(n)');
    expect(table.stdout).toMatch(/^ORG {8}\s+3 /m);

    const json = await runCli(['eval', gold, '--json'], { cwd: dir });
    const mine = JSON.parse(json.stdout) as { missingDocs: number; rows: unknown[] };
    if (!existsSync(scorer)) return; // the agreement check below needs the shared scorer
    const pred = await runCli(['extract', '--jsonl', gold], { cwd: dir });
    expect(pred.code).toBe(0);
    const predPath = join(dir, 'pred.jsonl');
    writeFileSync(predPath, pred.stdout);
    const reference = execFileSync(process.execPath, [scorer, gold, predPath, '--json'], { encoding: 'utf8' }).trim();
    expect(JSON.stringify({ missingDocs: mine.missingDocs, rows: mine.rows })).toBe(reference);
    const referenceTable = execFileSync(process.execPath, [scorer, gold, predPath], { encoding: 'utf8' });
    expect(table.stdout).toBe(referenceTable);
    // --save-pred writes what was scored; score.mjs reads it to the same numbers.
    const saved = join(dir, 'saved.jsonl');
    await runCli(['eval', gold, '--save-pred', saved], { cwd: dir });
    expect(execFileSync(process.execPath, [scorer, gold, saved, '--json'], { encoding: 'utf8' }).trim()).toBe(reference);
  });

  it.skipIf(!existsSync(join(evalDir, 'gov-press/dev.jsonl')))('gov-press: the table, agreement links included, equals score.mjs on `kiji extract --jsonl` (needs ../shared/eval)', async () => {
    const gold = join(evalDir, 'gov-press/dev.jsonl');
    const dir = mkdtempSync(join(tmpdir(), 'kiji-eval-gov-'));
    const table = await runCli(['eval', gold], { cwd: dir });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^AGREEMENT links among lenient matches: date /m);
    const pred = await runCli(['extract', '--jsonl', gold], { cwd: dir });
    const predPath = join(dir, 'pred.jsonl');
    writeFileSync(predPath, pred.stdout);
    expect(table.stdout).toBe(execFileSync(process.execPath, [scorer, gold, predPath], { encoding: 'utf8' }));
    const json = JSON.parse((await runCli(['eval', gold, '--json'], { cwd: dir })).stdout) as { missingDocs: number; rows: unknown[] };
    expect(JSON.stringify({ missingDocs: json.missingDocs, rows: json.rows })).toBe(execFileSync(process.execPath, [scorer, gold, predPath, '--json'], { encoding: 'utf8' }).trim());
  });

  it('--show errors lists misses and false positives by rule with the text around them', async () => {
    const { dir, gold } = goldFile();
    const run = await runCli(['eval', gold, '--show', 'errors'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('errors by rule');
    expect(run.stdout).toMatch(/MISS +ORG +c +…?.*⟦青い空⟧が広がる。/);
  });

  it('--min and config eval.min: exit 1 below a threshold, 0 at or above', async () => {
    const { dir, gold } = goldFile();
    const below = await runCli(['eval', gold, '--min', 'ORG=0.99', '--min', 'DATE=0'], { cwd: dir });
    expect(below.code).toBe(1);
    expect(below.stdout).toMatch(/^FAIL ORG lenient F1 [\d.]+ \(minimum 99\.0\)$/m);
    expect(below.stdout).toMatch(/^ok {3}DATE lenient F1/m);
    expect((await runCli(['eval', gold, '--min', 'ORG=10'], { cwd: dir })).code).toBe(0);
    const config = join(dir, 'strict.config.mjs');
    writeFileSync(config, 'export default { eval: { min: { ORG: 0.99 } } };\n');
    const fromConfig = await runCli(['--config', config, 'eval', gold, '--json'], { cwd: dir });
    expect(fromConfig.code).toBe(1);
    expect((JSON.parse(fromConfig.stdout) as { thresholds: { type: string; ok: boolean }[] }).thresholds).toEqual([expect.objectContaining({ type: 'ORG', ok: false })]);
    // --types leaves other types' thresholds out.
    expect((await runCli(['--config', config, 'eval', gold, '--types', 'DATE'], { cwd: dir })).code).toBe(0);
  });

  it('exit 2 on usage errors; --help exits 0', async () => {
    const { dir, gold } = goldFile();
    expect((await runCli(['eval', gold, '--min', 'ORG'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['eval', gold, '--min', 'ORG=250'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['eval', gold, '--show', 'everything'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['eval', join(dir, 'missing.jsonl')], { cwd: dir })).code).toBe(2);
    expect((await runCli(['eval'], { cwd: dir })).code).toBe(2);
    const help = await runCli(['eval', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--min <TYPE=F1>');
  });

  it('warns when gold spans do not match the text at their offsets', async () => {
    const { dir } = goldFile();
    const gold = join(dir, 'off.jsonl');
    writeFileSync(gold, JSON.stringify({ id: 'x', text: '防衛省は発表した。', spans: [{ start: 1, end: 4, type: 'ORG', text: '防衛省' }] }) + '\n');
    const run = await runCli(['eval', gold], { cwd: dir });
    expect(run.stderr).toContain('kiji eval: warning: x: 1 of 1 gold spans do not match the text at their offsets (first: "防衛省" at 1–4 reads "衛省は")');
  });

  it('scores a fixtures folder (gold/*.jsonl + articles/) with --types', async () => {
    const run = await runCli(['eval', 'fixtures', '--types', 'DATE,MONEY', '--json'], { cwd: repoRoot });
    expect(run.code, run.stderr).toBeLessThan(2);
    const result = JSON.parse(run.stdout) as { missingDocs: number; rows: { type: string; gold: number }[] };
    expect(result.missingDocs).toBe(0);
    expect(result.rows.map((r) => r.type)).toEqual(['DATE', 'MONEY']);
    expect(result.rows[0]!.gold).toBeGreaterThan(100);
  });
});
