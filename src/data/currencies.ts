/**
 * Currency names, symbols and ISO codes → ISO 4217, and the context rules for the ambiguous ones.
 * Data only (plus the small functions that read it); the money stage builds its patterns from here.
 * Every string is in NORMALIZED form (NFKC: ＄ → $, ￥ → ¥, ￡ → £, full-width letters → ASCII).
 *
 * ## Context rules (documented here because they are data decisions)
 * - **dollar** — a bare `ドル` or `$` means US dollars unless a country word that has its own dollar
 *   (豪州/オーストラリア, カナダ, 香港, シンガポール, 台湾, ニュージーランド/NZ, …) stands NEARER before the amount,
 *   in the same sentence and within `window` characters, than any US word (米国, 米, アメリカ, US). The nearest
 *   country word wins; US words are listed only so that they can win. Japanese news writes 豪ドル, 香港ドル …
 *   explicitly most of the time, so the window is short: the rule only fires for "香港の…は1000ドル" style text.
 * - **yen symbol** — `¥`/`￥` (and `\`, which is how the yen sign shows in Shift_JIS text) mean JPY, except that
 *   the sentence names the yuan (人民元, 中国元, RMB, CNY, or an amount in 元): then CNY (`¥` is also the yuan sign).
 * - **peso / rupee / krone / krona** — the default below unless a nearer country word says otherwise (same
 *   mechanism and window as the dollar). Defaults favour Asia (kiji reads Asian defence/economy news): ペソ → PHP.
 */

export type ContextRuleName = 'dollar' | 'yenSymbol' | 'peso' | 'rupee' | 'krone' | 'krona';

/** Minor units and their power of ten below the main unit (13銭 = 0.13円). */
export const MINOR_UNITS: Readonly<Record<string, { exponent: number; /** currency when written alone (15銭) */ alone?: string }>> = {
  '銭': { exponent: 2, alone: 'JPY' },
  '厘': { exponent: 3 },
  'セント': { exponent: 2, alone: 'USD' },
  'ペンス': { exponent: 2, alone: 'GBP' },
  '角': { exponent: 1 },
  '分': { exponent: 2 },
};

export interface CurrencySpec {
  /** ISO 4217 code (the default when `context` is set). */
  code: string;
  /** Words written after the amount (100万ドル, 5百万USD). */
  after?: readonly string[];
  /** Symbols or codes written before the amount ($100, US$5 million, USD 5 million, ¥1000). */
  before?: readonly string[];
  /** A context rule that may change the code. */
  context?: ContextRuleName;
  /** Minor units that may follow the amount (2222円13銭, 2ドル3セント, 五元三角). */
  minor?: readonly string[];
  /** What must not follow the word, tested at the character after it (一元化, 元メンバー: 元 is not the yuan there). */
  notFollowedBy?: RegExp;
  /**
   * What must not follow the word when a space parts it from the numeral: a numbered heading before a compound
   * the word opens (`2 円借款の概要`: section 2, on the yen loan), where `50億円借款` stays an amount.
   */
  notFollowedBySpaced?: RegExp;
  /** No space allowed between the numeral and the word (`3 元` is not an amount). */
  tight?: boolean;
  /** A one-kanji numeral (四元) is an amount only with a minor unit after it (五元三角). */
  loneKanjiDigitNeedsMinor?: boolean;
  /** Not money in a sentence matching this (ポンド is also the weight unit: 3ポンド砲, 体重147ポンド). */
  notInSentence?: RegExp;
}

const DOLLAR_MINOR = ['セント'] as const;

/** Country + ドル names: each also written with a middle dot (オーストラリア・ドル). */
function dollarNames(...countries: string[]): string[] {
  return countries.flatMap((c) => [`${c}ドル`, `${c}・ドル`]);
}

export const CURRENCIES: readonly CurrencySpec[] = [
  { code: 'JPY', after: ['円', '日本円', 'JPY'], before: ['JPY', 'JP¥'], minor: ['銭', '厘'], notFollowedBySpaced: /^(?:借款|相場)/ },
  // ¥ is also the yuan sign; \ is how ¥ shows in Shift_JIS text.
  { code: 'JPY', before: ['¥', '\\'], context: 'yenSymbol', minor: ['銭', '厘'] },
  { code: 'CNY', before: ['CN¥', 'RMB¥'], minor: ['角', '分'] },
  { code: 'USD', after: ['ドル', 'dollars', 'dollar'], before: ['$'], context: 'dollar', minor: DOLLAR_MINOR },
  { code: 'USD', after: [...dollarNames('米', '米国', 'US', 'アメリカ'), 'USD', 'US$'], before: ['US$', 'U.S.$', 'USD', 'US $'], minor: DOLLAR_MINOR },
  { code: 'AUD', after: [...dollarNames('豪', '豪州', 'オーストラリア'), 'AUD'], before: ['A$', 'AU$', 'AUD'], minor: DOLLAR_MINOR },
  { code: 'CAD', after: [...dollarNames('カナダ', '加'), 'CAD'], before: ['C$', 'CA$', 'CAD'], minor: DOLLAR_MINOR },
  { code: 'HKD', after: [...dollarNames('香港'), 'HKD'], before: ['HK$', 'HKD'], minor: DOLLAR_MINOR },
  { code: 'SGD', after: [...dollarNames('シンガポール', 'シンガポール・'), 'SGD'], before: ['S$', 'SG$', 'SGD'], minor: DOLLAR_MINOR },
  { code: 'TWD', after: [...dollarNames('台湾', '新台湾', 'ニュー台湾'), '台湾元', 'TWD'], before: ['NT$', 'TWD'], minor: DOLLAR_MINOR },
  { code: 'NZD', after: [...dollarNames('NZ', 'ニュージーランド'), 'NZD'], before: ['NZ$', 'NZD'], minor: DOLLAR_MINOR },
  { code: 'BND', after: [...dollarNames('ブルネイ'), 'BND'], before: ['B$', 'BND'], minor: DOLLAR_MINOR },
  { code: 'EUR', after: ['ユーロ', 'EUR', 'euros', 'euro'], before: ['€', 'EUR'], minor: ['セント'] },
  // ポンド alone is also the weight unit (guns, boxers, fish): not money next to weight words.
  { code: 'GBP', after: ['ポンド'], minor: ['ペンス'], notFollowedBy: /^[砲級]/, notInSentence: /砲|体重|計量|重量|重さ|口径|級|キロ|kg|ボール|釣/ },
  { code: 'GBP', after: ['英ポンド', '英国ポンド', 'GBP'], before: ['£', 'GBP'], minor: ['ペンス'] },
  { code: 'CNY', after: ['人民元', '中国元', 'CNY', 'RMB'], before: ['CNY', 'RMB'], minor: ['角', '分'] },
  // 元 alone is also "former" (AKB48元メンバー, 3元社長), "one source" (一元化, 一元管理) and a surname (四元):
  // not before those words, no space before it, and a one-kanji numeral needs a minor unit after it (五元三角).
  {
    code: 'CNY',
    after: ['元'],
    minor: ['角', '分'],
    notFollowedBy: /^(?:[化的論素号帥首老旦祖凶本来年気]|[\u30A1-\u30FA]|社長|会長|選手|代表|幹部|職員|社員|議員|大臣|知事|市長|総理|監督|俳優|女優|大統領|将軍|兵士|記者|役員|理事|委員|同僚|部下|上司|妻|夫|恋人)/,
    tight: true,
    loneKanjiDigitNeedsMinor: true,
  },
  { code: 'KRW', after: ['ウォン', '韓国ウォン', 'KRW'], before: ['₩', 'KRW'] },
  { code: 'VND', after: ['ドン', 'ベトナムドン', 'ベトナム・ドン', 'VND'], before: ['₫', 'VND'], tight: true },
  { code: 'INR', after: ['ルピー'], before: ['₹'], context: 'rupee' },
  { code: 'INR', after: ['インドルピー', 'インド・ルピー', 'INR'], before: ['INR', 'Rs.', 'Rs'] },
  { code: 'PKR', after: ['パキスタンルピー', 'パキスタン・ルピー', 'PKR'], before: ['PKR'] },
  { code: 'LKR', after: ['スリランカルピー', 'スリランカ・ルピー', 'LKR'], before: ['LKR'] },
  { code: 'RUB', after: ['ルーブル', 'ルーブリ', 'ロシアルーブル', 'ロシア・ルーブル', 'RUB'], before: ['₽', 'RUB'] },
  { code: 'THB', after: ['バーツ', 'タイバーツ', 'タイ・バーツ', 'THB'], before: ['฿', 'THB'] },
  { code: 'PHP', after: ['ペソ'], before: ['₱'], context: 'peso' },
  { code: 'PHP', after: ['フィリピンペソ', 'フィリピン・ペソ', 'PHP'], before: ['PHP'] },
  { code: 'MXN', after: ['メキシコペソ', 'メキシコ・ペソ', 'MXN'], before: ['MXN'] },
  { code: 'MYR', after: ['リンギット', 'リンギ', 'マレーシアリンギット', 'MYR'], before: ['RM', 'MYR'] },
  { code: 'IDR', after: ['ルピア', 'インドネシアルピア', 'IDR'], before: ['Rp', 'IDR'] },
  { code: 'CHF', after: ['スイスフラン', 'スイス・フラン', 'フラン', 'CHF'], before: ['CHF'] },
  { code: 'KHR', after: ['リエル', 'KHR'], before: ['KHR'] },
  { code: 'MMK', after: ['ミャンマーチャット', 'MMK'], before: ['MMK'] },
  { code: 'LAK', after: ['ラオスキップ', 'LAK'], before: ['LAK'] },
  { code: 'BDT', after: ['バングラデシュタカ', 'BDT'], before: ['BDT'] },
  { code: 'BRL', after: ['レアル', 'ブラジルレアル', 'BRL'], before: ['R$', 'BRL'] },
  { code: 'ZAR', after: ['南アフリカランド', '南ア・ランド', 'ランド', 'ZAR'], before: ['ZAR'] },
  { code: 'TRY', after: ['トルコリラ', 'トルコ・リラ', 'リラ', 'TRY'], before: ['TRY'] },
  { code: 'SEK', after: ['クローナ'], context: 'krona' },
  { code: 'NOK', after: ['クローネ'], context: 'krone' },
  { code: 'SEK', after: ['スウェーデンクローナ', 'SEK'], before: ['SEK'] },
  { code: 'NOK', after: ['ノルウェークローネ', 'NOK'], before: ['NOK'] },
  { code: 'DKK', after: ['デンマーククローネ', 'DKK'], before: ['DKK'] },
  { code: 'PLN', after: ['ズロチ', 'PLN'], before: ['PLN'] },
  { code: 'HUF', after: ['フォリント', 'HUF'], before: ['HUF'] },
  { code: 'AED', after: ['ディルハム', 'AED'], before: ['AED'] },
  { code: 'SAR', after: ['リヤル', 'サウジアラビアリヤル', 'SAR'], before: ['SAR'] },
  { code: 'ILS', after: ['シェケル', 'ILS'], before: ['₪', 'ILS'] },
  { code: 'UAH', after: ['フリブナ', 'グリブナ', 'UAH'], before: ['UAH'] },
  { code: 'NGN', after: ['ナイラ', 'NGN'], before: ['₦', 'NGN'] },
  { code: 'EGP', after: ['エジプトポンド', 'エジプト・ポンド', 'EGP'], before: ['EGP'] },
  // Currencies replaced by the euro: still ISO 4217 codes, and still in older texts.
  { code: 'DEM', after: ['マルク', 'ドイツマルク', 'DEM'], before: ['DEM'] },
  { code: 'FRF', after: ['フランスフラン', 'フランス・フラン', 'FRF'], before: ['FRF'] },
  { code: 'ESP', after: ['ペセタ', 'ESP'], before: ['ESP'] },
  { code: 'ITL', after: ['イタリアリラ', 'イタリア・リラ', 'ITL'], before: ['ITL'] },
];

export interface ContextRule {
  /** The code when no context word decides. */
  readonly fallback: string;
  /** Country words and the code each implies; the nearest one before the amount wins. */
  readonly words: Readonly<Record<string, string>>;
  /** How far back (characters, same sentence) a country word may stand. */
  readonly window: number;
}

const US_WORDS = { '米国': 'USD', '米': 'USD', 'アメリカ': 'USD', '合衆国': 'USD', 'US': 'USD', 'U.S.': 'USD' };

export const CONTEXT_RULES: Readonly<Record<Exclude<ContextRuleName, 'yenSymbol'>, ContextRule>> = {
  dollar: {
    fallback: 'USD',
    window: 20,
    words: {
      ...US_WORDS,
      '豪州': 'AUD', 'オーストラリア': 'AUD', '豪政府': 'AUD',
      'カナダ': 'CAD',
      '香港': 'HKD',
      'シンガポール': 'SGD',
      '台湾': 'TWD',
      'ニュージーランド': 'NZD', 'NZ': 'NZD',
      'ブルネイ': 'BND',
    },
  },
  peso: {
    fallback: 'PHP',
    window: 20,
    words: { 'フィリピン': 'PHP', 'メキシコ': 'MXN', 'アルゼンチン': 'ARS', 'チリ': 'CLP', 'コロンビア': 'COP', 'キューバ': 'CUP', 'ウルグアイ': 'UYU' },
  },
  rupee: {
    fallback: 'INR',
    window: 20,
    words: { 'インド': 'INR', 'パキスタン': 'PKR', 'スリランカ': 'LKR', 'ネパール': 'NPR', 'モーリシャス': 'MUR' },
  },
  krone: {
    fallback: 'NOK',
    window: 20,
    words: { 'ノルウェー': 'NOK', 'デンマーク': 'DKK' },
  },
  krona: {
    fallback: 'SEK',
    window: 20,
    words: { 'スウェーデン': 'SEK', 'アイスランド': 'ISK' },
  },
};

/** A sentence that names the yuan: a `¥` in it is the yuan sign. */
export const YUAN_CONTEXT = /人民元|中国元|RMB|CNY|[0-9〇一二三四五六七八九十百千万億]元(?![化的論素号])/;

/**
 * The code for a currency word with a context rule. `before` is the sentence text before the amount
 * (nearest character last), `sentence` the whole sentence.
 */
export function currencyFromContext(rule: ContextRuleName, fallbackCode: string, before: string, sentence: string): { code: string; byContext: boolean } {
  if (rule === 'yenSymbol') {
    return YUAN_CONTEXT.test(sentence) ? { code: 'CNY', byContext: true } : { code: fallbackCode, byContext: false };
  }
  const { fallback, words, window } = CONTEXT_RULES[rule];
  const near = before.slice(-window);
  let best: { at: number; code: string } | null = null;
  for (const [word, code] of Object.entries(words)) {
    const at = near.lastIndexOf(word);
    if (at < 0) continue;
    const end = at + word.length;
    if (best === null || end > best.at) best = { at: end, code };
  }
  if (best === null || best.code === fallback) return { code: fallback, byContext: false };
  return { code: best.code, byContext: true };
}
