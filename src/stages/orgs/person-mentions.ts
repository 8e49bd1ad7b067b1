import type { ArticleDocument } from '../../core/document.js';
import type { Token } from '../../core/token.js';
import { BYLINE_MARKS, BYLINE_SEPARATORS, NAME_COORDINATORS } from '../../data/org-guards.js';

/**
 * The words a document uses for a person somewhere in it, so that its other mentions are the same person (one sense
 * per discourse): IPADIC gives many family names and katakana stage names a 組織 reading (`安藤`, `ローラ`), and an
 * article says who they are once, not at every mention. A word is a person's in the document when, somewhere in it,
 * - IPADIC reads it as a family name with a given name after it (`本田|圭佑`; not another word, `ディズニー|映画` and
 *   `吉本|芸人` are read so too);
 * - it is listed with a person's full name (`ローラとトリンドル|玲奈`, `浅田|真央や安藤`), unless a dot or `の` ties it to
 *   that person (`巨人・坂本`, `TKOの木下隆行`, `・CSKA、本田圭佑…`: a team, a group, an item of a list of links).
 * - it is a byline's name: what follows `文／`, `イラスト：`, `by：` up to a space or a bracket, in kana or kanji
 *   (`文／ドロンジョーヌ恩田`, `by： ショーン・サリバン`; not after `文・`, where a site's name may come, `文・ITライフハック`).
 * Not an honorific after it: Japanese gives `さん` to companies as well (`マルコメさん`, `IPAさん`), so it says what that
 * one mention is (isPersonNamed), not what the word is.
 */
export function personWordsOf(doc: ArticleDocument): ReadonlySet<string> {
  let words = cache.get(doc);
  if (!words) cache.set(doc, (words = collect(doc.tokens)));
  return words;
}

const cache = new WeakMap<ArticleDocument, ReadonlySet<string>>();

function collect(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (next.start !== t.end) continue;
    if (t.pos === '名詞') {
      if (isFamilyName(t) && isGivenName(next)) words.add(t.surface);
      // `X と|や|、 姓名`
      if (NAME_COORDINATORS.has(next.surface) && fullNameAt(tokens, i + 2) && tokens[i + 2]!.start === next.end && !tiedBefore(tokens, i)) words.add(t.surface);
    } else if (NAME_COORDINATORS.has(t.surface) && next.pos1 === '固有名詞' && fullNameEndingAt(tokens, i - 1) && tokens[i - 1]!.end === t.start && !tiedAfter(tokens, i + 1)) {
      // `姓名 と|や|、 X`
      words.add(next.surface);
    }
  }
  for (const name of bylineNames(tokens)) words.add(name);
  return words;
}

/** The names right after a byline's mark and its slash or colon (BYLINE_MARKS), written in kana or kanji. */
function bylineNames(tokens: readonly Token[]): string[] {
  const names: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!BYLINE_MARKS.has(tokens[i]!.surface) || !BYLINE_SEPARATORS.has(tokens[i + 1]!.surface) || tokens[i + 1]!.start !== tokens[i]!.end) continue;
    let k = i + 2;
    if (/^\s+$/.test(tokens[k]!.surface)) k++;
    let name = '';
    let end = -1;
    for (; k < tokens.length && /^[ぁ-ゖァ-ヶー・\u4e00-\u9fff々]+$/.test(tokens[k]!.surface) && (end < 0 || tokens[k]!.start === end); k++) {
      name += tokens[k]!.surface;
      end = tokens[k]!.end;
    }
    if (name.length >= 2 && !name.endsWith('・')) names.push(name);
  }
  return names;
}

export const isFamilyName = (t: Token) => t.pos2 === '人名' && t.pos3 === '姓';
export const isGivenName = (t: Token) => t.pos2 === '人名' && t.pos3 === '名';
/** Token i comes right after a dot (`巨人・|坂本`, a list's `・|CSKA`). */
const tiedBefore = (tokens: readonly Token[], i: number) => i > 0 && tokens[i - 1]!.surface === '・' && tokens[i - 1]!.end === tokens[i]!.start;
/** Token i is followed right away by a dot or `の` (`巨人|・坂本`, `TKO|の木下隆行`), or comes after a dot. */
const tiedAfter = (tokens: readonly Token[], i: number) => tiedBefore(tokens, i) || (i + 1 < tokens.length && (tokens[i + 1]!.surface === '・' || tokens[i + 1]!.surface === 'の') && tokens[i + 1]!.start === tokens[i]!.end);
/** A family name, or a katakana name IPADIC does not know, right before a given name (`浅田|真央`, `トリンドル|玲奈`). */
const familyBefore = (t: Token, given: Token) => (isFamilyName(t) || (!t.known && /^[ァ-ヶー]+$/.test(t.surface))) && isGivenName(given) && t.end === given.start;
/** A full name from token i on. */
const fullNameAt = (tokens: readonly Token[], i: number) => i + 1 < tokens.length && familyBefore(tokens[i]!, tokens[i + 1]!);
/** A full name ending with token j. */
const fullNameEndingAt = (tokens: readonly Token[], j: number) => j >= 1 && familyBefore(tokens[j - 1]!, tokens[j]!);
