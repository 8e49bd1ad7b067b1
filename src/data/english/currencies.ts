/**
 * English currency words, symbols and codes → ISO 4217. Data only; the money stage builds its
 * patterns from these tables (longest form first, so `US$` wins over `$`).
 */

/** Written before the amount: `$130 million`, `US$1.2bn`, `¥3 trillion`, `USD 5 million`. */
export const CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  'US$': 'USD', 'U.S.$': 'USD', 'USD$': 'USD', '$': 'USD',
  // The country written apart from the sign (`US $65.9 billion`).
  'US $': 'USD', 'U.S. $': 'USD',
  'A$': 'AUD', 'AU$': 'AUD', 'AUD$': 'AUD',
  'C$': 'CAD', 'CA$': 'CAD',
  'NZ$': 'NZD',
  'HK$': 'HKD',
  'S$': 'SGD', 'SG$': 'SGD',
  'NT$': 'TWD',
  'R$': 'BRL',
  'CN¥': 'CNY', 'RMB': 'CNY',
  '¥': 'JPY', 'JP¥': 'JPY',
  '€': 'EUR',
  '£': 'GBP',
  '₩': 'KRW',
  '₹': 'INR', 'Rs.': 'INR', 'Rs': 'INR',
  '₱': 'PHP',
  '₫': 'VND',
  '฿': 'THB',
  'RM': 'MYR',
  'Rp': 'IDR',
};

/** ISO codes accepted before or after the amount (`USD 5 million`, `5 million JPY`). */
export const CURRENCY_CODES: readonly string[] = [
  'USD', 'JPY', 'EUR', 'GBP', 'CNY', 'KRW', 'AUD', 'NZD', 'CAD', 'CHF', 'HKD', 'SGD', 'TWD',
  'PHP', 'VND', 'IDR', 'INR', 'THB', 'MYR', 'BRL', 'MXN', 'RUB',
];

/** Written after the amount: `130 million dollars`, `3 trillion yen`, `5 billion U.S. dollars`. Case-insensitive. */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  'u.s. dollars': 'USD', 'us dollars': 'USD', 'american dollars': 'USD', 'dollars': 'USD', 'dollar': 'USD',
  'australian dollars': 'AUD', 'singapore dollars': 'SGD', 'hong kong dollars': 'HKD',
  'new taiwan dollars': 'TWD', 'taiwan dollars': 'TWD', 'canadian dollars': 'CAD', 'new zealand dollars': 'NZD',
  'yen': 'JPY', 'japanese yen': 'JPY',
  'euros': 'EUR', 'euro': 'EUR',
  'pounds sterling': 'GBP', 'british pounds': 'GBP', 'pounds': 'GBP', 'sterling': 'GBP',
  'won': 'KRW', 'korean won': 'KRW',
  'yuan': 'CNY', 'renminbi': 'CNY', 'chinese yuan': 'CNY',
  // "pesos" alone: the Philippine peso, given kiji's Asia-Pacific articles; Mexican pesos must say so.
  'philippine pesos': 'PHP', 'pesos': 'PHP', 'peso': 'PHP', 'mexican pesos': 'MXN',
  'dong': 'VND', 'vietnamese dong': 'VND',
  'rupiah': 'IDR', 'baht': 'THB', 'ringgit': 'MYR',
  'rupees': 'INR', 'indian rupees': 'INR',
  'swiss francs': 'CHF',
};

/** Scale words and abbreviations → power of ten. Short forms (`m`, `bn`) must follow the digits directly. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  trillion: 12, billion: 9, million: 6, thousand: 3,
  tn: 12, trn: 12, trln: 12, bn: 9, bln: 9, b: 9, mn: 6, mln: 6, m: 6, k: 3,
  crore: 7, lakh: 5,
};
/** Scale forms that may stand apart from the digits (`5 million`, `1.2 bn`); the others must be attached (`€40m`). */
export const SPACED_SCALES: readonly string[] = ['trillion', 'billion', 'million', 'thousand', 'tn', 'trn', 'trln', 'bn', 'bln', 'mn', 'mln', 'crore', 'lakh'];

/** Qualifiers before an amount → the MONEY `mod`. Case-insensitive; longest first when matched. */
export const MONEY_MODIFIERS: Readonly<Record<string, 'APPROX' | 'MORE_THAN' | 'AT_LEAST' | 'LESS_THAN' | 'UP_TO'>> = {
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', nearly: 'APPROX', almost: 'APPROX',
  'some': 'APPROX', 'an estimated': 'APPROX', 'close to': 'APPROX', 'just under': 'APPROX', 'just over': 'APPROX',
  'more than': 'MORE_THAN', over: 'MORE_THAN', above: 'MORE_THAN', 'in excess of': 'MORE_THAN', 'upwards of': 'MORE_THAN',
  'at least': 'AT_LEAST', 'no less than': 'AT_LEAST', 'a minimum of': 'AT_LEAST',
  'less than': 'LESS_THAN', under: 'LESS_THAN', below: 'LESS_THAN', 'fewer than': 'LESS_THAN',
  'up to': 'UP_TO', 'as much as': 'UP_TO', 'a maximum of': 'UP_TO', 'no more than': 'UP_TO',
};

/** Vague magnitudes: `billions of dollars`, `hundreds of millions of yen` — an order of magnitude, not an amount. */
export const VAGUE_MAGNITUDES: readonly string[] = [
  'hundreds of billions', 'tens of billions', 'hundreds of millions', 'tens of millions', 'hundreds of thousands', 'tens of thousands',
  'trillions', 'billions', 'millions', 'several trillion', 'several billion', 'several million', 'a few billion', 'a few million',
];
