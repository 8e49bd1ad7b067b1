import type { OrgKind } from '../schema/records.js';

/**
 * A small, general built-in lexicon of well-known organisations whose names have no head word or
 * whose usual short forms are acronyms (written from general knowledge; users add their own through
 * `lexicons.organisations` in pipeline.config.ts). `aliases` are other names for the same body:
 * a mention of an alias is a record whose canonical `value.name` is `name`.
 */
export interface OrgLexiconItem {
  name: string;
  aliases?: readonly string[];
  kind?: OrgKind;
}

export const ORG_LEXICON: readonly OrgLexiconItem[] = [
  // international
  { name: '国際連合', aliases: ['国連', 'UN'], kind: 'international' },
  { name: '国連安全保障理事会', aliases: ['安全保障理事会', '安保理'], kind: 'international' },
  { name: '北大西洋条約機構', aliases: ['NATO'], kind: 'international' },
  { name: '東南アジア諸国連合', aliases: ['ASEAN'], kind: 'international' },
  { name: '欧州連合', aliases: ['EU'], kind: 'international' },
  { name: 'アフリカ連合', aliases: ['AU'], kind: 'international' },
  { name: '世界保健機関', aliases: ['WHO'], kind: 'international' },
  { name: '世界貿易機関', aliases: ['WTO'], kind: 'international' },
  { name: '国際通貨基金', aliases: ['IMF'], kind: 'international' },
  { name: '世界銀行', kind: 'international' },
  { name: 'アジア開発銀行', aliases: ['ADB'], kind: 'international' },
  { name: 'アジアインフラ投資銀行', aliases: ['AIIB'], kind: 'international' },
  { name: '経済協力開発機構', aliases: ['OECD'], kind: 'international' },
  { name: '国際原子力機関', aliases: ['IAEA'], kind: 'international' },
  { name: '国際労働機関', aliases: ['ILO'], kind: 'international' },
  { name: '国連教育科学文化機関', aliases: ['ユネスコ', 'UNESCO'], kind: 'international' },
  { name: '国連児童基金', aliases: ['ユニセフ', 'UNICEF'], kind: 'international' },
  { name: '国連難民高等弁務官事務所', aliases: ['UNHCR'], kind: 'international' },
  { name: '石油輸出国機構', aliases: ['OPEC'], kind: 'international' },
  { name: 'アジア太平洋経済協力', aliases: ['APEC'], kind: 'international' },
  { name: '国際オリンピック委員会', aliases: ['IOC'], kind: 'international' },
  { name: '国際サッカー連盟', aliases: ['FIFA'], kind: 'international' },
  { name: '上海協力機構', aliases: ['SCO'], kind: 'international' },
  { name: '赤十字国際委員会', aliases: ['ICRC'], kind: 'international' },
  { name: '国際刑事裁判所', aliases: ['ICC'], kind: 'international' },
  { name: '拡大ASEAN国防相会議', aliases: ['ADMM+', 'ADMMプラス'], kind: 'international' },
  { name: 'ASEAN地域フォーラム', aliases: ['ARF'], kind: 'international' },
  // Japan
  { name: '日本銀行', aliases: ['日銀'], kind: 'government' },
  { name: '自衛隊', kind: 'military' },
  { name: '国際協力機構', aliases: ['JICA'], kind: 'government' },
  { name: '日本貿易振興機構', aliases: ['ジェトロ', 'JETRO'], kind: 'government' },
  { name: '日本放送協会', aliases: ['NHK'], kind: 'media' },
  { name: '日本経済団体連合会', aliases: ['経団連'], kind: 'other' },
  { name: '自由民主党', aliases: ['自民党', '自民'], kind: 'party' },
  { name: '公明党', kind: 'party' },
  { name: '立憲民主党', aliases: ['立民'], kind: 'party' },
  { name: '日本共産党', aliases: ['共産党'], kind: 'party' },
  { name: '東京証券取引所', aliases: ['東証'], kind: 'company' },
  { name: '国立感染症研究所', aliases: ['感染研'], kind: 'academic' },
  // United States and others
  { name: '米国防総省', aliases: ['国防総省', 'ペンタゴン'], kind: 'government' },
  { name: '米連邦準備制度理事会', aliases: ['連邦準備制度理事会', 'FRB'], kind: 'government' },
  { name: '米連邦捜査局', aliases: ['連邦捜査局', 'FBI'], kind: 'government' },
  { name: '米中央情報局', aliases: ['中央情報局', 'CIA'], kind: 'government' },
  { name: '米航空宇宙局', aliases: ['航空宇宙局', 'NASA'], kind: 'government' },
  { name: 'ホワイトハウス', kind: 'government' },
  { name: '欧州中央銀行', aliases: ['ECB'], kind: 'international' },
  { name: '中国人民解放軍', aliases: ['人民解放軍', '解放軍'], kind: 'military' },
  { name: '中国共産党', kind: 'party' },
  { name: 'ハマス', kind: 'other' },
  { name: 'タリバン', kind: 'other' },
];
