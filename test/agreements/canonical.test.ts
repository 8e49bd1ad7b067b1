import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type AgreementRecord, type Pipeline } from '../../src/index.js';
import { mentionRow, type OkArticle } from '../../src/store/rows.js';
import { openStore } from '../../src/store/store.js';

/**
 * One agreement across articles: `日越防衛装備品・技術移転協定` and `防衛装備品・技術移転協定` with the parties Japan and
 * Vietnam get one canonical key, and the database's `agreements_by_key` view counts them as one agreement.
 */
let pipeline: Pipeline;
let dir: string;
beforeAll(async () => {
  pipeline = await createPipeline({});
  dir = mkdtempSync(join(tmpdir(), 'kiji-agreement-key-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = {
  '/a.txt': '来年度から日越防衛装備品・技術移転協定に基づく共同研究を始める。',
  '/b.txt': '日本とベトナムは2016年9月12日に防衛装備品・技術移転協定に署名した。',
  '/c.txt': '日本とタイは2022年5月2日に防衛装備品・技術移転協定に署名した。',
};

const agreementsOf = (text: string) => pipeline.process({ text, publishedAt: '2025-11-04' }).records.filter((r): r is AgreementRecord => r.type === 'AGREEMENT');

describe('canonical agreement key', () => {
  it('is the same for the name with its party prefix and the bare name with the same parties, and differs for other parties', () => {
    const [a, b, c] = Object.values(TEXTS).map((t) => agreementsOf(t)[0]);
    if (!a || !b || !c) throw new Error('every text names the agreement');
    expect(a.value.key).toBe(b.value.key);
    expect(c.value.key).not.toBe(a.value.key);
  });

  it('is one key, and one date, for the singular and the plural spelling of an instrument', () => {
    const text = 'Exchange of Notes concerning Grant Aid to the Republic of Fiji\nJune 2, 2025\n\nThe ambassadors welcomed the exchanges of Notes concerning Grant Aid to the Republic of Fiji.';
    const found = agreementsOf(text);
    expect(found.map((a) => a.text)).toEqual(['Exchange of Notes concerning Grant Aid to the Republic of Fiji', 'exchanges of Notes concerning Grant Aid to the Republic of Fiji']);
    expect(found[1]!.value.key).toBe(found[0]!.value.key);
    expect(found.map((a) => a.value.date)).toEqual(['2025-06-02', '2025-06-02']);
  });

  it('gives one row per agreement in agreements_by_key, with its mentions, articles, date and relation', () => {
    const store = openStore(join(dir, 'kiji.sqlite'));
    try {
      store.beginRun({ configHash: 'c', pipelineVersion: 'v' });
      store.writeArticles(Object.entries(TEXTS).map(([path, text]): OkArticle => ({
        path, status: 'ok', contentHash: `h-${path}`, bytes: text.length, format: 'text', encoding: 'utf-8', title: 't', publishedAt: '2025-11-04', lang: 'ja', chars: text.length, text,
        mentions: pipeline.process({ text, publishedAt: '2025-11-04' }).records.map(mentionRow),
      })));
      const rows = store.db.prepare('SELECT key, name, kind, date, date_relation, parties, mentions, articles FROM agreements_by_key ORDER BY key').all();
      expect(rows).toEqual([
        { key: '防衛装備品技術移転協定|タイ+日本', name: '防衛装備品・技術移転協定', kind: 'agreement', date: '2022-05-02', date_relation: 'signed', parties: 'タイ / 日本', mentions: 1, articles: 1 },
        { key: '防衛装備品技術移転協定|ベトナム+日本', name: '日越防衛装備品・技術移転協定', kind: 'agreement', date: '2016-09-12', date_relation: 'signed', parties: 'ベトナム / 日本', mentions: 2, articles: 2 },
      ]);
    } finally {
      store.close();
    }
  });
});
