import { describe, expect, it } from 'vitest';
import { EntityIndex, entityPageName } from '../../src/report/entities.js';
import { scriptJson } from '../../src/report/html.js';
import type { RecordRow } from '../../src/store/read.js';

const row = (over: Partial<RecordRow>): RecordRow => ({
  id: 1, articleId: 1, path: '/a/x.txt', title: 'X', publishedAt: '2025-01-01', type: 'ORG', start: 0, end: 1, text: 't', rule: 'r',
  value: null, mod: null, dateStart: null, dateEnd: null, amountText: null, amountMinor: null, amountMaxText: null, currency: null,
  orgName: null, orgKind: null, agreementKind: null, dateValue: null, parties: [], record: {} as RecordRow['record'], ...over,
});

describe('report entities', () => {
  it('page names are a stable hash, safe for any name', () => {
    for (const name of ['../../etc/passwd', 'ベトナム国防省', 'a/b\\c', '']) expect(entityPageName('org', name)).toMatch(/^org-[0-9a-f]{16}\.html$/);
    expect(entityPageName('agreement', 'k')).toBe(entityPageName('agreement', 'k'));
    expect(entityPageName('org', 'a')).not.toBe(entityPageName('org', 'b'));
  });

  it('the embedded JSON cannot close its script element', () => {
    const json = scriptJson({ title: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>' });
  });

  it('groups organisations by canonical name and agreements by key, with aliases, dates and parties', () => {
    const index = new EntityIndex();
    index.add([
      row({ id: 1, text: '防衛省', orgName: '防衛省', orgKind: 'government' }),
      row({ id: 2, text: '日本の防衛省', orgName: '防衛省', orgKind: 'government' }),
      row({ id: 3, type: 'AGREEMENT', text: '本覚書', agreementKind: 'memorandum', dateValue: '2025-11-02', parties: ['防衛省', 'X'], value: { key: 'k1', dateRelation: 'signed' } }),
      row({ id: 4, articleId: 2, type: 'AGREEMENT', text: '了解覚書', agreementKind: 'memorandum', dateValue: '2025-11-02', parties: ['防衛省'], value: { key: 'k1', dateRelation: 'signed' } }),
      row({ id: 5, type: 'AGREEMENT', text: 'no key', value: {} }),
    ]);
    const org = index.orgs.get('防衛省')!;
    expect([...org.aliases.keys()]).toEqual(['防衛省', '日本の防衛省']);
    expect([...org.agreements]).toEqual(['k1']);
    expect(org.mentions.map((m) => m.recordId)).toEqual([1, 2]);
    expect(index.orgs.get('X')!.mentions).toEqual([]); // a party never tagged as ORG still has its page
    const a = index.agreements.get('k1')!;
    expect([...a.dates.values()]).toEqual([{ date: '2025-11-02', relation: 'signed', n: 2 }]);
    expect([...a.parties].sort()).toEqual(['X', '防衛省']);
    expect(index.agreements.size).toBe(1);
  });
});
