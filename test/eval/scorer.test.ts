import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScoreTable, score, valueMatches, type ScoreDoc, type ScoreSpan } from '../../src/eval/score.js';
import { groupOutcomesByRule } from '../../src/eval/errors.js';
import { contextSnippet } from '../../src/eval/context.js';

/**
 * kiji's scorer (src/eval/score.ts) against hand-made cases, and against the shared reference
 * scorer (score.mjs, run as a child process) on the same files: the numbers must be identical
 * to the last digit.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(repoRoot, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');

const span = (type: string, start: number, end: number, extra: Partial<ScoreSpan> = {}): ScoreSpan => ({ type, start, end, ...extra });
const doc = (id: string, spans: ScoreSpan[]): ScoreDoc => ({ id, spans });
const row = (result: ReturnType<typeof score>, type: string) => result.rows.find((r) => r.type === type)!;

describe('score: hand-made cases', () => {
  it('strict needs identical boundaries; lenient needs overlap of the same type', () => {
    const r = score([doc('a', [span('ORG', 0, 3), span('ORG', 10, 15)])], [doc('a', [span('ORG', 0, 3), span('ORG', 11, 15), span('DATE', 10, 15)])]);
    expect(row(r, 'ORG')).toMatchObject({ gold: 2, pred: 2, strictP: 0.5, strictR: 0.5, lenientP: 1, lenientR: 1, lenientF1: 1, valueAcc: null, valued: 0 });
    expect(row(r, 'DATE')).toMatchObject({ gold: 0, pred: 1, strictP: 0, lenientP: 0, lenientR: 0, lenientF1: 0 });
  });

  it('lenient matching is one to one, largest overlap first', () => {
    // One long prediction over two gold spans: only the larger overlap is a hit.
    const r = score([doc('a', [span('DATE', 0, 2), span('DATE', 3, 9)])], [doc('a', [span('DATE', 0, 9)])]);
    expect(row(r, 'DATE')).toMatchObject({ gold: 2, pred: 1, lenientP: 1, lenientR: 0.5 });
    const withOutcomes = score([doc('a', [span('DATE', 0, 2), span('DATE', 3, 9)])], [doc('a', [span('DATE', 0, 9, { rule: 'r' })])], { outcomes: true });
    expect(withOutcomes.outcomes!.map((o) => [o.kind, o.gold?.start])).toEqual([['boundary', 3], ['miss', 0]]);
  });

  it('strict counts a gold span once, even when two predictions share its boundaries', () => {
    const r = score([doc('a', [span('ORG', 0, 3)])], [doc('a', [span('ORG', 0, 3), span('ORG', 0, 3)])]);
    expect(row(r, 'ORG')).toMatchObject({ gold: 1, pred: 2, strictP: 0.5, strictR: 1, lenientP: 0.5, lenientR: 1 });
  });

  it('optional gold spans cost nothing when missed, and predictions over them are neither hits nor false positives', () => {
    const gold = [doc('a', [span('MONEY', 0, 5, { optional: true }), span('MONEY', 10, 14)])];
    expect(row(score(gold, [doc('a', [span('MONEY', 10, 14)])]), 'MONEY')).toMatchObject({ gold: 1, pred: 1, strictF1: 1 });
    expect(row(score(gold, [doc('a', [span('MONEY', 1, 4), span('MONEY', 10, 14)])]), 'MONEY')).toMatchObject({ gold: 1, pred: 1, strictF1: 1 });
    // A prediction overlapping an optional span of another type still counts.
    expect(row(score(gold, [doc('a', [span('DATE', 1, 4)])]), 'DATE')).toMatchObject({ gold: 0, pred: 1 });
    // A prediction over both an optional and a required span is scored.
    expect(row(score([doc('a', [span('ORG', 0, 5, { optional: true }), span('ORG', 5, 9)])], [doc('a', [span('ORG', 3, 9)])]), 'ORG'))
      .toMatchObject({ gold: 1, pred: 1, lenientF1: 1, strictF1: 0 });
  });

  it('DATE values compare without trailing -XX parts, and mod only when the gold has one', () => {
    const d = (value: string, mod?: string) => span('DATE', 0, 4, { value, ...(mod ? { mod } : {}) });
    expect(valueMatches(d('2021'), d('2021-XX-XX'))).toBe(true);
    expect(valueMatches(d('2021-07-XX'), d('2021-07'))).toBe(true);
    expect(valueMatches(d('2021-XX/2022'), d('2021/2022-XX-XX'))).toBe(true);
    expect(valueMatches(d('XXXX-11-02'), d('XXXX-11-02'))).toBe(true);
    expect(valueMatches(d('XXXX-11'), d('2025-11'))).toBe(false);
    expect(valueMatches(d('2026', 'END'), d('2026'))).toBe(false);
    expect(valueMatches(d('2026', 'END'), d('2026', 'END'))).toBe(true);
    expect(valueMatches(d('2026'), d('2026', 'START'))).toBe(true);
    expect(valueMatches(span('DATE', 0, 1), d('2026'))).toBeNull();
    expect(valueMatches(d('2026'), span('DATE', 0, 1))).toBe(false);
  });

  it('MONEY values need the same amount (1e-9 relative) and currency; AGREEMENT needs the same kind, date and parties ignored', () => {
    const m = (amount: number | string, currency: string) => span('MONEY', 0, 4, { value: { amount, currency } });
    expect(valueMatches(m('140000000000', 'JPY'), m(140000000000, 'JPY'))).toBe(true);
    expect(valueMatches(m(50000000, 'JPY'), m(50000000.00001, 'JPY'))).toBe(true);
    expect(valueMatches(m(50000000, 'JPY'), m(50000001, 'JPY'))).toBe(false);
    expect(valueMatches(m(5, 'USD'), m(5, 'JPY'))).toBe(false);
    const a = (value: Record<string, unknown>) => span('AGREEMENT', 0, 4, { value });
    expect(valueMatches(a({ kind: 'memorandum', date: '2025-11-02' }), a({ kind: 'memorandum' }))).toBe(true);
    expect(valueMatches(a({ kind: 'memorandum' }), a({ kind: 'treaty', date: '2025' }))).toBe(false);
    expect(valueMatches(a({ kind: 'treaty', parties: ['A'] }), a({ kind: 'treaty', parties: ['B'] }))).toBe(true);
  });

  it('agreement links: date accuracy and the share of gold parties found, among lenient matches only', () => {
    const a = (start: number, value: Record<string, unknown>) => span('AGREEMENT', start, start + 4, { value });
    const gold = [doc('a', [
      a(0, { kind: 'agreement', date: '2025-11-02', parties: ['日本', 'ベトナム社会主義共和国'] }),
      a(10, { kind: 'treaty', date: '2021-XX-XX', parties: ['the United States'] }),
      a(20, { kind: 'memorandum', date: '2020' }),
    ])];
    const pred = [doc('a', [
      a(1, { kind: 'agreement', date: '2025-11-02', parties: ['日本国', 'ベトナム'] }), // 日本 ⊂ 日本国, ベトナム ⊂ ベトナム社会主義共和国
      a(10, { kind: 'agreement', date: '2021', parties: ['United  States'] }), // kind wrong, date and party right
    ])];
    const row = score(gold, pred).rows.find((r) => r.type === 'AGREEMENT')!;
    expect(row.valueAcc).toBe(0.5);
    expect([row.linkDateN, row.linkDateAcc, row.linkPartiesN, row.linkPartiesRecall]).toEqual([2, 1, 3, 1]);
    const none = score(gold, [doc('a', [a(1, { kind: 'agreement' })])]).rows.find((r) => r.type === 'AGREEMENT')!;
    expect([none.linkDateN, none.linkDateAcc, none.linkPartiesN, none.linkPartiesRecall]).toEqual([1, 0, 2, 0]);
    expect(score([doc('a', [span('ORG', 0, 4)])], []).rows[0]).not.toHaveProperty('linkDateN');
  });

  it('value accuracy counts only lenient matches whose gold has a value', () => {
    const gold = [doc('a', [span('DATE', 0, 4, { value: '2025' }), span('DATE', 10, 14, { value: '2024' }), span('DATE', 20, 24)])];
    const pred = [doc('a', [span('DATE', 0, 4, { value: '2025' }), span('DATE', 11, 14, { value: '2023' }), span('DATE', 20, 24, { value: '2020' })])];
    expect(row(score(gold, pred), 'DATE')).toMatchObject({ valued: 2, valueAcc: 0.5 });
  });

  it('counts gold documents without a prediction line; a later line with the same id replaces an earlier one', () => {
    const r = score([doc('a', [span('ORG', 0, 1)]), doc(2 as unknown as string, [span('ORG', 0, 1)])], [doc('a', []), doc('a', [span('ORG', 0, 1)])]);
    expect(r.missingDocs).toBe(1);
    expect(row(r, 'ORG')).toMatchObject({ gold: 2, pred: 1, strictR: 0.5 });
    expect(formatScoreTable(r).at(-1)).toBe('1 gold document(s) had no prediction line');
  });

  it('--types keeps only the listed types', () => {
    const r = score([doc('a', [span('ORG', 0, 1), span('DATE', 2, 3)])], [doc('a', [span('ORG', 0, 1)])], { types: ['DATE'] });
    expect(r.rows.map((x) => x.type)).toEqual(['DATE']);
  });

  it('groups misses and false positives by rule, with the text around them', () => {
    const text = '日本の防衛省とベトナム国防省は2025年11月2日に覚書に署名した。';
    const gold = [doc('a', [span('ORG', 3, 6), span('ORG', 7, 14), span('DATE', 15, 25, { value: '2025-11-02' })])];
    const pred = [doc('a', [span('ORG', 0, 6, { rule: 'org.head', text: '日本の防衛省' }), span('ORG', 11, 14, { rule: 'org.head', text: '国防省' }), span('MONEY', 15, 25, { rule: 'money.x' }), span('ORG', 26, 28, { rule: 'org.lex' })])];
    const groups = groupOutcomesByRule(score(gold, pred, { outcomes: true }).outcomes!);
    expect(groups.map((g) => [g.rule, g.items.map((i) => i.kind)])).toEqual([
      ['money.x', ['miss', 'false-positive']],
      ['org.head', ['boundary', 'boundary']],
      ['org.lex', ['false-positive']],
    ]);
    expect(contextSnippet(text, 7, 14)).toBe('日本の防衛省と⟦ベトナム国防省⟧は2025年11月2日に覚書に署名した。');
    expect(contextSnippet(text, 7, 14, 3)).toBe('…衛省と⟦ベトナム国防省⟧は20…');
  });

  it('context never cuts a surrogate pair in half', () => {
    const text = `${'😀'.repeat(15)}株式会社𠮷野家${'🤝'.repeat(15)}`;
    const snippet = contextSnippet(text, 30, 38);
    expect(snippet).toContain('⟦株式会社𠮷野家⟧');
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

/** A seeded generator, so a failure can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticCorpus(seed: number, docs: number): { gold: ScoreDoc[]; pred: ScoreDoc[] } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const types = ['DATE', 'MONEY', 'ORG', 'AGREEMENT', 'PERSON'];
  const value = (type: string) => {
    if (type === 'DATE') return pick(['2025', '2025-11', '2025-11-02', '2025-XX-XX', 'XXXX-11', 'FY2025', 'P3M', '2021/2022']);
    if (type === 'MONEY') return { amount: pick([1, 5e8, 140000000000, 0.3]), currency: pick(['JPY', 'USD']) };
    if (type === 'AGREEMENT') {
      return { kind: pick(['memorandum', 'treaty']), ...(rnd() < 0.5 ? { date: pick(['2025', '2025-XX', '2024-11-02']) } : {}), ...(rnd() < 0.5 ? { parties: [pick(['日本', '日本国', 'the Philippines', 'Viet Nam', 'ベトナム'])] } : {}) };
    }
    return undefined;
  };
  const spans = (n: number, jitter: ScoreSpan[] = []) => {
    const out: ScoreSpan[] = jitter.filter(() => rnd() < 0.7).map((s) => {
      const shift = rnd() < 0.6 ? 0 : Math.floor(rnd() * 5) - 2;
      const v = rnd() < 0.8 ? s.value : value(s.type);
      return { ...s, start: Math.max(0, s.start + shift), end: s.end + (rnd() < 0.7 ? 0 : 2), optional: undefined, ...(v !== undefined ? { value: v } : {}), ...(rnd() < 0.2 ? { mod: pick(['START', 'END']) } : {}) };
    });
    for (let i = 0; i < n; i++) {
      const type = pick(types);
      const start = Math.floor(rnd() * 200);
      const v = value(type);
      out.push({ type, start, end: start + 1 + Math.floor(rnd() * 12), ...(v !== undefined && rnd() < 0.9 ? { value: v } : {}), ...(rnd() < 0.1 ? { optional: true } : {}), ...(rnd() < 0.1 ? { mod: 'END' } : {}) });
    }
    return out;
  };
  const gold: ScoreDoc[] = [];
  const pred: ScoreDoc[] = [];
  for (let d = 0; d < docs; d++) {
    const g = spans(Math.floor(rnd() * 8));
    gold.push({ id: `d${d}`, spans: g });
    if (rnd() < 0.95) pred.push({ id: `d${d}`, spans: spans(Math.floor(rnd() * 3), g) });
  }
  return { gold, pred };
}

describe.skipIf(!existsSync(scorer))(`score agrees with score.mjs to the last digit (needs ${scorer}; set KIJI_EVAL_DIR to run)`, () => {
  const work = mkdtempSync(join(tmpdir(), 'kiji-scorer-'));
  const write = (name: string, docs: readonly ScoreDoc[]) => {
    const path = join(work, name);
    writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    return path;
  };
  const reference = (gold: string, pred: string, ...extra: string[]) => execFileSync(process.execPath, [scorer, gold, pred, ...extra], { encoding: 'utf8' });

  for (const seed of [1, 7, 42, 2026]) {
    it(`synthetic corpus, seed ${seed}: --json output and the table are identical`, () => {
      const { gold, pred } = syntheticCorpus(seed, 300);
      const g = write(`gold-${seed}.jsonl`, gold);
      const p = write(`pred-${seed}.jsonl`, pred);
      const mine = score(gold, pred);
      expect(JSON.stringify({ missingDocs: mine.missingDocs, rows: mine.rows })).toBe(reference(g, p, '--json').trim());
      expect(formatScoreTable(mine).join('\n')).toBe(reference(g, p).trimEnd());
      const typed = score(gold, pred, { types: ['DATE', 'MONEY'] });
      expect(JSON.stringify(typed)).toBe(reference(g, p, '--json', '--types', 'DATE,MONEY').trim());
    });
  }
});
