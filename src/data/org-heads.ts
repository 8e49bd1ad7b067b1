import type { OrgKind } from '../schema/records.js';

/**
 * Organisation head words: the last word(s) of a noun compound that make it an organisation name
 * (`防衛` + `省`, `国際協力` + `機構`, `北陸みらい` + `銀行`). Matched against whole kuromoji tokens at the end
 * of a noun run (multi-token heads such as 委員+会 are matched as strings made of whole tokens).
 *
 * `weak` heads are also ordinary words (`会`, `部`, `会議`, `センター`): they only make a name when the words
 * before them look like a name (a proper noun, katakana or Latin word) or are long enough (≥ 3 characters over ≥ 2 words).
 */
export interface OrgHead {
  kind: OrgKind;
  weak?: boolean;
}

const H = (kind: OrgKind, words: string, weak = false): [string, OrgHead][] =>
  words.split(/\s+/).filter(Boolean).map((w) => [w, weak ? { kind, weak } : { kind }]);

export const ORG_HEADS: ReadonlyMap<string, OrgHead> = new Map<string, OrgHead>([
  // government
  ...H('government', '省 庁 府 政府 政権 内閣 警察 県警 府警 道警 警視庁 警察庁 公安 委員会 理事会 評議会 監督機構 公社 公庫 公団 事業団 検察庁 地検 高検 裁判所 地裁 高裁 最高裁 家裁 市役所 県庁 役所 総督府 幕府 国務院 税関'),
  ...H('government', '局 署 院 室 課 本部 事務局 司令部 総局', true),
  // military
  ...H('military', '軍 陸軍 海軍 空軍 国軍 米軍 自衛隊 陸上自衛隊 海上自衛隊 航空自衛隊 海兵隊 艦隊 師団 旅団 連隊 軍団 空挺団 航空団 方面隊 大隊 中隊 飛行隊 部隊 警備隊 沿岸警備隊 親衛隊 防衛隊 航空隊 騎兵隊 義勇軍 解放軍 海警局 海警'),
  ...H('military', '隊', true),
  // legislature
  ...H('legislature', '議会 国会 上院 下院 衆議院 参議院 議院 州議会 県議会 市議会 人民代表大会'),
  // party
  ...H('party', '党 政党 共産党 民主党 労働党 保守党 自由党 社会党 連立'),
  // international bodies (refined by INTERNATIONAL_PREFIXES below)
  ...H('international', '同盟 連合 条約機構'),
  ...H('international', '機関', true),
  // A UN mission (国連南スーダン共和国ミッション): only after an international prefix (INTERNATIONAL_ONLY_HEADS).
  ...H('international', 'ミッション', true),
  // company
  ...H('company', '会社 証券 保険 工業 産業 建設 化学 電子 食品 航空 鉄道 自動車 商会 スタジオ ファンド', true),
  ...H('company', '交通 電工 酒造 醸造 薬品 通運 製糖 製紙 製粉 紡績 化成 興産 技研', true),
  ...H('company', '株式会社 有限会社 合同会社 合資会社 銀行 信用金庫 信用組合 生命 損保 ホールディングス ホールディング 重工 重工業 製作所 製鉄 製薬 電機 電鉄 商事 物産 不動産 興業 精機 工務店 運輸 海運 汽船 製菓 百貨店 コーポレーション カンパニー インダストリーズ テクノロジーズ エンタテインメント エンターテインメント プロダクション プロダクションズ ピクチャーズ レコード レコーズ フィナンシャルグループ'),
  // Weak: a common noun before them makes an ordinary word (消費電力, 赤外線通信, 液晶テレビ); IPADIC knows the real ones (中部電力, 時事通信).
  ...H('company', '電力', true),
  ...H('company', '社 グループ 商店 組', true),
  // media
  ...H('media', '放送', true),
  ...H('media', '新聞 新聞社 通信社 放送局 出版 出版社 日報 新報 タイムズ'),
  ...H('media', '通信 テレビ ラジオ', true),
  ...H('media', 'テレビ局', true),
  // academic
  ...H('academic', '学校 高校 高等学校 中学校 小学校 中等教育学校 専門学校 幼稚園 学園 学院', true),
  ...H('other', '病院 医院', true),
  ...H('academic', '大学 大学院 短期大学 大学校 高専 研究所 研究院 研究機構 研究センター 学会 学部 研究科'),
  // other
  ...H('other', 'FC SC AC CF', true),
  ...H('other', '協会 財団 基金 組合 協同組合 連盟 協議会 連合会 機構 振興会 商工会議所 会議所 法人 財団法人 社団法人 教団 楽団 交響楽団 管弦楽団 劇団 合唱団 騎士団 リーグ ユニオン 事務所 赤十字'),
  ...H('other', '会 部 団 会議 センター クラブ チーム 委員 連絡会 所 館', true),
]);

/** The longest head (in characters) — bounds how many trailing tokens are joined when looking for a head. */
export const MAX_HEAD_TOKENS = 3;

/** Heads that also name a product or a technique (テレビ a set, 通信 a link, 電力 power). */
export const PRODUCT_LIKE_HEADS: ReadonlySet<string> = new Set(['テレビ', 'ラジオ', '通信', '電力']);
/**
 * Words that, right before one of those heads, make a product or a technique rather than a name:
 * `大型液晶テレビ`, `消費電力`, `赤外線通信`, `ネットラジオ`.
 */
export const PRODUCT_WORDS_BEFORE_HEAD: ReadonlySet<string> = new Set(
  '液晶 薄型 有機EL プラズマ 地デジ デジタル アナログ カラー 白黒 携帯 家庭用 スマート ネット インターネット ポータブル ワンセグ 消費 待機 最大 赤外線 無線 有線 データ パケット 高速 衛星 光 移動 双方向 非接触 近距離 音声 ビデオ'.split(' '),
);

/**
 * Military unit words that are a name when an ordinal number comes first (第7艦隊, 第12師団, 第1空挺団),
 * though alone they are a class (師団, 艦隊).
 */
export const NUMBERED_UNIT_HEADS: ReadonlySet<string> = new Set('軍 艦隊 師団 旅団 連隊 軍団 空挺団 航空団 方面隊 大隊 中隊 飛行隊 戦隊 航空隊 混成団'.split(' '));
/** The ordinal before a numbered unit, at the end of the text before it (normalized: ASCII digits). */
export const UNIT_ORDINAL_BEFORE = /第[0-9一二三四五六七八九十百〇]{1,4}$/;

/** Heads that make a name only after an international prefix: `国連…ミッション`, not `火星探査ミッション`. */
export const INTERNATIONAL_ONLY_HEADS: ReadonlySet<string> = new Set(['ミッション']);

/** Names starting with these are international bodies whatever their head (`国際原子力機関`, `欧州連合`). */
export const INTERNATIONAL_PREFIXES: readonly string[] = ['国際', '国連', '世界', '欧州', 'ヨーロッパ', 'アジア', 'アフリカ', '太平洋', '東南アジア', '北大西洋', '米州', '南米', '中南米', 'アラブ', 'イスラム協力', '拡大ASEAN', 'ASEAN', '上海協力', '独立国家共同体', '経済協力開発', '石油輸出国'];

/** Determiners: a head preceded only by these is an anaphor, never a name (`同社`, `各省`, `両国政府`, `当行`). */
export const DETERMINERS: ReadonlySet<string> = new Set('同 当 本 各 両 他 自 諸 某 全 新 旧 元 前 現 子 親 我が 貴 弊 御 その この'.split(' '));

/**
 * Class modifiers: a head preceded only by these (and determiners) names a class, not an organisation:
 * `大手銀行`, `地方議会`, `首脳会議`, `私立大学`, `民間企業`.
 */
export const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(
  ('企業 共同 持株 持ち株 調査 金融 規制 ' +
    '大手 中堅 中小 零細 地元 地方 国内 海外 外国 民間 主要 既存 一部 現地 一般 関係 関連 傘下 相手 加盟 参加 担当 所管 管轄 ' +
    '私立 国立 公立 県立 市立 州立 女子 男子 総合 有名 名門 強豪 新興 大 小 各国 両国 諸国 多国籍 ' +
    '首脳 閣僚 外相 国防相 臨時 特別 定例 通常 常任 暫定 連立 投資 商業 都市 信託 事業 運営 地域 下部 上部 ' +
    '警察 消防 反乱 敵 友 官 親米 反米 親中 反政府 左派 右派 保守 革新 少数 多数 主流 野党 与党 ' +
    '株主 役員 取締役 記者 学生 教職員 従業員 社員 職員 住民 市民 国民 有識者 専門家 研究者 第三者 ' +
    // class nouns: 所属事務所, 芸能事務所, 宗教法人, 介護保険, 公共交通機関, 報道機関, テレビ局, スポーツクラブ, 特殊部隊, 実行委員会
    '所属 芸能 選挙 法律 宗教 福祉 社会福祉 医療 学校 介護 公的 公共 交通 報道 教育 行政 捜査 国家 専門 研究 ' +
    'テレビ ラジオ スポーツ テニス ゴルフ サッカー 野球 プロジェクト 特殊 選考 実行 審議 諮問 検討 準備 組織 広告 制作 製作 販売 仲介 ' +
    '専用 専属 系列 提携 取引 競合 同業 同名 後継 前身 母体 親 子 孫')
    .split(/\s+/)
    .filter(Boolean),
);

/** Whole noun compounds that end in a head word but are ordinary words (`会社`, `子会社`, `政党`). */
export const GENERIC_ORG_WORDS: ReadonlySet<string> = new Set(
  ('会社 子会社 親会社 本社 支社 各社 同社 当社 自社 他社 弊社 御社 貴社 両社 新会社 持株会社 持ち株会社 関連会社 株式会社 有限会社 ' +
    '政府 同政府 両政府 各国政府 中央政府 地方政府 連邦政府 自治政府 暫定政府 新政府 現政府 現政権 新政権 政権 ' +
    '与党 野党 政党 新党 同党 両党 各党 全党 連立与党 本省 各省 同省 両省 省庁 各省庁 官庁 当局 同庁 ' +
    '大学 同大学 大学院 高校 学校 銀行 同行 中央銀行 大手銀行 地方銀行 民間銀行 投資銀行 ' +
    '委員会 理事会 会議 本会議 首脳会議 国際会議 閣僚会議 協議会 大会 総会 株主総会 学会 研究会 部会 分科会 ' +
    '軍 陸軍 海軍 空軍 米軍 国軍 自衛隊 部隊 艦隊 同軍 両軍 全軍 敵軍 友軍 官軍 反乱軍 多国籍軍 ' +
    '議会 上院 下院 同院 議院 両院 衆院 参院 地方議会 州議会 県議会 市議会 ' +
    '警察 地元警察 同署 警察署 本部 司令部 事務局 事務所 センター 研究所 同研究所 ' +
    '新聞 新聞社 通信社 放送局 テレビ局 出版社 同紙 各紙 ' +
    'グループ 同グループ チーム 同チーム 部 会 団 隊 社 局 署 院 室 課 所 組 館')
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words IPADIC tags 名詞,固有名詞,組織 that in running text are mostly common words (毎日 "every day", ブログ,
 * スペック); as a whole name they are not organisations (毎日新聞 is still one).
 */
export const IPADIC_COMMON_WORDS: ReadonlySet<string> = new Set(
  '毎日 自社 ブログ コスプレ コチラ テザリング スペック データ通信 データ通信サービス オフィシャルサイト 公式サイト'.split(' '),
);

/** Company forms written before or after the name: `株式会社○○`, `○○株式会社`, `(株)○○`, `○○(株)`. */
export const COMPANY_FORMS: readonly string[] = ['株式会社', '有限会社', '合同会社', '合資会社', '合名会社'];
/** Bracketed company abbreviations after NFKC (`㈱` → `(株)`). */
export const BRACKET_COMPANY_FORMS: readonly string[] = ['(株)', '(有)', '(合)', '(同)'];

/** Latin company suffixes: `Brightline Robotics, Inc.`, `Acme Co., Ltd.`. */
export const LATIN_COMPANY_SUFFIXES: readonly string[] = ['Inc.', 'Inc', 'Corp.', 'Corporation', 'Co., Ltd.', 'Co.,Ltd.', 'Co. Ltd.', 'Ltd.', 'Limited', 'LLC', 'L.L.C.', 'LLP', 'GmbH', 'AG', 'S.A.', 'SA', 'N.V.', 'B.V.', 'PLC', 'plc', 'Pte. Ltd.', 'Pty Ltd', 'K.K.', 'Co.', 'Group', 'Holdings', 'Bank', 'University'];

/** All-capital words that are not organisations (units, technologies, titles, formats). */
export const NON_ORG_ACRONYMS: ReadonlySet<string> = new Set(
  ('GDP GNP GNI CPI PMI CEO CFO COO CTO CIO AI IT ICT IOT IoT TV DVD CD BD PC OS SNS URL URI PDF USB LED LCD GPS DNA RNA PCR ' +
    'CM PR QA FAQ HP WEB WWW HTML HTTP HTTPS API SDK ID PIN SIM ATM ETF ESG SDGS SDGs M&A IPO TOB TPP FTA EPA RCEP ' +
    'PKO ODA OK NG VS VR AR MR BGM MV PV DJ MC OB OG MVP CG 3D 2D UFO SF RPG FPS GB MB KB TB KM CC MM KG AM PM ' +
    'JPY USD EUR CNY GBP KRW UTC JST GMT EV HV PHV LNG LPG CO2 NOX PM2 PET HIV AIDS SARS COVID ICU ER MRI CT ' +
    'II III IV VI VII VIII IX XI XII XIII ' +
    // technical terms, formats, positions and English words written in capitals
    'CPU GPU RAM ROM SSD HDD LAN WAN VGA RSS XML CSS SQL DB OL MT AT FF FR SUV DX EX SP HD ED OP UP VTR GK DF MF FW PK ' +
    'FA DH GO NO YES NEW TOP END ALL BEST LIVE SHOW GOOD BAD SEX LOVE OFF ON MAX MIN VOL NOTE TIME BLACK WHITE RED ' +
    'BS CS EP LP NPO NGO ' +
    // mobile, display and interface standards (LTE, GSM, HDMI …) and more capitalised English words
    'LTE GSM CDMA WCDMA HSPA WIMAX VOLTE 3G 4G 5G ICS UI UX SMS MMS MNP NFC PHS DLNA MHL HDMI CMOS CCD OLED LSI IC ' +
    'WXGA WVGA XGA SVGA QHD FHD UHD NAS EDR AF TM DM EL TL AV QR ETC ' +
    'JAPAN TOKYO NY BOX BAR ROCK HOME LIFE HEY JOY HOT COOL FREE STYLE ' +
    // keys, identifiers, formats and bills that news writes in capitals
    'MENU BACK SSID ESSID MOOK SOPA ' +
    // slang, genres and shows' short titles (`DQNネーム`, `BL漫画`, `SATCの4人`)
    'DQN BL SATC KY ' +
    // occupations, and English pronouns written in capitals (a stage name: `タレントのYOU`)
    'SE PG YOU ME WE MY OUR')
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * What follows a name that only an organisation can have: `Xに移籍`, `Xを設立`, `Xの社長`, `X社長`.
 * A noun run with a katakana, Latin or unknown word before one of these is an organisation even without a head word.
 */
export const ORG_CONTEXT_AFTER = /^(?:(?:に|へ)(?:移籍|入団|入社|加入|加盟|所属|復帰|入行|入局|就職|転籍|吸収合併|買収され|出資)|から(?:移籍|独立|分社|発売|出資)|を(?:退社|退団|脱退|設立|創業|創立|買収|結成|解雇|吸収合併|退職|経営)|が(?:設立|創業|創立|買収|結成|解散|発売|販売|製造|運営|開発|出資|制作|主催|運行|経営|上場|吸収合併)|と(?:契約|合併|提携|業務提携|資本提携|経営統合|共同運行)|の(?:傘下|子会社|親会社|本社|社長|会長|副社長|代表取締役|取締役|頭取|社員|従業員|創業者|株式|株主|メンバー|所属|元メンバー|監督|ヘッドコーチ|ホームページ|公式サイト|ボーカル|ギタリスト|ドラマー|ベーシスト|下部組織|トップチーム|ユース)|(?:社長|会長|代表取締役|取締役|頭取|社員|所属|入り))/;

/**
 * Words that, written right after an organisation's name, make the whole an event or a title named after
 * it (`FIFAワールドカップ`, `UEFAチャンピオンズリーグ`, `NHK杯`, `NBAファイナル`): the name alone is then not
 * an organisation mention. Checked after lexicon matches, which do not see the noun run around them.
 */
export const EVENT_AFTER_ORG = /^(?:ワールドカップ|W杯|杯|カップ|スーパーカップ|チャンピオンズリーグ|ヨーロッパリーグ|ネーションズリーグ|選手権|大会|賞|ファイナル|オールスター|ドラフト|紅白|グランプリ|GP)/;

/** Club forms written before the name: `FC東京`, `SC相模原`. */
export const CLUB_PREFIXES: ReadonlySet<string> = new Set(['FC', 'SC', 'AC', 'CF', 'SV', 'VfB', 'VfL']);

/** Class nouns before a quoted name that make it an organisation: `ユニット「○○」`, `レーベル「○○」`, `政党「○○」`. */
export const ORG_CLASS_BEFORE_QUOTE = /(?:ユニット|グループ|バンド|アイドルグループ|レーベル|チーム|クラブ|劇団|楽団|会社|企業|法人|団体|政党|新党|事務所|芸能事務所|組織|結社|サークル)[「『]$/;

/**
 * Words ending a noun compound that make it an event or a facility, not an organisation, even when an
 * organisation word is inside (`大成建設爆破事件`, `東京電力福島第1原発`, `○○市立△△小学校`, `NHK杯`):
 * such a compound yields no organisation.
 */
export const NON_ORG_TAILS: ReadonlySet<string> = new Set(
  ('事件 事故 空襲 爆撃 選挙 総選挙 選手権 大会 杯 賞 震災 大震災 博覧会 万博 共進会 見本市 祭 まつり 祭り フェスティバル 運動 闘争 紛争 戦争 ' +
    '原発 発電所 変電所 刑務所 拘置所 収容所 駅 空港 神社 寺 寺院 城 公園 球場 競技場 スタジアム 植物園 動物園 校舎 キャンパス ' +
    // Parts of a place (プノンペン首都圏, ダバオ市南端部) and structures (…橋).
    '首都圏 都市圏 北部 南部 東部 西部 南西部 北西部 南東部 北東部 中心部 南端部 北端部 東端部 西端部 沿岸部 山間部 都市部 農村部 郊外 橋')
    .split(/\s+/)
    .filter(Boolean),
);

/** Words after a surname that IPADIC tags as an organisation (吉田, 平塚) which make it a person: `吉田被告`, `平塚さん`. */
export const PERSON_AFTER: ReadonlySet<string> = new Set(
  'さん 氏 君 くん ちゃん 様 殿 選手 容疑者 被告 被告人 投手 捕手 内野手 外野手 監督 夫人 一家 兄弟 姉妹 弁護士 先生 教諭 ら'.split(' '),
);

/** Nouns after an acronym that show it names an organisation (`GM株`, `BBC制作`, `NHK主催`) rather than modifying a thing. */
export const ACRONYM_ORG_AFTER: ReadonlySet<string> = new Set('株 株価 製 制作 主催 提供 出資 買収 傘下 系列'.split(' '));

/**
 * Schools and hospitals are buildings as often as institutions: a name ending in one of these is an
 * organisation only where the text reads it as one (`○○高校に進学`, `○○高校を卒業`, `○○病院の院長`, `○○高校が優勝`).
 */
export const INSTITUTION_TAILS: ReadonlySet<string> = new Set('学校 小学校 中学校 高校 高等学校 中等教育学校 専門学校 幼稚園 保育園 病院 医院'.split(' '));
export const INSTITUTION_READING_AFTER =
  /^(?:(?:に|へ)(?:進学|入学|転校|編入|入院|勤め|勤務|就職|赴任|在籍|在学|通|合格|進ん|入っ)|を(?:卒業|経て|中退|退学|受験|設立|開校|創立)|(?:から|より|と)|で(?:は|も|の)|が(?:優勝|準優勝|出場|勝|敗|初|制|開校|設立|創立|発表)|の(?:生徒|学生|児童|校長|教頭|教諭|教員|教師|卒業生|出身|選手|野球部|サッカー部|監督|院長|医師|看護師|理事長|OB|OG|同級生|先輩|後輩|教授)|(?:卒業|出身|在学|中退|在籍|進学|入学|時代|卒))/;
