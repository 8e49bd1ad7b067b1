/**
 * One canonical name per well-known international body and government across languages: the Japanese
 * stage's lexicon name and the English stage's name of the same body map to the `name` here, so one
 * database answers for both (`東南アジア諸国連合` and `Association of Southeast Asian Nations` are one
 * `org_name`). Written from general knowledge; `names` are the canonical names the two stages give.
 */
export interface CanonicalOrganisation {
  name: string;
  names: readonly string[];
}

export const CANONICAL_ORGANISATIONS: readonly CanonicalOrganisation[] = [
  { name: '国際連合', names: ['United Nations'] },
  { name: '国連安全保障理事会', names: ['United Nations Security Council'] },
  { name: '北大西洋条約機構', names: ['North Atlantic Treaty Organization'] },
  { name: '東南アジア諸国連合', names: ['Association of Southeast Asian Nations'] },
  { name: '拡大ASEAN国防相会議', names: ["ASEAN Defence Ministers' Meeting-Plus"] },
  { name: '欧州連合', names: ['European Union'] },
  { name: '国際通貨基金', names: ['International Monetary Fund'] },
  { name: '世界銀行', names: ['World Bank'] },
  { name: '世界貿易機関', names: ['World Trade Organization'] },
  { name: '世界保健機関', names: ['World Health Organization'] },
  { name: 'アジア開発銀行', names: ['Asian Development Bank'] },
  { name: 'アジア太平洋経済協力', names: ['Asia-Pacific Economic Cooperation'] },
  { name: '経済協力開発機構', names: ['Organisation for Economic Co-operation and Development'] },
  { name: '国際協力機構', names: ['Japan International Cooperation Agency'] },
  { name: '日本貿易振興機構', names: ['Japan External Trade Organization'] },
  { name: '日本銀行', names: ['Bank of Japan'] },
  { name: '自衛隊', names: ['Japan Self-Defense Forces'] },
  { name: '日本経済団体連合会', names: ['Japan Business Federation'] },
  { name: '米国防総省', names: ['United States Department of Defense'] },
  { name: 'ホワイトハウス', names: ['White House'] },
  { name: '米連邦準備制度理事会', names: ['Federal Reserve'] },
  { name: '中国人民解放軍', names: ["People's Liberation Army"] },
  { name: '欧州委員会', names: ['European Commission'] },
  { name: '欧州議会', names: ['European Parliament'] },
  { name: '欧州理事会', names: ['European Council'] },
  { name: '国会', names: ['National Diet'] },
  // Japanese ministries by their official English names (those no other country's ministry shares).
  { name: '経済産業省', names: ['Ministry of Economy, Trade and Industry'] },
  { name: '総務省', names: ['Ministry of Internal Affairs and Communications'] },
  { name: '厚生労働省', names: ['Ministry of Health, Labour and Welfare'] },
  { name: '農林水産省', names: ['Ministry of Agriculture, Forestry and Fisheries'] },
  { name: '国土交通省', names: ['Ministry of Land, Infrastructure, Transport and Tourism'] },
  { name: '文部科学省', names: ['Ministry of Education, Culture, Sports, Science and Technology'] },
  { name: '米国務省', names: ['United States Department of State', 'Department of State'] },
  { name: '米国際開発庁', names: ['United States Agency for International Development'] },
  // Companies and broadcasters.
  { name: '日本放送協会', names: ['Japan Broadcasting Corporation', 'Japan Broadcasting'] },
  { name: '英国放送協会', names: ['British Broadcasting Corporation', 'British Broadcasting'] },
  { name: 'AP通信', names: ['Associated Press'] },
  { name: 'AFP通信', names: ['Agence France-Presse'] },
  { name: 'グーグル', names: ['Google'] },
  { name: 'マイクロソフト', names: ['Microsoft'] },
  { name: 'フェイスブック', names: ['Facebook'] },
  { name: 'ネットフリックス', names: ['Netflix'] },
  { name: 'インテル', names: ['Intel'] },
  { name: '日本電信電話', names: ['Nippon Telegraph and Telephone'] },
  { name: '日本航空', names: ['Japan Airlines'] },
  { name: '全日本空輸', names: ['All Nippon Airways'] },
];
