import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kiji extract --jsonl (the evaluation contract)', () => {
  it('writes one {id, spans} line per input line, in order, with values the scorer reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-extract-'));
    const input = join(dir, 'in.jsonl');
    const lines = [
      { id: 'b', text: '防衛省は2025年11月2日、1億3,000万米ドルの支援を決めた。', ref: '2025-11-04' },
      { id: 'a', text: '特に記録すべきことはない。' },
      { id: 7, text: '𠮷田😀氏は２０２５年１１月２日に来日した。' },
    ];
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const run = await runCli(['extract', '--jsonl', input]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; spans: { start: number; end: number; type: string; text: string; value: unknown }[] });
    expect(out.map((o) => o.id)).toEqual(['b', 'a', '7']);
    const first = out[0]!.spans;
    expect(first.find((s) => s.type === 'DATE')).toMatchObject({ text: '2025年11月2日', value: '2025-11-02' });
    expect(first.find((s) => s.type === 'MONEY')?.value).toMatchObject({ amount: 130000000, amountText: '130000000', currency: 'USD' });
    expect(out[1]!.spans).toEqual([]);
    for (const [i, doc] of out.entries()) {
      for (const span of doc.spans) expect(lines[i]!.text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('keeps the input order across its batches, a bad document answered in its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-extract-'));
    const input = join(dir, 'many.jsonl');
    // More documents than one batch holds, with a bad reference date inside the first batch and the second.
    const lines = Array.from({ length: 70 }, (_, i) => ({ id: `d${i}`, text: `第${i}回の会議は2025年4月${(i % 28) + 1}日に開かれた。`, ...(i === 5 || i === 40 ? { ref: 'someday' } : {}) }));
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const run = await runCli(['extract', '--jsonl', input]);
    expect(run.code).toBe(1);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; spans: { text: string }[]; error?: { code: string } });
    expect(out.map((o) => o.id)).toEqual(lines.map((l) => l.id));
    expect(out.filter((o) => o.error).map((o) => o.id)).toEqual(['d5', 'd40']);
    expect(out[6]!.spans.map((s) => s.text)).toContain('2025年4月7日');
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('reports a line that is not JSON as a usage error, after the lines before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-extract-'));
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, '{"id":"x","text":"今日は晴れ。"}\nnot json\n');
    const run = await runCli(['extract', '--jsonl', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2: not JSON/);
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['x']);
  });

  it('prints help for the command', async () => {
    const run = await runCli(['extract', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--jsonl <file>/);
  });
});

describe('kiji extract FILE', () => {
  it('prints the article result as JSON with the publication date from the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-extract-'));
    const file = join(dir, 'article.txt');
    writeFileSync(file, '防衛協力の進展\n公開日:2025/11/04\n国防省は11月2日、覚書に署名した。\n');
    const run = await runCli(['extract', file]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { publishedAt?: string; records: { type: string; value: unknown }[] };
    expect(result.publishedAt).toBe('2025-11-04');
    expect(result.records.map((r) => r.type)).toContain('ORG');
  });

  it('includes the text the offsets point into — for HTML, the extracted article text, not the markup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-extract-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, '<html><head><title>t</title></head><body><nav>メニュー</nav><article><p>国防省は2025年11月2日、覚書に署名した。</p><p>総額は約5億円。</p></article></body></html>');
    const run = await runCli(['extract', file]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { text: string; records: { start: number; end: number; text: string }[] };
    expect(result.text).not.toContain('<p>');
    expect(result.records.length).toBeGreaterThan(1);
    for (const r of result.records) expect(result.text.slice(r.start, r.end)).toBe(r.text);
    const without = JSON.parse((await runCli(['extract', file, '--no-text'])).stdout) as { text?: string };
    expect(without.text).toBeUndefined();
  });
});
