import type { ArticleDocument } from '../../core/document.js';
import { alternation, escapeRegExp } from '../../core/regex.js';
import { overlaps, overlapsAny, type Span } from '../../core/spans.js';
import { defineStage } from '../../core/stage.js';
import { AGREEMENT_HEADS, type AgreementHead, COUNTRY_CANONICAL, GENERIC_MODIFIERS, GOVERNMENT_WORDS, NAME_CONTINUATIONS, STATE_FORMS, STATE_FORM_ADJECTIVES, SUBJECT_WORDS, TRADE_PARTNERSHIP_WORDS, VERB_OBJECT_FILLERS } from '../../data/english/agreements.js';
import { COUNTRIES, KNOWN_ORGANISATIONS, type KnownOrganisation, NAME_STOP_WORDS } from '../../data/english/organisations.js';
import type { KijiConfig } from '../../schema/config.js';
import type { AgreementDateRelation, AgreementRecord, AgreementValue, DateRecord, OrgRecord } from '../../schema/records.js';
import { COUNTRY_BY_ENGLISH_NAME } from '../../data/countries.js';
import { WEEKDAYS } from '../../data/english/dates.js';
import { acrossLanguages } from '../orgs/canonical.js';
import { definedAliases, knownAliases, mentionsOf } from '../agreements/aliases.js';
import { type Mention, groupMentions } from '../agreements/group.js';
import { type DateLink, type Party, type VerbOnly, eventDate } from '../agreements/links.js';
import { type EnTerm, type EnglishAnalysis, EN_ANALYSIS, sentenceIndexAt } from './analysis.js';
import { isCapitalized, isPossessive, isTitleCase, joined } from './names.js';

/**
 * English agreements: a head (`memorandum of understanding`, `Agreement`, `Treaty`, `Joint Vision Statement`,
 * `Partnership` …) grown left over the words that name it (`Comprehensive Strategic`, `UN`, `Japan-Philippines`,
 * `defence cooperation`) and right over `on|for|of …` chains (`on the Transfer of Defense Equipment and
 * Technology`). Linked to a date and to parties (organisations and countries) in the same sentence.
 */

const STOP = new Set(NAME_STOP_WORDS);
const GENERIC = new Set(GENERIC_MODIFIERS);
const CONTINUATIONS = new RegExp(`^(?:${NAME_CONTINUATIONS.join('|')})$`, 'i');
const COUNTRY_PATTERN = new RegExp(`(?<![A-Za-z])(${alternation(COUNTRIES)})(?![A-Za-z])`, 'g');
/** `Socialist Republic of (the) ` before a country's short name. */
const STATE_LONG_FORM = new RegExp(`^(?:(?:${alternation(STATE_FORM_ADJECTIVES)})\\s+)*(?:${alternation(STATE_FORMS)})\\s+of\\s+(?:the\\s+)?`, 'i');
/** `the Government of (the Republic of) (the) ` right before a country: the party is the country. */
const GOVERNMENT_OF = new RegExp(
  `(?<![A-Za-z])(?:the\\s+)?(?:${alternation(GOVERNMENT_WORDS)})\\s+of\\s+(?:the\\s+)?(?:(?:(?:${alternation(STATE_FORM_ADJECTIVES)})\\s+)*(?:${alternation(STATE_FORMS)})\\s+of\\s+(?:the\\s+)?)?$`,
  'i',
);
/** `between (the Government of) A and (the Government of) B` up to the name's subject (SUBJECT_WORDS) or its end. */
const GOVERNMENT_OF_PREFIX = `(?:the )?(?:(?:${alternation(GOVERNMENT_WORDS)}) of (?:the )?)?`;
const BETWEEN_PARTIES = new RegExp(`\\bbetween ${GOVERNMENT_OF_PREFIX}(.+?) and ${GOVERNMENT_OF_PREFIX}(.+?)(?= (?:${alternation(SUBJECT_WORDS)})\\b|$)`, 'i');
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

/** A stop word also in capitals (`DELIVERING ON OUR COMPREHENSIVE STRATEGIC PARTNERSHIP`: ON and OUR end the name). */
const isStop = (word: string) => STOP.has(word) || (/^[A-Z]{2,}$/.test(word) && STOP.has(word[0] + word.slice(1).toLowerCase()));
const isNameWord = (t: EnTerm): boolean => isCapitalized(t) && !isStop(t.text) && !isPossessive(t) && !/^\d+$/.test(t.text) && !t.tags.has('Month') && !t.tags.has('WeekDay');

/** `on (the) Capitalized …` chains after a capitalized head, `, X and Y` lists and nested `of the` included. */
function capitalChain(terms: EnTerm[], last: number, to: number, text: string): number {
  let end = last;
  for (;;) {
    let j = end + 1;
    if (j >= to || !joined(terms[end]!, terms[j]!, text)) return end;
    // `on|for|of …`, and `in the …` for a sea or region in the name (`Code of Conduct in the South China Sea`).
    const inThe = /^in$/i.test(terms[j]!.text) && /^the$/i.test(terms[j + 1]?.text ?? '');
    if (!CONTINUATIONS.test(terms[j]!.text) && !inThe) return end;
    j++;
    if (j < to && /^the$/i.test(terms[j]!.text) && joined(terms[j - 1]!, terms[j]!, text)) j++;
    if (j >= to || !isNameWord(terms[j]!) || !joined(terms[j - 1]!, terms[j]!, text)) return end;
    let k = j;
    while (k + 1 < to) {
      const between = text.slice(terms[k]!.end, terms[k + 1]!.start);
      const next = terms[k + 1]!;
      // `… the Republic of the Philippines Concerning the Facilitation of …`: a capitalized preposition continues the name
      // as a preposition (the outer loop), not as a name word.
      if (between === ' ' && CONTINUATIONS.test(next.text)) break;
      if ((between === ' ' || between === '-') && isNameWord(next)) k++;
      else if ((between === ' ' && /^(and|&)$/i.test(next.text)) || between === ', ') {
        let m = between === ', ' ? k + 1 : k + 2;
        // `… and the Republic of …`, `Japan and the Armed Forces of …`
        if (between === ' ' && /^the$/i.test(terms[m]?.text ?? '') && m + 1 < to && isNameWord(terms[m + 1]!)) m++;
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
  /** For an acronym: the name it stands for. */
  aliasOf?: string;
}

function candidates(analysis: EnglishAnalysis, text: string, list: AgreementHead[]): Found[] {
  const out: Found[] = [];
  const { terms, sentenceTermStart } = analysis;
  for (let s = 0; s + 1 < sentenceTermStart.length; s++) {
    const from = sentenceTermStart[s]!;
    const to = sentenceTermStart[s + 1]!;
    // A line in capitals (`DELIVERING ON OUR COMPREHENSIVE STRATEGIC PARTNERSHIP`) reads like capitalized names, not a headline.
    const allCaps = !/[a-z]/.test(text.slice(terms[from]?.start ?? 0, terms[to - 1]?.end ?? 0)) && to - from >= 2;
    const titleCase = !allCaps && isTitleCase(analysis, s);
    for (let i = from; i < to; i++) {
      const found = headAt(terms, i, to, text, list);
      if (!found) continue;
      const { head } = found;
      const capital = /^[A-Z]/.test(terms[i]!.text);
      if (head.capitalOnly && !capital) continue;
      let first = i;
      let last = found.last;
      if (capital && !titleCase) {
        for (;;) {
          if (first - 1 >= from && joined(terms[first - 1]!, terms[first]!, text) && isNameWord(terms[first - 1]!)) first--;
          // `Comprehensive and Progressive …`, `Trade and Investment Framework Agreement`: coordinated name words.
          else if (first - 2 >= from && /^and$/i.test(terms[first - 1]!.text) && joined(terms[first - 1]!, terms[first]!, text) && joined(terms[first - 2]!, terms[first - 1]!, text) && isNameWord(terms[first - 2]!) && first < i + 1 && isNameWord(terms[first]!) && first !== i) first -= 2;
          else break;
        }
        last = capitalChain(terms, last, to, text);
        // `… on Defence Cooperation towards the next decade`: a lower-case aim after the capitalized name.
        if (last > found.last && /^towards?$/i.test(terms[last + 1]?.text ?? '') && joined(terms[last]!, terms[last + 1]!, text)) {
          let k = last + 2;
          while (k < to && k < last + 6 && /^[a-z]/.test(terms[k]!.text) && joined(terms[k - 1]!, terms[k]!, text) && !terms[k]!.tags.has('Verb')) k++;
          if (k > last + 2 && terms[k - 1]!.tags.has('Noun')) last = k - 1;
        }
        if (last === found.last) last = lowerChain(terms, last, to, text);
        const named = first < i || last > found.last;
        // A capitalized head alone is a sentence opener (`Agreement was reached`), unless the head names itself (`MOU`).
        if (!named && !(head.bare && i > from)) continue;
        const nameWords = terms.slice(first, last + 1).map((t) => t.text.toLowerCase());
        // A trade Partnership is a trade agreement; a capitalized `… Framework Agreement` is named an Agreement.
        const kind = (head.kind === 'partnership' && nameWords.some((w) => TRADE_PARTNERSHIP_WORDS.includes(w))) || (head.kind === 'framework' && head.words.length === 2) ? 'agreement' : head.kind;
        out.push({ start: terms[first]!.start, end: terms[last]!.end, kind, rule: named ? 'en.agreement.name' : 'en.agreement.head', termFirst: first });
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
      // `exchanges of Notes concerning Yen Loans …`: a capitalized subject after a lower-case head.
      if (last === found.last) last = capitalChain(terms, last, to, text);
      // A two-word head names itself (`framework agreement`, `joint statement`); a one-word head needs a modifier.
      if (first === i && !head.bare && head.words.length < 2) continue;
      // Lower-case modifiers alone describe an agreement (`free trade agreement`, `robust framework`, `security-related
      // agreement`) unless a subject follows (`… on defence cooperation`), a coordinated pair names a document type
      // (`sale and purchase agreement`), a name or acronym opens it (`U.S.-Japan security treaty`) or the head names itself.
      const words = terms.slice(first, i);
      const capitalized = words.some((w) => /^[A-Z]/.test(w.text));
      const coordinated = words.some((w) => w.text === 'and');
      if (!head.bare && !capitalized && !coordinated && last === found.last) continue;
      if (titleCase && first === i && last === found.last && !head.bare) continue;
      out.push({ start: terms[first]!.start, end: terms[last]!.end, kind: head.kind, rule: first < i ? 'en.agreement.modified' : 'en.agreement.bare', termFirst: first });
      i = last;
    }
  }
  return out;
}

/**
 * A statement or declaration that heads its line with a subtitle after a colon (`Joint Statement: Vision for the
 * Enhancement of …`): the title runs to the end of the line, and names inside the subtitle are part of it.
 */
function withSubtitles(found: Found[], text: string): Found[] {
  const out: Found[] = [];
  let skipUntil = -1;
  for (const f of found) {
    if (f.start < skipUntil) continue;
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    const sub = /^: ([A-Z][^\n]{3,240})/.exec(text.slice(f.end));
    if ((f.kind === 'statement' || f.kind === 'declaration') && sub && /^\s*$/.test(text.slice(lineStart, f.start)) && !/[.!?]\s*$/.test(sub[1]!)) {
      const end = f.end + 2 + sub[1]!.trimEnd().length;
      out.push({ ...f, end, rule: 'en.agreement.subtitled' });
      skipUntil = end;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** A compound of countries right before an acronym: `U.S.-Australia ` of `U.S.-Australia FTA`. */
const PARTY_PREFIX_WORD = `(?:${alternation([...COUNTRIES, 'ASEAN', 'EU', 'NATO'])})`;
const PARTY_PREFIX = new RegExp(`(?<![A-Za-z.-])${PARTY_PREFIX_WORD}(?:-${PARTY_PREFIX_WORD})+ $`);

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
      const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(acronym)}(?![A-Za-z0-9])`, 'g');
      for (const a of text.matchAll(pattern)) {
        // `the U.S.-Australia FTA`: a party prefix on the acronym belongs to the mention.
        const prefix = PARTY_PREFIX.exec(text.slice(Math.max(0, a.index - 40), a.index))?.[0].length ?? 0;
        out.push({ start: a.index - prefix, end: a.index + acronym.length, kind: f.kind, rule: 'en.agreement.acronym', termFirst: -1, aliasOf: text.slice(f.start, f.end) });
      }
    }
  }
  return out;
}

export function findAgreements(doc: ArticleDocument): AgreementRecord[] {
  const text = doc.norm.text;
  const analysis = doc.get(EN_ANALYSIS);
  const found = withSubtitles(candidates(analysis, text, heads(doc.config)), text);
  const all = [...found, ...acronyms(found, text)];
  // Short forms the text defines (`(“the X”, or “the Y”)`, `…Partnership, or CPTPP`) and well-known ones (TPP, RCEP, KORUS).
  const free = (start: number, end: number) => !all.some((f) => f.start < end && start < f.end);
  for (const f of found) {
    const full = text.slice(f.start, f.end);
    for (const m of mentionsOf(text, definedAliases(text, f.end), f.end)) {
      // A short form that is a name of its own (`“the Japan-Philippines Reciprocal Access Agreement”`) still stands for the full name.
      const same = all.find((a) => a.start === m.start && a.end === m.end);
      if (same) same.aliasOf ??= full;
      else if (free(m.start, m.end)) all.push({ start: m.start, end: m.end, kind: f.kind, rule: 'en.agreement.defined', termFirst: -1, aliasOf: full });
    }
  }
  for (const k of knownAliases(text, 'en')) if (free(k.start, k.end)) all.push({ start: k.start, end: k.end, kind: k.kind, rule: 'en.agreement.known', termFirst: -1, aliasOf: k.name });
  all.sort((a, b) => a.start - b.start);
  const dates = doc.records('DATE');
  const spans = all.map((f) => doc.rawSpan(f.start, f.end));
  // An organisation candidate inside any agreement name (`UN` in `UN Convention …`) is part of the name, not a party.
  const orgs = doc.records('ORG').filter((o) => !overlapsAny(spans, o));
  const mentions = all.map((f, index): Mention => {
    const span = spans[index]!;
    const name = text.slice(f.start, f.end);
    const inName = nameParties(name);
    // The key leaves out the parties a name opens with (`U.S.-Australia `, `United States-Japan-Australia `).
    const opening = inName.length > 0 ? PARTY_COMPOUND.exec(name) : null;
    const bareName = opening && opening.index === 0 ? name.slice(opening[0].length).trimStart() : name;
    const mention: Mention = { start: span.start, end: span.end, rule: f.rule, kind: f.kind, name, bareName, parties: inName };
    if (f.aliasOf) mention.aliasOf = f.aliasOf;
    const sentence = analysis.sentences.length > 0 ? analysis.sentences[sentenceIndexAt(analysis, f.start)] : undefined;
    if (sentence) {
      const rawSentence = doc.rawSpan(sentence.start, sentence.end);
      const link = englishClauseDate(doc.raw, span, rawSentence, dates, spans);
      const borrowed = link && link.date === undefined ? eventDate(doc.raw, rawSentence, dates) : undefined;
      const date = link ? link.date ?? borrowed : undefined;
      if (link && date) mention.date = { date, relation: link.relation, ...(borrowed !== undefined || ('weak' in link && link.weak) ? { weak: true } : {}) };
      else if (!link) {
        const line = headlineDate(doc.raw, span, dates);
        if (line) mention.date = { date: line, relation: 'dated', weak: true };
      }
      if (inName.length === 0) mention.parties = englishClauseParties(doc.raw, span, rawSentence, orgs, spans);
    }
    return mention;
  });
  const values = groupMentions(mentions);
  return mentions.map((m, i) => ({ type: 'AGREEMENT' as const, start: m.start, end: m.end, text: doc.raw.slice(m.start, m.end), rule: m.rule, value: values[i]! }));
}

/** What may stand on a date line beside its dates: separators and a weekday (`Wednesday, `), no DATE of its own. */
const ONLY_DATE_LINE = new RegExp(`^[\\s,|]*(?:(?:${alternation(Object.keys(WEEKDAYS))})[\\s,|]*)?$`);

/**
 * A name that is its page's headline, with the release's date line right under it (`Exchange of Notes concerning …`
 * then `May 1, 2022`, or `Joint Statement: …` then `Wednesday, December 28, 2011`): the document is dated that day.
 * Only a day-precision date that is the whole line counts.
 */
function headlineDate(raw: string, name: Span, dates: readonly DateRecord[]): string | undefined {
  const lineStart = raw.lastIndexOf('\n', name.start - 1) + 1;
  const lineEnd = raw.indexOf('\n', name.end);
  if (lineEnd < 0 || !/^\s*$/.test(raw.slice(lineStart, name.start))) return undefined;
  // The name is the whole line, or opens it before a colon and a subtitle (`Joint Statement: Vision for …`).
  const rest = raw.slice(name.end, lineEnd);
  if (!/^\s*$/.test(rest) && !/^:\s/.test(rest)) return undefined;
  const next = /^\n+(?:[ \t]*\n)*/.exec(raw.slice(lineEnd))?.[0].length ?? 0;
  const from = lineEnd + next;
  const nextEnd = raw.indexOf('\n', from) < 0 ? raw.length : raw.indexOf('\n', from);
  const onLine = dates.filter((x) => x.start >= from && x.end <= nextEnd);
  const d = onLine.filter((x) => x.value !== null && /^\d{4}-\d\d-\d\d$/.test(x.value)).at(-1);
  if (!d) return undefined;
  // Nothing else on that line but dates and the weekday the date names (`Wednesday, December 28, 2011`).
  let others = raw.slice(from, nextEnd);
  for (const x of [...onLine].reverse()) others = others.slice(0, x.start - from) + others.slice(x.end - from);
  return ONLY_DATE_LINE.test(others) ? d.value! : undefined;
}

/** Parties a name spells as a hyphen compound: `Japan-Philippines …`, `U.S.-Australia FTA`, `Korea-U.S. …`. */
function nameParties(name: string): Party[] {
  // `Agreement between (the Government of) Japan and (the Government of) the Republic of the Philippines concerning …`
  const between = BETWEEN_PARTIES.exec(name);
  if (between && !/ between /i.test(between[2]!)) {
    return [between[1]!, between[2]!].map((p) => ({ name: p, canonical: canonicalCountry(p.replace(STATE_LONG_FORM, '')) }));
  }
  // The first compound of countries, where it opens the name or anywhere in a subtitled title (`Joint Statement: Vision
  // for the Enhancement of Japan-India Strategic …`).
  const compound = PARTY_COMPOUND.exec(name);
  if (!compound || (compound.index > 0 && !/: /.test(name.slice(0, compound.index)))) return [];
  return compound[0].split('-').map((p) => ({ name: p, canonical: canonicalCountry(p) }));
}

/** Organisations that stand in a hyphen compound as parties (`ASEAN-U.S. Plan of Action`). */
const PARTY_ORGS = ['ASEAN', 'EU', 'NATO'];
/** `Japan-Philippines`, `U.S.-Australia`, `United States-Japan-Australia`: countries joined by hyphens, as a word of the name. */
const PARTY_WORD = `(?:${alternation([...COUNTRIES, ...PARTY_ORGS])})`;
const PARTY_COMPOUND = new RegExp(`(?<![A-Za-z.-])${PARTY_WORD}(?:-${PARTY_WORD})+(?=\\s)`);
/** A country's canonical name for keys: the Japanese table's (`U.S.` → `United States` → `米国`), so both languages share keys. */
function canonicalCountry(name: string): string {
  const english = COUNTRY_CANONICAL.get(name) ?? name;
  const country = COUNTRY_BY_ENGLISH_NAME.get(english);
  if (country) return country.name;
  // A body in a compound (`EU-Vietnam …`): its full name, shared across languages (`EU` → European Union → 欧州連合).
  return acrossLanguages(KNOWN_ORGANISATION_BY_ALIAS.get(english)?.name ?? english);
}
const KNOWN_ORGANISATION_BY_ALIAS: ReadonlyMap<string, KnownOrganisation> = new Map(KNOWN_ORGANISATIONS.flatMap((o) => o.aliases.map((a) => [a, o] as const)));

const RELATION_VERBS: readonly [RegExp, AgreementDateRelation][] = [
  [/^(?:signed|signing|sign|signs|initialed|exchanged|exchange)$/i, 'signed'],
  [/^(?:concluded|concluding|conclude|reached|finalized|added)$/i, 'concluded'],
  [/^(?:upgraded|established|elevated)$/i, 'established'],
  [/^(?:adopted|adopting|adopt|endorsed|launched)$/i, 'adopted'],
  [/^(?:issued|issuing|issue|released|announced)$/i, 'issued'],
  [/^(?:force|effect|effective)$/i, 'in_force'],
];
/** A relation verb and the words between it and its object, the name: `signed the`, `adopted this year's`, `signing of a new`. */
const VERB_OBJECT = new RegExp(`^\\S+\\s+(?:(?:${alternation(VERB_OBJECT_FILLERS)}|\\d{4}|[a-z]+ly)\\s+)*$`);
const relationOf = (word: string): AgreementDateRelation | undefined => RELATION_VERBS.find(([re]) => re.test(word))?.[1];

/**
 * The date of an English agreement mention from its own clause: a relation verb within a few words before the name
 * (`signed the …`, `the signing of the …`) or after it (`…, signed in 2014`, `… entered into force on …`, `… took effect in 2012`),
 * and the DATE nearest that verb on the same side; else a year or date written right before the name (`a 2011 memorandum`).
 */
function englishClauseDate(raw: string, agreement: Span, sentence: Span, dates: readonly DateRecord[], names: readonly Span[]): DateLink | VerbOnly | undefined {
  const inSentence = dates.filter((d) => d.value && (d.kind === 'point' || d.kind === 'range') && d.start >= sentence.start && d.end <= sentence.end && (d.end <= agreement.start || d.start >= agreement.end));
  const before = raw.slice(sentence.start, agreement.start);
  const after = raw.slice(agreement.end, sentence.end);
  const right = /^[\s,)"”]*(?:\([^)]*\)[\s,"”]*)?(?:(?:which|that)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4})?(?:was|were|is|has been|had been|have been|will be)?\s*(?:jointly\s+|formally\s+|officially\s+|first\s+)?(signed|concluded|adopted|endorsed|issued|released|announced|upgraded|established|entered into force|took effect|came into force|goes into effect|went into effect|takes effect|into force)\b/i.exec(after);
  const leftWords = before.split(/\s+/).filter(Boolean).slice(-6);
  let leftVerb: { relation: AgreementDateRelation; at: number } | undefined;
  for (let i = leftWords.length - 1; i >= 0; i--) {
    const w = leftWords[i]!.replace(/[^A-Za-z]/g, '');
    const relation = relationOf(w);
    if (relation && relation !== 'in_force') {
      const at = sentence.start + before.lastIndexOf(leftWords[i]!);
      // The verb takes the name as its object (`signed the …`, `the signing of a …`, `issued a 2022 …`), not a noun before it.
      if (VERB_OBJECT.test(raw.slice(at, agreement.start))) leftVerb = { relation, at };
      break;
    }
    if (/[.;:]$/.test(leftWords[i]!)) break;
  }
  // Another name between the verb and a date takes that date, unless it is this one's short form in brackets (`(“the X”)`).
  const shortForm = (n: Span) => n.start >= agreement.end && /^\s*\(\s*[“"]?(?:the\s+)?$/.test(raw.slice(agreement.end, n.start));
  const nearest = (at: number, side: 'after' | 'any') => inSentence
    .filter((d) => (side === 'any' || d.start >= at) && !names.some((n) => n !== agreement && n.start > Math.min(at, d.start) && n.end < Math.max(at, d.end) && n.start !== agreement.start && !shortForm(n)))
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  if (right) {
    const verb = right[1]!.toLowerCase();
    const relation: AgreementDateRelation = /force|effect/.test(verb) ? 'in_force' : relationOf(verb) ?? (verb === 'endorsed' ? 'adopted' : 'signed');
    const d = nearest(agreement.end + right.index + right[0].length, 'after');
    if (d) return { date: d.value!, relation };
    if (!leftVerb) return { relation };
  }
  if (leftVerb) {
    const d = nearest(leftVerb.at, 'any');
    // `adopted this year's Joint Declaration`: a year that says which document, not the day it was adopted; the day the
    // release gives for the event (its paragraph, its date line) refines it.
    if (d && d.start >= leftVerb.at && d.end <= agreement.start && /^\d{4}$/.test(d.value!)) {
      const year = `${d.value!}-`;
      let day = eventDate(raw, sentence, dates);
      // …else the last day of that year the release gave before (the meeting it reports on).
      if (!day?.startsWith(year)) day = dates.filter((x) => x.end <= sentence.start && x.value?.startsWith(year) && /^\d{4}-\d\d-\d\d$/.test(x.value)).at(-1)?.value ?? undefined;
      if (day) return { date: day, relation: leftVerb.relation, weak: true };
    }
    if (d) return { date: d.value!, relation: leftVerb.relation };
    return { relation: leftVerb.relation };
  }
  // `a 2011 memorandum of understanding`, `the 2022 Joint Statement`.
  const onName = inSentence.find((d) => (d.end <= agreement.start && /^\s*$/.test(raw.slice(d.end, agreement.start))) || (d.start >= agreement.end && /^\s*(?:of|\()\s*$/.test(raw.slice(agreement.end, d.start))));
  if (onName) return { date: onName.value!, relation: 'dated' };
  return undefined;
}

/**
 * Parties the clause names: `between X and Y`, `X and Y signed …`, `X signed … with Y`. Places and organisations that are
 * merely in the sentence are not parties.
 */
function englishClauseParties(raw: string, agreement: Span, sentence: Span, orgs: readonly OrgRecord[], names: readonly Span[]): Party[] {
  const mentions: { start: number; end: number; name: string; canonical: string }[] = orgs
    .filter((o) => o.start >= sentence.start && o.end <= sentence.end)
    .map((o) => ({ start: o.start, end: o.end, name: o.text.replace(/^the\s+/i, ''), canonical: o.value.name }));
  const sentenceText = raw.slice(sentence.start, sentence.end);
  for (const c of sentenceText.matchAll(COUNTRY_PATTERN)) {
    const at = { start: sentence.start + c.index, end: sentence.start + c.index + c[0].length };
    if (overlapsAny(mentions, at) || overlapsAny(names, at)) continue;
    // A country inside a longer capitalized name (`South China Sea`) is no party.
    if (/^\s[A-Z][a-z]/.test(sentenceText.slice(c.index + c[0].length)) && !/^\s(?:and|And)\b/.test(sentenceText.slice(c.index + c[0].length))) continue;
    // `the Government of the Republic of the Philippines`: one mention, from `Government`.
    const government = GOVERNMENT_OF.exec(sentenceText.slice(Math.max(0, c.index - 80), c.index));
    if (government) {
      const start = at.start - government[0].replace(/^the\s+/i, '').length;
      if (!mentions.some((m) => m.start < at.start && m.end > start)) {
        mentions.push({ start, end: at.end, name: raw.slice(start, at.end), canonical: canonicalCountry(c[1]!) });
        continue;
      }
    }
    mentions.push({ ...at, name: c[1]!, canonical: canonicalCountry(c[1]!) });
  }
  mentions.sort((a, b) => a.start - b.start);
  const pick = (list: typeof mentions) => list.map(({ name, canonical }) => ({ name, canonical }));
  // `between X and Y` (before or after the name).
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (/between\s+(?:the\s+)?$/i.test(raw.slice(Math.max(sentence.start, a.start - 14), a.start)) && /^\s*(?:,\s*)?and\s+(?:the\s+)?$/i.test(raw.slice(a.end, b.start))) return pick([a, b]);
  }
  // `X and Y signed|issued|concluded … NAME` / `X and Y have a NAME`: a subject list before the name.
  const before = mentions.filter((m) => m.end <= agreement.start);
  for (let last = before.length - 1; last >= 0; last--) {
    const tail = raw.slice(before[last]!.end, agreement.start);
    if (!/^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:have|has|had|jointly|formally|officially|today|also|will|would|to)\s+)*(?:signed|sign|issued|issue|concluded|conclude|adopted|adopt|exchanged|released|agreed|upgraded|launched|reaffirmed|established)\b/i.test(tail)) continue;
    const list = [before[last]!];
    for (let i = last - 1; i >= 0; i--) {
      const between = raw.slice(before[i]!.end, list[0]!.start);
      if (!/^\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[A-Z][\w.]*['’]s\s+)?$/i.test(between)) break;
      list.unshift(before[i]!);
    }
    if (list.length >= 2) return pick(list);
    // `X signed the NAME with Y`.
    const partner = mentions.find((m) => m.start >= agreement.end && /^\s*(?:,\s*)?with\s+(?:the\s+)?$/i.test(raw.slice(agreement.end, m.start)));
    if (partner) return pick([list[0]!, partner]);
    break;
  }
  return [];
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

export const englishAgreementsStage = defineStage({
  name: 'en.agreements',
  languages: ['en'],
  switch: 'agreements',
  requires: [EN_ANALYSIS, 'DATE', 'ORG'],
  provides: ['AGREEMENT'],
  create: () => findAgreements,
});
