import type { StageFactory } from '../../core/stage.js';
import type { OrgRecord } from '../../schema/records.js';

/** First version: IPADIC organisation tokens. The organisations issue replaces this with chunking and lexicons. */
export const orgsStage: StageFactory = {
  name: 'orgs',
  languages: ['ja'],
  enabled: (config) => config.stages.orgs,
  create: () => ({
    name: 'orgs',
    requires: ['tokens'],
    provides: ['ORG'],
    run(doc) {
      const records: OrgRecord[] = [];
      for (const token of doc.tokens) {
        if (token.pos2 === '組織') {
          const span = doc.rawSpan(token.start, token.end);
          records.push({ type: 'ORG', ...span, rule: 'ja.org.ipadic', value: { name: token.surface } });
        }
      }
      return records;
    },
  }),
};
