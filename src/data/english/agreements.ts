import type { AgreementKind } from '../../schema/records.js';

/**
 * English agreement heads: the word or phrase that says what kind of instrument a name is.
 * Matched case-insensitively on words; the longest head wins. Data only.
 */
export interface AgreementHead {
  /** Lower-case words of the head. */
  words: readonly string[];
  kind: AgreementKind;
  /** May stand alone in lower case (`a memorandum of understanding`) — generic heads need a name or modifier. */
  bare?: boolean;
  /** Only a head when capitalized (`Joint Vision Statement` yes, `a statement` no). */
  capitalOnly?: boolean;
}

/**
 * Plural heads written for one instrument (`exchanges of Notes concerning …` under the headline `Exchange of Notes
 * concerning …`, `Memoranda of Understanding`): in an agreement's key they count as the singular, so that both spellings
 * are one agreement.
 */
export const PLURAL_HEADS_BEFORE_OF: ReadonlyMap<string, string> = new Map([['exchanges', 'exchange'], ['memorandums', 'memorandum'], ['memoranda', 'memorandum']]);

export const AGREEMENT_HEADS: readonly AgreementHead[] = [
  { words: ['memorandum', 'of', 'understanding'], kind: 'memorandum', bare: true },
  { words: ['memorandums', 'of', 'understanding'], kind: 'memorandum', bare: true },
  { words: ['memoranda', 'of', 'understanding'], kind: 'memorandum', bare: true },
  { words: ['memorandum', 'of', 'cooperation'], kind: 'memorandum', bare: true },
  { words: ['memorandum'], kind: 'memorandum' },
  { words: ['mou'], kind: 'memorandum', bare: true },
  { words: ['mous'], kind: 'memorandum', bare: true },
  { words: ['moc'], kind: 'memorandum', bare: true },
  { words: ['letter', 'of', 'intent'], kind: 'other', bare: true },
  { words: ['code', 'of', 'conduct'], kind: 'code_of_conduct', bare: true },
  // An exchange of notes is an event as often as a document (`an exchange of notes was held`): a name needs its subject
  // (`Exchange of Notes concerning Yen Loans …`).
  { words: ['exchange', 'of', 'notes'], kind: 'other' },
  { words: ['exchanges', 'of', 'notes'], kind: 'other' },
  { words: ['exchange', 'of', 'letters'], kind: 'other' },
  { words: ['terms', 'of', 'reference'], kind: 'other', capitalOnly: true, bare: true },
  { words: ['plan', 'of', 'action'], kind: 'other', capitalOnly: true },
  { words: ['work', 'plan'], kind: 'other', capitalOnly: true },
  { words: ['memorandum', 'of', 'intent'], kind: 'memorandum', bare: true },
  { words: ['joint', 'vision', 'statement'], kind: 'statement', bare: true },
  { words: ['joint', 'statement'], kind: 'statement', bare: true },
  { words: ['joint', 'declaration'], kind: 'declaration', bare: true },
  { words: ['framework', 'agreement'], kind: 'framework' },
  { words: ['statement'], kind: 'statement', capitalOnly: true },
  { words: ['communique'], kind: 'statement', capitalOnly: true },
  { words: ['declaration'], kind: 'declaration' },
  { words: ['agreement'], kind: 'agreement' },
  { words: ['agreements'], kind: 'agreement' },
  { words: ['accord'], kind: 'agreement' },
  { words: ['accords'], kind: 'agreement' },
  { words: ['arrangement'], kind: 'agreement', capitalOnly: true },
  { words: ['pact'], kind: 'agreement' },
  { words: ['treaty'], kind: 'treaty' },
  { words: ['convention'], kind: 'treaty', capitalOnly: true },
  { words: ['protocol'], kind: 'other', capitalOnly: true },
  { words: ['charter'], kind: 'charter' },
  { words: ['framework'], kind: 'framework' },
  { words: ['partnership'], kind: 'partnership' },
  { words: ['initiative'], kind: 'other', capitalOnly: true },
];

/** Lower-case words that may not open a lower-case agreement name (`the new agreement` is no name). */
export const GENERIC_MODIFIERS: readonly string[] = [
  'new', 'previous', 'landmark', 'historic', 'first', 'last', 'existing', 'such', 'similar', 'formal', 'final', 'broad', 'major',
  'key', 'separate', 'latest', 'proposed', 'draft', 'current', 'original', 'earlier', 'same', 'other', 'this', 'that', 'an', 'a', 'the',
  'any', 'no', 'its', 'their', 'his', 'her', 'our', 'each', 'possible', 'eventual', 'wider', 'broader', 'signed', 'deal', 'interim',
  'preliminary', 'initial', 'overall', 'detailed', 'important', 'significant', 'specific', 'general', 'basic', 'verbal', 'written', 'legal',
  'international', 'global', 'regional', 'several', 'two', 'three', 'both', 'various', 'many', 'some', 'more', 'further',
];

/** Prepositions that continue a name after its head (`Agreement on …`, `Convention on …`, `Partnership for …`). */
export const NAME_CONTINUATIONS: readonly string[] = ['on', 'for', 'of', 'concerning', 'regarding', 'against', 'between', 'to'];

/** Words that make a Partnership a trade agreement (`Trans-Pacific Partnership`, `… Trade and Investment Partnership`), not a relationship. */
export const TRADE_PARTNERSHIP_WORDS: readonly string[] = ['trade', 'economic', 'trans-pacific', 'investment', 'commerce'];

/**
 * The words of a state's long form before its short name (`the Republic of the Philippines`, `the Socialist Republic of
 * Viet Nam`, `the Kingdom of Thailand`): adjectives, then a form, then `of`.
 */
export const STATE_FORM_ADJECTIVES: readonly string[] = ['Socialist', 'Democratic', 'Federal', 'Oriental', "People's", 'People’s', 'Islamic', 'Arab', 'United', 'Independent', 'Plurinational', 'Bolivarian'];
export const STATE_FORMS: readonly string[] = ['Republic', 'Kingdom', 'Commonwealth', 'Federation', 'State', 'Union', 'Principality', 'Sultanate', 'Grand Duchy'];
/** `the Government of Japan`, `the Governments of …`: a government standing for its country as an agreement's party. */
export const GOVERNMENT_WORDS: readonly string[] = ['Government', 'Governments'];
/** The words after `between A and B` where B ends and the name's subject begins (`… and Japan concerning the Transfer …`). */
export const SUBJECT_WORDS: readonly string[] = ['concerning', 'on', 'regarding', 'for', 'to'];

/** One canonical name per country for agreement keys (`U.S.`, `US`, `America` → `United States`). */
export const COUNTRY_CANONICAL: ReadonlyMap<string, string> = new Map([
  ['U.S.', 'United States'], ['US', 'United States'], ['USA', 'United States'], ['America', 'United States'], ['United States of America', 'United States'],
  ['U.K.', 'United Kingdom'], ['UK', 'United Kingdom'], ['Britain', 'United Kingdom'], ['Great Britain', 'United Kingdom'],
  ['Viet Nam', 'Vietnam'], ['Korea', 'South Korea'], ['Republic of Korea', 'South Korea'], ['ROK', 'South Korea'], ['UAE', 'United Arab Emirates'],
  ['Republic of the Philippines', 'Philippines'],
]);

/**
 * Words that may stand between a relation verb and the name it takes as its object (`signed a new Joint Declaration`,
 * `approved and signed the first … Work Plan`, `adopted this year's Joint Declaration`): determiners, ordinals and
 * adjectives that say which document, not what it is.
 */
export const VERB_OBJECT_FILLERS: readonly string[] = [
  'a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'that', 'of', 'to', 'into', 'up', 'ties', 'relations',
  'new', 'first', 'second', 'third', 'historic', 'landmark', 'revised', 'updated', 'amended', 'bilateral', 'trilateral', 'joint',
  "year's", 'year’s', "month's", 'month’s',
];
