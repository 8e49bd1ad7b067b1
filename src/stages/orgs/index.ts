import type { ArticleDocument } from '../../core/document.js';
import { TOKENS } from '../../core/document.js';
import { longestFirst, overlapsAny } from '../../core/spans.js';
import { defineStage } from '../../core/stage.js';
import type { OrgRecord } from '../../schema/records.js';
import { resolveNames, type Found } from './aliases.js';
import { canonicalName } from './canonical.js';
import { collectCandidates } from './candidates.js';
import { kindOfName } from './chunk.js';
import { buildOrgLexicon, OrgLexicon } from './lexicon.js';
import { loadOrgTagger, type OrgTagger } from './model/tagger.js';
import { TOKEN_FEATURES } from '../token-features/index.js';
import { findOrganisationsWithModel, isDocumentPart, isPersonNamed, namesOf, withoutPersonAfter } from './with-model.js';
import { plainContextNames } from './plain-contexts.js';
import { isNoName } from './references.js';

export { OrgLexicon } from './lexicon.js';

/** Finds organisations in one document (normalized offsets), with canonical names and aliases resolved. */
export function findOrganisations(doc: ArticleDocument, lexicon: OrgLexicon): Found[] {
  const norm = doc.norm.text;
  const kept = longestFirst(collectCandidates(doc, lexicon))
    .map((c) => withoutPersonAfter(doc, lexicon, c))
    .filter((c) => !isDocumentPart(norm, c) && !isPersonNamed(doc, c) && !isNoName(doc, lexicon, c));
  for (const c of plainContextNames(doc)) if (!overlapsAny(kept, c)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return resolveNames(norm, kept.flatMap((c) => namesOf(doc, lexicon, c)), lexicon);
}

export const orgsStage = defineStage({
  name: 'orgs',
  languages: ['ja'],
  switch: 'orgs',
  requires: [TOKENS, TOKEN_FEATURES],
  provides: ['ORG'],
  // The tagger's model file is read only when the config switches the model on.
  load: async (config): Promise<OrgTagger | undefined> => (config.orgs.model ? loadOrgTagger() : undefined),
  create: ({ config, resource: tagger }) => {
    const lexicon = buildOrgLexicon(config);
    let userLexicon: OrgLexicon | undefined;
    if (config.lexicons.organisations.length > 0) {
      userLexicon = new OrgLexicon();
      for (const entry of config.lexicons.organisations) userLexicon.add(entry);
    }
    return (doc) =>
      (tagger ? findOrganisationsWithModel(doc, lexicon, userLexicon, tagger) : findOrganisations(doc, lexicon)).map((c): OrgRecord => {
        const span = doc.rawSpan(c.start, c.end);
        const value: OrgRecord['value'] = { name: canonicalName(c.name ?? doc.norm.text.slice(c.start, c.end), lexicon) };
        const kind = c.kind ?? kindOfName(value.name);
        if (kind) value.kind = kind;
        if (c.alias) value.alias = true;
        return { type: 'ORG', ...span, rule: c.rule, value };
      });
  },
});
