import { overlaps, overlapsAny } from '../../core/spans.js';
import type { OrgKind } from '../../schema/records.js';
import { ACRONYM, type OrgCandidate } from './chunk.js';
import type { OrgLexicon } from './lexicon.js';

/**
 * Names and aliases of the organisations kept in one document: the lexicon's canonical name for a known
 * form, short forms the article defines in brackets (`(以下「JICA」という。)`), and later mentions of them.
 */

/** A candidate with what the record needs: canonical name and alias flag. */
export interface Found extends OrgCandidate {
  name?: string;
  alias?: boolean;
}

/** `(ADMM+)`, `(PKO)`, `(以下「JICA」という。)`, `(以下、本協定)` right after a name. */
const ALIAS_BRACKET = /^\((?:以下[、,]?\s*)?[「『]?([^()「」『』、。]{1,24}?)[」』]?(?:という|と呼ぶ|と称する|と略す|と略称する)?[。.]?\)/;
const LATIN_ALIAS = /^[A-Za-z][A-Za-z0-9&+.\-]*(?: [A-Za-z0-9&+.\-]+)*$/;
const KATAKANA_ALIAS = /^[ァ-ヶー・]{2,}$/;
const KANJI_ALIAS = /^[一-龥々]{2,5}$/;

/** A short form the article defines in brackets after a name; undefined when the bracket holds something else. */
export function aliasAfter(norm: string, end: number, fullName: string): { start: number; end: number; text: string } | undefined {
  if (norm[end] !== '(') return undefined;
  const m = ALIAS_BRACKET.exec(norm.slice(end, end + 40));
  if (!m) return undefined;
  const text = m[1]!.trim();
  const defined = m[0].includes('以下');
  const ok =
    (LATIN_ALIAS.test(text) && (ACRONYM.test(text.replace(/[+.\-& ]/g, '')) || defined || /^[A-Z]/.test(text))) ||
    KATAKANA_ALIAS.test(text) ||
    (KANJI_ALIAS.test(text) && (defined || [...text].every((c) => fullName.includes(c))));
  if (!ok || text === fullName) return undefined;
  const start = end + m[0].indexOf(text);
  return { start, end: start + text.length, text };
}

/** `(UNTAC:United Nations …)`: an acronym and a colon right before a Latin name, after a bracket or a line's start. */
const ACRONYM_COLON_BEFORE = /(?:^|[(\s])([A-Z][A-Z0-9]{1,9})\s?:\s?$/;

/**
 * An acronym defined right before the Latin name it stands for (`UNMISS:United Nations Mission in the Republic of
 * South Sudan`): its letters are, in order, initials of the name's words, the first the first word's.
 */
export function aliasBefore(norm: string, start: number, fullName: string): { start: number; end: number; text: string } | undefined {
  const m = ACRONYM_COLON_BEFORE.exec(norm.slice(Math.max(0, start - 14), start));
  if (!m || !/^[A-Z]/.test(fullName)) return undefined;
  const text = m[1]!;
  if (!initialsSpell(text, fullName)) return undefined;
  const at = start - (m[0].length - m[0].indexOf(text));
  return { start: at, end: at + text.length, text };
}

/** Whether the acronym's letters are initials of the name's words in order, starting with the first word's. */
function initialsSpell(acronym: string, name: string): boolean {
  const initials = name.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase());
  if (initials[0] !== acronym[0]) return false;
  let k = 0;
  for (const letter of acronym) {
    while (k < initials.length && initials[k] !== letter) k++;
    if (k++ >= initials.length) return false;
  }
  return true;
}

export type CharClass = 'latin' | 'katakana' | 'kanji' | 'hiragana' | 'other';
export function charClass(ch: string | undefined): CharClass {
  if (!ch) return 'other';
  const c = ch.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'latin';
  if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fc) return 'katakana';
  if ((c >= 0x4e00 && c <= 0x9fa5) || c === 0x3005 || c === 0x3006 || (c >= 0xd800 && c <= 0xdfff)) return 'kanji';
  if (c >= 0x3041 && c <= 0x3096) return 'hiragana';
  return 'other';
}

/** Every place a known alias occurs as a word of its own (not inside a longer word of the same script). */
function* mentionsOf(norm: string, surface: string): Generator<number> {
  const first = charClass(surface[0]);
  const last = charClass(surface[surface.length - 1]);
  for (let i = norm.indexOf(surface); i >= 0; i = norm.indexOf(surface, i + 1)) {
    if (first !== 'other' && charClass(norm[i - 1]) === first) continue;
    if (last !== 'other' && charClass(norm[i + surface.length]) === last) continue;
    yield i;
  }
}



/** Gives each kept candidate its canonical name and adds the aliases the article defines and their later mentions. */
export function resolveNames(norm: string, kept: Found[], lexicon: OrgLexicon): Found[] {
  // Canonical names: the lexicon's for lexicon forms, the normalized text otherwise.
  const aliases = new Map<string, { name: string; kind?: OrgKind }>();
  const extra: Found[] = [];
  for (const c of kept) {
    const text = norm.slice(c.start, c.end);
    if (!c.name) {
      const exact = [...lexicon.matchesAt(norm, c.start)].find(([end]) => end === c.end)?.[1];
      c.name = exact ? exact.name : text;
      if (exact?.alias) c.alias = true;
      if (exact?.kind) c.kind = exact.kind;
    }
    const alias = aliasAfter(norm, c.end, text) ?? aliasBefore(norm, c.start, text);
    const taken = alias && kept.find((k) => overlaps(k, alias));
    if (alias && taken) {
      // Already found (an acronym or lexicon alias): it stands for this name here.
      if (taken.start >= alias.start && taken.end <= alias.end && taken !== c) {
        // ADMM found as an acronym inside (ADMM+): the alias is the whole bracket.
        taken.start = alias.start;
        taken.end = alias.end;
        taken.rule = 'ja.org.alias-defined';
        taken.name = c.name;
        taken.alias = true;
        if (c.kind) taken.kind = c.kind;
        aliases.set(alias.text, c.kind ? { name: c.name, kind: c.kind } : { name: c.name });
      }
    } else if (alias && !c.alias) {
      const found: Found = { start: alias.start, end: alias.end, rule: 'ja.org.alias-defined', name: c.name, alias: true };
      if (c.kind) found.kind = c.kind;
      extra.push(found);
      aliases.set(alias.text, c.kind ? { name: c.name, kind: c.kind } : { name: c.name });
    }
    if (c.core && c.core.end - c.core.start >= 2) {
      const core = norm.slice(c.core.start, c.core.end).replace(/[, ]+$/, '');
      if (core !== text && !aliases.has(core)) aliases.set(core, { name: c.name, kind: 'company' });
    }
  }
  // A later mention found by another rule is still the alias (港湾公団 after 港湾開発公団(以下「港湾公団」)).
  for (const c of kept) {
    const target = c.alias ? undefined : aliases.get(norm.slice(c.start, c.end));
    if (target && target.name !== c.name) {
      c.name = target.name;
      c.alias = true;
      c.rule = 'ja.org.alias-mention';
      if (target.kind) c.kind = target.kind;
    }
  }
  const all = [...kept, ...extra];
  for (const [surface, target] of aliases) {
    for (const i of mentionsOf(norm, surface)) {
      const mention = { start: i, end: i + surface.length };
      if (overlapsAny(all, mention)) continue;
      const found: Found = { ...mention, rule: 'ja.org.alias-mention', name: target.name, alias: true };
      if (target.kind) found.kind = target.kind;
      all.push(found);
    }
  }
  return all.sort((a, b) => a.start - b.start);
}
