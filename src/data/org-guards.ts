/**
 * Words the organisation tagger's guard rails read after tagging (src/stages/orgs/with-model.ts). The model's
 * features never read them, so changing them needs no retrain.
 */

/**
 * Words that make a country's name the name of a team or a delegation (`日本代表`, `ブラジル代表`): a country
 * followed by a short tail the rules do not know is otherwise a thing of that country (`カンボジアPKO`).
 */
export const COUNTRY_TEAM_WORDS: ReadonlySet<string> = new Set(['代表', '代表団', '選抜']);

/** Parts of a document, not organisations, when an ordinal comes first (`第III部`, `第2章`, `第一編`). */
const DOCUMENT_PARTS: readonly string[] = ['部', '章', '編', '節', '款', '条', '項'];
/** A heading's number at the start of a span (normalized text: ASCII digits and Roman numerals). */
export const DOCUMENT_PART_AT_START = new RegExp(`^第[0-9IVXⅰ-ⅹ一二三四五六七八九十百〇]{1,4}(?:${DOCUMENT_PARTS.join('|')})(?![^\\s])`);

/**
 * Honorifics that follow a person, not an organisation: a name the tagger or IPADIC gives before one is a person
 * written in katakana (`タカギさん`, `ミナミ君`). Fewer than org-heads' PERSON_AFTER: `選手` and `監督` follow a team.
 */
export const HONORIFICS_AFTER: ReadonlySet<string> = new Set(['さん', '君', 'くん', 'ちゃん', '氏', '殿', '夫妻', '夫人']);

/**
 * A person's name written before an organisation's with no particle between (`ドナルド・トゥスク欧州理事会議長`,
 * `先方マニーシャ・シンハ・インド財務省…`): katakana words joined by `・` or `=`, after `先方` or `我が方` at most.
 */
export const PERSON_NAME_BEFORE = /^(?:先方|我が方)?[ァ-ヶー]+(?:[・=][ァ-ヶー]+)+・?$/;
/** One katakana word: the family name when the given name and its dot come before the span (`ジョン・|スミス`). */
export const KATAKANA_WORD = /^[ァ-ヶー]{2,}$/;
/** Words before a person's name that are no part of it nor of the organisation after it. */
export const SIDE_WORDS: readonly string[] = ['先方', '我が方'];

/**
 * Government titles: the words right before one name the office, not an organisation (`経済産業|大臣`,
 * `デジタル・交通|大臣`), unless they end in a public body's head word or are a known name (`防衛省|長官`).
 */
export const OFFICE_TITLES: ReadonlySet<string> = new Set(['大臣', '副大臣', '長官', '副長官', '政務官', '次官', '事務次官']);
