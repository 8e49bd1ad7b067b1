import type { AgreementDateRelation, AgreementKind } from '../schema/records.js';

/**
 * Agreement head words → kind. Matched as whole kuromoji tokens (or runs of up to three whole tokens,
 * 共同+ビジョン+声明) at the end of a noun compound; the longest head wins. Users add heads through
 * `lexicons.agreementHeads` in pipeline.config.ts.
 */
const A = (kind: AgreementKind, words: string): [string, AgreementKind][] => words.split(/\s+/).filter(Boolean).map((w) => [w, kind]);

export const AGREEMENT_HEADS: ReadonlyMap<string, AgreementKind> = new Map<string, AgreementKind>([
  ...A('treaty', '条約 平和条約 基本条約 同盟条約'),
  ...A('agreement', '協定 協定書 合意 合意書 合意文書 取り決め 取決め 取極 取極め 取りきめ 協約 協力協定 アコード'),
  // Protocols, exchanges of notes and letters are instruments of their own kind (SCORING.md: other).
  ...A('other', '議定書 改正議定書 付属書 附属書 交換公文 書簡 作業計画 行動計画'),
  ...A('memorandum', '覚書 了解覚書 覚え書き 覚書き 協力覚書 了解事項 趣意書'),
  ...A('statement', '声明 共同声明 共同ビジョン声明 ビジョン声明 首脳声明 共同発表 共同文書 コミュニケ 共同コミュニケ 議長声明 閣僚声明'),
  ...A('declaration', '宣言 共同宣言 首脳宣言 閣僚宣言'),
  ...A('charter', '憲章 規約 規程 大綱'),
  ...A('partnership', 'パートナーシップ 戦略的パートナーシップ 経済連携'),
  ...A('framework', '枠組み 枠組 枠組条約 フレームワーク イニシアチブ イニシアティブ'),
  ...A('code_of_conduct', '行動規範 行動指針 行動基準'),
]);

/** Heads that are also ordinary nouns or verbs (`合意した`, `連携して`, `構想を`): they need a naming modifier or a name-like word. */
export const WEAK_AGREEMENT_HEADS: ReadonlySet<string> = new Set(['合意', '契約', '経済連携', '構想', '大綱', '規程', '声明', '宣言', '枠組み', '枠組', 'イニシアチブ', 'イニシアティブ', '了解事項', '書簡', '作業計画', '行動計画']);

/**
 * Heads that people and companies also use for their own pronouncements and terms (縁故採用宣言,
 * 紙ゼロ宣言, FA宣言, 利用規約, 就業規約): a name with one of them needs a party in it — a place
 * (アメリカ独立宣言, 平泉宣言), an organisation IPADIC knows, or one of PARTY_WORDS (世界人権宣言,
 * 国際人権規約) — or must be signed (SIGNED_AFTER).
 */
export const PARTY_NEEDING_HEADS: ReadonlySet<string> = new Set(['宣言', '規約']);
/** …or a signing after it: `…に関する宣言に署名した`, `宣言を採択`. */
export const SIGNED_AFTER = /^(?:に|を|へ|の)(?:署名|調印|採択|締結|批准|加盟|加入)/;
export const PARTY_WORDS: ReadonlySet<string> = new Set('人権 平和 非核 非核化 共同 首脳 閣僚 国連 国際 連合 同盟 政府 議会 国会 両国 日米 日中 日韓 日露 日朝 米中 米朝 南北'.split(' '));

/** The longest head in tokens. */
export const MAX_AGREEMENT_HEAD_TOKENS = 3;

/**
 * Modifiers between a subject and the head that keep the subject in the name:
 * `防衛産業協力に関する了解覚書`, `海洋協力のための枠組み`, `防衛協力を強化するための覚書`.
 */
export const NAMING_MODIFIER = /(?:に関する|に係る|にかかる|についての|に関わる|に対する|のための|における|を(?:強化|促進|推進|深化|発展|拡大|円滑化|推進|確立|構築|改正|改定|修正)する(?:ための)?)$/;

/**
 * Adjectives that name a partnership when they stand before it, besides those in …的な (`包括的な戦略的パートナーシップ`):
 * `広範な戦略的パートナーシップ`. A plain description (`新たな`, `緊密な`) says what the partnership is like, not its name.
 */
export const PARTNERSHIP_NAMING_ADJECTIVES: readonly string[] = ['広範な'];
/** The word a partnership's head ends with (`戦略的パートナーシップ`; `経済連携` is a partnership too, but one that `互恵的な` describes). */
export const PARTNERSHIP_HEAD = 'パートナーシップ';

/** Bracketed words after a name that are a link's file format or language, not the agreement's short form: `…(PDF)`. */
export const NOT_AGREEMENT_ALIASES: ReadonlySet<string> = new Set(['PDF', 'HTML', 'English', 'Word', 'Excel', 'CSV', 'XML']);

/**
 * The verbs of an agreement's own clause and the relation of its date (longest first when matched):
 * `…に署名した` → signed, `…を締結` → concluded, `…が発効した` → in_force. `交換` is the signing of an exchange of notes or letters.
 */
export const JA_DATE_RELATIONS: readonly (readonly [AgreementDateRelation, readonly string[]])[] = [
  ['signed', ['署名', '調印', '交換', '取り交わ', '交わし', '交わさ']],
  ['concluded', ['締結', '結ん', '結ば', '結び']],
  ['established', ['格上げ', '樹立']],
  ['adopted', ['採択']],
  ['issued', ['発出', '発表', '公表', '発し']],
  ['in_force', ['発効', '効力を生ずる', '効力を生じ']],
];

/** Organisations that stand beside 日 in a name as a party: 日EU, 日・ASEAN. */
export const JA_PARTY_ORG_ABBR: ReadonlyMap<string, string> = new Map([
  ['EU', '欧州連合'],
  ['ASEAN', '東南アジア諸国連合'],
  ['アセアン', '東南アジア諸国連合'],
  ['NATO', '北大西洋条約機構'],
  ['欧州連合', '欧州連合'],
]);

/** What a state's formal name adds after its short name: フィリピン共和国, ウルグアイ東方共和国, タイ王国, 東南アジア諸国連合構成国. */
/** Words after a country that name its government (`日本国政府`, `フィリピン共和国政府`): as a party it stands for the country. */
export const JA_GOVERNMENT_WORDS: readonly string[] = ['政府'];

export const JA_STATE_SUFFIX = /^(?:東方共和国|社会主義共和国|民主共和国|人民共和国|連邦共和国|共和国|王国|連邦|合衆国|首長国連邦)/;

/** Words before a head that make it an anaphor, not a name: この合意, 本覚書, 同協定, 両国間の合意. */
export const AGREEMENT_DETERMINERS: ReadonlySet<string> = new Set(['この', 'その', 'あの', '同', '本', '当', '前記', '上記', '今回', '今般', '新た', '両国', '両国間', '各', '同様', '当該', '件', '本件', '同件', 'これ', 'それ']);

/** Words before a head that only classify it: 基本合意, 正式合意, 大筋合意, 二国間協定. */
export const GENERIC_AGREEMENT_MODIFIERS: ReadonlySet<string> = new Set(
  '基本 正式 大筋 最終 暫定 原則 政治 口頭 書面 一定 事実上 新 旧 前 初 仮 二国間 多国間 国際 地域 両国 相互 共同 公式 非公式 秘密 極秘 事前 追加 個別 具体 全面 部分 一部 緊急 当面 今後 過去 別途 関連 協力 提携 業務 技術 資本 販売 売買 雇用 労働 賃貸 請負 委託 ライセンス 保守 運用 移籍 完全 入団 クラブ 契約'.split(' '),
);

/**
 * Naming modifiers left out of an agreement's key: they join a subject to its head without telling two agreements apart
 * (`防衛協力のための覚書` = `防衛協力に関する覚書` = `防衛協力覚書`).
 */
export const KEY_NEUTRAL_MODIFIERS: readonly string[] = ['に関する', 'に係る', 'にかかる', 'についての', 'のための', 'に関わる'];

/** Instruments numbered after the agreement they amend or add to: `…協定第一改正議定書`, `…条約第二追加議定書`. */
export const ORDINAL_INSTRUMENTS: readonly string[] = ['改正議定書', '追加議定書', '議定書'];

/**
 * Nouns that measure what a clause before them states (`…億円を限度とする額の円借款`): a subject does not reach back over
 * them and their の.
 */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set('額 金額 総額 数 件数 量 規模 範囲'.split(' '));

/** Words a head may be followed by inside the same noun compound: `協定締結`, `条約違反`, `覚書署名式`. */
export const AFTER_HEAD_WORDS: ReadonlySet<string> = new Set('締結 署名 調印 交渉 批准 発効 違反 改定 改正 破棄 離脱 脱退 加盟 加入 案 草案 原案 文書 本文 上 下 第 署名式 調印式 締結式 発表 発出 採択 策定 作成 履行 順守 遵守 運用 見直し 延長 更新 失効 承認 協議 成立 合意'.split(' '));

/** Verb-like continuations after a サ変 head: 合意した, 宣言する, 声明し, 連携して. */
export const VERBAL_AFTER = /^(?:し|す|さ|せ|でき|に達|を目指|が成立|済み)/;
