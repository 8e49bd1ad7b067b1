import { overlaps, type Span } from '../../core/spans.js';
import { BOTH_COUNTRIES, COUNTRIES, COUNTRY_BY_ABBR, type Country } from '../../data/countries.js';
import { JA_DATE_RELATIONS, JA_GOVERNMENT_WORDS, JA_PARTY_ORG_ABBR, JA_STATE_SUFFIX } from '../../data/agreement-heads.js';
import type { AgreementDateRelation, DateRecord, OrgRecord } from '../../schema/records.js';

/**
 * Links of a Japanese agreement mention, read off its own clause (raw offsets, raw text):
 * the date of the event the clause states (署名, 締結, 発効 …) and the parties it names.
 */


/** A date that can be linked: a resolved point or range (not a duration or a vague date). */
const linkable = (d: DateRecord) => d.value !== null && (d.kind === 'point' || d.kind === 'range') && !/^\d+\s+日$/.test(d.text);

/**
 * Dates that are another rendering of the date just before them (`11月3日(木)【日本時間11月4日(金)】`): the event's
 * date is the first one, so these are left out.
 */
export function restatements(raw: string, dates: readonly DateRecord[]): Set<DateRecord> {
  const out = new Set<DateRecord>();
  for (let i = 1; i < dates.length; i++) {
    const gap = raw.slice(dates[i - 1]!.end, dates[i]!.start);
    if (gap.length <= 14 && /[【(（\[]/.test(gap) && !/[】)）\]]\s*$/.test(gap.replace(/^[(（][^)）]{1,4}[)）]/, '')) && !/[。、]/.test(gap)) out.add(dates[i]!);
  }
  return out;
}

export interface DateLink {
  date: string;
  relation: AgreementDateRelation;
  /** Borrowed from around the clause (the sentence before, the date line), not read off the clause itself. */
  weak?: boolean;
}

/** The clause's verb without a date in the sentence: the caller may look for the event's date around it. */
export interface VerbOnly {
  date?: undefined;
  relation: AgreementDateRelation;
}

const relationOf = (verb: string): AgreementDateRelation => {
  for (const [relation, verbs] of JA_DATE_RELATIONS) if (verbs.some((v) => verb.startsWith(v))) return relation;
  return 'signed';
};
const VERB_ALTERNATION = JA_DATE_RELATIONS.flatMap(([, verbs]) => verbs).sort((a, b) => b.length - a.length).join('|');
/**
 * The agreement's own predicate after its name: `…協定に署名した`, `…覚書の署名`, `…協定は2008年7月1日に発効した`,
 * `書簡の交換が行われた`, `(RAA)への署名式`. The stretch between name and verb may hold a date, but no full stop,
 * no finished predicate (…した、) and no other quotation.
 */
const VERB_AFTER = new RegExp(`^[」』]?(?:[(（][^)）]{0,40}[)）])?[」』]?(?:の|に|を|が|は|へ|への|も|について|に対して|、|,|，)?([^。「」]{0,32}?)(${VERB_ALTERNATION})`);
/** A finished predicate inside that stretch: the verb belongs to another clause. */
const FINISHED_PREDICATE = /(?:した|ました|して|され|った|れた|ている|ており|する(?:が|と|、))/;
/** A relative clause before the name: `2010年に署名を行った「…覚書」`, `署名された協定`. */
const VERB_BEFORE = new RegExp(`(${VERB_ALTERNATION})(?:を行っ|され|し|が行われ|が行なわれ)た[「『]?$`);

/**
 * The date of an agreement mention from its own clause:
 * 1. a DATE in the bracket right after the name (`了解覚書(2011年)`) — `dated`;
 * 2. the clause's verb after the name (`…に署名した`), with a DATE between name and verb, else the nearest DATE
 *    before the name in the sentence; a coordinated name (`「A」及び「B」を更新する署名`) takes the verb after the last one;
 * 3. a relative clause before the name (`2010年に署名を行った「…」`): the nearest DATE before that verb.
 * No verb of its own, no date: a date that merely shares the sentence (`日米地位協定をめぐっては、11月2日に…`) is not linked.
 */
export function clauseDate(raw: string, agreement: Span, sentence: Span, dates: readonly DateRecord[], clauseEnd = agreement.end): DateLink | VerbOnly | undefined {
  const skip = restatements(raw, dates);
  const inSentence = dates.filter((d) => linkable(d) && d.start >= sentence.start && d.end <= sentence.end && !overlaps(d, agreement) && !skip.has(d));
  if (/^[(（]/.test(raw.slice(agreement.end, agreement.end + 1))) {
    const bracket = inSentence.find((d) => d.start > agreement.end && d.start <= agreement.end + 2);
    if (bracket && /^[)）]/.test(raw.slice(bracket.end, bracket.end + 1))) return { date: bracket.value!, relation: 'dated' };
  }
  const after = VERB_AFTER.exec(raw.slice(clauseEnd, sentence.end));
  if (after && !FINISHED_PREDICATE.test(after[1]!)) {
    const verbAt = clauseEnd + after.index + after[0].length - after[2]!.length;
    const relation = relationOf(after[2]!);
    // `同年7月に署名された日英情報保護協定が翌年1月に発効し`: the signing the name's own relative clause states comes
    // before its entry into force (the date a treaty database keys on is when it was made).
    if (relation === 'in_force') {
      const made = relativeClauseDate(raw, agreement, sentence, inSentence);
      if (made && made.relation !== 'in_force') return made;
    }
    const between = inSentence.filter((d) => d.start >= clauseEnd && d.end <= verbAt);
    if (between.length > 0) return { date: between[between.length - 1]!.value!, relation };
    let before: DateRecord | undefined;
    for (const d of inSentence) if (d.end <= agreement.start && (!FINISHED_CLAUSE.test(withoutBrackets(raw.slice(d.end, agreement.start))) || sentenceTopic(raw, sentence, d))) before = d;
    if (before) return { date: before.value!, relation };
    // `署名は2018年7月17日に行われた`: a date right after the verb noun.
    const next = inSentence.find((d) => d.start >= verbAt && d.start - verbAt <= 6);
    if (next) return { date: next.value!, relation };
    return { relation };
  }
  const made = relativeClauseDate(raw, agreement, sentence, inSentence);
  if (made) return made;
  // `2021年の防衛装備・技術移転協定`: a date written onto the name.
  const onName = inSentence.find((d) => d.end <= agreement.start && /^の[「『]?$/.test(raw.slice(d.end, agreement.start)));
  if (onName) return { date: onName.value!, relation: 'dated' };
  return undefined;
}
/** A clause that ends between a date and the name: the date belongs to that clause (`11月2日に訪れた際、…`). */
const FINISHED_CLAUSE = /(?:した|った|れた|いた|だ|である|ました|ます)(?:が|際|ところ|後|ため|[、,，。])/;
/** Bracketed asides (`(以下「チャイウット大臣」とします。)`) blanked out: what they say ends no clause of the sentence. */
const withoutBrackets = (text: string) => text.replace(/[(（][^()（）]*[)）]/g, (m) => ' '.repeat(m.length));
/**
 * A date that opens its sentence as its topic (`平成27年5月、大臣が訪問した際、…声明を発出し`, `(1) 8月5日、…`): it dates
 * every clause of the sentence, including those after a finished subordinate clause.
 */
const sentenceTopic = (raw: string, sentence: Span, d: DateRecord) => /^[\s\d()（）.．・\-]*$/.test(raw.slice(sentence.start, d.start)) && /^[、,，]/.test(raw.slice(d.end, d.end + 1));

/** A relative clause before the name (`2010年に署名を行った「…」`, `同年7月に署名された…協定`): the nearest DATE before its verb. */
function relativeClauseDate(raw: string, agreement: Span, sentence: Span, inSentence: readonly DateRecord[]): DateLink | undefined {
  const rel = VERB_BEFORE.exec(raw.slice(sentence.start, agreement.start));
  if (!rel) return undefined;
  const verbAt = sentence.start + rel.index;
  let before: DateRecord | undefined;
  for (const d of inSentence) if (d.end <= verbAt) before = d;
  return before ? { date: before.value!, relation: relationOf(rel[1]!) } : undefined;
}

/** A party as the text names it, with the canonical form used for keys. */
export interface Party {
  name: string;
  canonical: string;
}

/** A place or organisation that can be a party, found in a sentence (raw offsets). */
interface PartyMention extends Span, Party {}

/** Countries named in a stretch of text, as written (`フィリピン共和国`, `ウルグアイ東方共和国`), longest first at each place. */
export function countryMentions(text: string, offset = 0): PartyMention[] {
  const found: PartyMention[] = [];
  for (const country of COUNTRIES) {
    for (const name of country.names) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        const suffix = JA_STATE_SUFFIX.exec(text.slice(i + name.length, i + name.length + 12));
        const end = i + name.length + (suffix ? suffix[0].length : 0);
        found.push({ start: offset + i, end: offset + end, name: text.slice(i, end), canonical: country.name });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((m, i) => !found.slice(0, i).some((o) => overlaps(o, m)));
}

/**
 * The key form of an organisation as a party: a country's government is the country (`日本国政府`, `日本政府` → 日本,
 * `フィリピン共和国政府` → フィリピン), so that the key does not depend on which of them the text wrote.
 */
export function partyCanonical(orgName: string): string {
  const word = JA_GOVERNMENT_WORDS.find((w) => orgName.endsWith(w));
  if (!word) return orgName;
  const stem = orgName.slice(0, -word.length);
  const [country] = countryMentions(stem);
  return country && country.start === 0 && (country.end === stem.length || (country.end === stem.length - 1 && stem.endsWith('国'))) ? country.canonical : orgName;
}

/** Countries (and organisations such as EU, ASEAN) a name starts with as abbreviations: 日米, 日・フィリピン, 日EU, 日・ASEAN. */
export function abbreviatedParties(name: string): Party[] {
  return readAbbreviations(name).parties;
}

/** The length of the abbreviation prefix `abbreviatedParties` read (`日越` of `日越防衛装備品・技術移転協定`, `日・ASEAN` of `日・ASEAN包括的…`), 0 when none. */
export function abbreviationLength(name: string): number {
  return readAbbreviations(name).length;
}

/** The parties a name's abbreviation prefix spells, and how many characters (with a trailing `・`) it takes. */
function readAbbreviations(name: string): { parties: Party[]; length: number } {
  const parties: Party[] = [];
  let i = 0;
  let end = 0;
  while (i < name.length) {
    const ch = name[i]!;
    if (ch === '・') {
      i++;
      continue;
    }
    if (parties.length > 0) {
      const full = COUNTRIES.flatMap((c) => c.names.filter((n) => name.startsWith(n, i)).map((n) => ({ c, n }))).sort((a, b) => b.n.length - a.n.length)[0];
      if (full) {
        parties.push({ name: full.c.name, canonical: full.c.name });
        i += full.n.length;
        end = i;
        continue;
      }
      const org = [...JA_PARTY_ORG_ABBR.keys()].find((a) => name.startsWith(a, i) && !/[A-Za-z]/.test(name[i + a.length] ?? ''));
      if (org) {
        // Written out (`EU` → 欧州連合): the short form names no one outside the compound.
        parties.push({ name: JA_PARTY_ORG_ABBR.get(org)!, canonical: JA_PARTY_ORG_ABBR.get(org)! });
        i += org.length;
        end = i;
        continue;
      }
    }
    const country = COUNTRY_BY_ABBR.get(ch);
    if (!country) break;
    parties.push({ name: country.name, canonical: country.name });
    i++;
    end = i;
  }
  if (parties.length < 2) return { parties: [], length: 0 };
  return { parties, length: name[end] === '・' ? end + 1 : end };
}

/** Separators between coordinated parties: `AとB`, `A及びB`, `A・B`, `A、B`. */
const PARTY_JOIN = /^(?:と|及び|および|並びに|ならびに|・|、|,|，)$/;
/** A join and the start of a name the tagger cut short: `と連邦デジタル・` before `交通省` (name characters only, no particle). */
const PARTY_JOIN_NAME = /^(?:と|及び|および)([ァ-ヶー一-龥A-Za-z][ァ-ヶー一-龥A-Za-z・]{1,11})$/;
/** What follows a list of parties that makes them the agreement's parties: `AとBは`, `AとBとの間で`, `A・B間の`. */
const PARTY_CLOSE = /^(?:との間で|との間での|との間の|の間で|の間での|の間の|間で|間の|両国は|両国が|両政府は|両政府が|は|が|との)/;

/**
 * Parties the sentence names for an agreement: a list of places and organisations closed by は/が/との間で before the
 * name (`総務省と情報通信省との間で…覚書に署名`, `日本とタイは…協定に署名`), or `XはYと…` (`日本はベトナムと…協定を結んだ`).
 * A place or an organisation that is merely in the sentence is not a party.
 */
export function clauseParties(raw: string, agreement: Span, sentence: Span, orgs: readonly OrgRecord[], exclude: readonly Span[]): Party[] {
  const lead = raw.slice(sentence.start, agreement.start);
  // `日越の包括的戦略的パートナーシップ`, `日米間の…`: a pair of abbreviations right before the name.
  const pair = /(?<![一-龥])([日米越中韓比豪印英仏独露]・?[日米越中韓比豪印英仏独露])(?:両国|間)?の[「『]?$/.exec(lead);
  if (pair) {
    const parties = abbreviatedParties(pair[1]!);
    if (parties.length === 2) return parties;
  }
  const mentions: PartyMention[] = orgs
    .filter((o) => o.start >= sentence.start && o.end <= agreement.start && !exclude.some((x) => overlaps(x, o)))
    .map((o) => ({ start: o.start, end: o.end, name: o.text, canonical: partyCanonical(o.value.name) }));
  for (const c of countryMentions(lead, sentence.start)) if (!mentions.some((m) => overlaps(m, c)) && !exclude.some((x) => overlaps(x, c))) mentions.push(c);
  mentions.sort((a, b) => a.start - b.start);
  // The last list of parties before the name that is closed as a subject or as `…の間で`.
  for (let last = mentions.length - 1; last >= 0; last--) {
    const close = PARTY_CLOSE.exec(raw.slice(mentions[last]!.end, agreement.start));
    if (!close) continue;
    const list = [mentions[last]!];
    for (let i = last - 1; i >= 0; i--) {
      const between = raw.slice(mentions[i]!.end, list[0]!.start);
      // `総務省と連邦デジタル・交通省の間で` where only `交通省` was found: the partner's name runs back to the join.
      const longer = PARTY_JOIN_NAME.exec(between);
      if (longer && list.length === 1) {
        const start = list[0]!.start - longer[1]!.length;
        const name = raw.slice(start, list[0]!.end);
        list[0] = { ...list[0]!, start, name, canonical: name };
      } else if (!PARTY_JOIN.test(between)) break;
      list.unshift(mentions[i]!);
    }
    if (list.length >= 2) return list.map(({ name, canonical }) => ({ name, canonical }));
    // `XはYと…` / `XがYとの間で…`: a subject and its partner.
    const partner = raw.slice(list[0]!.end, agreement.start);
    if (/^(?:は|が)/.test(close[0])) {
      const next = mentions.find((m) => m.start > list[0]!.end && /^(?:と|との間で|との間の|と共に)/.test(raw.slice(m.end, m.end + 5)) && !/[。]/.test(raw.slice(list[0]!.end, m.start)));
      if (next && partner.length < 60) return [list[0]!, next].map(({ name, canonical }) => ({ name, canonical }));
    }
    if (/^(?:との間|の間|間)/.test(close[0]) || close[0].startsWith('両')) continue;
  }
  return [];
}

/**
 * 両国 / 両政府 in the clause: the pair the article has named last as a pair (`日越`, `日本とベトナム`), else the last two
 * countries named before it.
 */
export function bothCountries(raw: string, agreement: Span, sentence: Span): Party[] {
  const lead = raw.slice(sentence.start, sentence.end);
  const at = Math.max(...BOTH_COUNTRIES.map((w) => lead.indexOf(w)));
  if (at < 0) return [];
  const from = Math.max(0, sentence.start + at - 3000);
  const text = raw.slice(from, sentence.start + at);
  let pair: Party[] = [];
  let pairAt = -1;
  for (const m of text.matchAll(/(?<![一-龥])[日米越中韓比豪印英仏独露]・?[日米越中韓比豪印英仏独露](?=[一-龥]|の|両国)/g)) {
    const parties = abbreviatedParties(m[0]);
    if (parties.length === 2) {
      pair = parties;
      pairAt = m.index;
    }
  }
  const before = countryMentions(text, 0);
  for (let i = 0; i + 1 < before.length; i++) {
    const a = before[i]!;
    const b = before[i + 1]!;
    if (a.start > pairAt && /^(?:と|及び|・|、)$/.test(text.slice(a.end, b.start)) && a.canonical !== b.canonical) {
      pair = [a, b].map(({ name, canonical }) => ({ name, canonical }));
      pairAt = a.start;
    }
  }
  if (pair.length === 2) return pair;
  const picked: PartyMention[] = [];
  for (let i = before.length - 1; i >= 0 && picked.length < 2; i--) {
    if (!picked.some((p) => p.canonical === before[i]!.canonical)) picked.unshift(before[i]!);
  }
  return picked.length === 2 ? picked.map(({ name, canonical }) => ({ name, canonical })) : [];
}

/** Parties of a formal title's `AとBとの間の`: `日本国と欧州連合及び欧州連合構成国` → three parties. */
export function titleParties(phrase: string): Party[] {
  const parts = phrase.split(/と|及び|および|並びに|ならびに|、/).map((p) => p.trim()).filter(Boolean);
  return parts.map((name) => {
    const country = countryMentions(name)[0];
    return { name, canonical: country && country.start === 0 && country.end === name.length ? country.canonical : name };
  });
}


/**
 * The event's date when the clause states the event (`…書簡の交換`, `…に署名しました`) but its sentence gives no date:
 * a press release states it once, in the sentence before (`7月17日、…を行いました。…の署名式が行われました。`) or on
 * the date line under a headline. Looks back over the paragraph (no blank line), then at the start of the next line.
 */
/** A day-precision value (`2024-07-08`, `2019-11-16/2019-11-18`): a month or a year says when something else happened. */
const DAY = /^(?:\d{4}|XXXX)-\d\d-\d\d(?:\/|$)/;
export function eventDate(raw: string, sentence: Span, dates: readonly DateRecord[]): string | undefined {
  const paragraphStart = Math.max(raw.lastIndexOf('\n\n', sentence.start), sentence.start - 400, 0);
  const skip = restatements(raw, dates);
  dates = dates.filter((d) => !skip.has(d));
  let before: DateRecord | undefined;
  for (const d of dates) if (linkable(d) && d.start >= paragraphStart && d.end <= sentence.start && DAY.test(d.value!)) before = d;
  if (before) return before.value!;
  const lineEnd = raw.indexOf('\n', sentence.end - 1);
  if (lineEnd >= 0 && lineEnd - sentence.end <= 1) {
    const next = dates.find((d) => linkable(d) && d.start > lineEnd && /^\s*$/.test(raw.slice(lineEnd, d.start)));
    if (next) return next.value!;
  }
  // The release's own date line (a day-precision date within the first lines): a press release states its event once.
  const dateLine = dates.find((d) => linkable(d) && d.start < 300 && d.start < sentence.start && DAY.test(d.value!) && /(?:^|\n)[^\n]{0,12}$/.test(raw.slice(0, d.start)));
  return dateLine?.value ?? undefined;
}

/**
 * A clause that decides on the signing rather than states it (`「…協定」の署名について閣議決定`, `…への署名を決定した`):
 * its date is the cabinet's, and the release states the signing itself afterwards.
 */
const DECIDED = /^[)）]?[」』]?(?:[(（][^)）]{0,40}[)）])?[」』]?(?:の|への|に)?(?:署名|締結|調印)[^。]{0,6}?(?:について|に関し(?:て)?|を)?[^。]{0,6}?決定/;
export const decidesSigning = (raw: string, clauseEnd: number): boolean => DECIDED.test(raw.slice(clauseEnd, clauseEnd + 60));
/** The sentence that reports the signing after such a decision (`この閣議決定を受け,26日,…署名が行われる予定です`). */
const SIGNING = /署名|調印/;
export function laterSigningDate(raw: string, from: number, dates: readonly DateRecord[]): string | undefined {
  const limit = Math.min(raw.length, from + 600);
  for (let start = from; start < limit;) {
    const stop = raw.slice(start, limit).search(/[。\n]/);
    const end = stop < 0 ? limit : start + stop + 1;
    const sentence = raw.slice(start, end);
    const verb = sentence.search(SIGNING);
    if (verb >= 0 && !/決定/.test(sentence.slice(verb, verb + 12))) {
      let before: DateRecord | undefined;
      for (const d of dates) if (linkable(d) && d.start >= start && d.end <= start + verb && DAY.test(d.value!)) before = d;
      if (before) return before.value!;
    }
    start = end;
  }
  return undefined;
}
