import type { ArticleDocument } from '../../core/document.js';
import type { StageFactory } from '../../core/stage.js';
import { AGREEMENT_HEADS } from '../../data/agreement-heads.js';
import { BOTH_COUNTRIES, COUNTRIES, COUNTRY_BY_ABBR, type Country } from '../../data/countries.js';
import type { AgreementKind, AgreementRecord, DateRecord } from '../../schema/records.js';
import { findAgreements } from './find.js';

export { findAgreements, type AgreementCandidate } from './find.js';

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A date to link: a resolved point or range (not a duration or a vague date). */
const linkable = (d: DateRecord) => d.value !== null && (d.kind === 'point' || d.kind === 'range');

/**
 * The date of an agreement: a DATE in the bracket right after it (`了解覚書(2011年)`), else the nearest DATE
 * before it in the same sentence (`2021年7月に…覚書を締結`), else the first one after it in the sentence.
 */
export function linkDate(raw: string, agreement: Span, sentence: Span, dates: readonly DateRecord[]): string | undefined {
  const inSentence = dates.filter((d) => linkable(d) && d.start >= sentence.start && d.end <= sentence.end && !overlaps(d, agreement));
  const bracket = /^[(（]/.test(raw.slice(agreement.end, agreement.end + 1)) ? inSentence.find((d) => d.start > agreement.end && d.start <= agreement.end + 2) : undefined;
  if (bracket) return bracket.value!;
  let before: DateRecord | undefined;
  for (const d of inSentence) if (d.end <= agreement.start) before = d;
  if (before) return before.value!;
  return inSentence.find((d) => d.start >= agreement.end)?.value ?? undefined;
}

/** Countries a name starts with as one-character abbreviations: 日米 → 日本, 米国; 日・フィリピン → 日本, フィリピン. */
export function abbreviatedParties(name: string): Country[] {
  const parties: Country[] = [];
  let i = 0;
  while (i < name.length) {
    const ch = name[i]!;
    if (ch === '・') {
      i++;
      continue;
    }
    const full = COUNTRIES.find((c) => c.names.some((n) => name.startsWith(n, i)));
    if (full && parties.length > 0) {
      parties.push(full);
      i += full.names.find((n) => name.startsWith(n, i))!.length;
      continue;
    }
    const country = COUNTRY_BY_ABBR.get(ch);
    if (!country) break;
    parties.push(country);
    i++;
  }
  return parties.length >= 2 ? parties : [];
}

/** Countries named in a stretch of normalized text, in order of first mention. */
function countriesIn(text: string): { country: Country; index: number; length: number }[] {
  const found: { country: Country; index: number; length: number }[] = [];
  for (const country of COUNTRIES) {
    for (const name of country.names) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) found.push({ country, index: i, length: name.length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function buildAgreementHeads(extra: readonly { head: string; kind: AgreementKind }[]): Map<string, AgreementKind> {
  const heads = new Map(AGREEMENT_HEADS);
  for (const { head, kind } of extra) heads.set(head.normalize('NFKC'), kind);
  return heads;
}

export const agreementsStage: StageFactory = {
  name: 'agreements',
  languages: ['ja'],
  enabled: (config) => config.stages.agreements,
  create: ({ config }) => {
    const heads = buildAgreementHeads(config.lexicons.agreementHeads);
    return {
      name: 'agreements',
      requires: ['tokens', 'DATE', 'ORG'],
      provides: ['AGREEMENT'],
      run(doc) {
        return agreementRecords(doc, heads);
      },
    };
  },
};

/** Agreement records of one document, with date and party links. */
export function agreementRecords(doc: ArticleDocument, heads: ReadonlyMap<string, AgreementKind>): AgreementRecord[] {
  const norm = doc.norm.text;
  const candidates = findAgreements(doc.tokens, norm, heads);
  if (candidates.length === 0) return [];
  const dates = doc.records('DATE');
  const orgs = doc.records('ORG');
  // 両国 refers to the countries the article names, when it names exactly two.
  const articleCountries = [...new Set(countriesIn(norm).map((c) => c.country))];

  const spans: { start: number; end: number; kind: AgreementKind; rule: string }[] = [];
  let rawSpans: Span[] = [];
  const aliases = new Map<string, AgreementKind>();
  for (const c of candidates) {
    spans.push(c);
    if (c.alias) {
      spans.push({ start: c.alias.start, end: c.alias.end, kind: c.kind, rule: 'ja.agreement.alias' });
      aliases.set(c.alias.text, c.kind);
    }
  }
  // Other mentions of a defined short form (RCEP, RAA) as words of their own.
  for (const [text, kind] of aliases) {
    for (let i = norm.indexOf(text); i >= 0; i = norm.indexOf(text, i + 1)) {
      if (/[A-Za-z0-9]/.test(norm[i - 1] ?? '') || /[A-Za-z0-9]/.test(norm[i + text.length] ?? '')) continue;
      const span = { start: i, end: i + text.length };
      if (!spans.some((s) => overlaps(s, span))) spans.push({ ...span, kind, rule: 'ja.agreement.alias-mention' });
    }
  }

  rawSpans = spans.map((s) => doc.rawSpan(s.start, s.end));
  const records = spans.map((c): AgreementRecord => {
    const span = doc.rawSpan(c.start, c.end);
    const value: AgreementRecord['value'] = { kind: c.kind };
    const segment = doc.sentenceAt(c.start);
    if (segment) {
      const sentence = doc.rawSpan(segment.start, segment.end);
      const date = linkDate(doc.raw, span, sentence, dates);
      if (date) value.date = date;
      const parties: string[] = [];
      const add = (name: string) => {
        if (!parties.includes(name)) parties.push(name);
      };
      const orgsHere = orgs.filter((o) => o.start >= sentence.start && o.end <= sentence.end && !overlaps(o, span) && !rawSpans.some((a) => overlaps(a, o)));
      for (const country of abbreviatedParties(norm.slice(c.start, c.end))) add(country.name);
      for (const o of orgsHere) add(o.value.name);
      for (const { country, index, length } of countriesIn(norm.slice(segment.start, segment.end))) {
        const raw = doc.rawSpan(segment.start + index, segment.start + index + length);
        if (orgsHere.some((o) => overlaps(o, raw)) || overlaps(raw, span)) continue;
        add(country.name);
      }
      const sentenceText = norm.slice(segment.start, segment.end);
      if (articleCountries.length === 2 && BOTH_COUNTRIES.some((w) => sentenceText.includes(w))) for (const country of articleCountries) add(country.name);
      // 日越, 日米 (日越首脳, 日越の) in the sentence outside the name: both countries.
      for (const m of sentenceText.matchAll(/(?<![一-龥])([日米越中韓比豪印英仏独露])([日米越中韓比豪印英仏独露])(?=[一-龥]|の)/g)) {
        const at = segment.start + m.index;
        if (at >= c.start && at < c.end) continue;
        const pair = abbreviatedParties(m[0]);
        // Only pairs the article spells out elsewhere (日中 is also "daytime").
        if (pair.length === 2 && pair.every((p) => articleCountries.includes(p))) for (const p of pair) add(p.name);
      }
      if (parties.length > 0) value.parties = parties;
    }
    return { type: 'AGREEMENT', ...span, rule: c.rule, value };
  });
  // A short form defined right after a name shares its links.
  for (let i = 1; i < records.length; i++) {
    if (spans[i]!.rule === 'ja.agreement.alias' && spans[i - 1]!.end <= spans[i]!.start) records[i]!.value = { ...records[i - 1]!.value };
  }
  return records;
}
