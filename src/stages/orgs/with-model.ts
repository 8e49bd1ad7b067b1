import type { ArticleDocument } from '../../core/document.js';
import { longestFirst, overlapsAny } from '../../core/spans.js';
import { COUNTRY_BY_NAME } from '../../data/countries.js';
import { LATIN_HONORIFICS } from '../../data/titles.js';
import { resolveNames, type Found } from './aliases.js';
import type { OrgLexicon } from './lexicon.js';
import type { OrgTagger } from './model/tagger.js';
import { featureInputOf } from './model/train.js';

/**
 * Organisations found by the tagger. The model decides the spans, with three guard rails from the rules:
 * - a rule's answer that contains the model's spans around it replaces them (`拡大` + `ASEAN国防相会議` inside
 *   the lexicon's `拡大ASEAN国防相会議`, `資源部` inside `産業通商資源部`), and lexicon names and defined aliases
 *   the model passed over stay;
 * - a span no rule proposed is dropped when the dictionary calls all of its words places, people or
 *   countries, or when it starts with an honorific (`H.E. Mr. …`);
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
  const found: Found[] = tagger
    .organisations(input)
    .filter((span) => overlapsAny(input.candidates, span) || !implausible(doc, span))
    .map((span) => {
      const c = byExtent.get(`${span.start}:${span.end}`);
      return c ? { ...c, rule: withModel(c.rule) } : { ...span, rule: 'ja.org.model' };
    });
  for (const k of input.kept) {
    const around = found.filter((f) => f.start < k.end && k.start < f.end);
    if (around.length === 0) {
      if (k.rule.startsWith('ja.org.lexicon') || k.rule.includes('alias')) found.push(k);
      continue;
    }
    if (!around.every((f) => f.start >= k.start && f.end <= k.end)) continue;
    if (around.length === 1 && around[0]!.start === k.start && around[0]!.end === k.end) continue;
    for (const f of around) found.splice(found.indexOf(f), 1);
    found.push({ ...k, rule: withModel(k.rule) });
  }
  if (userLexicon) {
    const user = input.candidates.filter((c) => c.rule.startsWith('ja.org.lexicon') && [...userLexicon.matchesAt(norm, c.start)].some(([end]) => end === c.end));
    const kept = found.filter((f) => !overlapsAny(user, f));
    for (const u of user) kept.push({ ...u, rule: found.some((f) => f.start === u.start && f.end === u.end) ? withModel(u.rule) : u.rule });
    return resolveNames(norm, longestFirst(kept), lexicon);
  }
  return resolveNames(norm, longestFirst(found), lexicon);
}

const withModel = (rule: string) => (rule.startsWith('ja.org.model') ? rule : `ja.org.model+${rule.replace(/^ja\.org\./, '')}`);

/** A span whose words the dictionary calls places, people or countries, or a Latin name after an honorific. */
function implausible(doc: ArticleDocument, span: { start: number; end: number }): boolean {
  const text = doc.norm.text.slice(span.start, span.end);
  if (LATIN_HONORIFICS.has(text.split(/[ .]/)[0]!)) return true;
  if (COUNTRY_BY_NAME.has(text)) return true;
  const tokens = doc.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  return tokens.length > 0 && tokens.every((t) => t.pos2 === '地域' || t.pos2 === '人名' || t.pos === '記号' || COUNTRY_BY_NAME.has(t.surface));
}
