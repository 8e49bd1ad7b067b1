import type { ArticleDocument } from '../../core/document.js';
import type { StageFactory } from '../../core/stage.js';
import { ORG_LEXICON } from '../../data/org-lexicon.js';
import type { KijiConfig } from '../../schema/config.js';
import type { OrgRecord } from '../../schema/records.js';
import { resolveNames, type Found } from './aliases.js';
import { collectCandidates, resolveCandidates } from './candidates.js';
import { kindOfName } from './chunk.js';
import { OrgLexicon } from './lexicon.js';

export { OrgLexicon } from './lexicon.js';

/** The built-in lexicon plus the user's `lexicons.organisations`, built once per pipeline. */
export function buildOrgLexicon(config: KijiConfig): OrgLexicon {
  const lexicon = new OrgLexicon();
  for (const entry of ORG_LEXICON) lexicon.add(entry);
  for (const entry of config.lexicons.organisations) lexicon.add(entry);
  return lexicon;
}

/** Finds organisations in one document (normalized offsets), with canonical names and aliases resolved. */
export function findOrganisations(doc: ArticleDocument, lexicon: OrgLexicon): Found[] {
  return resolveNames(doc.norm.text, resolveCandidates(collectCandidates(doc, lexicon)), lexicon);
}

export const orgsStage: StageFactory = {
  name: 'orgs',
  languages: ['ja'],
  enabled: (config) => config.stages.orgs,
  create: ({ config }) => {
    const lexicon = buildOrgLexicon(config);
    return {
      name: 'orgs',
      requires: ['tokens'],
      provides: ['ORG'],
      run(doc) {
        return findOrganisations(doc, lexicon).map((c): OrgRecord => {
          const span = doc.rawSpan(c.start, c.end);
          const value: OrgRecord['value'] = { name: c.name ?? doc.norm.text.slice(c.start, c.end) };
          const kind = c.kind ?? kindOfName(value.name);
          if (kind) value.kind = kind;
          if (c.alias) value.alias = true;
          return { type: 'ORG', ...span, rule: c.rule, value };
        });
      },
    };
  },
};
