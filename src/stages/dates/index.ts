import type { StageFactory } from '../../core/stage.js';
import type { DateRecord } from '../../schema/records.js';

/** First version: full Gregorian dates only. The dates issue replaces this with parsers and refiners. */
const FULL_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;

export const datesStage: StageFactory = {
  name: 'dates',
  languages: ['ja'],
  enabled: (config) => config.stages.dates,
  create: () => ({
    name: 'dates',
    requires: ['sentences'],
    provides: ['DATE'],
    run(doc) {
      const records: DateRecord[] = [];
      for (const m of doc.norm.text.matchAll(FULL_DATE)) {
        const value = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
        records.push({ type: 'DATE', ...doc.rawSpan(m.index, m.index + m[0].length), rule: 'ja.absolute.ymd', value, kind: 'point', startDate: value, endDate: value, stated: ['year', 'month', 'day'], implied: [] });
      }
      return records;
    },
  }),
};
