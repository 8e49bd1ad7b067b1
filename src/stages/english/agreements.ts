import type { ArticleDocument } from '../../core/document.js';
import type { StageFactory } from '../../core/stage.js';
import { AGREEMENT_HEADS, type AgreementHead, GENERIC_MODIFIERS } from '../../data/english/agreements.js';
import { COUNTRIES, NAME_STOP_WORDS } from '../../data/english/organisations.js';
import type { KijiConfig } from '../../schema/config.js';
import type { AgreementRecord, AgreementValue } from '../../schema/records.js';
import { type EnTerm, type EnglishAnalysis, analyzeEnglish, sentenceIndexAt } from './analysis.js';
import { isCapitalized, isPossessive, isTitleCase, joined } from './names.js';

/**
 * English agreements: a head (`memorandum of understanding`, `Agreement`, `Treaty`, `Joint Vision Statement`,
 * `Partnership` …) grown left over the words that name it (`Comprehensive Strategic`, `UN`, `Japan-Philippines`,
 * `defence cooperation`) and right over `on|for|of …` chains (`on the Transfer of Defense Equipment and
 * Technology`). Linked to a date and to parties (organisations and countries) in the same sentence.
 */

const STOP = new Set(NAME_STOP_WORDS);
const GENERIC = new Set(GENERIC_MODIFIERS);
const CONTINUATIONS = /^(on|for|of|concerning|regarding|against)$/;
const COUNTRY_PATTERN = new RegExp(`(?<![A-Za-z])(${[...COUNTRIES].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z])`, 'g');
const ACRONYM = /^(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z0-9&.+-]*[A-Z0-9+.]$/;

function heads(config: KijiConfig): AgreementHead[] {
  const extra = config.lexicons.agreementHeads.filter((h) => /^[A-Za-z][A-Za-z\s-]*$/.test(h.head)).map((h) => ({ words: h.head.toLowerCase().split(/\s+/), kind: h.kind, bare: true }));
  return [...extra, ...AGREEMENT_HEADS].sort((a, b) => b.words.length - a.words.length);
}

function headAt(terms: EnTerm[], i: number, to: number, text: string, list: AgreementHead[]): { head: AgreementHead; last: number } | null {
  for (const head of list) {
    if (i + head.words.length > to) continue;
    let ok = true;
    for (let k = 0; k < head.words.length && ok; k++) {
      const t = terms[i + k]!;
      if (t.text.toLowerCase() !== head.words[k]) ok = false;
      else if (k > 0 && !joined(terms[i + k - 1]!, t, text)) ok = false;
    }
    if (ok) return { head, last: i + head.words.length - 1 };
  }
  return null;
}

const isModifier = (t: EnTerm): boolean =>
  /^[a-z]/.test(t.text) && !GENERIC.has(t.text) && (t.tags.has('Noun') || t.tags.has('Adjective')) && !t.tags.has('Pronoun') && !t.tags.has('Determiner') && !t.tags.has('Value') && !t.tags.has('Date') && !t.tags.has('Verb') && !isPossessive(t) && !t.tags.has('Plural');

const isNameWord = (t: EnTerm): boolean => isCapitalized(t) && !STOP.has(t.text) && !isPossessive(t) && !/^\d+$/.test(t.text) && !t.tags.has('Month') && !t.tags.has('WeekDay');

/** `on (the) Capitalized …` chains after a capitalized head, `, X and Y` lists and nested `of the` included. */
function capitalChain(terms: EnTerm[], last: number, to: number, text: string): number {
  let end = last;
  for (;;) {
    let j = end + 1;
    if (j >= to || !joined(terms[end]!, terms[j]!, text)) return end;
    // `on|for|of …`, and `in the …` for a sea or region in the name (`Code of Conduct in the South China Sea`).
    const inThe = terms[j]!.text === 'in' && terms[j + 1]?.text === 'the';
    if (!CONTINUATIONS.test(terms[j]!.text) && !inThe) return end;
    j++;
    if (j < to && terms[j]!.text === 'the' && joined(terms[j - 1]!, terms[j]!, text)) j++;
    if (j >= to || !isNameWord(terms[j]!) || !joined(terms[j - 1]!, terms[j]!, text)) return end;
    let k = j;
    while (k + 1 < to) {
      const between = text.slice(terms[k]!.end, terms[k + 1]!.start);
      const next = terms[k + 1]!;
      if ((between === ' ' || between === '-') && isNameWord(next)) k++;
      else if ((between === ' ' && /^(and|&)$/.test(next.text)) || between === ', ') {
        const m = between === ', ' ? k + 1 : k + 2;
        if (m < to && isNameWord(terms[m]!) && !COUNTRIES.includes(terms[m]!.text) && (between === ' ' || /^(and|,)/.test(text.slice(terms[m]!.end).trim()) || text.slice(terms[m]!.end, terms[m + 1]?.start ?? 0).trim() === ',')) k = m;
        else break;
      } else break;
    }
    end = k;
  }
}

/** `on defence cooperation` after a lower-case head: a short run of nouns and adjectives. */
function lowerChain(terms: EnTerm[], last: number, to: number, text: string): number {
  const j = last + 1;
  if (j + 1 >= to || !joined(terms[last]!, terms[j]!, text) || terms[j]!.text !== 'on') return last;
  let k = j + 1;
  if (terms[k]!.text === 'the') k++;
  let end = last;
  let count = 0;
  while (k < to && count < 8 && joined(terms[k - 1]!, terms[k]!, text)) {
    const t = terms[k]!;
    if (t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('Date') && !t.tags.has('Value') && !t.tags.has('Possessive')) end = k;
    // Adjectives, participles used as adjectives (`liquefied natural gas`) and joining words continue the subject.
    else if (!(t.tags.has('Adjective') || (t.tags.has('PastTense') && /ed$/.test(t.text) && (terms[k + 1]?.tags.has('Noun') === true || terms[k + 1]?.tags.has('Adjective') === true)) || /^(and|of)$/.test(t.text))) break;
    k++;
    count++;
  }
  return end;
}

interface Found {
  start: number;
  end: number;
  kind: AgreementValue['kind'];
  rule: string;
  termFirst: number;
}

function candidates(analysis: EnglishAnalysis, text: string, list: AgreementHead[]): Found[] {
  const out: Found[] = [];
  const { terms, sentenceTermStart } = analysis;
  for (let s = 0; s + 1 < sentenceTermStart.length; s++) {
    const from = sentenceTermStart[s]!;
    const to = sentenceTermStart[s + 1]!;
    const titleCase = isTitleCase(analysis, s);
    for (let i = from; i < to; i++) {
      const found = headAt(terms, i, to, text, list);
      if (!found) continue;
      const { head } = found;
      const capital = /^[A-Z]/.test(terms[i]!.text);
      if (head.capitalOnly && !capital) continue;
      let first = i;
      let last = found.last;
      if (capital && !titleCase) {
        while (first - 1 >= from && joined(terms[first - 1]!, terms[first]!, text) && isNameWord(terms[first - 1]!)) first--;
        last = capitalChain(terms, last, to, text);
        if (last === found.last) last = lowerChain(terms, last, to, text);
        const named = first < i || last > found.last;
        // A capitalized head alone is a sentence opener (`Agreement was reached`), unless the head names itself (`MOU`).
        if (!named && !(head.bare && i > from)) continue;
        out.push({ start: terms[first]!.start, end: terms[last]!.end, kind: head.kind, rule: named ? 'en.agreement.name' : 'en.agreement.head', termFirst: first });
        i = last;
        continue;
      }
      // Lower case (or a headline): modifiers before the head (`defence industry`, `sale and purchase`), and
      // capitalized words only as the leftmost part of a compound (`U.S.-Japan security treaty`, `Japanese`).
      for (;;) {
        const prev = terms[first - 1];
        if (first - 1 < from || !prev || !joined(prev, terms[first]!, text)) break;
        if (isModifier(prev)) {
          first--;
          continue;
        }
        if (prev.text === 'and' && first - 2 >= from && isModifier(terms[first - 2]!) && joined(terms[first - 2]!, prev, text) && first < i) {
          first -= 2;
          continue;
        }
        if (isNameWord(prev) && (text[prev.end] === '-' || prev.tags.has('Demonym') || prev.tags.has('Acronym') || /^[A-Z]{2,}$/.test(prev.text)) && !titleCase) {
          first--;
          while (first - 1 >= from && text[terms[first - 1]!.end] === '-' && isNameWord(terms[first - 1]!)) first--;
        }
        break;
      }
      last = lowerChain(terms, last, to, text);
      // A two-word head names itself (`framework agreement`, `joint statement`); a one-word head needs a modifier.
      if (first === i && !head.bare && head.words.length < 2) continue;
      if (titleCase && first === i && last === found.last && !head.bare) continue;
      out.push({ start: terms[first]!.start, end: terms[last]!.end, kind: head.kind, rule: first < i ? 'en.agreement.modified' : 'en.agreement.bare', termFirst: first });
      i = last;
    }
  }
  return out;
}

/** `… Law of the Sea (UNCLOS)`: the acronym names the same agreement, here and later. */
function acronyms(found: Found[], text: string): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    // `(UNCLOS)`, `(KORUS FTA)`: one or two capitalized words in brackets right after the name.
    const m = /^\s*\(([A-Z][A-Za-z0-9.+-]{1,11}(?: [A-Z][A-Za-z0-9.+-]{1,11})?)\)/.exec(text.slice(f.end));
    if (!m || !m[1]!.split(' ').every((w) => ACRONYM.test(w))) continue;
    const forms = [m[1]!];
    // `KORUS FTA` is also called `KORUS` alone.
    const firstWord = m[1]!.split(' ')[0]!;
    if (forms[0] !== firstWord && /^[A-Z]{4,}$/.test(firstWord)) forms.push(firstWord);
    for (const acronym of forms) {
      const pattern = new RegExp(`(?<![A-Za-z0-9])${acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
      for (const a of text.matchAll(pattern)) out.push({ start: a.index, end: a.index + acronym.length, kind: f.kind, rule: 'en.agreement.acronym', termFirst: -1 });
    }
  }
  return out;
}

export function findAgreements(doc: ArticleDocument): AgreementRecord[] {
  const text = doc.norm.text;
  const analysis = analyzeEnglish(doc);
  const found = candidates(analysis, text, heads(doc.config));
  const all = [...found, ...acronyms(found, text)];
  const dates = doc.records('DATE');
  const spans = all.map((f) => doc.rawSpan(f.start, f.end));
  // An organisation candidate inside any agreement name (`UN` in `UN Convention …`) is part of the name, not a party.
  const orgs = doc.records('ORG').filter((o) => !spans.some((a) => o.start < a.end && a.start < o.end));
  return all.map((f, index) => {
    const span = spans[index]!;
    const value: AgreementValue = { kind: f.kind };
    const sentence = analysis.sentences.length > 0 ? analysis.sentences[sentenceIndexAt(analysis, f.start)] : undefined;
    // A later mention by acronym (`KORUS`) says nothing about signing dates or parties.
    if (sentence && f.rule !== 'en.agreement.acronym') {
      const rawSentence = doc.rawSpan(sentence.start, sentence.end);
      // The date: one written right before the name (`a 2011 memorandum`), else the nearest in the sentence.
      const near = dates
        .filter((d) => d.value && (d.kind === 'point' || d.kind === 'range') && d.start >= rawSentence.start && d.end <= rawSentence.end && (d.end <= span.start || d.start >= span.end))
        .sort((a, b) => distance(a, span) - distance(b, span))[0];
      if (near?.value) value.date = near.value;
      const parties = new Set<string>();
      for (const o of orgs) {
        if (o.start >= rawSentence.start && o.end <= rawSentence.end) parties.add(o.value.name);
      }
      const sentenceText = text.slice(sentence.start, sentence.end);
      for (const c of sentenceText.matchAll(COUNTRY_PATTERN)) {
        // A country inside a party's name (`U.S.` in `U.S. Department of Defense`) is that party already.
        const at = doc.rawSpan(sentence.start + c.index, sentence.start + c.index + c[0].length);
        // … and one inside a longer capitalized name (`South China Sea`) is no party at all.
        // A hyphen compound (`Korea-U.S.`, `Japan-Philippines`) names parties even inside a name.
        const hyphenated = sentenceText[c.index - 1] === '-' || sentenceText[c.index + c[0].length] === '-';
        if (!hyphenated && (/[A-Z][\w.]*\s$/.test(sentenceText.slice(0, c.index)) || /^\s[A-Z]/.test(sentenceText.slice(c.index + c[0].length)))) continue;
        if (!orgs.some((o) => o.start <= at.start && at.end <= o.end && o.start >= rawSentence.start && o.end <= rawSentence.end)) parties.add(c[1]!);
      }
      if (parties.size > 0) value.parties = [...parties];
    }
    return { type: 'AGREEMENT' as const, ...span, rule: f.rule, value };
  });
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

export const englishAgreementsStage: StageFactory = {
  name: 'en.agreements',
  languages: ['en'],
  enabled: (config) => config.stages.agreements,
  create: () => ({
    name: 'en.agreements',
    requires: ['DATE', 'ORG'],
    provides: ['AGREEMENT'],
    run: (doc) => findAgreements(doc),
  }),
};
