import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInputs } from '../../src/batch/walk.js';
import { describeBinary } from '../../src/text/byte-sniff.js';
import { findPublishedAt } from '../../src/text/published-at.js';
import { htmlToArticle } from '../../src/text/html.js';
import { flattenDeepNesting } from '../../src/text/html-depth.js';
import { renderText } from '../../src/text/html-render.js';
import { findAll, type ElementNode } from '../../src/text/html-tree.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-minor-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('deeply nested HTML', () => {
  it('is laid out without recursion (no stack overflow on the main thread at 100,000 levels)', () => {
    const root: ElementNode = { tag: 'div', attrs: {}, children: [] };
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      const child: ElementNode = { tag: i % 2 ? 'div' : 'span', attrs: {}, children: [] };
      node.children.push(child);
      node = child;
    }
    node.children.push('深い本文');
    expect(renderText(root)).toBe('深い本文');
    expect(findAll(root, 'span')).toHaveLength(50_000);
  });

  it('is parsed in linear time: 200,000 levels in seconds, with the text kept', () => {
    const html = (depth: number) => `<html><body><article>${'<div>'.repeat(depth)}2025年1月1日に合意した${'</div>'.repeat(depth)}</article></body></html>`;
    const started = performance.now();
    expect(htmlToArticle(html(200_000)).text).toBe('2025年1月1日に合意した');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(flattenDeepNesting('<div><p>a</p></div>')).toBe('<div><p>a</p></div>');
    expect(flattenDeepNesting('<a><b><c>x</c></b></a>', 2)).toBe('<a><b>x</b></a>');
  });
});

describe('small faults the torture test found', () => {
  it('a NUL byte after the first 8 KiB makes the file binary, as one before does', () => {
    const text = Buffer.from('日本語の記事です。'.repeat(2000), 'utf8');
    expect(describeBinary(text)).toBeUndefined();
    const late = Buffer.concat([text, Buffer.from([0]), Buffer.from('続き', 'utf8')]);
    expect(describeBinary(late)).toMatch(`NUL byte at byte ${text.length}`);
  });

  it('reads a 公開日 line ended by a lone CR (old Mac line ends)', () => {
    expect(findPublishedAt('見出し\r公開日：2021年11月23日\r本文です。\r')).toBe('2021-11-23');
  });

  it('records a file whose name is not UTF-8 as failed with the reason, not "no such file"', async () => {
    const dir = join(root, 'names');
    mkdirSync(dir);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('.txt')]), '日本の記事。');
    writeFileSync(join(dir, 'ok.txt'), '日本の記事。');
    const walked = await walkInputs([dir], ['.txt']);
    expect(walked.files).toEqual([join(dir, 'ok.txt')]);
    expect(walked.failures).toHaveLength(1);
    expect(walked.failures[0]!.error).toMatch(/not valid UTF-8/);
  });
});
