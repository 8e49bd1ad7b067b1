import type { StageFactory } from '../../core/stage.js';
import type { AgreementRecord, AgreementKind } from '../../schema/records.js';

/** First version: a compound ending in an agreement head. The agreements issue replaces this. */
const HEADS: [string, AgreementKind][] = [['了解覚書', 'memorandum'], ['覚書', 'memorandum'], ['条約', 'treaty'], ['協定', 'agreement'], ['共同声明', 'statement'], ['声明', 'statement'], ['パートナーシップ', 'partnership']];
const PATTERN = new RegExp(`[一-龥ァ-ヶー・]*(${HEADS.map(([h]) => h).join('|')})`, 'g');

export const agreementsStage: StageFactory = {
  name: 'agreements',
  languages: ['ja'],
  enabled: (config) => config.stages.agreements,
  create: () => ({
    name: 'agreements',
    requires: ['tokens', 'DATE', 'ORG'],
    provides: ['AGREEMENT'],
    run(doc) {
      const records: AgreementRecord[] = [];
      for (const m of doc.norm.text.matchAll(PATTERN)) {
        const kind = HEADS.find(([h]) => h === m[1])![1];
        records.push({ type: 'AGREEMENT', ...doc.rawSpan(m.index, m.index + m[0].length), rule: 'ja.agreement.head', value: { kind } });
      }
      return records;
    },
  }),
};
