import type { ArticleDocument } from '../../core/document.js';
import type { Token } from '../../core/token.js';
import { COUNTRY_BY_ABBR } from '../../data/countries.js';
import { CLASS_HEADS, CLASS_WORDS_BEFORE_NAME, DEPARTMENT_WORDS, DISTRICT_AFTER_PLACE, FORMS_AFTER_NAME, GATHERING_TAILS, GROUP_WORDS, KATAKANA_COMMON_WORDS, LEGAL_PERSON_FORMS, ORG_AFTER_QUOTE, ORG_BEFORE_QUOTE, PLURAL_DETERMINERS, QUOTE_PAIRS, REFERENCE_MODIFIERS, SECTOR_LEADER_WORDS, SOCIAL_GATHERINGS } from '../../data/org-guards.js';
import { COMMON_LOANWORDS } from '../../data/loanwords.js';
import { MODEL_NUMBER, PRODUCT_NAMES, TECHNIQUE_WORDS } from '../../data/products.js';
import { BRACKET_COMPANY_FORMS, CLUB_PREFIXES, COMPANY_FORMS, DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, INTERNATIONAL_PREFIXES, MAX_HEAD_TOKENS, ORG_HEADS, PRODUCT_LIKE_HEADS, PRODUCT_WORDS_BEFORE_HEAD, type OrgHead } from '../../data/org-heads.js';
import type { Found } from './aliases.js';
import type { OrgLexicon } from './lexicon.js';
import { endsWithTail, isProperOrUnknown } from './chunk.js';
import { tokenRange } from './model/features.js';

/**
 * Spans that read as an organisation's name but are not one, on both paths (the rules' answer and the tagger's),
 * after tagging: the tagger's features never read these words, so changing them needs no retrain.
 */

/**
 * Found through the lexicon (a name or an alias it knows, also when the tagger found the same extent:
 * `ja.org.model+lexicon`): the guards here leave it as it is.
 */
export const fromLexicon = (c: Found) => c.rule.includes('lexicon') || c.rule.includes('alias');

/** A found name over another extent, without the core and the canonical name its old extent had. */
export function withExtent(c: Found, start: number, end: number): Found {
  const { core: _core, name: _name, ...kept } = c;
  return { ...kept, start, end };
}

/**
 * A word the dictionary calls no proper noun, or a word it does not know that is a common loanword (src/data/loanwords.ts)
 * or two of them run together: a word of a thing or a kind of thing, not of a name.
 */
export const isCommonWord = (t: Token) => (t.known ? t.pos1 !== '固有名詞' : COMMON_LOANWORDS.has(t.surface) || isLoanwordCompound(t.surface));

/** Two common loanwords the tokenizer took as one unknown word (`レアメタル|リサイクル`, `クリーミー|チョコレート`). */
function isLoanwordCompound(s: string): boolean {
  if (s.length < 6 || !/^[ァ-ヶー]+$/.test(s)) return false;
  for (let i = 3; i <= s.length - 3; i++) if (COMMON_LOANWORDS.has(s.slice(0, i)) && COMMON_LOANWORDS.has(s.slice(i))) return true;
  return false;
}

/** A span found by a rule or the tagger that names no organisation; a name the lexicon knows always stays. */
export function isNoName(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): boolean {
  if (fromLexicon(c)) return false;
  if (isGluedCapitals(doc.norm.text, c) || isGenericReference(doc, c) || isClubPrefixOnCommonWord(doc, c) || isGroupOfAKind(doc, lexicon, c) || isPlaceWithDistrict(doc, c)) return true;
  const text = doc.norm.text.slice(c.start, c.end);
  if (isBareClassWord(text) || KATAKANA_COMMON_WORDS.has(text) || COMMON_LOANWORDS.has(text) || isLoanwordCompound(text) || isProduct(doc, c, text) || isTechnique(doc, c, text) || isInsideWorkTitle(doc.norm.text, c) || isGathering(doc, c)) return true;
  // What only the tagger calls a name: no rule's head word, lexicon entry, legal form or context stands behind it.
  return c.rule === 'ja.org.model' && isQuotedTerm(doc, c);
}

/** A place IPADIC knows and a district's letters after it (`ワシントン|DC`): a city, not a body. */
function isPlaceWithDistrict(doc: ArticleDocument, c: Found): boolean {
  const [a, b] = tokenRange(doc.tokens, c.start, c.end);
  const first = doc.tokens[a];
  return b - a >= 2 && first !== undefined && first.start === c.start && first.pos2 === '地域' && DISTRICT_AFTER_PLACE.has(doc.norm.text.slice(first.end, c.end));
}

/**
 * A class word alone, which says what kind of body is meant and not which (`大学`, `株式会社`, `財団法人`, `本社`, `編集部`):
 * a weak head or a head of companies, schools or media, an ordinary compound that ends in a head (GENERIC_ORG_WORDS) but
 * no army, chamber or government (`米軍`, `衆院`, `連邦政府` are the one the article means), a department, a legal form.
 * Not Latin letters (`FC` may stand for a club the article named), nor a head that is one body (`赤十字`, `警察庁`).
 */
export function isBareClassWord(text: string): boolean {
  if (DEPARTMENT_WORDS.has(text) || LEGAL_PERSON_FORMS.has(text)) return true;
  if (/[A-Za-z]/.test(text)) return false;
  const head = ORG_HEADS.get(text);
  if (head && (head.weak === true || BARE_CLASS_KINDS.has(head.kind))) return true;
  return GENERIC_ORG_WORDS.has(text) && !UNIQUE_BODY_ENDS.test(text) && (!head || head.kind === 'government');
}

/** Kinds of heads that name a class alone: there are many companies, schools and newspapers. */
const BARE_CLASS_KINDS: ReadonlySet<string> = new Set(['company', 'academic', 'media']);
/**
 * Ordinary compounds that are still one body in an article: an army, a chamber or a government (`米軍`, `衆院`, `連邦政府`,
 * `新政府`: the one of the country or the time the article is about).
 */
const UNIQUE_BODY_ENDS = /(?:軍|隊|院|政府|政権|当局)$/;

/**
 * A name without the middle dot that joined it to the next word (`巨人・|桑田真澄氏`, where IPADIC's organisation word takes
 * the katakana-class tokens after it): a dot ends no name.
 */
export function withoutJoinerAfter(doc: ArticleDocument, c: Found): Found {
  if (c.end - c.start < 2 || doc.norm.text[c.end - 1] !== '・') return c;
  return withExtent(c, c.start, c.end - 1);
}

/**
 * A company's name without the description written before it, on both paths after tagging, so that the company has the
 * name other articles write:
 * - its sector and the word that ends it (`電気自動車大手|BYD`, `台湾の電子機器受託製造大手|フォックスコン`; SECTOR_LEADER_WORDS);
 * - the one-character country before a katakana or Latin word the dictionary calls proper or does not know
 *   (`米|マイクロソフト`, `独|フォルクスワーゲン`, `英|BBC`: `米アップル` and `アップル` are one organisation), so `米国防総省`,
 *   `米軍` and `米ファンド` stay as they are.
 */
export function withoutDescriptionBefore(doc: ArticleDocument, c: Found): Found {
  if (fromLexicon(c)) return c;
  const [a, b] = tokenRange(doc.tokens, c.start, c.end);
  let start = c.start;
  /** The token the name may begin with, after what was cut so far. */
  let m = a;
  // The sector's words first (`大手|新聞社・日政新聞` is no description of one company).
  for (let k = b - 2; k > a; k--) {
    const t = doc.tokens[k]!;
    if (SECTOR_LEADER_WORDS.has(t.surface) && doc.tokens[k + 1]!.start === t.end && c.end - t.end >= 2) {
      start = t.end;
      m = k + 1;
      break;
    }
  }
  const mark = doc.tokens[m]!;
  const name = doc.tokens[m + 1];
  if (name && name.start === mark.end && mark.start === start && name.end <= c.end && isCountryMark(mark) && startsName(name) && c.end - name.start >= 2) start = name.start;
  return start === c.start ? c : withExtent(c, start, c.end);
}

/** A katakana or Latin word the dictionary calls proper or does not know: what a company's name after its description starts with. */
const startsName = (t: Token) => /^[\p{sc=Katakana}A-Za-z]/u.test(t.surface) && isProperOrUnknown(t);

/** A country's one-character form as its own word (`米`, `独`, `英`). */
const isCountryMark = (t: Token) => t.surface.length === 1 && COUNTRY_BY_ABBR.has(t.surface) && t.pos2 === '地域';

/**
 * A kind of group, not a group's name: a group word after words the dictionary calls common nouns only
 * (`アイドルグループ`, `サポート部隊`, `ビッグクラブ`); a name has a proper noun, a word the dictionary does not know or a
 * name the lexicon knows before it (`セガサミーグループ`, `KARAグループ`, `イオン|グループ`: IPADIC's イオン is the ion).
 */
export function isGroupOfAKind(doc: ArticleDocument, lexicon: OrgLexicon, span: { start: number; end: number }): boolean {
  const tokens = doc.tokens;
  const [a, b] = tokenRange(tokens, span.start, span.end);
  if (b - a < 2 || tokens[a]!.start !== span.start || tokens[b - 1]!.end !== span.end || !GROUP_WORDS.has(tokens[b - 1]!.surface)) return false;
  for (const [end] of lexicon.matchesAt(doc.norm.text, span.start)) if (end === tokens[b - 1]!.start) return false;
  for (let k = a; k < b - 1; k++) {
    const t = tokens[k]!;
    // A single character may be a name's (`西|石油|グループ`), a legal form makes a company (`株式会社…グループ`).
    if (!t.known || t.pos !== '名詞' || !(t.pos1 === '一般' || t.pos1 === 'サ変接続' || t.pos1 === '形容動詞語幹') || t.surface.length < 2 || COMPANY_FORMS.includes(t.surface)) return false;
  }
  return true;
}

/** How far from a name its work title's brackets may be. */
const WORK_TITLE_REACH = 40;

/**
 * Part of a work's title in 『』 (`『台湾総督府と慰安婦』`, a book): the title names the work, not the body. The whole of
 * what the brackets hold may be a name (`『日本経済新聞』`), and a headline quoted in them is about the body.
 */
export function isInsideWorkTitle(norm: string, span: { start: number; end: number }): boolean {
  // Looked for within WORK_TITLE_REACH characters either side (a scan to the text's ends would cost a long text dearly).
  const from = Math.max(0, span.start - WORK_TITLE_REACH);
  const before = norm.slice(from, span.start).lastIndexOf('『');
  if (before < 0) return false;
  const open = from + before;
  if (/[』\n]/.test(norm.slice(open + 1, span.start))) return false;
  const after = norm.slice(span.end, span.end + WORK_TITLE_REACH + 1).indexOf('』');
  if (after < 0) return false;
  const close = span.end + after;
  if (/[『\n]/.test(norm.slice(span.end, close))) return false;
  // A headline quoted in the brackets (`『…！KDDI、…を開始』`) is about the body: punctuation says it is one.
  if (/[、。！？!?：:]/.test(norm.slice(open + 1, close))) return false;
  return !(open === span.start - 1 && close === span.end);
}

/**
 * Names written with a middle dot between them (`トヨタ自動車・日産自動車`, `日本銀行・金融庁`): when every part ends with an
 * organisation word, each part is a name of its own (and checked as one). A name the lexicon knows stays whole.
 */
export function coordinatedNames(doc: ArticleDocument, lexicon: OrgLexicon, c: Found): Found[] {
  if (fromLexicon(c) || !doc.norm.text.slice(c.start, c.end).includes('・')) return [c];
  const tokens = doc.tokens;
  const [a, b] = tokenRange(tokens, c.start, c.end);
  const parts: { start: number; end: number }[] = [];
  let from = c.start;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.surface !== '・' || t.start <= c.start || t.end >= c.end) continue;
    parts.push({ start: from, end: t.start });
    from = t.end;
  }
  parts.push({ start: from, end: c.end });
  if (parts.length < 2 || !parts.every((p) => isNameOfItsOwn(doc, p))) return [c];
  // Each part is read as any name is (`大手新聞社` of `大手新聞社・日政新聞` is a generic reference).
  return parts.map((p) => ({ start: p.start, end: p.end, rule: c.rule })).filter((p) => !isNoName(doc, lexicon, p));
}

/**
 * A part of a coordination that names a body: it ends with an organisation word, and when that word is a weak one a
 * proper noun or a word the dictionary does not know comes before it (`鉄道建設` in `鉄道建設・運輸施設整備支援機構`, one
 * name, is common words and a weak head; so is `劇団`, `劇|団` to the heads).
 */
function isNameOfItsOwn(doc: ArticleDocument, part: { start: number; end: number }): boolean {
  const found = headAtEnd(doc.norm.text.slice(part.start, part.end));
  if (!found) return false;
  if (!found.head.weak) return true;
  return doc.tokens.slice(...tokenRange(doc.tokens, part.start, part.end - found.length)).some(isProperOrUnknown);
}

/**
 * The longest organisation head word a text ends with, after at least one character of its own, matched on characters
 * (`クラシックカークラブ` is one unknown word to IPADIC).
 */
export function headAtEnd(text: string): { head: OrgHead; length: number } | undefined {
  for (let k = Math.min(5, text.length - 1); k >= 1; k--) {
    const head = ORG_HEADS.get(text.slice(text.length - k));
    if (head) return { head, length: k };
  }
  return undefined;
}

/**
 * A span that is the whole of what a pair of quotation marks or brackets holds (`“イケメン”`, `「スター・ウォーズ」`,
 * `【コチラ】`): a term being talked about, unless it ends with an organisation word (`「…ヨットクラブ」`), has a legal form
 * or a proper noun the dictionary knows, or the words around the quote say it is an organisation (`主催団体“…”`,
 * `「…」という団体`).
 */
export function isQuotedTerm(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const norm = doc.norm.text;
  const close = QUOTE_PAIRS.get(norm[span.start - 1] ?? '');
  if (close === undefined || norm[span.end] !== close) return false;
  const text = norm.slice(span.start, span.end);
  if (headAtEnd(text) || COMPANY_FORMS.some((f) => text.startsWith(f) || text.endsWith(f)) || BRACKET_COMPANY_FORMS.some((f) => text.includes(f))) return false;
  // A word the dictionary knows as a proper noun, not a person's, makes a name (`「富士石油」`, `「南青山…」`); the unknown
  // katakana words the tokenizer guesses a proper noun for (`「コラーゲン」`) do not.
  if (doc.tokens.slice(...tokenRange(doc.tokens, span.start, span.end)).some((t) => t.known && t.pos1 === '固有名詞' && t.pos2 !== '人名')) return false;
  return !ORG_BEFORE_QUOTE.test(norm.slice(Math.max(0, span.start - 9), span.start - 1)) && !ORG_AFTER_QUOTE.test(norm.slice(span.end + 1, span.end + 16));
}

/**
 * A product (PRODUCT_NAMES), a product with common nouns and no organisation word at the end (`USB|メモリー`,
 * `モバイル|WiMAX`), or a model number, alone or after the product's Latin name (`GALAXY SII WiMAX ISW11SC`).
 */
function isProduct(doc: ArticleDocument, span: { start: number; end: number }, text: string): boolean {
  if (PRODUCT_NAMES.has(text) || MODEL_NUMBER.test(text)) return true;
  if (/^[A-Za-z0-9 .&'-]+ [A-Z0-9-]+$/.test(text) && MODEL_NUMBER.test(text.slice(text.lastIndexOf(' ') + 1))) return true;
  const tokens = doc.tokens.slice(...tokenRange(doc.tokens, span.start, span.end));
  if (tokens.length < 2 || !tokens.some((t) => PRODUCT_NAMES.has(t.surface)) || headAtEnd(text)) return false;
  // Products joined by `&`, `・` or `/` are products too (`ブルーレイ&DVD`).
  return tokens.every((t) => PRODUCT_NAMES.has(t.surface) || PRODUCT_JOINERS.has(t.surface) || (isCommonWord(t) && (!t.known || t.pos === '名詞')));
}

/**
 * A technique or a set, not a broadcaster or a carrier: a head that also names a thing (`テレビ`, `ラジオ`, `通信`, `電力`)
 * after a standard, a product or common kanji words only (`Wi-Fi|通信`, `ケーブル|テレビ`, `FM|ラジオ`, `消費|電力`), or `局`
 * after a standard or a medium (`TV|局`, `ケーブル|局`), or `センター` after a standard in capitals (`SMS|センター`). Katakana
 * words before it may be a name (`オリエンタル|ラジオ`, a comedy duo; `ガジェット|通信`, a news site; `モバイル|センター`, a shop).
 * A proper noun or a name IPADIC does not know before it keeps the name (`フジ|テレビ`, `TBS|ラジオ`, `読売|テレビ`).
 */
function isTechnique(doc: ArticleDocument, span: { start: number; end: number }, text: string): boolean {
  const head = THING_HEADS.find((h) => text.endsWith(h) && text.length > h.length);
  if (!head) return false;
  const before = text.slice(0, text.length - head.length);
  // `センター` after a standard in capitals is a part of a network (`SMSセンター`); after other words, a body or a shop.
  if (head === 'センター') return /^[A-Z0-9]+$/.test(before) && TECHNIQUE_WORDS.has(before);
  if (PRODUCT_NAMES.has(before) || TECHNIQUE_WORDS.has(before) || PRODUCT_WORDS_BEFORE_HEAD.has(before)) return true;
  // `局` after common words is a bureau (`社会保障局`, `中央政治局`).
  if (!PRODUCT_LIKE_HEADS.has(head)) return false;
  const tokens = doc.tokens.slice(...tokenRange(doc.tokens, span.start, span.end - head.length));
  return tokens.length > 0 && tokens[tokens.length - 1]!.end === span.end - head.length && tokens.every((t) => t.pos === '名詞' && isCommonWord(t) && /^[\u4e00-\u9fff]+$/.test(t.surface));
}

/** Heads that also name a thing, the longest first (`放送局` before `局`). */
const THING_HEADS: readonly string[] = [...PRODUCT_LIKE_HEADS, '放送局', '局', 'センター'];

const PRODUCT_JOINERS: ReadonlySet<string> = new Set(['&', '・', '/']);

/** A compound that ends with a gathering's word after other words (`新サービス|発表会`), or a party people hold (`歓送迎会`, `…女子会`): the event, not its host. */
function isGathering(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const [a, b] = tokenRange(doc.tokens, span.start, span.end);
  const text = doc.norm.text.slice(span.start, span.end);
  return endsWithTail(doc.tokens, a + 1, b, GATHERING_TAILS) || SOCIAL_GATHERING_WORDS.some((g) => text.endsWith(g));
}
const SOCIAL_GATHERING_WORDS = [...SOCIAL_GATHERINGS];

/**
 * A club prefix before common words only is a thing, not a club (`ACアダプター`: alternating current; `FC東京`,
 * `ACミラン` have a name after it), as the rules read it (chunk.ts); the tagger may still tag it.
 */
export function isClubPrefixOnCommonWord(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const tokens = doc.tokens;
  const [a, b] = tokenRange(tokens, span.start, span.end);
  if (b - a < 2 || !CLUB_PREFIXES.has(tokens[a]!.surface)) return false;
  for (let k = a + 1; k < b; k++) if (isProperOrUnknown(tokens[k]!)) return false;
  return true;
}

/**
 * A head word with only a reference before it: several bodies at once (`日豪両政府`, `日米両国政府`), a head with only
 * generic modifiers (`合同委員会`, `相手国政府`), or a class head after common nouns only (`調達代理機関`).
 */
export function isGenericReference(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const tokens = doc.tokens;
  const [a, b] = tokenRange(tokens, span.start, span.end);
  if (b - a < 2 || tokens[a]!.start !== span.start || tokens[b - 1]!.end !== span.end) return false;
  const h = headStart(tokens, a, b);
  if (h === undefined || h === a) return false;
  // `両|政府`, `両|国|政府`, `両国|政府`: the determiner of plurality right before the head.
  const last = isCountrySuffix(tokens[h - 1]!) && h - 1 > a ? h - 2 : h - 1;
  const word = tokens[last]!.surface;
  if (PLURAL_DETERMINERS.has(word) || (word.length === 2 && word[1] === '国' && PLURAL_DETERMINERS.has(word[0]!))) return true;
  // Generic words with a word of reference among them (`合同|委員会`, `相手|国|政府`); generic words alone may name a
  // ministry (`教育省`, `金融庁`) or the body of the time (`新政府`).
  const prefix = tokens.slice(a, h);
  if (prefix.every((t, i) => isGenericWord(t.surface) || (i > 0 && isCountrySuffix(t))) && prefix.some((t, i) => REFERENCE_MODIFIERS.has(t.surface) || (i > 0 && isCountrySuffix(t)))) return true;
  const head = doc.norm.text.slice(tokens[h]!.start, span.end);
  const before = doc.norm.text.slice(span.start, tokens[h]!.start);
  return CLASS_HEADS.has(head) && prefix.every(isCommonKanjiNoun) && !INTERNATIONAL_PREFIXES.some((p) => before.startsWith(p));
}

/**
 * Capitals glued to the katakana word before them are the end of a compound (`ビデオSALON`, a magazine; `シャープAQUOS`),
 * not an acronym standing alone (`NHKは`, `米IBM`, `日本IBM` keep theirs); a legal or club form there ends a name (`…システムズAB`),
 * and after a class word the capitals are the name (`アイドルグループKARA`).
 */
export function isGluedCapitals(norm: string, span: { start: number; end: number }): boolean {
  const text = norm.slice(span.start, span.end);
  if (!/^[A-Z][A-Z0-9&]*$/.test(text) || !/[ァ-ヶー]/.test(norm[span.start - 1] ?? '') || FORMS_AFTER_NAME.has(text)) return false;
  const before = norm.slice(Math.max(0, span.start - 5), span.start);
  return !CLASS_WORDS_BEFORE_NAME.some((w) => before.endsWith(w));
}

/** The first token of the longest head made of whole tokens that ends the range [a, b). */
function headStart(tokens: readonly Token[], a: number, b: number): number | undefined {
  let text = '';
  let first: number | undefined;
  for (let k = b - 1; k >= a && k >= b - MAX_HEAD_TOKENS; k--) {
    text = tokens[k]!.surface + text;
    if (ORG_HEADS.has(text)) first = k;
  }
  return first;
}

const isGenericWord = (s: string) => DETERMINERS.has(s) || GENERIC_MODIFIERS.has(s) || REFERENCE_MODIFIERS.has(s);

/** `国` written as a suffix: `相手|国`, `加盟|国`, `両|国`. */
const isCountrySuffix = (t: Token) => t.surface === '国' && t.pos1 === '接尾';

/** A common noun (not a proper one) in kanji: `調達`, `代理`, `金融`. */
const isCommonKanjiNoun = (t: Token) => t.known && t.pos === '名詞' && (t.pos1 === '一般' || t.pos1 === 'サ変接続') && /^[\u4e00-\u9fff]+$/.test(t.surface);
