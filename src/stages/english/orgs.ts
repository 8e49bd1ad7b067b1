import type { ArticleDocument } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { COUNTRY_BY_ENGLISH_NAME } from '../../data/countries.js';
import { AGREEMENT_HEADS } from '../../data/english/agreements.js';
import { ABBREVIATED_HEADS, CHAIN_OPENING_HEADS, CREDIT_LABELS, COUNTRIES, INDUSTRY_HEADS, KNOWN_ORGANISATIONS, type KnownOrganisation, LEGAL_FORM_TAILS, NAME_PARTICLES, NAME_STOP_WORDS, ORG_HEADS, PORTFOLIO_TITLES, SUFFIX_ONLY_HEADS, TITLES_STARTING_WITH_HEAD, UN_NAME_PREFIXES } from '../../data/english/organisations.js';
import type { KijiConfig } from '../../schema/config.js';
import type { OrgKind, OrgRecord } from '../../schema/records.js';
import { type EnTerm, type EnglishAnalysis, EN_ANALYSIS } from './analysis.js';
import { acronymFits, isCapitalized, isPossessive, isTitleCase, joined } from './names.js';
import { acrossLanguages, withoutLegalForm } from '../orgs/canonical.js';
import { alternation, escapeRegExp } from '../../core/regex.js';

/**
 * English organisations:
 * - head rules: capitalized words ending in a head (`Toyota Motor Corp.`, `Defense Ministry`) and
 *   heads opening an `of` chain (`U.S. Department of Defense`, `Ministry of Economy, Trade and Industry`) —
 *   compromise's `.organizations()` cuts these (`U.S. Department`);
 * - a lexicon of institutions without a head (`the Pentagon`, `NATO`) plus the config's organisations;
 * - acronyms defined in brackets (`Association of Southeast Asian Nations (ASEAN)`) become alias records,
 *   and so do their later mentions;
 * - compromise's #Organization runs of two or more words, as a fallback for names with no head.
 */

const MULTI_WORD_HEADS = Object.keys(ORG_HEADS).filter((h) => h.includes(' ')).map((h) => h.split(' '));
const STOP = new Set(NAME_STOP_WORDS);
const SUFFIX_ONLY = new Set(SUFFIX_ONLY_HEADS);
const CHAIN_OPENING = new Set(CHAIN_OPENING_HEADS);
const ABBREVIATED = new Set(ABBREVIATED_HEADS);
const COUNTRY = new Set(COUNTRIES);
const INDUSTRY = new Set(INDUSTRY_HEADS);
const LEGAL_FORMS = new Set(LEGAL_FORM_TAILS.filter((t) => !t.includes(' ')));
const PARTICLES = new Set(NAME_PARTICLES);
const UN_PREFIXES = new Set(UN_NAME_PREFIXES);
const HEAD_TITLES = new Set(TITLES_STARTING_WITH_HEAD);
const baseText = (t: EnTerm): string => t.text.replace(/['’]s$/, '');
const AGREEMENT_HEAD_WORDS = new Set(AGREEMENT_HEADS.filter((h) => h.words.length === 1).map((h) => h.words[0]!));
const CREDIT_LABEL = new RegExp(`^(?:${alternation(CREDIT_LABELS)}):`);
/** Whether the name at `start` is in a credit (`(Photo: Prime Minister's …`): its line or bracket opens with a credit label. */
function inCreditLine(text: string, start: number): boolean {
  const open = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('(', start - 1));
  return CREDIT_LABEL.test(text.slice(open + 1, start).trimStart());
}
const ACRONYM = /^(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z0-9&.+-]*[A-Z0-9+.]$/;

interface Candidate {
  start: number;
  end: number;
  name?: string;
  kind?: OrgKind;
  alias?: boolean;
  rule: string;
  /** A company's first word, by which later sentences call it (`Toyota` for `Toyota Motor Corp.`). */
  shortName?: string;
}

/** Can this term be part of a capitalized name to the left of a head? */
function nameWord(t: EnTerm): boolean {
  if (!isCapitalized(t) || STOP.has(t.text) || isPossessive(t)) return false;
  if (t.tags.has('Date') || t.tags.has('Month') || t.tags.has('WeekDay')) return false;
  // A number or an ordinal counts a meeting or an edition (`the 8th Association of …`), not a name's word.
  if (/^\d+(?:st|nd|rd|th)?$/.test(t.text)) return false;
  return true;
}

function headAt(terms: EnTerm[], i: number, text: string): { last: number; head: string } | null {
  for (const words of MULTI_WORD_HEADS) {
    if (words.every((w, k) => terms[i + k] !== undefined && baseText(terms[i + k]!) === w && (k === 0 || joined(terms[i + k - 1]!, terms[i + k]!, text)))) {
      return { last: i + words.length - 1, head: words.join(' ') };
    }
  }
  const base = baseText(terms[i]!);
  if (ORG_HEADS[base] !== undefined) return { last: i, head: base };
  return null;
}

/** After a head: `of (the) Capitalized …` chains, with `, X and Y` lists (`of Economy, Trade and Industry`). Returns the last term index. */
function extendChain(terms: EnTerm[], last: number, to: number, text: string): number {
  let end = last;
  for (;;) {
    let j = end + 1;
    if (j >= to || !joined(terms[end]!, terms[j]!, text) || !/^(of|for)$/.test(terms[j]!.text)) return end;
    j++;
    if (j < to && terms[j]!.text === 'the' && joined(terms[j - 1]!, terms[j]!, text)) j++;
    if (j >= to || !isCapitalized(terms[j]!) || !joined(terms[j - 1]!, terms[j]!, text) || STOP.has(terms[j]!.text)) return end;
    let k = j;
    while (k + 1 < to) {
      const next = terms[k + 1]!;
      const between = text.slice(terms[k]!.end, next.start);
      if ((between === ' ' || between === '-') && isCapitalized(next) && !STOP.has(next.text) && !isPossessive(terms[k]!)) {
        k++;
        continue;
      }
      // A list inside the name: `Economy, Trade and Industry`, `Foreign Affairs and Trade`.
      if ((between === ', ' || (between === ' ' && /^(and|&)$/.test(next.text))) && !isPossessive(terms[k]!)) {
        let m = k + 1;
        if (between === ', ') {
          // `, Trade and Industry`: commas only inside a list closed by `and`.
          let p = m;
          while (p < to && isCapitalized(terms[p]!) && (text.slice(terms[p]!.end, terms[p + 1]?.start ?? terms[p]!.end) === ', ')) p++;
          if (!(p + 2 < to && isCapitalized(terms[p]!) && terms[p + 1]!.text === 'and' && isCapitalized(terms[p + 2]!))) break;
        } else {
          m = k + 2;
          // `and X (Y …)` continues the subject (`Energy Economics and Financial Analysis`) unless it starts another
          // name: a country, a head (`and Toyota Motor Corp.`), a stop word.
          let r = m;
          let ok = r < to && isCapitalized(terms[r]!) && !STOP.has(terms[r]!.text) && !COUNTRY.has(terms[r]!.text);
          while (ok && r < to) {
            if (ORG_HEADS[baseText(terms[r]!)] !== undefined && r > m) ok = false;
            if (r + 1 < to && joined(terms[r]!, terms[r + 1]!, text) && isCapitalized(terms[r + 1]!) && !STOP.has(terms[r + 1]!.text)) r++;
            else break;
          }
          if (!ok) break;
          if (r > m) {
            k = r;
            continue;
          }
        }
        if (m < to && isCapitalized(terms[m]!) && !COUNTRY.has(terms[m]!.text)) {
          k = m;
          continue;
        }
      }
      break;
    }
    end = k;
    if (isPossessive(terms[end]!)) return end;
  }
}

/** Legal-form tails after a comma: `Mitsubishi Heavy Industries, Ltd.`, `Sony Group Co., Ltd.`. */
function extendLegalTail(terms: EnTerm[], last: number, to: number, text: string): number {
  let end = last;
  while (end + 1 < to) {
    const between = text.slice(terms[end]!.end, terms[end + 1]!.start);
    if (!/^\.?,? $/.test(between) || !LEGAL_FORM_TAILS.some((tail) => tail.split(/[.,\s]+/)[0] === terms[end + 1]!.text)) break;
    end++;
  }
  return end;
}

/** Where a name ending in this term ends: after an abbreviation's period (`Corp.`), before a possessive (`Commission's`). */
function endOf(t: EnTerm, text: string): number {
  if (isPossessive(t) && /['’]s$/.test(t.text)) return t.end - 2;
  return ABBREVIATED.has(t.text) && text[t.end] === '.' ? t.end + 1 : t.end;
}

/** A country's English name, from either list (the shared one is the longer). */
const isCountryName = (name: string) => COUNTRY.has(name) || COUNTRY_BY_ENGLISH_NAME.has(name);

/** The first term of a country's name of one to three words ending at term `last` (`United States`), if one does. */
function countryEndingAt(terms: EnTerm[], last: number, from: number, text: string): number | undefined {
  for (let k = last; k >= Math.max(from, last - 2); k--) {
    if (k < last && !joined(terms[k]!, terms[k + 1]!, text)) return undefined;
    if (isCountryName(text.slice(terms[k]!.start, terms[last]!.end))) return k;
  }
  return undefined;
}

/** From `first` on, single words with commas between, then `&` and one word right before the head (`Technology & Logistics Agency`). */
function listBeforeAmpersand(terms: EnTerm[], first: number, head: number, text: string): boolean {
  let k = first;
  while (k + 1 < head && text.slice(terms[k]!.end, terms[k + 1]!.start) === ', ') k++;
  return k + 3 === head && terms[k + 1]!.text === '&';
}

/** A title and its `of` right before a body's name (`Secretary of the`, `Minister of`). */
const TITLE_OF_BEFORE = new RegExp(`\\b(?:${PORTFOLIO_TITLES.join('|')}) of (?:the )?$`);

function headCandidates(analysis: EnglishAnalysis, text: string): Candidate[] {
  const out: Candidate[] = [];
  const { terms, sentenceTermStart } = analysis;
  for (let s = 0; s + 1 < sentenceTermStart.length; s++) {
    const from = sentenceTermStart[s]!;
    const to = sentenceTermStart[s + 1]!;
    const titleCase = isTitleCase(analysis, s);
    for (let i = from; i < to; i++) {
      const head = headAt(terms, i, text);
      if (!head) continue;
      let first = i;
      // `Mekong Delta Ferries, Ltd.`: a legal form after a comma closes the name before it.
      if (LEGAL_FORMS.has(head.head) && first - 1 >= from && /^\.?, $/.test(text.slice(terms[first - 1]!.end, terms[first]!.start)) && nameWord(terms[first - 1]!)) first--;
      for (;;) {
        if (first - 1 >= from && joined(terms[first - 1]!, terms[first]!, text) && nameWord(terms[first - 1]!)) first--;
        // `Research & Technologies`: an ampersand between two name words.
        else if (first - 2 >= from && terms[first - 1]!.text === '&' && joined(terms[first - 1]!, terms[first]!, text) && joined(terms[first - 2]!, terms[first - 1]!, text) && nameWord(terms[first - 2]!)) first -= 2;
        // `Acquisition, Technology & Logistics Agency`: single name words in a list closed by an ampersand, commas between
        // (not `In Tokyo, Mitsubishi Heavy Industries & Co.`, whose ampersand closes no list of words).
        else if (first - 1 >= from && text.slice(terms[first - 1]!.end, terms[first]!.start) === ', ' && nameWord(terms[first - 1]!) && listBeforeAmpersand(terms, first, i, text)) first--;
        // `United States - Colombia Environmental Affairs Council`: two countries' body, a spaced dash between them.
        else if (first - 1 >= from && /^ [-–] $/.test(text.slice(terms[first - 1]!.end, terms[first]!.start)) && isCountryName(baseText(terms[first]!))) {
          const country = countryEndingAt(terms, first - 1, from, text);
          if (country === undefined) break;
          first = country;
        } else break;
      }
      // A name never starts with an agreement word (`Agreement`, `Treaty`) or a country's possessive.
      let last = extendChain(terms, head.last, to, text);
      // `Assistant Secretary of the Army for Defense Exports`: a `for` after a title's body is the title's portfolio.
      if (last > head.last && terms[head.last + 1]!.text === 'for' && TITLE_OF_BEFORE.test(text.slice(Math.max(0, terms[first]!.start - 40), terms[first]!.start))) last = head.last;
      if (!isPossessive(terms[last]!)) last = extendLegalTail(terms, last, to, text);
      // An industry word inside a longer capitalized run (`Energy Minister`, `Gas Supply`) is not where the name ends.
      const next = terms[last + 1];
      if (INDUSTRY.has(head.head) && last === head.last && next && next.sentence === terms[i]!.sentence && joined(terms[last]!, next, text) && isCapitalized(next) && !isPossessive(terms[last]!)) continue;
      // `Pentagon Press Secretary`: the head begins a title, not a name's end.
      if (next && joined(terms[last]!, next, text) && HEAD_TITLES.has(`${baseText(terms[last]!)} ${next.text}`)) continue;
      const hasLeft = first < i;
      const hasChain = last > head.last && !ABBREVIATED.has(terms[last]!.text);
      if (!hasLeft && !hasChain && last === head.last) continue;
      if (SUFFIX_ONLY.has(head.head) && !hasLeft && !(hasChain && CHAIN_OPENING.has(head.head))) continue;
      if (titleCase && !hasChain && !inCreditLine(text, terms[first]!.start)) continue;
      // A lone head after the sentence's first word is a capitalized common word ("Department officials said").
      const words = terms.slice(first, last + 1);
      if (words.some((w) => AGREEMENT_HEAD_WORDS.has(w.text.toLowerCase()) && /^[A-Z]/.test(w.text))) continue;
      // `Bank of Korea`, `Bank of Thailand`: a bank named after a country is its central bank.
      const kind = head.head === 'Bank' && hasChain && COUNTRY.has(baseText(terms[last]!)) ? 'government' : ORG_HEADS[head.head]!;
      const candidate: Candidate = { start: terms[first]!.start, end: endOf(terms[last]!, text), kind, rule: hasChain ? 'en.org.head-of' : 'en.org.head' };
      const firstWord = terms[first]!;
      if (candidate.kind === 'company' && hasLeft && /^[A-Z][a-z]{2,}$|^[A-Z]{3,}$/.test(firstWord.text) && !COUNTRY.has(firstWord.text) && !['Place', 'Demonym', 'Adjective', 'Country', 'City'].some((tag) => firstWord.tags.has(tag))) {
        candidate.shortName = firstWord.text;
      }
      out.push(candidate);
    }
  }
  return out;
}

/** compromise's #Organization runs of two or more joined words, trimmed of determiners and possessives. */
function compromiseCandidates(analysis: EnglishAnalysis, text: string): Candidate[] {
  const out: Candidate[] = [];
  const { terms } = analysis;
  let i = 0;
  while (i < terms.length) {
    if (!terms[i]!.tags.has('Organization') || !nameWord(terms[i]!) || COUNTRY.has(terms[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < terms.length && terms[j + 1]!.sentence === terms[i]!.sentence && terms[j + 1]!.tags.has('Organization') && joined(terms[j]!, terms[j + 1]!, text) && nameWord(terms[j + 1]!)) j++;
    const after = terms[j + 1];
    const cut = after !== undefined && after.sentence === terms[j]!.sentence && joined(terms[j]!, after, text) && isCapitalized(after);
    const adjectival = terms[j]!.tags.has('Adjective') || terms[j]!.tags.has('Demonym') || /(?:an|ese|ish|ic)$/.test(terms[j]!.text);
    if (j > i && !cut && !adjectival && !isTitleCase(analysis, terms[i]!.sentence)) {
      out.push({ start: terms[i]!.start, end: endOf(terms[j]!, text), kind: ABBREVIATED.has(terms[j]!.text) ? 'company' : 'other', rule: 'en.org.compromise' });
    }
    i = j + 1;
  }
  return out;
}


function lexiconCandidates(entries: readonly KnownOrganisation[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const entry of entries) {
    for (const [form, alias] of [[entry.name, false], ...entry.aliases.map((a) => [a, true] as const)] as const) {
      // `ASEAN-led`, `UN-backed` mention the body; `ASEAN-Japan` begins another name.
      const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9+]|-[A-Z])`, 'g');
      for (const m of text.matchAll(pattern)) {
        const candidate: Candidate = { start: m.index, end: m.index + form.length, name: entry.name, kind: entry.kind, rule: alias ? 'en.org.lexicon-alias' : 'en.org.lexicon' };
        if (alias && form !== entry.name) candidate.alias = true;
        out.push(candidate);
      }
    }
  }
  return out;
}

function lexicon(config: KijiConfig): KnownOrganisation[] {
  return [...KNOWN_ORGANISATIONS, ...config.lexicons.organisations.filter((e) => /[A-Za-z]/.test(e.name)).map((e) => ({ name: e.name, aliases: e.aliases, kind: e.kind ?? 'other' }))];
}

/**
 * `Full Name (ACR)`: the acronym is an alias record whose name is the full name; every later
 * mention of the acronym is one too. A capitalized run before the brackets whose initials fit the
 * acronym is accepted as an organisation even without a head word.
 */
function acronymCandidates(analysis: EnglishAnalysis, text: string, known: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const defined = new Map<string, { name: string; kind?: OrgKind }>();
  const { terms } = analysis;
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i]!;
    if (!ACRONYM.test(t.text) || text[t.start - 1] !== '(' || text[t.end] !== ')') continue;
    const openAt = t.start - 1;
    // The organisation right before the bracket: a known candidate ending there, or a capitalized run whose initials fit.
    const before = known.filter((c) => /^\s*$/.test(text.slice(c.end, openAt)) && c.end <= openAt).sort((a, b) => b.end - a.end || a.start - b.start)[0];
    let full: { start: number; end: number; kind?: OrgKind } | undefined;
    /** The full name's own name when its span holds more (`UN` before `World Food Program`). */
    let ownName: string | undefined;
    if (before && (before.end === openAt || before.end === openAt - 1)) full = before;
    else {
      let k = i - 1;
      if (terms[k]!.sentence !== t.sentence) continue;
      const last = k;
      while (k - 1 >= 0 && terms[k - 1]!.sentence === t.sentence && (joined(terms[k - 1]!, terms[k]!, text) || /^(of|and|for|the)$/.test(terms[k]!.text)) && (nameWord(terms[k - 1]!) || /^(of|and|for|the)$/.test(terms[k - 1]!.text) || PARTICLES.has(terms[k - 1]!.text))) k--;
      while (k < last && !isCapitalized(terms[k]!)) k++;
      // `the UN World Food Program (WFP)`: the initials may fit the run without its first words.
      while (k < last && !acronymFits(t.text, text.slice(terms[k]!.start, terms[last]!.end))) {
        k++;
        while (k < last && !isCapitalized(terms[k]!)) k++;
      }
      const name = text.slice(terms[k]!.start, terms[last]!.end);
      if (k < last && acronymFits(t.text, name) && !AGREEMENT_HEADS.some((h) => h.words.length === 1 && new RegExp(`\\b${h.words[0]}\\b`, 'i').test(name))) {
        // …but `UN` before them is the body's own prefix (`UN World Food Program`), kept in the name.
        const first = k > 0 && UN_PREFIXES.has(terms[k - 1]!.text) && joined(terms[k - 1]!, terms[k]!, text) ? k - 1 : k;
        full = { start: terms[first]!.start, end: terms[last]!.end };
        // One name with and without the prefix (the acronym's letters are the rest's).
        if (first < k) ownName = name;
        out.push({ ...full, kind: 'other', rule: 'en.org.acronym-full', ...(ownName ? { name: ownName } : {}) });
      }
    }
    if (!full) continue;
    const fullName = (known.find((c) => c.start === full!.start && c.end === full!.end)?.name) ?? ownName ?? text.slice(full.start, full.end);
    defined.set(t.text, full.kind ? { name: fullName, kind: full.kind } : { name: fullName });
  }
  for (const [acronym, target] of defined) {
    const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(acronym)}(?![A-Za-z0-9+])`, 'g');
    for (const m of text.matchAll(pattern)) {
      out.push({ start: m.index, end: m.index + acronym.length, name: target.name, alias: true, rule: 'en.org.acronym', ...(target.kind ? { kind: target.kind } : {}) });
    }
  }
  return out;
}

/** Later mentions of a company by its first word alone (`Kestrel` after `Kestrel Semiconductor`). */
function shortNameCandidates(found: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  const names = new Map<string, Candidate>();
  for (const c of found) if (c.shortName && !names.has(c.shortName)) names.set(c.shortName, c);
  for (const [short, full] of names) {
    const fullName = text.slice(full.start, full.end);
    const pattern = new RegExp(`(?<![A-Za-z0-9-]|[A-Z][\\w.]* )${escapeRegExp(short)}(?![A-Za-z0-9-]| [A-Z])`, 'g');
    for (const m of text.matchAll(pattern)) {
      if (m.index < full.end) continue;
      out.push({ start: m.index, end: m.index + short.length, name: fullName, kind: 'company', alias: true, rule: 'en.org.short-name' });
    }
  }
  return out;
}

export function findOrganisations(doc: ArticleDocument): OrgRecord[] {
  const text = doc.norm.text;
  const analysis = doc.get(EN_ANALYSIS);
  const base = [...lexiconCandidates(lexicon(doc.config), text), ...headCandidates(analysis, text), ...compromiseCandidates(analysis, text)];
  const all = [...base, ...acronymCandidates(analysis, text, base), ...shortNameCandidates(base, text)];
  return all.map((c) => {
    const span = doc.rawSpan(c.start, c.end);
    const value: OrgRecord['value'] = { name: acrossLanguages(withoutLegalForm(c.name ?? span.text)) };
    if (c.kind) value.kind = c.kind;
    if (c.alias) value.alias = true;
    return { type: 'ORG' as const, ...span, rule: c.rule, value };
  });
}

export const englishOrgsStage = defineStage({
  name: 'en.orgs',
  languages: ['en'],
  switch: 'orgs',
  requires: [EN_ANALYSIS],
  provides: ['ORG'],
  create: () => findOrganisations,
});
