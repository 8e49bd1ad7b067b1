import type { ArticleDocument } from '../../core/document.js';
import type { Token } from '../../core/token.js';
import { longestFirst, overlaps, overlapsAny } from '../../core/spans.js';
import { COUNTRY_BY_ABBR, COUNTRY_BY_ENGLISH_NAME, COUNTRY_BY_NAME } from '../../data/countries.js';
import { ORG_HEADS as ENGLISH_HEADS } from '../../data/english/organisations.js';
import { BODY_OFFICIAL_TITLES, COUNTRY_TEAM_WORDS, DOCUMENT_PART_AT_START, HONORIFICS_AFTER, KATAKANA_WORD, LIST_MARKS, NOT_NAME_TAILS, OFFICE_TITLES, PERSON_NAME_BEFORE, PERSON_OCCUPATIONS, PROJECT_TAILS, SIDE_WORDS, THINGS_AFTER_NAME, TRAILING_NON_NAME_WORDS, WORD_INTERNAL_START } from '../../data/org-guards.js';
import { BRACKET_COMPANY_FORMS, COMPANY_FORMS, LATIN_COMPANY_SUFFIXES, NON_ORG_TAILS, ORG_HEADS } from '../../data/org-heads.js';
import { LATIN_HONORIFICS, PERSON_TITLES, TITLE_WHOLE_AFTER, TITLES, TITLES_WITH_HEAD } from '../../data/titles.js';
import { aliasAfter, resolveNames, type Found } from './aliases.js';
import { endsWithTail } from './chunk.js';
import type { OrgLexicon } from './lexicon.js';
import type { OrgTagger } from './model/tagger.js';
import { type FeatureInput, tokenRange } from './model/features.js';
import { featureInputOf } from './model/train.js';
import { inputOver, taggedRanges } from './tagged-ranges.js';
import { isFamilyName, isGivenName, personWordsOf } from './person-mentions.js';
import { plainContextNames } from './plain-contexts.js';
import { coordinatedNames, fromLexicon, headAtEnd, isCommonWord, isNoName, withExtent, withoutDescriptionBefore, withoutJoinerAfter } from './references.js';
import { TOKEN_FEATURES } from '../token-features/index.js';

/**
 * Organisations found by the tagger. The model decides the spans, with guard rails from the rules:
 * - a span stops at a line break (a heading above a name is not part of it);
 * - a rule's answer that contains the model's spans around it replaces them (`拡大` + `ASEAN国防相会議` inside
 *   the lexicon's `拡大ASEAN国防相会議`, `資源部` inside `産業通商資源部`); lexicon names, defined aliases and
 *   units of a known body (`内閣|広報室`, `財務省|経済局`) the model passed over stay;
 * - a span no rule proposed is dropped when the dictionary calls all of its words places, people or
 *   countries, or when it starts with an honorific (`H.E. Mr. …`); a span that is no rule's is dropped when
 *   it stops inside a noun compound (`日豪防衛|協力`);
 * - a rule's name the model passed over stays when the model's span inside it was dropped for stopping inside its
 *   compound (`世界知的|所有権機関`) or when the model found the short form it defines in brackets
 *   (`国際エネルギー機関(IEA)`, the model tagging `IEA` alone);
 * - a span no rule proposed is also dropped when it is Latin words (`Open RAN`) or a country and a word or two
 *   no rule calls an organisation (`カンボジアPKO`), and any span is dropped when it is a heading's number (`第III部`);
 * - on both paths, a name in the plain contexts of business news that nothing found is added (plain-contexts.ts:
 *   `大陽日酸は5日、`, `PIALab.(徳島市)`), and capitals glued to a katakana word or a generic reference is dropped
 *   (references.ts: `ビデオSALON`, `日豪両政府`, `合同委員会`);
 * - a name from the user's lexicon always wins over the model's spans around it.
 * A rule candidate with exactly the model's span lends it its kind and core name and is named in the rule
 * (`ja.org.model+lexicon`); the existing code then gives canonical names and aliases.
 */
export function findOrganisationsWithModel(doc: ArticleDocument, lexicon: OrgLexicon, userLexicon: OrgLexicon | undefined, tagger: OrgTagger): Found[] {
  const norm = doc.norm.text;
  const input = featureInputOf(doc, lexicon);
  const byExtent = new Map<string, Found>();
  // Candidates in resolution order: the rules' own answer first, so its rule names the record.
  for (const c of [...input.kept, ...input.candidates]) {
    const key = `${c.start}:${c.end}`;
    if (!byExtent.has(key)) byExtent.set(key, c);
  }
  // Spans dropped for stopping inside a noun compound: a rule's name around one is the model's answer there.
  const cutShort: { start: number; end: number }[] = [];
  const found: Found[] = modelSpans(doc, tagger, input)
    .flatMap((span) => {
      // Of the pieces between line breaks (or markup), the ones a rule proposed a name in; else the last (a heading, then the name).
      const lines = splitAtLineBreaks(norm, span);
      if (lines.length < 2) return lines;
      const proposed = lines.filter((l) => overlapsAny(input.candidates, l));
      return proposed.length > 0 ? proposed : lines.slice(-1);
    })
    .flatMap((span) => trimmedEdges(doc, span))
    .flatMap((span) => (byExtent.has(`${span.start}:${span.end}`) ? [span] : withoutTitle(doc, span)))
    .filter((span) => (overlapsAny(input.candidates, span) || !implausible(doc, span)) && !isDocumentPart(norm, span))
    .filter((span) => {
      if (byExtent.has(`${span.start}:${span.end}`) || !stopsInsideCompound(doc, span)) return true;
      cutShort.push(span);
      return false;
    })
    .map((span) => {
      const c = byExtent.get(`${span.start}:${span.end}`);
      return c ? { ...c, rule: withModel(c.rule) } : { ...span, rule: 'ja.org.model' };
    });
  for (const k of input.kept) {
    const around = found.filter((f) => overlaps(f, k));
    if (around.length === 0) {
      // A known name the model passed over stays, also when another rule won its extent (`WTO` as an
      // acronym and as the lexicon's alias of 世界貿易機関, `財務省` from IPADIC and from the lexicon).
      const known = fromLexicon(k) ? k : input.candidates.find((c) => c.start === k.start && c.end === k.end && fromLexicon(c));
      if (known) found.push(known);
      else if (cutShort.some((f) => f.start >= k.start && f.end <= k.end)) found.push({ ...k, rule: withModel(k.rule) });
      else if ((k.rule === 'ja.org.head' && unitOfKnownBody(doc, lexicon, k)) || k.rule === 'ja.org.latin-name' || withLegalForm(norm, k) || endsWithPublicHead(norm.slice(k.start, k.end)) || namesFoundAlias(norm, k, found)) found.push(k);
      continue;
    }
    if (!around.every((f) => f.start >= k.start && f.end <= k.end)) continue;
    if (around.length === 1 && around[0]!.start === k.start && around[0]!.end === k.end) continue;
    for (const f of around) found.splice(found.indexOf(f), 1);
    found.push({ ...k, rule: withModel(k.rule) });
  }
  // Names in the plain contexts of business news that neither the model nor a rule found (plain-contexts.ts).
  for (const c of plainContextNames(doc)) if (!overlapsAny(found, c)) found.push(c);
  for (let i = found.length - 1; i >= 0; i--) {
    found[i] = withoutPersonAfter(doc, lexicon, found[i]!);
    if (isPersonNamed(doc, found[i]!) || isNoName(doc, lexicon, found[i]!)) found.splice(i, 1);
    else found.splice(i, 1, ...namesOf(doc, lexicon, found[i]!, byExtent));
  }
  if (userLexicon) {
    const user = input.candidates.filter((c) => c.rule.startsWith('ja.org.lexicon') && [...userLexicon.matchesAt(norm, c.start)].some(([end]) => end === c.end));
    const kept = found.filter((f) => !overlapsAny(user, f));
    for (const u of user) kept.push({ ...u, rule: found.some((f) => f.start === u.start && f.end === u.end) ? withModel(u.rule) : u.rule });
    return resolveNames(norm, longestFirst(kept), lexicon);
  }
  return resolveNames(norm, longestFirst(found), lexicon);
}

/** The tagger's organisation spans, read over the token ranges where one can be (tagged-ranges.ts). */
function modelSpans(doc: ArticleDocument, tagger: OrgTagger, input: FeatureInput): { start: number; end: number }[] {
  return taggedRanges(doc.get(TOKEN_FEATURES), input.candidates).flatMap(([from, to]) => tagger.organisations(inputOver(input, from, to)));
}

/**
 * A model span without what is at its edges but not in a name: a list mark before it (`- ISIL`), a web page after
 * it (`外務省ホームページ`), the one-character country before an acronym that names a body of its own (`日EU`: Japan
 * and the EU). Empty when nothing is left, when the span is part of a web address, ends with an event, a facility or a
 * place's part after other words (NON_ORG_TAILS: `…事件`, `…南端部`, `…橋`), or starts with a small kana.
 */
export function trimmedEdges(doc: ArticleDocument, span: { start: number; end: number }): { start: number; end: number }[] {
  const tokens = doc.tokens;
  let [a, b] = tokensIn(doc, span);
  while (a < b && (LIST_MARKS.has(tokens[a]!.surface) || /^\s+$/.test(tokens[a]!.surface))) a++;
  while (b - 1 > a && (NOT_NAME_TAILS.has(tokens[b - 1]!.surface) || endsNoName(tokens[b - 1]!))) b--;
  if (b - a === 2 && COUNTRY_BY_ABBR.has(tokens[a]!.surface) && /^[A-Z]{2,}$/.test(tokens[a + 1]!.surface) && tokens[a]!.end === tokens[a + 1]!.start) a++;
  if (a >= b || inWebAddress(doc.norm.text, tokens[a]!.start, tokens[b - 1]!.end) || endsWithTail(tokens, a + 1, b, NON_ORG_TAILS) || WORD_INTERNAL_START.test(tokens[a]!.surface)) return [];
  const start = Math.max(span.start, tokens[a]!.start);
  const end = Math.min(span.end, tokens[b - 1]!.end);
  return start === span.start && end === span.end ? [span] : [{ start, end }];
}

/** A token no name ends with: a space, a particle or an auxiliary (`サンバイザー|だ`), a byline's `by` (TRAILING_NON_NAME_WORDS). */
const endsNoName = (t: Token) => /^\s+$/.test(t.surface) || t.pos === '助詞' || t.pos === '助動詞' || TRAILING_NON_NAME_WORDS.has(t.surface);

const ADDRESS_CHAR = /[A-Za-z0-9./:_~%?#=&@+-]/;
/** Inside a web or e-mail address (`www.Example.com`): its run of address characters holds `://`, `www.` or an e-mail's `@`. */
function inWebAddress(norm: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && ADDRESS_CHAR.test(norm[a - 1]!)) a--;
  let b = end;
  while (b < norm.length && ADDRESS_CHAR.test(norm[b]!)) b++;
  const run = norm.slice(a, b);
  return run.includes('://') || run.includes('www.') || EMAIL.test(run);
}
/** An e-mail address: `@` before a dotted domain (`SETI@home` is a name). */
const EMAIL = /@[A-Za-z0-9-]+\.[A-Za-z]/;

/** A heading's number, not a name: `第III部` (the rules take `III部`), `第2章 わが国` (the model may take the heading on). */
export function isDocumentPart(norm: string, span: { start: number; end: number }): boolean {
  const from = norm[span.start - 1] === '第' ? span.start - 1 : span.start;
  return DOCUMENT_PART_AT_START.test(norm.slice(from, span.end));
}

/**
 * A name right before an honorific (`タカギさん`, `イケメン君`) or right after a trade people have (`タレントのローラ`,
 * PERSON_OCCUPATIONS) is a person's, unless the lexicon knows it or it ends with an organisation word (`厚生労働省さん` is
 * still the ministry).
 */
export function isPersonNamed(doc: ArticleDocument, c: Found): boolean {
  if (fromLexicon(c)) return false;
  const [a, b] = tokensIn(doc, c);
  const text = doc.norm.text.slice(c.start, c.end);
  if (afterOccupation(doc, a) && !endsWithHead(text)) return true;
  // A family name and a given name, with a space between or none (`山田　花子`, a byline's): a person's full name.
  if (isFullName(doc.tokens.slice(a, b))) return true;
  // Words the document uses for a person elsewhere (`本田圭佑` … `本田`, `文／ドロンジョーヌ恩田` … `ドロンジョーヌ恩田です`).
  if (personWordsOf(doc).has(text) && !endsWithHead(text)) return true;
  const next = doc.tokens[b];
  if (!next || next.start !== c.end) return false;
  if (HONORIFICS_AFTER.has(next.surface)) return !endsWithHead(text);
  // `経済産業|大臣`, `西村康稔経済産業|大臣`: the words before a government title name the office; an acronym there is
  // the body whose office it is (`NASA|長官`, `FBI|長官`). A katakana name is the minister's also before a title of more
  // words (`スミザーズ|閣外|大臣`, `ロ|バーツ|国務大臣`, which IPADIC cuts after `ロ`, Russia's one-letter name).
  const title = OFFICE_TITLES.has(next.surface) || (/^[ァ-ヶー・]+$/.test(text) && officeTitleFrom(doc, b));
  return title && !ACRONYM.test(text) && !endsWithPublicHead(text) && !endsWithHead(text.slice(-1));
}

/** A government title (OFFICE_TITLES) in the first three words of the noun run from token b (`大臣`, `閣外|大臣`, `外務|副|大臣`). */
function officeTitleFrom(doc: ArticleDocument, b: number): boolean {
  const tokens = doc.tokens;
  for (let k = b; k < tokens.length && k < b + 3 && tokens[k]!.start === tokens[k - 1]!.end; k++) {
    if (OFFICE_TITLES.has(tokens[k]!.surface)) return true;
    if (tokens[k]!.pos !== '名詞' && tokens[k]!.pos !== '接頭詞') return false;
  }
  return false;
}

/**
 * A body's name without the person's name written right after it, before the person's title (`米国国務省|ブリンケン|長官`,
 * `英国外務省|ジョーンズ|閣外大臣`, `日本銀行|黒田|総裁`): government press writes the body, its official and the title as one
 * noun run. The body ends with a word IPADIC calls an organisation, a head word that is not weak or a name the lexicon
 * knows; the person is katakana words the dictionary does not know, or words it calls people's names, with their dots.
 */
export function withoutPersonAfter(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): Found {
  if (fromLexicon(c)) return c;
  const tokens = doc.tokens;
  const [a, end] = tokensIn(doc, c);
  if (end - a < 2 || tokens[end - 1]!.end !== c.end) return c;
  // The title after the span, or its last word (`日本銀行山田総裁`, the tagger taking the title in).
  const b = isTitle(tokens[end - 1]!) ? end - 1 : end;
  if (!titleFollows(doc, b)) return c;
  let k = b;
  while (k > a + 1 && isPersonWord(tokens[k - 1]!) && tokens[k - 2]!.end === tokens[k - 1]!.start) k--;
  if (k === b || tokens[k]!.surface === '・') return c;
  const body = tokens[k - 1]!;
  const bodyText = doc.norm.text.slice(c.start, body.end);
  const head = headAtEnd(bodyText)?.head;
  const known = body.pos2 === '組織' || (head !== undefined && !head.weak) || [...lexicon.matchesAt(doc.norm.text, c.start)].some(([end]) => end === body.end);
  return known ? withExtent(c, c.start, body.end) : c;
}

/** A word of a person's name: a name IPADIC knows as a person's, a katakana word it does not know, or a dot between. */
const isPersonWord = (t: Token) => t.pos2 === '人名' || (!t.known && /^[ァ-ヶー]+$/.test(t.surface)) || t.surface === '・' || t.surface === '=';

/** The noun run from token b on reaches a person's title within 3 tokens and 6 characters (`長官`, `閣外|大臣`, `総裁`). */
function titleFollows(doc: ArticleDocument, b: number): boolean {
  const tokens = doc.tokens;
  let length = 0;
  for (let k = b; k < tokens.length && k < b + 3 && tokens[k]!.pos === '名詞' && tokens[k]!.start === tokens[k - 1]!.end; k++) {
    length += tokens[k]!.surface.length;
    if (length > 6) return false;
    if (isTitle(tokens[k]!)) return true;
  }
  return false;
}

/** A person's title, not an honorific suffix (IPADIC's 接尾,人名: `様`, `氏`), which also follows a group of people (`…サポーター様`). */
function isTitle(t: Token): boolean {
  if (t.pos1 === '接尾' && t.pos2 === '人名') return false;
  return PERSON_TITLES.has(t.surface) || OFFICE_TITLES.has(t.surface) || BODY_OFFICIAL_TITLES.has(t.surface);
}

/** Tokens that are a family name and a given name, and spaces between. */
function isFullName(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => !/^\s+$/.test(t.surface));
  return words.length === 2 && isFamilyName(words[0]!) && isGivenName(words[1]!);
}

/** Token a comes right after a trade people have, with `の` or a middle dot between or nothing (`タレントの|ローラ`). */
function afterOccupation(doc: ArticleDocument, a: number): boolean {
  const tokens = doc.tokens;
  let k = a - 1;
  if (k >= 0 && (tokens[k]!.surface === 'の' || tokens[k]!.surface === '・') && tokens[k]!.end === tokens[a]!.start) k--;
  return k >= 0 && PERSON_OCCUPATIONS.has(tokens[k]!.surface) && tokens[k]!.end === tokens[k + 1]!.start;
}

/** Capitals (and digits) only: `NASA`, `G20`. */
const ACRONYM = /^[A-Z][A-Z0-9&]*[A-Z0-9]$/;

/**
 * A name without the person's name written before it (`ドナルド・トゥスク|欧州理事会`, `マニーシャ・シンハ・|インド財務省経済局`,
 * `髙鳥修一|内閣府`): the rest is a lexicon name, a rule's candidate or begins with a country, and what comes before is
 * a katakana name with its dots or words IPADIC calls people's names.
 */
export function withoutPersonBefore(doc: ArticleDocument, lexicon: OrgLexicon, c: Found, byExtent?: ReadonlyMap<string, Found>): Found {
  if (fromLexicon(c)) return c;
  const norm = doc.norm.text;
  const [a, b] = tokensIn(doc, c);
  // The shortest rest first: `山田太郎|内閣府`, not `山田|太郎内閣府`.
  for (const [s, j] of restStarts(doc, a, b)) {
    if (s <= c.start || c.end - s < 2 || !/^[\p{L}]/u.test(norm[s]!)) continue;
    const before = norm.slice(c.start, s);
    const rest = norm.slice(s, c.end);
    const matches = [...lexicon.matchesAt(norm, s)];
    const named = matches.some(([end]) => end === c.end) || endsWithPublicHead(rest);
    const known = byExtent?.get(`${s}:${c.end}`);
    let person = false;
    // `ジョン・|スミス欧州委員会`: the span may begin after the given name's dot. The rest may be a unit of a body the
    // lexicon knows (`…ガルグ|財務省経済局`) or begin with a country (`…シンハ・|インド財務省…`, also inside IPADIC's token).
    if (PERSON_NAME_BEFORE.test(before) || (norm[c.start - 1] === '・' && KATAKANA_WORD.test(before))) {
      // Not inside the body's country (`…シンハ・インド|財務省`): the country is the rest's.
      if (COUNTRY_BY_NAME.has(before.slice(before.lastIndexOf('・') + 1))) continue;
      person = named || known !== undefined || COUNTRY_BY_NAME.has(norm.slice(s, doc.tokens[j]!.end)) || (matches.length > 0 && endsWithHead(rest));
    } else {
      // `髙鳥修一|内閣府`: kanji ending in a given name, before a name the lexicon knows or a public body's head.
      const side = SIDE_WORDS.find((w) => before.startsWith(w))?.length ?? 0;
      person = named && before.length - side >= 2 && /^[\u4e00-\u9fff々]+$/.test(before.slice(side)) && doc.tokens[j - 1]!.pos2 === '人名';
    }
    if (!person) continue;
    if (known) return { ...known, rule: c.rule };
    return withExtent(c, s, c.end);
  }
  return c;
}

/**
 * The names a found span stands for, on both paths: without a person's name or a description before it, a group's member,
 * a thing of the company's or a dot after it, split where it coordinates names of their own.
 */
export function namesOf(doc: ArticleDocument, lexicon: OrgLexicon, c: Found, byExtent?: ReadonlyMap<string, Found>): Found[] {
  return coordinatedNames(doc, lexicon, withoutJoinerAfter(doc, withoutDescriptionBefore(doc, withoutProductAfterMaker(doc, lexicon, withoutThingsAfter(doc, lexicon, withoutMemberAfter(doc, withoutPersonBefore(doc, lexicon, c, byExtent)))))));
}

/**
 * A maker's name in Latin letters without its product's words after it (`Google Drive`, `Apple TV`, `Intel Atom`,
 * `Amazon Kindle`): the maker is a name the lexicon knows, and the one to three words after it are no organisation's
 * (no English head word or legal form, no country, no name the lexicon knows: `Sony Bank`, `Google Japan`,
 * `NTT docomo` stay whole). The maker is named; the rest is a thing of its.
 */
function withoutProductAfterMaker(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): Found {
  if (fromLexicon(c)) return c;
  const norm = doc.norm.text;
  const text = norm.slice(c.start, c.end);
  if (!LATIN_WORDS.test(text)) return c;
  let maker = -1;
  for (const [end] of lexicon.matchesAt(norm, c.start)) {
    if (end === c.end) return c;
    if (end < c.end && norm[end] === ' ' && end > maker) maker = end;
  }
  if (maker < 0) return c;
  const rest = norm.slice(maker + 1, c.end).split(' ');
  if (rest.length > 3) return c;
  let at = maker + 1;
  for (const word of rest) {
    const bare = word.replace(/\.$/, '');
    if (bare in ENGLISH_HEADS || LATIN_COMPANY_SUFFIXES.includes(word) || COUNTRY_BY_ENGLISH_NAME.has(bare)) return c;
    for (const [end] of lexicon.matchesAt(norm, at)) if (end === at + word.length) return c;
    at += word.length + 1;
  }
  return withExtent(c, c.start, maker);
}

/** Latin words with single spaces between them, each starting with a letter. */
const LATIN_WORDS = /^[A-Za-z][A-Za-z0-9+&.'-]*(?: [A-Za-z][A-Za-z0-9+&.'-]*)+$/;

/**
 * An organisation word IPADIC knows without the common words written after it (`ドコモ|ユーザー`, `東電|リストラ`,
 * `au|スマートフォン`; THINGS_AFTER_NAME): the company is named, the rest is a thing of its.
 * A head word at the end keeps the whole (`ソニー|損保`), and so does a word IPADIC knows that is no such thing
 * (`読売|ジャイアンツ`); the first word must be IPADIC's own, the lexicon's or a brand with a small letter (`au|スマートフォン`),
 * not capitals IPADIC only guesses are a body (`IT|ライフハック`).
 */
function withoutThingsAfter(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): Found {
  if (fromLexicon(c)) return c;
  const tokens = doc.tokens;
  const [a, b] = tokensIn(doc, c);
  const first = tokens[a];
  if (b - a < 2 || !first || first.start !== c.start || endsWithHead(doc.norm.text.slice(c.start, c.end))) return c;
  // IPADIC's own organisation word, or a brand in Latin letters with a small one (`au`, `mixi`): capitals alone may be a term (`IT`).
  const known = first.pos2 === '組織' && (first.known || /^[A-Za-z]*[a-z][A-Za-z]*$/.test(first.surface));
  if (!known && ![...lexicon.matchesAt(doc.norm.text, first.start)].some(([end]) => end === first.end)) return c;
  for (let k = a + 1; k < b; k++) if (!THINGS_AFTER_NAME.has(tokens[k]!.surface)) return c;
  return withExtent(c, c.start, first.end);
}

/**
 * A group's name without its member written right after it (`AKB48|高橋みなみ`, `AKB|指原`): Latin letters and digits
 * before a family name in kanji that IPADIC knows, with or without the given name, are the group (`SCジョンソン` is a
 * company's name).
 */
function withoutMemberAfter(doc: ArticleDocument, c: Found): Found {
  if (fromLexicon(c)) return c;
  const tokens = doc.tokens;
  const [a, b] = tokensIn(doc, c);
  let k = b - 1;
  if (k > a && isGivenName(tokens[k]!)) k--;
  if (k <= a || !isFamilyName(tokens[k]!) || !/^[\u4e00-\u9fff々]+$/.test(tokens[k]!.surface) || tokens[b - 1]!.end !== c.end) return c;
  const group = doc.norm.text.slice(c.start, tokens[k]!.start);
  return /^[A-Za-z][A-Za-z0-9]+$/.test(group) ? withExtent(c, c.start, tokens[k]!.start) : c;
}

/**
 * Where the rest of a span may begin, the last first, each with the token it begins in: each token start after the
 * first token, and inside a token right after a dot (`マニーシャ・シンハ・|インド`: IPADIC may take a katakana name and a
 * country as one unknown word).
 */
function restStarts(doc: ArticleDocument, a: number, b: number): [start: number, token: number][] {
  const starts: [number, number][] = [];
  for (let j = b - 1; j >= a; j--) {
    const t = doc.tokens[j]!;
    for (let p = t.end - 1; p > t.start; p--) if (doc.norm.text[p - 1] === '・') starts.push([p, j]);
    if (j > a) starts.push([t.start, j]);
  }
  return starts;
}

/**
 * A head-word name that begins with a known body and names a unit of it (`内閣|広報室`, `財務省|経済局`):
 * the body is a lexicon name or a strong organisation word ending at a token end inside the span.
 */
function unitOfKnownBody(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): boolean {
  const [a, b] = tokensIn(doc, c);
  const first = doc.tokens[a];
  if (!first || first.start !== c.start || first.end >= c.end) return false;
  const head = ORG_HEADS.get(first.surface);
  if (head && !head.weak) return true;
  for (const [end] of lexicon.matchesAt(doc.norm.text, c.start)) {
    if (end < c.end && doc.tokens.slice(a, b).some((t) => t.end === end)) return true;
  }
  return false;
}

/** A name written with its legal form (`株式会社…`, `(株)…`, `… Inc.`): a company whatever the model says. */
const withLegalForm = (norm: string, c: Found) => {
  const text = norm.slice(c.start, c.end);
  return c.rule === 'ja.org.latin-company' || [...COMPANY_FORMS, ...BRACKET_COMPANY_FORMS].some((f) => text.length > f.length + 1 && (text.startsWith(f) || text.endsWith(f)));
};

/**
 * A head-word name whose short form, defined in brackets right after it, the model found
 * (`国際エネルギー機関(IEA)` where the model tagged `IEA` alone): the name the short form stands for.
 */
function namesFoundAlias(norm: string, k: Found, found: readonly Found[]): boolean {
  if (k.rule !== 'ja.org.head') return false;
  const alias = aliasAfter(norm, k.end, norm.slice(k.start, k.end));
  return alias !== undefined && found.some((f) => f.start === alias.start && f.end === alias.end);
}

const withModel = (rule: string) => (rule.startsWith('ja.org.model') ? rule : `ja.org.model+${rule.replace(/^ja\.org\./, '')}`);

/** Line breaks, and the marks of markup and quotes, which no name holds. */
const NOT_IN_NAMES = /[\n<>"“”=]/;

/**
 * A model span stops at a line break (a heading or a list item is not part of the name on the next line) and at
 * markup or quote marks (`<script>alert("x")`).
 */
function splitAtLineBreaks(norm: string, span: { start: number; end: number }): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let from = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i < span.end && !NOT_IN_NAMES.test(norm[i]!)) continue;
    let a = from;
    let b = i;
    while (a < b && /\s/.test(norm[a]!)) a++;
    while (b > a && /\s/.test(norm[b - 1]!)) b--;
    if (a < b) parts.push({ start: a, end: b });
    from = i + 1;
  }
  return parts;
}

/**
 * A span no rule proposed whose words are all places, people or countries, a Latin name after an
 * honorific (`H.E. Mr. …`, `H.E.Mr.`), capitals only, small Latin letters only, one character, or common words only.
 */
function implausible(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  // `H. E. Mr.` is written with spaces too.
  const text = doc.norm.text.slice(span.start, span.end).replace(/^([A-Z])\. ([A-Z])\./, '$1.$2.');
  for (const h of LATIN_HONORIFICS) if (text.startsWith(h) && !/[A-Za-z]/.test(text[h.length] ?? '')) return true;
  if (COUNTRY_BY_NAME.has(text)) return true;
  // A katakana name with its dots that goes on after a dot (`グエン・スアン・フック|・ベトナム…首相`) is a person's.
  if (PERSON_NAME_BEFORE.test(text) && doc.norm.text[span.end] === '・') return true;
  // Capitals the acronym rule did not take are standards, products and titles more often than names (`NFC`, `DEATH NOTE`).
  if (/^[A-Z0-9][A-Z0-9 .&-]*$/.test(text)) return true;
  // A single character, or Latin words in small letters (`cafe`, `script`), is no name.
  if (text.length < 2 || /^[a-z][a-z .&-]*$/.test(text)) return true;
  // Latin words that no rule took as a name (an English head word, a legal form) are a person or a product
  // more often than an organisation (`Open RAN`, `Microsoft Windows`); one word may be a brand (`Amazon.com`).
  if (/^[A-Za-z][A-Za-z0-9.&'-]* [A-Za-z0-9 .&'-]+$/.test(text)) return true;
  const inside = tokensOf(doc, span);
  // Words the dictionary knows and calls no proper noun, or common loanwords it does not know, with no organisation
  // word at the end, are a thing or a kind of thing, not a name (`アイドルグループ`, `ACアダプター`, `WEB|メディア`).
  if (inside.length > 0 && inside.every(isCommonWord) && !endsWithHead(text)) return true;
  // The small letters of a product family before its capitals (`iPhone`, `microUSB`, `mSATA`, `exFAT`; a company
  // such as `eBay` or `nVidia` keeps its name), and a web page's character reference at the end (`&nbsp`, `FOMA&reg`), are
  // no name.
  if (/^(?:i|micro|mini|nano|m|ex)[A-Z][A-Za-z0-9]*$/.test(text) || /&[a-z]{2,6};?$/.test(text)) return true;
  // A space between a kanji word and a word of another script: a heading or a title's words that ran together
  // (`研究所 vol`, `After Effects 天国`, `美 クリスマス`), not a name (`Brightline Robotics`, `アナ スイ コスメティックス`,
  // `livedoor ニュース`).
  if (spaceBetweenScripts(text)) return true;
  // A country and a word or two no rule calls an organisation: a thing of that country (`カンボジアPKO`, `日本|タイ|ド`), not a team (`日本代表`).
  // A company's name IPADIC does not know after its country stays (`中国シャオミ`).
  const unknownName = inside.length === 2 && !inside[1]!.known && /^[ァ-ヶー・]+$/.test(inside[1]!.surface);
  if (inside.length > 1 && inside.length <= 3 && COUNTRY_BY_NAME.has(inside[0]!.surface) && !endsWithHead(text) && !COUNTRY_TEAM_WORDS.has(inside[inside.length - 1]!.surface) && !unknownName) return true;
  // Hiragana only: a reading in brackets, a pen name or a cry (`（ほうじょうあきら）`, `ありがとー`); the names written so that
  // a rule knows are IPADIC's (`そごう`, `とんねるず`).
  if (/^[ぁ-ゖー・]+$/.test(text)) return true;
  // A family name and a short katakana word the dictionary does not know: a person's stage name (`黒木|メイサ`, `今井|メロ`).
  if (inside.length === 2 && inside[0]!.pos2 === '人名' && inside[0]!.pos3 === '姓' && !inside[1]!.known && /^[ァ-ヶー]{1,4}$/.test(inside[1]!.surface)) return true;
  // Words ending in a common noun (or kanji IPADIC does not know) that a project's name goes on from (`セブ市バイパス|建設計画`,
  // `…灌漑|・排水施設改修計画`).
  const lastWord = inside[inside.length - 1];
  const commonAtEnd = lastWord !== undefined && (isCommonWord(lastWord) || (!lastWord.known && /^[\u4e00-\u9fff]+$/.test(lastWord.surface)));
  if (commonAtEnd && !endsWithHead(text) && projectNameAfter(doc, span.end)) return true;
  return inside.length > 0 && inside.every((t) => t.pos2 === '地域' || t.pos2 === '人名' || t.pos === '記号' || COUNTRY_BY_NAME.has(t.surface));
}

const LATIN = 1;
const KANA = 2;
const KANJI = 3;
/** The script of a character for spaceBetweenScripts (0: none of the three). */
function scriptOf(ch: string | undefined): number {
  if (ch === undefined) return 0;
  if (/[A-Za-z0-9]/.test(ch)) return LATIN;
  if (/[ぁ-ゖァ-ヶー]/.test(ch)) return KANA;
  return /[\u4e00-\u9fff々]/.test(ch) ? KANJI : 0;
}

/** Whether a space in the text has a kanji on one side and a letter of another script on the other (`美 クリスマス`, `研究所 vol`). */
function spaceBetweenScripts(text: string): boolean {
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const before = scriptOf(text[i - 1]);
    const after = scriptOf(text[i + 1]);
    if (before && after && before !== after && (before === KANJI || after === KANJI)) return true;
  }
  return false;
}

/** The noun compound from `at` on (dots between its words, up to 8 words) ends with a project's word (PROJECT_TAILS: `計画`, `事業`). */
function projectNameAfter(doc: ArticleDocument, at: number): boolean {
  const tokens = doc.tokens;
  let [k] = tokenRange(tokens, at, at + 1);
  if (tokens[k]?.start !== at) return false;
  for (let end = at, n = 0; k < tokens.length && n < 8 && tokens[k]!.start === end; k++, n++) {
    const t = tokens[k]!;
    if (t.surface !== '・' && !isWordNoun(t)) return false;
    const next = tokens[k + 1];
    if (PROJECT_TAILS.has(t.surface) && (next === undefined || next.start !== t.end || !isWordNoun(next))) return true;
    end = t.end;
  }
  return false;
}

/** A noun that is a word (IPADIC calls a half-width bracket an unknown サ変 noun). */
const isWordNoun = (t: Token) => t.pos === '名詞' && /^[\p{L}]/u.test(t.surface);

/**
 * A span that stops inside a noun compound (`日豪防衛|協力`, `国民総|所得`, `トンプソン国防|次官`,
 * `インド外務|大臣`): it ends in a common kanji noun or a prefix, with no organisation word at its end, and a
 * noun carries the compound on, so the compound's head lies outside it.
 */
function stopsInsideCompound(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const [a, b] = tokensIn(doc, span);
  const last = doc.tokens[b - 1];
  if (b === a || !last || endsWithHead(doc.norm.text.slice(span.start, span.end))) return false;
  if (!(last.pos === '接頭詞' || (last.pos === '名詞' && (last.pos1 === '一般' || last.pos1 === 'サ変接続') && /^[\u4e00-\u9fff]+$/.test(last.surface)))) return false;
  const next = doc.tokens[b];
  return next !== undefined && next.start === span.end && continuesCompound(next);
}

/**
 * A span without the title it ends in after a head (`…経済局長` → `…経済局`, `ベトナム国防省代表団` → `ベトナム国防省`), or without its last word when
 * that word begins a title with the words after it (`安倍内閣|総理大臣` → `安倍`, `米国務|長官` → `米`).
 */
function withoutTitle(doc: ArticleDocument, span: { start: number; end: number }): { start: number; end: number }[] {
  const tokens = doc.tokens;
  const [a, b] = tokensIn(doc, span);
  if (b - a < 1) return [span];
  const last = tokens[b - 1]!;
  const head = TITLES_WITH_HEAD.get(last.surface);
  if (head && b - a > 1) {
    // `…病院|院長`, `…クリニック|院長`: the title is the whole word after a name that needs no head from it.
    const whole = endsWithHead(doc.norm.text.slice(span.start, last.start)) || TITLE_WHOLE_AFTER.has(tokens[b - 2]!.surface);
    return [{ start: span.start, end: whole ? last.start : last.start + head.length }];
  }
  // `ベトナム国防省|代表団`: a title (of one or two words) after a head word; not after other words (`トヨタ本社` may be the name).
  for (let j = b - 1; j >= Math.max(a + 1, b - 2); j--) {
    if (TITLES.has(doc.norm.text.slice(tokens[j]!.start, span.end)) && endsWithHead(doc.norm.text.slice(span.start, tokens[j - 1]!.end))) return [{ start: span.start, end: tokens[j - 1]!.end }];
  }
  let cut = false;
  for (let k = b; !cut && k < Math.min(b + 2, tokens.length) && tokens[k]!.start === tokens[k - 1]!.end; k++) {
    const joined = doc.norm.text.slice(last.start, tokens[k]!.end);
    cut = TITLES.has(joined) || PERSON_TITLES.has(joined);
  }
  if (!cut) return [span];
  // `安倍晋三|内閣総理大臣`: what is left may be the person.
  // (`晋三` may come as `晋|三`: a kanji numeral inside a name.)
  const rest = tokens.slice(a, b - 1);
  if (b - a <= 1 || (rest.some((t) => t.pos2 === '人名') && rest.every((t) => t.pos2 === '人名' || (t.pos1 === '数' && /^[一-龥]$/.test(t.surface))))) return [];
  return [{ start: span.start, end: tokens[b - 2]!.end }];
}

/** The tokens inside a span (whole tokens: the model's spans are). */
const tokensOf = (doc: ArticleDocument, span: { start: number; end: number }): Token[] => doc.tokens.slice(...tokensIn(doc, span));

/** The index range [a, b) of the tokens overlapping a span. */
const tokensIn = (doc: ArticleDocument, span: { start: number; end: number }): [number, number] => tokenRange(doc.tokens, span.start, span.end);

/** Ends with a strong head word of a public body (`国防省`, `警察庁`, `参議院`), not a weak one (`局`, `室`). */
function endsWithPublicHead(text: string): boolean {
  const head = headAtEnd(text)?.head;
  return head !== undefined && !head.weak && (head.kind === 'government' || head.kind === 'legislature' || head.kind === 'military');
}

/** A text that ends with an organisation head word (headAtEnd), or is one. */
function endsWithHead(text: string): boolean {
  return headAtEnd(text) !== undefined || (text.length <= 5 && ORG_HEADS.has(text));
}

/**
 * A noun that carries a compound on (not a suffix, number or dependent noun, which may follow a name; and a
 * word, not a bracket or a comma, which IPADIC calls an unknown サ変 noun when it is half-width).
 */
const continuesCompound = (t: { surface: string; pos: string; pos1: string }) =>
  t.pos === '名詞' && (t.pos1 === '一般' || t.pos1 === 'サ変接続' || t.pos1 === '形容動詞語幹') && /^[\p{L}]/u.test(t.surface);
