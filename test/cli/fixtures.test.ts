import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRecords, formatChanges } from '../../src/fixtures/diff.js';
import { canonicalRecord, type ExpectedFile, type ExpectedRecord } from '../../src/fixtures/expected.js';
import { runCli } from '../helpers/cli.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const articles = resolve(repoRoot, 'fixtures/articles');
const ARTICLE = 'ja-01-defence-mou.txt';

/** A fixture folder of its own: one Japanese article, one Shift_JIS article, one English article. */
function fixtureFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiji-fixtures-'));
  for (const name of [ARTICLE, 'ja-08-sjis-trade-ministers.txt', 'en-07-lng-supply-deal.txt']) copyFileSync(join(articles, name), join(dir, name));
  return dir;
}

const rec = (type: string, start: number, end: number, text: string, value?: unknown, rule = 'r.test'): ExpectedRecord =>
  canonicalRecord({ type, start, end, text, rule, ...(value !== undefined ? { value } : {}) });

describe('fixture diff', () => {
  const text = '防衛省とベトナム国防省は2025年11月2日、約20億円の覚書に署名した。';
  it('names added, removed and changed records with their text and the text around them', () => {
    const expected = [rec('ORG', 0, 3, '防衛省', { name: '防衛省' }), rec('DATE', 12, 22, '2025年11月2日', '2025-11-02'), rec('MONEY', 23, 28, '約20億円', { amount: 2e9, amountText: '2000000000', currency: 'JPY', mod: 'APPROX' })];
    const actual = [rec('DATE', 12, 22, '2025年11月2日', '2025-11-03', 'r.other'), rec('MONEY', 24, 28, '20億円', { amount: 2e9, amountText: '2000000000', currency: 'JPY' }), rec('ORG', 4, 11, 'ベトナム国防省', { name: 'ベトナム国防省' })];
    const changes = diffRecords(expected, actual);
    expect(changes.map((c) => c.kind)).toEqual(['removed', 'added', 'changed', 'changed']);
    const lines = formatChanges('a.txt', text, changes);
    expect(lines[0]).toBe('a.txt: 4 changes');
    expect(lines).toContain('  - removed ORG 「防衛省」 (0–3, r.test, 防衛省)  ⟦防衛省⟧とベトナム国防省は2025年11月2日、…');
    expect(lines).toContain('  + added   ORG 「ベトナム国防省」 (4–11, r.test, ベトナム国防省)  防衛省と⟦ベトナム国防省⟧は2025年11月2日、約20億円の覚書…');
    expect(lines.join('\n')).toContain('~ changed DATE 「2025年11月2日」 (12–22)');
    expect(lines).toContain('      value: 2025-11-02 → 2025-11-03');
    expect(lines).toContain('      rule: r.test → r.other');
    expect(lines.join('\n')).toContain('~ changed MONEY 「約20億円」 → 「20億円」 (23–28 → 24–28)');
    expect(lines).toContain('      value.mod: APPROX → (none)');
  });

  it('is empty when nothing changed, whatever the key order', () => {
    const a = rec('MONEY', 0, 3, '5ドル', { currency: 'USD', amount: 5, amountText: '5' });
    const b = canonicalRecord({ value: { amountText: '5', amount: 5, currency: 'USD' }, rule: 'r.test', text: '5ドル', end: 3, start: 0, type: 'MONEY' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(diffRecords([a], [b])).toEqual([]);
  });
});

describe('kiji fixtures', () => {
  it('update writes pretty expected files; check passes on them and fails with a readable diff after a change', async () => {
    const dir = fixtureFolder();
    const first = await runCli(['fixtures', 'update', '--dir', dir], { cwd: repoRoot });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('3 new');
    const expectedPath = join(dir, `${ARTICLE}.expected.json`);
    expect(existsSync(expectedPath)).toBe(true);
    const raw = readFileSync(expectedPath, 'utf8');
    expect(raw).toMatch(/^\{\n {2}"article": "ja-01-defence-mou.txt",\n/);
    const file = JSON.parse(raw) as ExpectedFile;
    expect(Object.keys(file.records[0]!).slice(0, 5)).toEqual(['type', 'start', 'end', 'text', 'rule']);

    const clean = await runCli(['fixtures', 'check', '--dir', dir], { cwd: repoRoot });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('3 fixture articles: 3 unchanged');

    // Pretend the expected file was made by a different rule set: one value changed, one record dropped.
    const money = file.records.find((r) => r.type === 'MONEY')!;
    (money.value as { amount: number }).amount += 1;
    const dropped = file.records.find((r) => r.type === 'ORG')!;
    file.records = file.records.filter((r) => r !== dropped);
    writeFileSync(expectedPath, JSON.stringify(file, null, 2));
    const changed = await runCli(['fixtures', 'check', '--dir', dir], { cwd: repoRoot });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`${ARTICLE}: 2 changes`);
    expect(changed.stdout).toContain(`~ changed MONEY 「${money.text}」`);
    expect(changed.stdout).toContain(`value.amount: ${(money.value as { amount: number }).amount} → ${(money.value as { amount: number }).amount - 1}`);
    expect(changed.stdout).toContain(`+ added   ORG 「${dropped.text}」`);
    expect(changed.stdout).toContain(`⟦${dropped.text}⟧`);
  });

  it('switching an extractor off shows every record it made as removed, with the article and the text', async () => {
    const dir = fixtureFolder();
    expect((await runCli(['fixtures', 'update', '--dir', dir], { cwd: repoRoot })).code).toBe(0);
    const config = join(dir, 'no-money.config.mjs');
    writeFileSync(config, 'export default { stages: { money: false } };\n');
    const run = await runCli(['--config', config, 'fixtures', 'check', '--dir', dir], { cwd: repoRoot });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ja-01-defence-mou\.txt: \d+ changes?/);
    expect(run.stdout).toMatch(/- removed MONEY 「[^」]+」 \(\d+–\d+, [\w.]+, [\d.]+ JPY/);
    expect(run.stdout).not.toContain('+ added');
  });

  it('exits 2 on an unknown action or a missing folder, 0 on --help', async () => {
    expect((await runCli(['fixtures', 'frobnicate'], { cwd: repoRoot })).code).toBe(2);
    expect((await runCli(['fixtures', 'check', '--dir', '/nonexistent/kiji'], { cwd: repoRoot })).code).toBe(2);
    const help = await runCli(['fixtures', '--help'], { cwd: repoRoot });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('KIJI_UPDATE_FIXTURES=1');
  });
});
