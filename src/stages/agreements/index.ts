import type { ArticleDocument } from '../../core/document.js';
import { SENTENCES } from '../../core/document.js';
import { overlapsAny } from '../../core/spans.js';
import { defineStage } from '../../core/stage.js';
import { AGREEMENT_HEADS } from '../../data/agreement-heads.js';
import type { AgreementKind, AgreementRecord } from '../../schema/records.js';
import { TOKEN_FEATURES } from '../token-features/index.js';
import { definedAliases, knownAliases, mentionsOf } from './aliases.js';
import { findAgreements } from './find.js';
import { type Mention, groupMentions } from './group.js';
import { type Party, abbreviatedParties, abbreviationLength, bothCountries, clauseDate, clauseParties, decidesSigning, eventDate, laterSigningDate, titleParties } from './links.js';

export function buildAgreementHeads(extra: readonly { head: string; kind: AgreementKind }[]): Map<string, AgreementKind> {
  const heads = new Map(AGREEMENT_HEADS);
  for (const { head, kind } of extra) heads.set(head.normalize('NFKC'), kind);
  return heads;
}

export const agreementsStage = defineStage({
  name: 'agreements',
  languages: ['ja'],
  switch: 'agreements',
  requires: [SENTENCES, TOKEN_FEATURES, 'DATE', 'ORG'],
  provides: ['AGREEMENT'],
  create: ({ config }) => {
    const heads = buildAgreementHeads(config.lexicons.agreementHeads);
    return (doc) => agreementRecords(doc, heads);
  },
});

const COORDINATED = /^[」』]?[)）]?[」』]?(?:及び|および|並びに|と|、)[「『]?$/;
const SHORT_FORM_OPEN = /^[」』]?[(（](?:略称|以下)?[、,]?[「『]?$/;
const unclosed = (text: string) => (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
const unopened = (text: string) => (text.match(/\)/g)?.length ?? 0) > (text.match(/\(/g)?.length ?? 0);

/** Agreement records of one document, with date and party links read off each mention's own clause. */
export function agreementRecords(doc: ArticleDocument, heads: ReadonlyMap<string, AgreementKind>): AgreementRecord[] {
  const norm = doc.norm.text;
  const candidates = findAgreements(doc.get(TOKEN_FEATURES), norm, heads);
  const dates = doc.records('DATE');
  const orgs = doc.records('ORG');

  const spans: { start: number; end: number; kind: AgreementKind; rule: string; aliasOf?: string; titleParties?: string }[] = [];
  const aliases = new Map<string, { kind: AgreementKind; full: string }>();
  for (const c of candidates) {
    const full = norm.slice(c.start, c.end);
    spans.push({ start: c.start, end: c.end, kind: c.kind, rule: c.rule, ...(c.titleParties ? { titleParties: c.titleParties } : {}) });
    if (c.alias) {
      spans.push({ start: c.alias.start, end: c.alias.end, kind: c.kind, rule: 'ja.agreement.alias', aliasOf: full });
      aliases.set(c.alias.text, { kind: c.kind, full });
    }
  }
  const known = knownAliases(norm, 'ja');
  // Other mentions of a defined short form (RCEP, RAA) as words of their own, unless a well-known form with a party
  // prefix holds it (`日EU・EPA`, not `EPA`).
  const inKnown = (span: { start: number; end: number }) => known.some((k) => k.start <= span.start && span.end <= k.end && k.end - k.start > span.end - span.start);
  for (const [text, { kind, full }] of aliases) {
    for (let i = norm.indexOf(text); i >= 0; i = norm.indexOf(text, i + 1)) {
      if (/[A-Za-z0-9]/.test(norm[i - 1] ?? '') || /[A-Za-z0-9]/.test(norm[i + text.length] ?? '')) continue;
      const span = { start: i, end: i + text.length };
      if (!overlapsAny(spans, span) && !inKnown(span)) spans.push({ ...span, kind, rule: 'ja.agreement.alias-mention', aliasOf: full });
    }
  }
  // Short forms the text defines (`(以下「改正議定書」という。)`, `(略称「…」)`) and well-known ones (TPP, RCEP, 日EU・EPA).
  for (const c of candidates) {
    const forms = definedAliases(norm, c.end);
    if (forms.length === 0) continue;
    const full = norm.slice(c.start, c.end);
    for (const m of mentionsOf(norm, forms, c.end)) {
      const same = spans.find((s) => s.start === m.start && s.end === m.end);
      if (same) same.aliasOf ??= full;
      else if (!overlapsAny(spans, m)) spans.push({ start: m.start, end: m.end, kind: c.kind, rule: 'ja.agreement.defined', aliasOf: full });
    }
  }
  for (const k of known) {
    const same = spans.find((s) => s.start === k.start && s.end === k.end);
    if (same) same.aliasOf ??= k.name; // `TPP11協定` found as a compound is still the CPTPP
    else if (!overlapsAny(spans, k)) {
      // `日EU・EPA` where the text defined `EPA` for `日EU・経済連携協定`: the agreement the text named, not only its type.
      const bare = k.prefix !== undefined ? norm.slice(k.start, k.end).slice(k.prefix.length).replace(/^・/, '') : undefined;
      const defined = bare !== undefined ? aliases.get(bare)?.full : undefined;
      spans.push({ start: k.start, end: k.end, kind: k.kind, rule: 'ja.agreement.known', aliasOf: defined ?? k.name });
    }
  }
  spans.sort((a, b) => a.start - b.start);

  const rawSpans = spans.map((s) => doc.rawSpan(s.start, s.end));
  const mentions = spans.map((c, index): Mention => {
    const span = rawSpans[index]!;
    const name = norm.slice(c.start, c.end);
    const prefix = abbreviationLength(name);
    // The key leaves out the parties the name spells: 日越…, or a formal title's `AとBとの間の`.
    const bareName = c.titleParties !== undefined ? name.replace(/(?:との|の)間の(?=[^の]*$)/, '').replace(c.titleParties, '') : name.slice(prefix);
    const mention: Mention = { start: span.start, end: span.end, rule: c.rule, kind: c.kind, name, bareName, parties: [] };
    if (c.aliasOf) mention.aliasOf = c.aliasOf;
    const segment = doc.sentenceAt(c.start);
    const inName = c.titleParties !== undefined ? titleParties(c.titleParties) : abbreviatedParties(name);
    if (segment) {
      // A 。 inside a bracket (`(以下「本覚書」という。)に署名した`) does not end the clause.
      let segEnd = segment.end;
      for (let guard = 0; guard < 3 && (unclosed(norm.slice(c.end, segEnd)) || /。[)」]$/.test(norm.slice(c.end, segEnd))); guard++) {
        const next = doc.sentenceAt(segEnd);
        if (!next) break;
        segEnd = next.end;
      }
      // …and one that closes a bracket opened before it (`…大臣(以下「…」とします。)は、…覚書に署名`) continues it.
      let segStart = segment.start;
      for (let guard = 0; guard < 3 && segStart > 0; guard++) {
        const previous = doc.sentenceAt(segStart - 1);
        if (!previous || previous.start >= segStart) break;
        const before = norm.slice(previous.start, segStart);
        if (!unopened(norm.slice(segStart, c.start)) && !/。[」』]?[)）]$/.test(before)) break;
        segStart = previous.start;
      }
      const sentence = doc.rawSpan(segStart, segEnd);
      // Coordinated names (`「A」及び「B」に署名`) share the clause after the last of them, also across a bracketed
      // short form of one of them (`「A」(略称)及び「B」`).
      let clauseEnd = span.end;
      // A name nested in a longer one at the same place (`…条約` in `…条約を改正する議定書`) does not end the clause.
      const endAt = (k: number) => Math.max(...rawSpans.filter((r) => r.start === rawSpans[k]!.start).map((r) => r.end));
      for (let k = index + 1; k < spans.length; k++) {
        if (rawSpans[k]!.start < clauseEnd) continue;
        const gap = doc.raw.slice(clauseEnd, rawSpans[k]!.start);
        if (COORDINATED.test(gap)) clauseEnd = endAt(k);
        else if (SHORT_FORM_OPEN.test(gap) && k + 1 < spans.length && COORDINATED.test(doc.raw.slice(rawSpans[k]!.end, rawSpans[k + 1]!.start))) clauseEnd = endAt(++k);
        else break;
      }
      const link = clauseDate(doc.raw, span, sentence, dates, clauseEnd);
      // A decision on the signing dates the cabinet's decision; the signing is reported in a later sentence.
      const later = link?.relation === 'signed' && decidesSigning(doc.raw, clauseEnd) ? laterSigningDate(doc.raw, sentence.end, dates) : undefined;
      const date = link && (later ?? link.date ?? eventDate(doc.raw, sentence, dates));
      if (link && date) mention.date = { date, relation: link.relation, ...(later === undefined && link.date === undefined ? { weak: true } : {}) };
      const clause = clauseParties(doc.raw, span, sentence, orgs, rawSpans);
      mention.parties = inName.length > 0 ? inName : clause;
      if (mention.parties.length === 0) {
        mention.parties = bothCountries(doc.raw, span, sentence);
        if (mention.parties.length > 0) mention.partiesInferred = true;
      }
    } else mention.parties = inName;
    return mention;
  });
  const values = groupMentions(mentions);
  return mentions.map((m, i) => ({ type: 'AGREEMENT', start: m.start, end: m.end, text: doc.raw.slice(m.start, m.end), rule: m.rule, value: values[i]! }));
}
