import type { ArticleDocument } from '../../core/document.js';
import { LATIN_COMPANY_SUFFIXES, BRACKET_COMPANY_FORMS, EVENT_AFTER_ORG, ORG_CLASS_BEFORE_QUOTE } from '../../data/org-heads.js';
import type { Token } from '../../core/token.js';
import { aliasAfter, charClass, type Found } from './aliases.js';
import { acronymCandidate, chunkRun, inUrl, orgCandidate } from './chunk.js';
import type { OrgLexicon } from './lexicon.js';
import { TOKEN_FEATURES, type TokenView } from '../token-features/index.js';
import { alternation } from '../../core/regex.js';
import { ORG_HEADS as ENGLISH_HEADS, SUFFIX_ONLY_HEADS } from '../../data/english/organisations.js';
import { LATIN_HONORIFICS } from '../../data/titles.js';
import type { OrgKind } from '../../schema/records.js';

/**
 * The rule candidates of one document (normalized offsets), from six sources: noun-run chunking around
 * organisation heads, runs that define an acronym, acronyms, lexicon names, Latin company names, and
 * quoted names after a class word; then `(株)` forms attached to them. Overlaps are not resolved here.
 */

const LATIN_NAME_WORD = "[A-Z][A-Za-z0-9&'\\-]*";
/** `Brightline Robotics, Inc.`, `Acme Co., Ltd.`: capitalised words and a company suffix. */
const LATIN_COMPANY = new RegExp(
  `${LATIN_NAME_WORD}(?: ${LATIN_NAME_WORD}){0,5}(,? (?:${alternation(LATIN_COMPANY_SUFFIXES)}))(?![A-Za-z])`,
  'g',
);

/**
 * English names inside Japanese text (`Department of Economic Affairs`, `European Council`, `Federal Ministry
 * for Digital and Transport`): runs of capitalised words joined by spaces and `of`/`for`/`in`/`and`/`the`.
 */
const LATIN_RUN = /[A-Z][A-Za-z'’&-]*\.?(?:(?: (?:(?:of|for|in|on|and|the|of the|for the|in the|on the|and the|&) )?| ?- ?)[A-Z][A-Za-z'’&-]*\.?)*/g;
const SUFFIX_ONLY = new Set(SUFFIX_ONLY_HEADS);

/**
 * The organisation in a run of capitalised English words: the capitalised words up to the last English head
 * word when one comes before it (`European Council` in `President of the European Council`), or from a head
 * through the `of`/`for`/`in` chain it opens (`Ministry of Finance`, `United Nations … Authority in Cambodia`);
 * nothing in a run after an honorific (`Mr. …`).
 */
function latinName(run: string): { start: number; end: number; kind: OrgKind } | undefined {
  const words = [...run.matchAll(/[A-Za-z'’&-]+\.?/g)];
  if (words.length < 2 || LATIN_HONORIFICS.has(words[0]![0].replace(/\.$/, ''))) return undefined;
  const capital = (k: number) => /^[A-Z]/.test(words[k]![0]);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]![0].replace(/\.$/, '');
    const kind = ENGLISH_HEADS[word];
    if (!kind || !capital(i)) continue;
    const chain = i + 1 < words.length && /^(?:of|for|in|on)$/.test(words[i + 1]![0]);
    let first = i;
    while (first > 0 && capital(first - 1)) first--;
    if (chain && !SUFFIX_ONLY.has(word)) return { start: words[first]!.index!, end: run.length, kind };
    if (first < i) return { start: words[first]!.index!, end: words[i]!.index! + words[i]![0].length, kind };
  }
  return undefined;
}

/** Marks of the offsets where a token ends, in a buffer reused from document to document (typed-array allocations per document cost more than the work). */
let endMarks = new Uint8Array(4096);
function tokenEndMarks(tokens: readonly Token[], length: number): Uint8Array {
  if (endMarks.length <= length) endMarks = new Uint8Array(Math.max(length + 1, endMarks.length * 2));
  else endMarks.fill(0, 0, length + 1);
  for (const t of tokens) endMarks[t.end] = 1;
  return endMarks;
}

/**
 * Every rule candidate in one document, overlapping ones included. Each source is a function of its own:
 * V8 compiles a hot loop with what it inlines, and one function holding all six was compiled again each time
 * a branch ran for the first time (19 compiles over 2,000 livedoor articles, 0.8 s of compiler CPU).
 */
export function collectCandidates(doc: ArticleDocument, lexicon: OrgLexicon): Found[] {
  const norm = doc.norm.text;
  const candidates: Found[] = [];
  const view = doc.get(TOKEN_FEATURES);
  addRunCandidates(view, norm, candidates);
  addAcronyms(view, norm, candidates);
  addLexiconNames(doc.tokens, norm, lexicon, candidates);
  addLatinCompanies(norm, candidates);
  addLatinNames(norm, candidates);
  addQuotedAfterClass(norm, candidates);
  attachBracketForms(norm, candidates);
  return candidates;
}

/** Noun-run chunking, and runs the article defines an acronym for. */
function addRunCandidates(view: TokenView, norm: string, candidates: Found[]): void {
  const tokens = view.tokens;
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
        candidates.push(orgCandidate(runStart, runEnd, 'ja.org.defined-by-alias'));
      }
    }
  }
}

function addAcronyms(view: TokenView, norm: string, candidates: Found[]): void {
  for (let i = 0; i < view.tokens.length; i++) {
    const acronym = acronymCandidate(view, i, norm);
    if (acronym) candidates.push(acronym);
  }
}

/** Lexicon names and aliases, from token starts to token ends (or word boundaries for Latin). */
function addLexiconNames(tokens: readonly Token[], norm: string, lexicon: OrgLexicon, candidates: Found[]): void {
  let tokenEnds: Uint8Array | undefined;
  for (const t of tokens) {
    if (!lexicon.mayStartAt(norm, t.start)) continue;
    tokenEnds ??= tokenEndMarks(tokens, norm.length);
    let best: Found | undefined;
    for (const [end, form] of lexicon.matchesAt(norm, t.start)) {
      const latinEnd = charClass(norm[end - 1]) === 'latin' ? charClass(norm[end]) !== 'latin' : false;
      if (!tokenEnds[end] && !latinEnd) continue;
      if (charClass(norm[t.start]) === 'latin' && (charClass(norm[t.start - 1]) === 'latin' || inUrl(norm, t.start, end))) continue;
      if (EVENT_AFTER_ORG.test(norm.slice(end, end + 12))) continue;
      best = orgCandidate(t.start, end, form.alias ? 'ja.org.lexicon-alias' : 'ja.org.lexicon', form.kind);
      best.name = form.name;
      if (form.alias) best.alias = true;
    }
    if (best) candidates.push(best);
  }
}

function addLatinCompanies(norm: string, candidates: Found[]): void {
  for (const m of norm.matchAll(LATIN_COMPANY)) {
    if (inUrl(norm, m.index, m.index + m[0].length)) continue;
    const coreEnd = m.index + m[0].length - m[1]!.length;
    candidates.push(orgCandidate(m.index, m.index + m[0].length, 'ja.org.latin-company', 'company', { start: m.index, end: coreEnd }));
  }
}

function addLatinNames(norm: string, candidates: Found[]): void {
  for (const m of norm.matchAll(LATIN_RUN)) {
    const found = latinName(m[0]);
    if (!found || charClass(norm[m.index - 1]) === 'latin' || inUrl(norm, m.index, m.index + found.end)) continue;
    candidates.push(orgCandidate(m.index + found.start, m.index + found.end, 'ja.org.latin-name', found.kind));
  }
}

/** ユニット「○○」, レーベル「○○」: the quoted name is an organisation. */
function addQuotedAfterClass(norm: string, candidates: Found[]): void {
  for (const m of norm.matchAll(/[「『]([^「」『』\n]{1,30})[」』]/g)) {
    if (ORG_CLASS_BEFORE_QUOTE.test(norm.slice(Math.max(0, m.index - 8), m.index + 1))) {
      candidates.push(orgCandidate(m.index + 1, m.index + 1 + m[1]!.length, 'ja.org.quoted-after-class'));
    }
  }
}

/** (株)○○ / ○○(株) attached to a name. */
function attachBracketForms(norm: string, candidates: Found[]): void {
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
}
