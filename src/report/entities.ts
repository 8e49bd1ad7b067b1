import { createHash } from 'node:crypto';
import type { RecordRow } from '../store/read.js';

/**
 * Organisations (by canonical org_name) and agreements (by agreement key) gathered from the records
 * of the report's articles, for their own pages. Page file names are a short hash of the name, so
 * any name (slashes, dots, Japanese) gives a safe, stable file name inside the report folder.
 */
export interface EntityMention {
  articleId: number;
  path: string;
  title: string | null;
  publishedAt: string | null;
  recordId: number;
  text: string;
}

export interface OrgEntity {
  name: string;
  kinds: Set<string>;
  aliases: Map<string, number>;
  mentions: EntityMention[];
  /** Agreement keys this organisation is a party to. */
  agreements: Set<string>;
}

export interface AgreementEntity {
  key: string;
  names: Map<string, number>;
  kinds: Map<string, number>;
  /** date + relation → mentions giving it. */
  dates: Map<string, { date: string; relation: string | null; n: number }>;
  parties: Set<string>;
  mentions: EntityMention[];
}

export function entityPageName(prefix: 'org' | 'agreement', name: string): string {
  return `${prefix}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}.html`;
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** The most frequent entry, ties broken by the longer, then the smaller. */
export function mostCommon(map: Map<string, number>): string | undefined {
  return [...map].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export class EntityIndex {
  readonly orgs = new Map<string, OrgEntity>();
  readonly agreements = new Map<string, AgreementEntity>();

  add(mentions: readonly RecordRow[]): void {
    for (const m of mentions) {
      const mention: EntityMention = { articleId: m.articleId, path: m.path, title: m.title, publishedAt: m.publishedAt, recordId: m.id, text: m.text };
      if (m.type === 'ORG' && m.orgName) {
        const org = this.org(m.orgName);
        if (m.orgKind) org.kinds.add(m.orgKind);
        bump(org.aliases, m.text);
        org.mentions.push(mention);
      } else if (m.type === 'AGREEMENT') {
        const value = (m.value ?? {}) as { key?: string; dateRelation?: string };
        const key = value.key;
        if (!key) continue;
        let a = this.agreements.get(key);
        if (!a) this.agreements.set(key, a = { key, names: new Map(), kinds: new Map(), dates: new Map(), parties: new Set(), mentions: [] });
        bump(a.names, m.text);
        if (m.agreementKind) bump(a.kinds, m.agreementKind);
        if (m.dateValue) {
          const id = `${m.dateValue}\u0000${value.dateRelation ?? ''}`;
          const d = a.dates.get(id) ?? { date: m.dateValue, relation: value.dateRelation ?? null, n: 0 };
          d.n++;
          a.dates.set(id, d);
        }
        for (const p of m.parties) {
          a.parties.add(p);
          this.org(p).agreements.add(key);
        }
        a.mentions.push(mention);
      }
    }
  }

  private org(name: string): OrgEntity {
    let org = this.orgs.get(name);
    if (!org) this.orgs.set(name, org = { name, kinds: new Set(), aliases: new Map(), mentions: [], agreements: new Set() });
    return org;
  }
}
