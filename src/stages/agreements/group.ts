import { KEY_NEUTRAL_MODIFIERS } from '../../data/agreement-heads.js';
import { PLURAL_HEADS_BEFORE_OF } from '../../data/english/agreements.js';
import { KNOWN_AGREEMENTS } from '../../data/known-agreements.js';
import type { AgreementKind, AgreementValue } from '../../schema/records.js';
import type { DateLink, Party } from './links.js';

/**
 * One agreement across its mentions, in one article and across articles. Both languages build `Mention`s and
 * hand them here: mentions of the same agreement (the same name, an alias and its full name, or a shorter name
 * that ends a longer one of the same kind: `円借款に関する書簡` in `インドに対する円借款に関する書簡`) share the
 * date and parties one of them states, and get one canonical key.
 */
export interface Mention {
  start: number;
  end: number;
  rule: string;
  kind: AgreementKind;
  /** The name as written (normalized text). */
  name: string;
  /** The name without the parties it starts with (`防衛装備品・技術移転協定` of `日越防衛装備品・技術移転協定`). */
  bareName: string;
  /** For an alias: the full name it stands for. */
  aliasOf?: string;
  date?: DateLink;
  parties: Party[];
  /** The parties were inferred (両国 resolved to the two countries named last), not stated for this agreement. */
  partiesInferred?: boolean;
}

/** Normalized for keys: NFKC, lower case, no spaces, brackets, quotes or middle dots, no leading `the`, singular heads. */
export function keyText(name: string): string {
  return plainKey(name).replace(KEY_NEUTRAL, '');
}
/** The same with the naming modifiers kept: what a shorter name ending a longer one is measured on. */
const plainKey = (name: string) =>
  name.normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(PLURAL_HEAD, (w) => PLURAL_HEADS_BEFORE_OF.get(w)!).replace(/[\s・･.,'’"“”「」『』()（）\-‐–]/g, '');
/** `exchanges of …`, `memoranda of …`: a plural head before `of`. */
const PLURAL_HEAD = new RegExp(`\\b(?:${[...PLURAL_HEADS_BEFORE_OF.keys()].join('|')})(?=\\s+of\\b)`, 'g');
/** Naming modifiers that do not tell agreements apart: `防衛協力のための覚書`, `防衛協力に関する覚書` and `防衛協力覚書` are one. */
const KEY_NEUTRAL = new RegExp(KEY_NEUTRAL_MODIFIERS.join('|'), 'g');

/**
 * Well-known agreements (src/data/known-agreements.ts) by the key text of any of their full names: a mention so written
 * takes the key of the name they share, and the agreement's kind (`Trans-Pacific Partnership` is written like a
 * partnership but is the TPP agreement).
 */
const KNOWN_BY_NAME = new Map<string, { key: string; kind: AgreementKind }>(
  KNOWN_AGREEMENTS.flatMap((k) => [k.name, ...(k.names ?? [])].map((n) => [keyText(n), { key: keyText(k.name), kind: k.kind }] as const)),
);

/** A shorter name that ends a longer one and says more than a head word (≥ 6 characters): the same agreement. */
const tailOf = (short: string, long: string) => short.length >= 6 && short.length < long.length && long.endsWith(short);

/** Date relations that say when an agreement was made; entry into force comes only when none is given. */
const MADE = new Set(['signed', 'concluded', 'adopted', 'issued', 'established', 'dated']);

export function groupMentions(mentions: readonly Mention[]): AgreementValue[] {
  const n = mentions.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const keys = mentions.map((m) => keyText(m.name));
  const plain = mentions.map((m) => plainKey(m.name));
  const aliasKeys = mentions.map((m) => (m.aliasOf ? keyText(m.aliasOf) : undefined));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const a = mentions[i]!;
      const b = mentions[j]!;
      if (keys[i] === keys[j] || aliasKeys[i] === keys[j] || aliasKeys[j] === keys[i] || (aliasKeys[i] !== undefined && aliasKeys[i] === aliasKeys[j])) union(i, j);
    }
  }
  // A shorter name joins the one longer name it ends (not two: `協力に関する覚書` ends both `郵便分野における…` and `情報通信分野における…`).
  for (let i = 0; i < n; i++) {
    if (mentions[i]!.aliasOf) continue;
    const longer = new Set<string>();
    let with_ = -1;
    for (let j = 0; j < n; j++) {
      if (mentions[j]!.kind === mentions[i]!.kind && !mentions[j]!.aliasOf && tailOf(plain[i]!, plain[j]!)) {
        longer.add(keys[j]!);
        with_ = j;
      }
    }
    if (longer.size === 1) union(i, with_);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);

  const values: AgreementValue[] = mentions.map((m, i) => ({ kind: (m.aliasOf ? undefined : KNOWN_BY_NAME.get(keys[i]!)?.kind) ?? m.kind }));
  for (const members of groups.values()) {
    const own = members.map((i) => mentions[i]!);
    // A date read off a mention's own clause beats one borrowed from around it (the release's date line under a headline).
    const strong = own.filter((m) => m.date && !m.date.weak);
    const made = strong.find((m) => MADE.has(m.date!.relation))?.date ?? strong[0]?.date ?? own.find((m) => m.date && MADE.has(m.date.relation))?.date ?? own.find((m) => m.date)?.date;
    // Parties stated for the agreement (in its name or its clause) beat ones inferred from 両国.
    const stated = own.filter((m) => !m.partiesInferred && m.parties.length > 0);
    const parties = (stated.length > 0 ? stated : own).map((m) => m.parties).sort((a, b) => b.length - a.length)[0] ?? [];
    // The representative name: the longest full name (not an alias) of the group.
    const full = own.filter((m) => !m.aliasOf).sort((a, b) => b.name.length - a.name.length)[0];
    const fullName = full?.name ?? own[0]!.aliasOf ?? own[0]!.name;
    const bare = full?.bareName ?? fullName;
    const canon = [...new Set(parties.map((p) => p.canonical))].sort();
    const base = KNOWN_BY_NAME.get(keyText(bare))?.key ?? keyText(bare);
    const key = canon.length > 0 ? `${base}|${canon.join('+')}` : base;
    for (const i of members) {
      const m = mentions[i]!;
      const v = values[i]!;
      const date = m.date && !(m.date.weak && made && !made.weak) ? m.date : made;
      if (date) {
        v.date = date.date;
        v.dateRelation = date.relation;
      }
      const ps = m.parties.length > 0 && !(m.partiesInferred && stated.length > 0) ? m.parties : parties;
      if (ps.length > 0) v.parties = [...new Set(ps.map((p) => p.name))];
      if (m.aliasOf) {
        v.name = m.aliasOf;
        v.alias = true;
      } else if (m.name !== fullName && tailOf(plainKey(m.name), plainKey(fullName))) {
        v.name = fullName;
      }
      v.key = key;
    }
  }
  return values;
}
