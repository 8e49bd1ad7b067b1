import type { StageFactory } from '../../core/stage.js';
import type { MoneyRecord } from '../../schema/records.js';
import { japaneseNumberText } from '../../text/numerals.js';

/** First version: a numeral followed by 円 or ドル. The money issue replaces this. */
const AMOUNT = /([0-9.]+(?:[万億兆][0-9.]*)*)(円|ドル)/g;
const CURRENCY: Record<string, string> = { '円': 'JPY', 'ドル': 'USD' };

export const moneyStage: StageFactory = {
  name: 'money',
  languages: ['ja'],
  enabled: (config) => config.stages.money,
  create: () => ({
    name: 'money',
    requires: ['sentences'],
    provides: ['MONEY'],
    run(doc) {
      const records: MoneyRecord[] = [];
      for (const m of doc.norm.text.matchAll(AMOUNT)) {
        const amountText = japaneseNumberText(m[1]!);
        if (amountText === null) continue;
        records.push({ type: 'MONEY', ...doc.rawSpan(m.index, m.index + m[0].length), rule: 'ja.money.basic', value: { amount: Number(amountText), amountText, currency: CURRENCY[m[2]!]! } });
      }
      return records;
    },
  }),
};
