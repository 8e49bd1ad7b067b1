/**
 * A small country table for agreement parties: the full name used as the party, the names and
 * one-character abbreviations that refer to it (`日米` = 日本 + 米国, `日越` = 日本 + ベトナム).
 */
export interface Country {
  name: string;
  names: readonly string[];
  /** One-character abbreviations used in compounds like 日米, 日越, 米比. */
  abbr: readonly string[];
  /**
   * Its English names (after src/data/english/agreements.ts's COUNTRY_CANONICAL), so that an English article's
   * party `Japan` has the canonical `日本` and an agreement gets one key in both languages.
   */
  english: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { name: '日本', names: ['日本', '日本国', 'わが国', '我が国'], abbr: ['日'] , english: ['Japan'] },
  { name: '米国', names: ['米国', 'アメリカ', 'アメリカ合衆国', '合衆国'], abbr: ['米'] , english: ['United States'] },
  { name: 'ベトナム', names: ['ベトナム', 'ベトナム社会主義共和国'], abbr: ['越'] , english: ['Vietnam'] },
  { name: '中国', names: ['中国', '中華人民共和国'], abbr: ['中'] , english: ['China'] },
  { name: '韓国', names: ['韓国', '大韓民国'], abbr: ['韓'] , english: ['South Korea'] },
  { name: '北朝鮮', names: ['北朝鮮', '朝鮮民主主義人民共和国'], abbr: ['朝'] , english: ['North Korea'] },
  { name: 'フィリピン', names: ['フィリピン'], abbr: ['比'] , english: ['Philippines'] },
  { name: 'オーストラリア', names: ['オーストラリア', '豪州'], abbr: ['豪'] , english: ['Australia'] },
  { name: 'インド', names: ['インド'], abbr: ['印'] , english: ['India'] },
  { name: 'インドネシア', names: ['インドネシア'], abbr: ['尼'] , english: ['Indonesia'] },
  { name: 'タイ', names: ['タイ'], abbr: ['泰'] , english: ['Thailand'] },
  { name: 'マレーシア', names: ['マレーシア'], abbr: [] , english: ['Malaysia'] },
  { name: 'シンガポール', names: ['シンガポール'], abbr: ['星'] , english: ['Singapore'] },
  { name: 'カンボジア', names: ['カンボジア'], abbr: [] , english: ['Cambodia'] },
  { name: 'ラオス', names: ['ラオス'], abbr: [] , english: ['Laos'] },
  { name: 'ミャンマー', names: ['ミャンマー'], abbr: [] , english: ['Myanmar'] },
  { name: 'ブルネイ', names: ['ブルネイ'], abbr: [] , english: ['Brunei'] },
  { name: '英国', names: ['英国', 'イギリス'], abbr: ['英'] , english: ['United Kingdom'] },
  { name: 'フランス', names: ['フランス'], abbr: ['仏'] , english: ['France'] },
  { name: 'ドイツ', names: ['ドイツ'], abbr: ['独'] , english: ['Germany'] },
  { name: 'イタリア', names: ['イタリア'], abbr: ['伊'] , english: ['Italy'] },
  { name: 'カナダ', names: ['カナダ'], abbr: ['加'] , english: ['Canada'] },
  { name: 'ロシア', names: ['ロシア'], abbr: ['露', 'ロ'] , english: ['Russia'] },
  { name: 'ニュージーランド', names: ['ニュージーランド'], abbr: [] , english: ['New Zealand'] },
  { name: '台湾', names: ['台湾'], abbr: ['台'] , english: ['Taiwan'] },
  { name: 'モンゴル', names: ['モンゴル'], abbr: ['蒙'] , english: ['Mongolia'] },
  { name: 'ウクライナ', names: ['ウクライナ'], abbr: [] , english: ['Ukraine'] },
  { name: 'ブラジル', names: ['ブラジル'], abbr: ['伯'] , english: ['Brazil'] },
  { name: 'メキシコ', names: ['メキシコ'], abbr: ['墨'] , english: ['Mexico'] },
  { name: 'スペイン', names: ['スペイン'], abbr: ['西'] , english: ['Spain'] },
  { name: 'オランダ', names: ['オランダ'], abbr: ['蘭'] , english: ['Netherlands'] },
  { name: 'トルコ', names: ['トルコ'], abbr: [] , english: ['Turkey', 'Türkiye'] },
  { name: 'イスラエル', names: ['イスラエル'], abbr: [] , english: ['Israel'] },
  { name: 'サウジアラビア', names: ['サウジアラビア'], abbr: [] , english: ['Saudi Arabia'] },
  { name: 'エジプト', names: ['エジプト'], abbr: [] , english: ['Egypt'] },
  { name: '南アフリカ', names: ['南アフリカ'], abbr: [] , english: ['South Africa'] },
  { name: 'ウルグアイ', names: ['ウルグアイ'], abbr: [] , english: ['Uruguay'] },
  { name: 'アルゼンチン', names: ['アルゼンチン'], abbr: ['亜'] , english: ['Argentina'] },
  { name: 'チリ', names: ['チリ'], abbr: [] , english: ['Chile'] },
  { name: 'ペルー', names: ['ペルー'], abbr: [] , english: ['Peru'] },
  { name: 'コロンビア', names: ['コロンビア'], abbr: [] , english: ['Colombia'] },
  { name: 'パキスタン', names: ['パキスタン'], abbr: [] , english: ['Pakistan'] },
  { name: 'バングラデシュ', names: ['バングラデシュ'], abbr: [] , english: ['Bangladesh'] },
  { name: 'スリランカ', names: ['スリランカ'], abbr: [] , english: ['Sri Lanka'] },
  { name: 'ポーランド', names: ['ポーランド'], abbr: [] , english: ['Poland'] },
  { name: 'スウェーデン', names: ['スウェーデン'], abbr: [] , english: ['Sweden'] },
  { name: 'スイス', names: ['スイス'], abbr: [] , english: ['Switzerland'] },
  { name: 'ノルウェー', names: ['ノルウェー'], abbr: [] , english: ['Norway'] },
  { name: 'イラン', names: ['イラン'], abbr: [] , english: ['Iran'] },
  { name: 'ケニア', names: ['ケニア'], abbr: [] , english: ['Kenya'] },
  { name: 'ナイジェリア', names: ['ナイジェリア'], abbr: [] , english: ['Nigeria'] },
];

/** Country by any of its names. */
export const COUNTRY_BY_NAME: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => c.names.map((n) => [n, c] as const)));
/** Country by its English name (`Japan`, `United States`). */
export const COUNTRY_BY_ENGLISH_NAME: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => c.english.map((n) => [n, c] as const)));
/** Country by one-character abbreviation. */
export const COUNTRY_BY_ABBR: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => c.abbr.map((a) => [a, c] as const)));
/** Words that refer to the countries the article names: 両国 (both), 三か国 … */
export const BOTH_COUNTRIES: readonly string[] = ['両国', '両国間', '両政府'];
