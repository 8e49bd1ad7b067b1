import type { ArticleDocument } from '../../core/document.js';
import { overlapsAny, resolveNames, type Found } from './aliases.js';
import { resolveCandidates } from './candidates.js';
import type { OrgLexicon } from './lexicon.js';
import type { OrgTagger } from './model/tagger.js';
import { featureInputOf } from './model/train.js';

/**
 * Organisations found by the tagger. The model decides the spans; a rule candidate with exactly the
 * model's span lends it its kind and core name and is named in the rule (`ja.org.model+lexicon`); the
 * existing code then gives canonical names and aliases. A name from the user's lexicon always wins over
 * the model's spans around it.
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
  const found: Found[] = tagger.organisations(input).map((span) => {
    const c = byExtent.get(`${span.start}:${span.end}`);
    if (!c) return { ...span, rule: 'ja.org.model' };
    return { ...c, rule: `ja.org.model+${c.rule.replace(/^ja\.org\./, '')}` };
  });
  // Lexicon names and defined aliases the model passed over stay: both are curated or stated by the text.
  for (const k of input.kept) if ((k.rule.startsWith('ja.org.lexicon') || k.rule.includes('alias')) && !overlapsAny(found, k)) found.push(k);
  if (userLexicon) {
    const user = input.candidates.filter((c) => c.rule.startsWith('ja.org.lexicon') && [...userLexicon.matchesAt(norm, c.start)].some(([end]) => end === c.end));
    const kept = found.filter((f) => !overlapsAny(user, f));
    for (const u of user) kept.push({ ...u, rule: found.some((f) => f.start === u.start && f.end === u.end) ? `ja.org.model+${u.rule.replace(/^ja\.org\./, '')}` : u.rule });
    return resolveNames(norm, resolveCandidates(kept), lexicon);
  }
  return resolveNames(norm, resolveCandidates(found), lexicon);
}
