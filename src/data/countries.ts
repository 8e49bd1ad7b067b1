/**
 * A small country table for agreement parties: the full name used as the party, the names and
 * one-character abbreviations that refer to it (`日米` = 日本 + 米国, `日越` = 日本 + ベトナム).
 */
export interface Country {
  name: string;
  names: readonly string[];
  /** One-character abbreviations used in compounds like 日米, 日越, 米比. */
  abbr: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { name: '日本', names: ['日本', '日本国', 'わが国', '我が国'], abbr: ['日'] },
  { name: '米国', names: ['米国', 'アメリカ', 'アメリカ合衆国', '合衆国'], abbr: ['米'] },
  { name: 'ベトナム', names: ['ベトナム', 'ベトナム社会主義共和国'], abbr: ['越'] },
  { name: '中国', names: ['中国', '中華人民共和国'], abbr: ['中'] },
  { name: '韓国', names: ['韓国', '大韓民国'], abbr: ['韓'] },
  { name: '北朝鮮', names: ['北朝鮮', '朝鮮民主主義人民共和国'], abbr: ['朝'] },
  { name: 'フィリピン', names: ['フィリピン'], abbr: ['比'] },
  { name: 'オーストラリア', names: ['オーストラリア', '豪州'], abbr: ['豪'] },
  { name: 'インド', names: ['インド'], abbr: ['印'] },
  { name: 'インドネシア', names: ['インドネシア'], abbr: ['尼'] },
  { name: 'タイ', names: ['タイ'], abbr: ['泰'] },
  { name: 'マレーシア', names: ['マレーシア'], abbr: [] },
  { name: 'シンガポール', names: ['シンガポール'], abbr: ['星'] },
  { name: 'カンボジア', names: ['カンボジア'], abbr: [] },
  { name: 'ラオス', names: ['ラオス'], abbr: [] },
  { name: 'ミャンマー', names: ['ミャンマー'], abbr: [] },
  { name: 'ブルネイ', names: ['ブルネイ'], abbr: [] },
  { name: '英国', names: ['英国', 'イギリス'], abbr: ['英'] },
  { name: 'フランス', names: ['フランス'], abbr: ['仏'] },
  { name: 'ドイツ', names: ['ドイツ'], abbr: ['独'] },
  { name: 'イタリア', names: ['イタリア'], abbr: ['伊'] },
  { name: 'カナダ', names: ['カナダ'], abbr: ['加'] },
  { name: 'ロシア', names: ['ロシア'], abbr: ['露', 'ロ'] },
  { name: 'ニュージーランド', names: ['ニュージーランド'], abbr: [] },
  { name: '台湾', names: ['台湾'], abbr: ['台'] },
  { name: 'モンゴル', names: ['モンゴル'], abbr: ['蒙'] },
  { name: 'ウクライナ', names: ['ウクライナ'], abbr: [] },
  { name: 'ブラジル', names: ['ブラジル'], abbr: ['伯'] },
  { name: 'メキシコ', names: ['メキシコ'], abbr: ['墨'] },
  { name: 'スペイン', names: ['スペイン'], abbr: ['西'] },
  { name: 'オランダ', names: ['オランダ'], abbr: ['蘭'] },
  { name: 'トルコ', names: ['トルコ'], abbr: [] },
  { name: 'イスラエル', names: ['イスラエル'], abbr: [] },
  { name: 'サウジアラビア', names: ['サウジアラビア'], abbr: [] },
  { name: 'エジプト', names: ['エジプト'], abbr: [] },
  { name: '南アフリカ', names: ['南アフリカ'], abbr: [] },
  { name: 'ウルグアイ', names: ['ウルグアイ'], abbr: [] },
  { name: 'アルゼンチン', names: ['アルゼンチン'], abbr: ['亜'] },
  { name: 'チリ', names: ['チリ'], abbr: [] },
  { name: 'ペルー', names: ['ペルー'], abbr: [] },
  { name: 'コロンビア', names: ['コロンビア'], abbr: [] },
  { name: 'パキスタン', names: ['パキスタン'], abbr: [] },
  { name: 'バングラデシュ', names: ['バングラデシュ'], abbr: [] },
  { name: 'スリランカ', names: ['スリランカ'], abbr: [] },
  { name: 'ポーランド', names: ['ポーランド'], abbr: [] },
  { name: 'スウェーデン', names: ['スウェーデン'], abbr: [] },
  { name: 'スイス', names: ['スイス'], abbr: [] },
  { name: 'ノルウェー', names: ['ノルウェー'], abbr: [] },
  { name: 'イラン', names: ['イラン'], abbr: [] },
  { name: 'ケニア', names: ['ケニア'], abbr: [] },
  { name: 'ナイジェリア', names: ['ナイジェリア'], abbr: [] },
];

/** Country by any of its names. */
export const COUNTRY_BY_NAME: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => c.names.map((n) => [n, c] as const)));
/** Country by one-character abbreviation. */
export const COUNTRY_BY_ABBR: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => c.abbr.map((a) => [a, c] as const)));
/** Words that refer to the countries the article names: 両国 (both), 三か国 … */
export const BOTH_COUNTRIES: readonly string[] = ['両国', '両国間', '両政府'];
