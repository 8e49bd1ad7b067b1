import type { OrgKind } from '../../schema/records.js';

/**
 * English organisation data: head words that end a name (`… Ministry`, `… Corp.`), heads that open an
 * `of` chain (`Ministry of …`, `Department of …`), and a small lexicon of institutions whose names
 * carry no head (`the Pentagon`, `NATO`). Data only.
 */

/** Head word (as written, without a trailing period) → kind. Multi-word heads are written with spaces. */
export const ORG_HEADS: Readonly<Record<string, OrgKind>> = {
  Ministry: 'government', Department: 'government', Agency: 'government', Office: 'government', Bureau: 'government',
  Cabinet: 'government', Secretariat: 'government', Commission: 'government', Administration: 'government', Authority: 'government',
  Directorate: 'government', Service: 'government', Board: 'government', Embassy: 'government', Consulate: 'government', Mission: 'government',
  Government: 'government', Committee: 'government', Council: 'government', Court: 'government',
  Forces: 'military', Force: 'military', Army: 'military', Navy: 'military', 'Air Force': 'military', 'Coast Guard': 'military',
  Command: 'military', 'Marine Corps': 'military', Corps: 'military', Guard: 'military', Fleet: 'military',
  Parliament: 'legislature', Senate: 'legislature', Congress: 'legislature', Assembly: 'legislature', Diet: 'legislature',
  Party: 'party',
  Corp: 'company', Corporation: 'company', Inc: 'company', Co: 'company', Ltd: 'company', Limited: 'company', LLC: 'company', PLC: 'company',
  Group: 'company', Holdings: 'company', Industries: 'company', Motors: 'company', Motor: 'company', Airlines: 'company', Airways: 'company',
  Bank: 'company', Electric: 'company', Systems: 'company', Technologies: 'company', Company: 'company', Shipbuilding: 'company',
  Association: 'other', Federation: 'other', Organization: 'international', Organisation: 'international', Union: 'other',
  Foundation: 'other', Fund: 'other', Institute: 'academic', University: 'academic', Center: 'other', Centre: 'other',
  Society: 'other', Chamber: 'other', Forum: 'other', Alliance: 'international',
  Semiconductor: 'company', Semiconductors: 'company', Electronics: 'company', Pharmaceutical: 'company', Pharmaceuticals: 'company',
  Chemical: 'company', Chemicals: 'company', Steel: 'company', Petroleum: 'company', Securities: 'company', Insurance: 'company',
  Capital: 'company', Partners: 'company', Ventures: 'company', Logistics: 'company', Shipping: 'company', Trading: 'company',
  Construction: 'company', Engineering: 'company', Energy: 'company', Power: 'company', Gas: 'company', Telecom: 'company',
  AG: 'company', SE: 'company', NV: 'company', SA: 'company', GmbH: 'company', Tbk: 'company', Bhd: 'company', KK: 'company',
  Times: 'media', Post: 'media', News: 'media', Press: 'media', Herald: 'media', Shimbun: 'media', Broadcasting: 'media',
};

/** Titles whose holder's portfolio follows the body with `for` (`Assistant Secretary of the Army for Defense Exports`). */
export const PORTFOLIO_TITLES: readonly string[] = ['Secretary', 'Minister', 'Director', 'Commissioner', 'Under Secretary'];

/** Heads that need a name before them (`Toyota Motor Corp.`): never an organisation on their own or with only an `of` chain. */
export const SUFFIX_ONLY_HEADS: readonly string[] = ['Semiconductor', 'Semiconductors', 'Electronics', 'Pharmaceutical', 'Pharmaceuticals', 'Chemical', 'Chemicals', 'Steel', 'Petroleum', 'Securities', 'Insurance', 'Capital', 'Partners', 'Ventures', 'Logistics', 'Shipping', 'Trading', 'Construction', 'Engineering', 'Energy', 'Power', 'Gas', 'Telecom', 'AG', 'SE', 'NV', 'SA', 'GmbH', 'Tbk', 'Bhd', 'KK', 'Corp', 'Corporation', 'Inc', 'Co', 'Ltd', 'Limited', 'LLC', 'PLC', 'Group', 'Holdings', 'Industries', 'Motors', 'Motor', 'Airlines', 'Airways', 'Electric', 'Systems', 'Technologies', 'Shipbuilding', 'Times', 'Post', 'News', 'Press', 'Herald', 'Shimbun', 'Broadcasting', 'Force', 'Guard', 'Service', 'Board', 'Court', 'Government', 'Center', 'Centre', 'Fund', 'Union', 'Alliance', 'Forum', 'Party', 'Fleet', 'Office'];
/**
 * Of those, the heads that open a name with an `of` chain though they need words before them otherwise
 * (`Office of Management and Budget`, `Court of Appeals`, `Fund for Peace`; `Government of Japan` is left to the agreements' parties, which read it as the country).
 */
export const CHAIN_OPENING_HEADS: readonly string[] = ['Office', 'Court', 'Fund', 'Union', 'Center', 'Centre', 'Alliance', 'Forum', 'Party'];

/**
 * Industry words that end company names (`Kestrel Semiconductor`, `Tokyo Gas`) but also start titles and
 * longer names (`Energy Minister`, `Gas Supply Agreement`): a head only where the capitalized run ends.
 */
export const INDUSTRY_HEADS: readonly string[] = ['Semiconductor', 'Semiconductors', 'Electronics', 'Pharmaceutical', 'Pharmaceuticals', 'Chemical', 'Chemicals', 'Steel', 'Petroleum', 'Securities', 'Insurance', 'Capital', 'Partners', 'Ventures', 'Logistics', 'Shipping', 'Trading', 'Construction', 'Engineering', 'Energy', 'Power', 'Gas', 'Telecom', 'Motor', 'Motors', 'Electric', 'Systems', 'Technologies', 'Industries', 'Group', 'Holdings', 'Bank'];

/** Abbreviated heads written with a period (`Corp.`, `Co.`, `Inc.`, `Ltd.`): the period belongs to the name. */
export const ABBREVIATED_HEADS: readonly string[] = ['Corp', 'Co', 'Inc', 'Ltd', 'Bhd', 'Pte', 'Pty'];

/** Legal-form tails after a comma (`Mitsubishi Heavy Industries, Ltd.`, `Apple, Inc.`). */
export const LEGAL_FORM_TAILS: readonly string[] = ['Ltd', 'Inc', 'Co., Ltd', 'LLC', 'PLC', 'Corp', 'AG', 'SE', 'NV', 'SA', 'GmbH', 'Tbk', 'Bhd'];

/** Labels of a credit line (`(Photo: Cabinet Public Affairs Office)`): what follows names its source, though written in capitals like a headline. */
export const CREDIT_LABELS: readonly string[] = ['Photo', 'Photos', 'Photo credit', 'Source', 'Courtesy', 'Credit'];

/** The United Nations' prefix before one of its bodies (`UN World Food Program`): part of the body's name. */
export const UN_NAME_PREFIXES: readonly string[] = ['UN', 'U.N.'];

/** Titles whose first word is an organisation head (`Pentagon Press Secretary`: the name is `Pentagon`). */
export const TITLES_STARTING_WITH_HEAD: readonly string[] = ['Press Secretary', 'Press Officer', 'Press Attaché', 'Press Attache', 'Press Aide', 'Service Member', 'Service Members', 'Board Member', 'Board Members', 'Party Leader', 'Party Chairman', 'Party Secretary'];

/** Lower-case particles inside foreign names (`Agence Française de Développement`, `Kreditanstalt für Wiederaufbau`). */
export const NAME_PARTICLES: readonly string[] = ['de', 'du', 'des', 'la', 'le', 'für', 'van', 'von', 'der', 'di', 'del'];

/** Words that are capitalized but never start an organisation name (sentence openers, titles). */
export const NAME_STOP_WORDS: readonly string[] = [
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'His', 'Her', 'Our', 'In', 'On', 'At', 'By', 'For', 'From',
  'With', 'After', 'Before', 'When', 'While', 'Under', 'But', 'And', 'Or', 'As', 'If', 'Since', 'Meanwhile', 'Also', 'Both', 'Last', 'Next',
  'Mr', 'Ms', 'Mrs', 'Dr', 'Gen', 'Adm', 'Lt', 'Col', 'Minister', 'President', 'Secretary', 'Prime', 'Chief', 'Deputy', 'Vice', 'Director',
  'Spokesman', 'Spokeswoman', 'Chairman', 'CEO', 'Officials', 'Official', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Well-known institutions whose names carry no head word. `the` before them is not part of the span. */
export interface KnownOrganisation {
  name: string;
  aliases: readonly string[];
  kind: OrgKind;
}

export const KNOWN_ORGANISATIONS: readonly KnownOrganisation[] = [
  { name: 'United States Department of Defense', aliases: ['Pentagon'], kind: 'government' },
  { name: 'White House', aliases: [], kind: 'government' },
  { name: 'Kremlin', aliases: [], kind: 'government' },
  { name: 'United States Department of State', aliases: ['State Department'], kind: 'government' },
  { name: 'United Nations', aliases: ['UN', 'U.N.'], kind: 'international' },
  { name: 'United Nations Security Council', aliases: ['UN Security Council', 'U.N. Security Council', 'Security Council'], kind: 'international' },
  { name: 'North Atlantic Treaty Organization', aliases: ['NATO'], kind: 'international' },
  { name: 'Association of Southeast Asian Nations', aliases: ['ASEAN'], kind: 'international' },
  { name: 'ASEAN Defence Ministers\' Meeting-Plus', aliases: ['ADMM-Plus', 'ADMM+', 'ADMM Plus'], kind: 'international' },
  { name: 'European Union', aliases: ['EU', 'E.U.'], kind: 'international' },
  { name: 'International Monetary Fund', aliases: ['IMF'], kind: 'international' },
  { name: 'World Bank', aliases: [], kind: 'international' },
  { name: 'World Trade Organization', aliases: ['WTO'], kind: 'international' },
  { name: 'World Health Organization', aliases: ['WHO'], kind: 'international' },
  { name: 'Asian Development Bank', aliases: ['ADB'], kind: 'international' },
  { name: 'Asia-Pacific Economic Cooperation', aliases: ['APEC'], kind: 'international' },
  { name: 'Organisation for Economic Co-operation and Development', aliases: ['OECD'], kind: 'international' },
  { name: 'Group of Seven', aliases: ['G7', 'G-7'], kind: 'international' },
  { name: 'Group of 20', aliases: ['G20', 'G-20'], kind: 'international' },
  { name: 'Quadrilateral Security Dialogue', aliases: ['Quad'], kind: 'international' },
  { name: 'Japan International Cooperation Agency', aliases: ['JICA'], kind: 'government' },
  { name: 'United States Agency for International Development', aliases: ['USAID'], kind: 'government' },
  { name: 'Japan Self-Defense Forces', aliases: ['Self-Defense Forces', 'SDF', 'JSDF'], kind: 'military' },
  { name: 'People\'s Liberation Army', aliases: ['PLA'], kind: 'military' },
  { name: 'Bank of Japan', aliases: ['BOJ', 'BoJ'], kind: 'government' },
  { name: 'Federal Reserve', aliases: ['Fed'], kind: 'government' },
  { name: 'Japan Business Federation', aliases: ['Keidanren'], kind: 'other' },
  { name: 'Japan External Trade Organization', aliases: ['JETRO'], kind: 'government' },
  { name: 'U.S. Congress', aliases: ['Congress'], kind: 'legislature' },
  { name: 'National Diet', aliases: ['Diet'], kind: 'legislature' },
  { name: 'Senate', aliases: [], kind: 'legislature' },
  { name: 'House of Representatives', aliases: [], kind: 'legislature' },
  { name: 'House of Councillors', aliases: [], kind: 'legislature' },
  { name: 'European Parliament', aliases: [], kind: 'legislature' },
  { name: 'European Commission', aliases: [], kind: 'international' },
  { name: 'U.S. Indo-Pacific Command', aliases: ['INDOPACOM'], kind: 'military' },
  // Companies and broadcasters the Japanese lexicon knows by a Latin name too (org-lexicon.ts); org-canonical.ts gives
  // both languages' mentions its Japanese name. Not `Apple` or `Amazon`, which are also a fruit and a river.
  { name: 'Japan Broadcasting Corporation', aliases: ['NHK'], kind: 'media' },
  { name: 'British Broadcasting Corporation', aliases: ['BBC'], kind: 'media' },
  { name: 'CNN', aliases: [], kind: 'media' },
  { name: 'Associated Press', aliases: ['AP'], kind: 'media' },
  { name: 'Agence France-Presse', aliases: ['AFP'], kind: 'media' },
  { name: 'Google', aliases: [], kind: 'company' },
  { name: 'Microsoft', aliases: [], kind: 'company' },
  { name: 'Facebook', aliases: [], kind: 'company' },
  { name: 'Netflix', aliases: [], kind: 'company' },
  { name: 'Intel', aliases: [], kind: 'company' },
  { name: 'IBM', aliases: [], kind: 'company' },
  { name: 'Nippon Telegraph and Telephone', aliases: ['NTT'], kind: 'company' },
  { name: 'KDDI', aliases: [], kind: 'company' },
  { name: 'Japan Airlines', aliases: ['JAL'], kind: 'company' },
  { name: 'All Nippon Airways', aliases: ['ANA'], kind: 'company' },
];

/** Country and territory names (and common short forms) for agreement parties. Case-sensitive. */
export const COUNTRIES: readonly string[] = [
  'Japan', 'United States', 'U.S.', 'US', 'USA', 'America', 'China', 'South Korea', 'North Korea', 'Korea', 'Taiwan', 'Vietnam', 'Viet Nam',
  'Philippines', 'Indonesia', 'Malaysia', 'Singapore', 'Thailand', 'Cambodia', 'Laos', 'Myanmar', 'Brunei', 'Timor-Leste', 'India',
  'Pakistan', 'Bangladesh', 'Sri Lanka', 'Nepal', 'Mongolia', 'Australia', 'New Zealand', 'Papua New Guinea', 'Fiji', 'Canada', 'Mexico',
  'Brazil', 'United Kingdom', 'U.K.', 'UK', 'Britain', 'France', 'Germany', 'Italy', 'Spain', 'Netherlands', 'Poland', 'Ukraine', 'Russia',
  'Turkey', 'Israel', 'Saudi Arabia', 'United Arab Emirates', 'UAE', 'Qatar', 'Iran', 'Iraq', 'Egypt', 'Kenya', 'Nigeria', 'South Africa',
];

/**
 * Abbreviations written inside names, spelled out in the canonical name so that `U.S. Agency for International
 * Development` and `United States Agency for International Development` are one organisation.
 */
export const NAME_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['U.S.', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['U.N.', 'United Nations'],
];
