import type { ArticleDocument } from '../../core/document.js';
import type { Token } from '../../core/token.js';
import { COUNTRY_BY_ABBR, COUNTRY_BY_NAME } from '../../data/countries.js';
import { ANNOUNCED_IN_SENTENCE, DEAL_CONTEXT_AFTER, HEAD_OFFICE_SUFFIXES, HEAD_OFFICE_WORDS, NEWS_OPENER_AFTER, PERSON_NAME_BEFORE, PERSON_SUFFIXES, PLURAL_DETERMINERS, REFERENCE_MODIFIERS, SECTOR_LEADER_WORDS, VENUE_AFTER } from '../../data/org-guards.js';
import { DETERMINERS, GENERIC_MODIFIERS, GENERIC_ORG_WORDS, MAX_HEAD_TOKENS, NON_ORG_TAILS, ORG_HEADS } from '../../data/org-heads.js';
import { PERSON_TITLES, TITLES } from '../../data/titles.js';
import type { Found } from './aliases.js';
import { endsWithTail, orgCandidate } from './chunk.js';
import { JOINER, KATAKANA, LATIN, TOKEN_FEATURES, type TokenView } from '../token-features/index.js';

/**
 * Company names in the plain contexts of business news, which neither the rules' candidates nor the tagger need
 * to have found: the subject of the news opener (`大陽日酸は5日、…`), a name with its head office in brackets
 * (`PIALab.(徳島市)`, `ABC(東京・港)`), a party to a deal (`ケア21から介護事業を取得`) and a name after its sector
 * (`電気自動車大手BYD`). Read after the rules and the
 * tagger on both paths, and added where nothing was found: not a candidate source, since the tagger's features read
 * the candidates (a new source would need a retrain).
 * The context alone does not make a name (`円相場は5日、`, `田中社長は5日、`): the words must look like one too.
 */
export function plainContextNames(doc: ArticleDocument): Found[] {
  const view = doc.get(TOKEN_FEATURES);
  const norm = doc.norm.text;
  const found: Found[] = [];
  for (let r = 0; r < view.runCount; r++) {
    const from = view.runFrom[r]!;
    const to = view.runTo[r]!;
    // `PIALab.(`: a Latin name may end in its abbreviation's dot, which kuromoji joins to the bracket.
    let end = view.tokens[to - 1]!.end;
    if (norm[end] === '.' && norm[end + 1] === '(' && view.flags[to - 1]! & LATIN) end++;
    const after = norm.slice(end, end + 40);
    const rule = headOfficeAfter(view, to, end, norm) ? 'ja.org.head-office' : NEWS_OPENER_AFTER.test(after) ? 'ja.org.opener' : DEAL_CONTEXT_AFTER.test(after) ? 'ja.org.deal' : undefined;
    if (!rule) {
      const s = afterSector(view, from, to);
      if (s >= 0 && looksLikeName(view, s, to, norm, false, true)) found.push(orgCandidate(view.tokens[s]!.start, end, 'ja.org.sector', 'company'));
      continue;
    }
    const s = withoutClassWords(view.tokens, from, to);
    // `コンラッド東京(東京都港区)`: a name ending in a place before the brackets is a branch or a venue.
    if (rule === 'ja.org.head-office' && view.tokens[to - 1]!.pos2 === '地域') continue;
    const announced = rule === 'ja.org.opener' && ANNOUNCED_IN_SENTENCE.test(sentenceAfter(norm, end));
    if (s < to && looksLikeName(view, s, to, norm, announced)) found.push(orgCandidate(view.tokens[s]!.start, end, rule, 'company'));
  }
  return found;
}

/**
 * A head office in brackets right after `end`, the end of the run that ends before token `to`: a place ending in a city's, a ward's or a state's suffix (`(徳島市)`,
 * `(愛知県刈谷市)`, `(米カリフォルニア州)`), the city and ward written short (`(東京・港)`, `(東京・千代田)`), or either after `本社・`
 * (`(本社・大阪市)`). A place alone is a country, a region or a town the text says something is from (`(イタリア)`,
 * `(関東)`, `(高松)`): players, films and shops come with those as often as companies.
 */
function headOfficeAfter(view: TokenView, to: number, end: number, norm: string): boolean {
  if (norm[end] !== '(') return false;
  const close = norm.indexOf(')', end);
  if (close < 0 || close - end > 16) return false;
  const tokens = view.tokens;
  let k = to;
  while (k < tokens.length && tokens[k]!.end <= end + 1) k++;
  // Tokens strictly inside the brackets (kuromoji joins `(` and `)` to what touches them, so compare offsets).
  const inside: Token[] = [];
  for (; k < tokens.length && tokens[k]!.end <= close; k++) inside.push(tokens[k]!);
  if (inside.length === 0 || inside[0]!.start !== end + 1 || inside[inside.length - 1]!.end !== close) return false;
  let i = 0;
  if (HEAD_OFFICE_WORDS.has(inside[0]!.surface) && /[・:]/.test(inside[1]?.surface ?? '')) i = 2;
  const placeFrom = i;
  // `米|カリフォルニア|州`: a country's one-character form, then place words and their suffixes.
  if (i < inside.length && COUNTRY_BY_ABBR.has(inside[i]!.surface)) i++;
  while (i < inside.length && inside[i]!.pos2 === '地域') i++;
  const place = inside.slice(placeFrom, i);
  if (!place.some((t) => t.pos1 === '固有名詞')) return false;
  if (VENUE_AFTER.test(norm.slice(close + 1, close + 4))) return false;
  if (i === inside.length) return place[place.length - 1]!.pos1 === '接尾' && HEAD_OFFICE_SUFFIXES.has(place[place.length - 1]!.surface);
  // `東京・港`: a city, then the ward after a dot, one short kanji word.
  const ward = inside.slice(i + 1).map((t) => t.surface).join('');
  return inside[i]!.surface === '・' && /^[\u4e00-\u9fff]{1,4}$/.test(ward);
}

/**
 * Where a name begins after its sector's leader word in the run [from, to) (`電気自動車|大手|BYD`, `半導体|大手|エヌビディア`),
 * or -1: a sector word other than a generic modifier before it (`国内|大手|…` and `大手|…` alone say nothing of what
 * follows), and a katakana or Latin word right after it (whether the words are a name, not `…大手|メーカー`, looksLikeName
 * says).
 */
function afterSector(view: TokenView, from: number, to: number): number {
  const tokens = view.tokens;
  for (let k = to - 2; k > from; k--) {
    if (!SECTOR_LEADER_WORDS.has(tokens[k]!.surface)) continue;
    const sector = tokens.slice(from, k).some((t) => !GENERIC_MODIFIERS.has(t.surface) && !DETERMINERS.has(t.surface) && t.pos2 !== '地域');
    return sector && (view.flags[k + 1]! & (KATAKANA | LATIN)) !== 0 && tokens[k + 1]!.start === tokens[k]!.end ? k + 1 : -1;
  }
  return -1;
}

/**
 * Leading class words before the name (`子会社|PIALab.`, `大手|ABC`), with a determiner before one (`新|会社|ABC`); a
 * one-character determiner or modifier alone stays, as the first character of a name (`大|陽|日|酸`).
 */
function withoutClassWords(tokens: readonly Token[], from: number, to: number): number {
  const classWord = (t: Token | undefined) => t !== undefined && (GENERIC_ORG_WORDS.has(t.surface) || (GENERIC_MODIFIERS.has(t.surface) && t.surface.length >= 2));
  let s = from;
  while (s < to - 1 && (classWord(tokens[s]) || (DETERMINERS.has(tokens[s]!.surface) && classWord(tokens[s + 1])))) s++;
  return s;
}

/**
 * Words [s, e) that look like a company's name: no person or place, no title or class word at the end, and a word
 * that marks a name — unknown to the dictionary, Latin, a proper noun, katakana words written together (`ケアリンク`),
 * katakana or Latin before digits (`ケア21`), or kanji the dictionary splits into single characters (`大|陽|日|酸`).
 * Katakana words joined by a dot are a person's name, except right after a sector's word (`化学大手|ダウ・ケミカル`),
 * which no person's name follows.
 */
function looksLikeName(view: TokenView, s: number, e: number, norm: string, announced: boolean, sectorBefore = false): boolean {
  const tokens = view.tokens.slice(s, e);
  const text = norm.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
  const last = tokens[tokens.length - 1]!;
  if (tokens.some((t) => t.pos2 === '人名') || tokens.every((t) => t.pos2 === '地域' || t.surface === '・') || COUNTRY_BY_NAME.has(text)) return false;
  if (GENERIC_ORG_WORDS.has(text) || (!sectorBefore && PERSON_NAME_BEFORE.test(text)) || endsWithTail(view.tokens, s, e, TITLES) || endsWithTail(view.tokens, s, e, PERSON_TITLES) || endsWithTail(view.tokens, s, e, NON_ORG_TAILS)) return false;
  if ((last.pos1 === '接尾' || tokens.length === 1) && PERSON_SUFFIXES.has(last.surface)) return false;
  if (announced && isKanjiCompoundName(tokens)) return true;
  // `円|相場`, `NY|原油|先物`: a thing of the market, not a name, when a common kanji word ends it.
  if (last.known && (last.pos1 === '一般' || last.pos1 === 'サ変接続') && /^[\u4e00-\u9fff]{2,}$/.test(last.surface)) return false;
  const flags = (i: number) => view.flags[s + i]!;
  const marked = tokens.some((t, i) => (!t.known && t.pos1 !== '数') || flags(i) & LATIN || (t.pos1 === '固有名詞' && t.pos2 !== '地域'));
  const katakanaOnly = tokens.length >= 2 && tokens.every((_, i) => flags(i) & KATAKANA || view.role[s + i] === JOINER);
  const beforeDigits = tokens.length >= 2 && last.pos1 === '数' && (flags(tokens.length - 2) & (KATAKANA | LATIN)) !== 0;
  return marked || katakanaOnly || beforeDigits || singleKanjiRun(tokens);
}

/** The text from `end` to the end of its sentence (or line), at most SENTENCE_REACH characters (a text without stops stays linear). */
function sentenceAfter(norm: string, end: number): string {
  const limit = Math.min(norm.length, end + SENTENCE_REACH);
  let e = end;
  while (e < limit && norm[e] !== '。' && norm[e] !== '\n') e++;
  return norm.slice(end, e);
}
const SENTENCE_REACH = 200;

/**
 * Known kanji words that, as the subject of an announcement, make a company's name (`東洋|炭素`, `北辰|精|器`): two or
 * more, no generic or plural word among them (`研究|班`, `調査|会社`, `米中|両国`), and no head word at the end, whose
 * names the rules judge (`研究|チーム`).
 */
function isKanjiCompoundName(tokens: readonly Token[]): boolean {
  if (tokens.length < 2 || tokens.reduce((n, t) => n + t.surface.length, 0) < 3) return false;
  if (!tokens.every((t) => t.known && t.pos === '名詞' && /^[\u4e00-\u9fff々]+$/.test(t.surface))) return false;
  if (tokens.some((t) => DETERMINERS.has(t.surface) || GENERIC_MODIFIERS.has(t.surface) || GENERIC_ORG_WORDS.has(t.surface) || REFERENCE_MODIFIERS.has(t.surface) || PLURAL_DETERMINERS.has(t.surface[0]!))) return false;
  let tail = '';
  for (let m = 1; m <= MAX_HEAD_TOKENS && m <= tokens.length; m++) {
    tail = tokens[tokens.length - m]!.surface + tail;
    if (ORG_HEADS.has(tail)) return false;
  }
  return true;
}

/** Three or more one-character kanji tokens in a row: a word the dictionary does not know, cut into characters. */
function singleKanjiRun(tokens: readonly Token[]): boolean {
  let run = 0;
  for (const t of tokens) {
    run = /^[\u4e00-\u9fff]$/.test(t.surface) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}
