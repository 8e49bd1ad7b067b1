/**
 * Roles and titles written after an organisation name that are not part of it: the organisation in
 * `中央軍事委員会副書記` is `中央軍事委員会`, in `ベトナム国防省報道官` it is `ベトナム国防省`.
 * Matched as strings made of whole tokens at the end of a noun run.
 */
export const TITLES: ReadonlySet<string> = new Set(
  ('内閣総理大臣 大臣 副大臣 政務官 長官 副長官 次官 事務次官 審議官 局長 部長 課長 室長 所長 院長 署長 社長 副社長 会長 副会長 総裁 副総裁 ' +
    '議長 副議長 委員長 副委員長 理事長 理事 委員 幹事長 代表 代表者 代表団 使節団 訪問団 視察団 書記 副書記 書記長 総書記 ' +
    '主席 副主席 首相 大統領 副大統領 国防相 外相 首席 報道官 副報道官 広報官 報道担当 担当者 幹部 高官 当局者 関係者 職員 ' +
    '隊員 隊長 団長 司令官 司令 参謀 参謀長 将軍 将校 兵士 大将 中将 少将 准将 大佐 中佐 少佐 ' +
    '教授 准教授 講師 助教 学長 学部長 研究員 主任 取締役 代表取締役 執行役員 役員 社員 従業員 顧問 相談役 CEO CFO COO CTO ' +
    '記者 特派員 編集長 論説委員 アナリスト 筋 側 内 系 傘下 本社 支社 支店 工場 ' +
    'アナウンサー キャスター 選手 監督 コーチ 投手 捕手 内野手 外野手 署員 局員 部員 団員 会員 組合員 ' +
    '氏 さん 様 殿 議員 知事 市長 町長 村長 区長 大使 公使 領事 総領事 首脳 トップ ナンバー2 報告書 発表 声明 会見 筋')
    .split(/\s+/)
    .filter(Boolean),
);

/** Titles whose first character is itself an organisation head: `局長` ends `防衛政策局長`, whose organisation is `防衛政策局`. */
export const TITLES_WITH_HEAD: ReadonlyMap<string, string> = new Map([
  ['局長', '局'], ['部長', '部'], ['課長', '課'], ['室長', '室'], ['所長', '所'], ['院長', '院'], ['署長', '署'],
  ['団長', '団'], ['隊長', '隊'], ['庁長官', '庁'], ['党首', '党'], ['学長', '学'],
]);

/**
 * Practices whose head is a `院長` without the name ending in `院`: in `○○クリニック院長` the organisation is
 * `○○クリニック` and the title is whole (after a name ending in a head, `○○病院院長`, it is whole too).
 */
export const TITLE_WHOLE_AFTER: ReadonlySet<string> = new Set(
  'クリニック 診療所 歯科 医科 内科 外科 整形外科 皮膚科 眼科 小児科 婦人科 産婦人科 耳鼻科 耳鼻咽喉科 心療内科 精神科'.split(' '),
);

/** Words after a katakana name that make it a person, not an organisation (`スアン・チエン国防相`, `マーティン氏`). */
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  '氏 さん 様 内閣総理大臣 総理大臣 総理 大臣 国防相 外相 首相 大統領 副大統領 将軍 大将 司令官 長官 国務長官 国防長官 議員 大使 報道官 書記 総書記 主席 国王 女王 王子 王女 皇太子 教授 監督 選手 議長 委員長 知事 市長 容疑者 被告'.split(' '),
);

/** Honorifics before a Latin person's name (`H.E. Mr. Albert …`): what follows is a person, not an organisation. */
export const LATIN_HONORIFICS: ReadonlySet<string> = new Set('Mr Mrs Ms Miss Dr Prof Sir Dame H.E HE Hon Excellency'.split(' '));
