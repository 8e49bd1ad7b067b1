import type { ArticleDocument } from '../../core/document.js';
import type { StageFactory } from '../../core/stage.js';
import { LATIN_COMPANY_SUFFIXES, BRACKET_COMPANY_FORMS, EVENT_AFTER_ORG, ORG_CLASS_BEFORE_QUOTE } from '../../data/org-heads.js';
import { ORG_LEXICON } from '../../data/org-lexicon.js';
import type { KijiConfig } from '../../schema/config.js';
import type { OrgKind, OrgRecord } from '../../schema/records.js';
import type { Token } from '../tokenize/kuromoji.js';
import { acronymCandidate, ACRONYM, chunkRun, inUrl, kindOfName, type OrgCandidate } from './chunk.js';
import { tokenView } from './tokens.js';
import { OrgLexicon } from './lexicon.js';

export { OrgLexicon } from './lexicon.js';

/** A candidate with what the record needs: canonical name and alias flag. */
interface Found extends OrgCandidate {
  name?: string;
  alias?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_NAME_WORD = "[A-Z][A-Za-z0-9&'\\-]*";
/** `Brightline Robotics, Inc.`, `Acme Co., Ltd.`: capitalised words and a company suffix. */
const LATIN_COMPANY = new RegExp(
  `${LATIN_NAME_WORD}(?: ${LATIN_NAME_WORD}){0,5}(,? (?:${[...LATIN_COMPANY_SUFFIXES].sort((a, b) => b.length - a.length).map(escape).join('|')}))(?![A-Za-z])`,
  'g',
);

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

type CharClass = 'latin' | 'katakana' | 'kanji' | 'hiragana' | 'other';
function charClass(ch: string | undefined): CharClass {
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

const overlapsAny = (kept: readonly { start: number; end: number }[], c: { start: number; end: number }) => kept.some((k) => k.start < c.end && c.start < k.end);

/** Longest wins, earlier breaks ties (the pipeline's rule, applied here so aliases see the final names). */
function resolve<T extends { start: number; end: number }>(candidates: readonly T[]): T[] {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const c of ordered) if (!overlapsAny(kept, c)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** The built-in lexicon plus the user's `lexicons.organisations`, built once per pipeline. */
export function buildOrgLexicon(config: KijiConfig): OrgLexicon {
  const lexicon = new OrgLexicon();
  for (const entry of ORG_LEXICON) lexicon.add(entry);
  for (const entry of config.lexicons.organisations) lexicon.add(entry);
  return lexicon;
}

/** Marks of the offsets where a token ends, in a buffer reused from document to document (typed-array allocations per document cost more than the work). */
let endMarks = new Uint8Array(4096);
function tokenEndMarks(tokens: readonly Token[], length: number): Uint8Array {
  if (endMarks.length <= length) endMarks = new Uint8Array(Math.max(length + 1, endMarks.length * 2));
  else endMarks.fill(0, 0, length + 1);
  for (const t of tokens) endMarks[t.end] = 1;
  return endMarks;
}

/** Finds organisations in one document (normalized offsets), with canonical names and aliases resolved. */
export function findOrganisations(doc: ArticleDocument, lexicon: OrgLexicon): Found[] {
  const norm = doc.norm.text;
  const tokens = doc.tokens;
  const candidates: Found[] = [];

  const view = tokenView(tokens);
  for (let r = 0; r < view.runCount; r++) {
    const from = view.runFrom[r]!;
    const to = view.runTo[r]!;
    const before = candidates.length;
    chunkRun(view, from, to, norm, candidates);
    // A run the article defines an acronym for, around an organisation word: 国連平和維持活動(PKO).
    const runEnd = tokens[to - 1]!.end;
    if (norm.charCodeAt(runEnd) === 40 /* ( */ && (candidates.length === before || candidates[candidates.length - 1]!.end !== runEnd)) {
      const hasOrg = candidates.length > before || tokens.slice(from, to).some((t) => t.pos2 === '組織' && t.known);
      // 池田利夫＋岡本奈知子（ジャムハウス）, エトー（インテル）: people with their affiliation in brackets.
      const hasPerson = tokens.slice(from, to).some((t) => t.pos2 === '人名');
      const runStart = tokens[from]!.start;
      if (hasOrg && !hasPerson && aliasAfter(norm, runEnd, norm.slice(runStart, runEnd)) && runEnd - runStart >= 3) {
        candidates.push({ start: runStart, end: runEnd, rule: 'ja.org.defined-by-alias' });
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const acronym = acronymCandidate(view, i, norm);
    if (acronym) candidates.push(acronym);
  }
  // Lexicon names and aliases, from token starts to token ends (or word boundaries for Latin).
  let tokenEnds: Uint8Array | undefined;
  for (const t of tokens) {
    if (!lexicon.mayStartAt(norm, t.start)) continue;
    tokenEnds ??= tokenEndMarks(tokens, norm.length);
    let best: [number, Found] | undefined;
    for (const [end, form] of lexicon.matchesAt(norm, t.start)) {
      const latinEnd = charClass(norm[end - 1]) === 'latin' ? charClass(norm[end]) !== 'latin' : false;
      if (!tokenEnds[end] && !latinEnd) continue;
      if (charClass(norm[t.start]) === 'latin' && (charClass(norm[t.start - 1]) === 'latin' || inUrl(norm, t.start, end))) continue;
      if (EVENT_AFTER_ORG.test(norm.slice(end, end + 12))) continue;
      const found: Found = { start: t.start, end, rule: form.alias ? 'ja.org.lexicon-alias' : 'ja.org.lexicon', name: form.name };
      if (form.kind) found.kind = form.kind;
      if (form.alias) found.alias = true;
      best = [end, found];
    }
    if (best) candidates.push(best[1]);
  }
  for (const m of norm.matchAll(LATIN_COMPANY)) {
    if (inUrl(norm, m.index, m.index + m[0].length)) continue;
    const coreEnd = m.index + m[0].length - m[1]!.length;
    candidates.push({ start: m.index, end: m.index + m[0].length, rule: 'ja.org.latin-company', kind: 'company', core: { start: m.index, end: coreEnd } });
  }

  // ユニット「○○」, レーベル「○○」: the quoted name is an organisation.
  for (const m of norm.matchAll(/[「『]([^「」『』\n]{1,30})[」』]/g)) {
    if (ORG_CLASS_BEFORE_QUOTE.test(norm.slice(Math.max(0, m.index - 8), m.index + 1))) {
      candidates.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, rule: 'ja.org.quoted-after-class' });
    }
  }

  // (株)○○ / ○○(株) attached to a name.
  for (const c of candidates) {
    if (norm.charCodeAt(c.start - 1) !== 41 /* ) */ && norm.charCodeAt(c.end) !== 40 /* ( */) continue;
    if (BRACKET_COMPANY_FORMS.includes(norm.slice(c.start - 3, c.start))) {
      c.start -= 3;
      c.kind = 'company';
    } else if (BRACKET_COMPANY_FORMS.includes(norm.slice(c.end, c.end + 3))) {
      c.end += 3;
      c.kind = 'company';
    }
  }

  const kept = resolve(candidates);
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
    const alias = aliasAfter(norm, c.end, text);
    const taken = alias && kept.find((k) => k.start < alias.end && alias.start < k.end);
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

export const orgsStage: StageFactory = {
  name: 'orgs',
  languages: ['ja'],
  enabled: (config) => config.stages.orgs,
  create: ({ config }) => {
    const lexicon = buildOrgLexicon(config);
    return {
      name: 'orgs',
      requires: ['tokens'],
      provides: ['ORG'],
      run(doc) {
        return findOrganisations(doc, lexicon).map((c): OrgRecord => {
          const span = doc.rawSpan(c.start, c.end);
          const value: OrgRecord['value'] = { name: c.name ?? doc.norm.text.slice(c.start, c.end) };
          const kind = c.kind ?? kindOfName(value.name);
          if (kind) value.kind = kind;
          if (c.alias) value.alias = true;
          return { type: 'ORG', ...span, rule: c.rule, value };
        });
      },
    };
  },
};
