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
 * A byline's marks (`文／…`, `イラスト：…`, `by：…`): the name after one and its separator (BYLINE_SEPARATORS) is a person's or a
 * pen name. Not `著` or `編集`, which a citation puts before its publisher (`…・著／文春文庫`).
 */
export const BYLINE_MARKS: ReadonlySet<string> = new Set(['文', '絵', '写真', 'イラスト', '撮影', '取材', '構成', 'by']);
export const BYLINE_SEPARATORS: ReadonlySet<string> = new Set(['／', '/', '：', ':']);

/**
 * What joins the names of a list (`ローラとトリンドル玲奈`, `浅田真央や安藤`, `…、…`): a name listed with a person's is a
 * person's. Not `・`, which joins a team and its player (`中日・山本昌`).
 */
export const NAME_COORDINATORS: ReadonlySet<string> = new Set(['と', 'や', '、', ',']);

/**
 * What people are by trade or by role, written right before a name (`タレントのローラ`, `女優・山田花子`, `主演のDAIGO`,
 * `監督のスピルバーグ`): that name is a person's, whatever IPADIC guesses for it. (A team's name comes before such a word,
 * not after it: `巨人の選手`.)
 */
export const PERSON_OCCUPATIONS: ReadonlySet<string> = new Set(
  ('タレント 女優 俳優 歌手 モデル 芸人 お笑い芸人 アナウンサー 声優 作家 漫画家 小説家 脚本家 演出家 写真家 画家 評論家 コメンテーター ' +
    '主演 キャスト 監督 選手 ボーカル')
    .split(' '),
);

/**
 * A person's name written before an organisation's with no particle between (`ドナルド・トゥスク欧州理事会議長`,
 * `先方マニーシャ・シンハ・インド財務省…`): katakana words joined by `・` or `=`, after `先方` or `我が方` at most.
 */
export const PERSON_NAME_BEFORE = /^(?:先方|我が方)?[ァ-ヶー]+(?:[・=][ァ-ヶー]+)+・?$/;
/** One katakana word: the family name when the given name and its dot come before the span (`ジョン・|スミス`). */
export const KATAKANA_WORD = /^[ァ-ヶー]{2,}$/;
/** Words before a person's name that are no part of it nor of the organisation after it. */
export const SIDE_WORDS: readonly string[] = ['先方', '我が方'];

/** The last word of a project's name (`…バイパス建設計画`, `…施設改修事業`): the common words before it are the project's, not a body's. */
export const PROJECT_TAILS: ReadonlySet<string> = new Set(['計画', '事業', 'プロジェクト', '構想']);

/** A district's letters written after a city's name, which make the whole a place (`ワシントンDC`, `ワシントンD.C.`). */
export const DISTRICT_AFTER_PLACE: ReadonlySet<string> = new Set(['DC', 'D.C.', 'D.C']);

/**
 * Government titles: the words right before one name the office, not an organisation (`経済産業|大臣`,
 * `デジタル・交通|大臣`), unless they end in a public body's head word or are a known name (`防衛省|長官`).
 */
export const OFFICE_TITLES: ReadonlySet<string> = new Set(['大臣', '副大臣', '国務大臣', '長官', '副長官', '政務官', '次官', '事務次官']);

/**
 * Titles of a body's officials, beside PERSON_TITLES and OFFICE_TITLES, that end a run of the body, the official's name and
 * the title (`日本銀行|黒田|総裁`, `世界保健機関|テドロス|事務局長`): the name before one is a person's, not the body's.
 */
export const BODY_OFFICIAL_TITLES: ReadonlySet<string> = new Set('社長 副社長 会長 副会長 総裁 副総裁 頭取 事務総長 事務局長 局長 部長 理事長 司令官 CEO'.split(' '));

/**
 * "Both": right before a head (or before `国` and a head) it makes the words a reference to two bodies at once
 * (`日豪両政府`, `日米両国政府`, `セ・パ両リーグ`), not one organisation's name. Not `各`/`諸`: `東南アジア諸国連合` is one
 * body, and `ASEAN各国軍` is written as a name as often (the fixtures' gold keeps it).
 */
export const PLURAL_DETERMINERS: ReadonlySet<string> = new Set(['両']);

/**
 * Words of reference: before a head, with only org-heads' GENERIC_MODIFIERS and DETERMINERS beside them, they leave
 * it a class or an anaphor (`合同委員会` "the joint committee", `当該機関`) or a way of working (`電子政府`), as `国` after a generic word does
 * (`相手国政府`, `加盟国政府`); a name around them keeps them (`日米合同委員会`). Generic words alone may name a ministry
 * (`教育省`, `金融庁`). Apart from GENERIC_MODIFIERS, which the tagger's features read: these are read after tagging only.
 */
export const REFERENCE_MODIFIERS: ReadonlySet<string> = new Set(['合同', '当該', '上記', '前記', '所轄', '受入れ', '受け入れ', '派遣', '実施', '執行', '調整', '電子']);

/**
 * Heads that name a kind of body when only common nouns come before them (`調達代理機関`, `金融機関`, `情報機関`):
 * such a name needs a proper word, a place or an international prefix (`国際原子力機関`, `欧州医薬品機関`).
 */
export const CLASS_HEADS: ReadonlySet<string> = new Set(['機関']);

/**
 * The plain contexts of business news that hold a company's name (read by plain-contexts.ts after the rules and the
 * tagger, for names neither found). What follows the name:
 * - the news opener, `Xは5日、`, `Xは12月5日夜、`, `Xは同日、`;
 * - a deal, `Xから介護事業を取得`, `Xに株式を売却`.
 */
export const NEWS_OPENER_AFTER = /^は(?:(?:[0-9]{1,2}月)?[0-9]{1,2}日|同日|前日)(?:午前|午後|朝|昼|夕方|夜|未明|深夜|までに)?[、,]/;
/**
 * The rest of an opener's sentence when its subject announces something (`…と発表した`, `…を公表した`, `…を明らかにした`):
 * then a compound of common kanji words is a name too (`東洋炭素は5日、…と発表した`); a market's subject does not
 * announce (`円相場は5日、下落した`).
 */
export const ANNOUNCED_IN_SENTENCE = /(?:を|と)(?:発表|公表)した|を明らかにした|と明らかにした/;
export const DEAL_CONTEXT_AFTER = /^(?:から[^、。「」()]{0,14}?(?:事業|株式|株|部門|店舗|施設|営業権)(?:の一部)?を(?:取得|買収|譲り受け|譲受|承継|継承|買い取)|に[^、。「」()]{0,14}?(?:事業|株式|株|部門|店舗|施設|営業権)(?:の一部)?を(?:売却|譲渡|譲り渡))/;
/** Words before the place in a head office's brackets: `(本社・大阪市)`, `(本社:東京都港区)`. */
export const HEAD_OFFICE_WORDS: ReadonlySet<string> = new Set(['本社', '本店', '本部']);
/**
 * The suffixes a head office's place ends with: a city, a ward, a town or a foreign state (`(徳島市)`, `(東京都港区)`,
 * `(米カリフォルニア州)`); a prefecture alone says where a hotel or an event is (`(山梨県)`) as often.
 */
export const HEAD_OFFICE_SUFFIXES: ReadonlySet<string> = new Set(['市', '区', '町', '村', '郡', '州']);
/** After the brackets, what makes the place a venue's (`…(東京都港区)で開かれた`, `…(徳島市)にて`), not a head office's. */
export const VENUE_AFTER = /^(?:で|にて|に(?:ある|あり|て)|内|前)/;
/**
 * Words that end a company's description right before its name (`電気自動車大手|BYD`, `米化学大手|ダウ・ケミカル`,
 * `受託製造最大手|…`): the words before say what the company does, the name follows.
 */
export const SECTOR_LEADER_WORDS: ReadonlySet<string> = new Set(['大手', '最大手']);
/**
 * Last suffixes of a subject that is a person, not a company (`ナデラ最高経営責任者は5日、`, `鈴木氏は5日、`), beside
 * the titles of titles.ts.
 */
export const PERSON_SUFFIXES: ReadonlySet<string> = new Set(['者', '員', '家', '手', '人', '官', '相', '氏', 'さん', '君', '様']);

/**
 * Legal and club forms written in capitals right after a name in katakana (`…システムズAB`, `…パートナーズBV`, `クルゼイロEC`):
 * there the capitals end the organisation's name, unlike other capitals glued to a katakana word (`ビデオSALON`).
 */
export const FORMS_AFTER_NAME: ReadonlySet<string> = new Set(['AB', 'AG', 'AS', 'ASA', 'BV', 'NV', 'SA', 'SE', 'SPA', 'EC', 'FC', 'SC', 'AC', 'CF', 'CR', 'KK', 'LLC', 'LLP', 'LTD', 'PLC', 'INC', 'CORP', 'GMBH']);
/** Class words right before capitals that make the capitals a name (`アイドルグループKARA`, `専門チャンネルAXN`, `トップブランドDHC`). */
export const CLASS_WORDS_BEFORE_NAME: readonly string[] = ['グループ', 'ユニット', 'バンド', 'チーム', 'クラブ', 'レーベル', 'メーカー', 'ブランド', 'チャンネル', 'サイト', 'イベント', 'エージェンシー'];

/**
 * Words after an organisation's name that are not part of it: its web pages and accounts (`外務省|ホームページに掲載`).
 * Katakana and Latin words after an IPADIC organisation word are otherwise read as the rest of its name (`読売|ジャイアンツ`).
 */
export const NOT_NAME_TAILS: ReadonlySet<string> = new Set(['ホームページ', 'ウェブサイト', 'ウェブページ', 'Webサイト', 'WEBサイト', 'サイト', 'ページ', 'HP', 'ブログ', 'アカウント', 'ツイッター', 'X']);
/**
 * Words a tagged name never ends with, dropped from the end of the tagger's spans (the rules' runs do not read them):
 * Latin words of a byline, a series or a match (`…コーポレーション by`, `まとめ vol`, `…ホルダー for`) and a joining `&` (not `+`, which ends band names: `nobodyknows+`).
 */
export const TRAILING_NON_NAME_WORDS: ReadonlySet<string> = new Set(['by', 'for', 'with', 'feat', 'vol', 'Vol', 'VOL', 'vs', 'VS', '&']);

/** Marks that open a list item or a note, never a name: `- ISILによる…`, `・外務省`. */
export const LIST_MARKS: ReadonlySet<string> = new Set(['-', '・', '•', '*', '＊', '○', '●', '◎', '◆', '◇', '■', '□', '▼', '▲', '※', '>']);

/** Characters no word starts with (small kana, the long-vowel mark): a token that does is the end of a word the tokenizer split (`儀じ|ょう隊`). */
export const WORD_INTERNAL_START = /^[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー]/;

/**
 * Quotation marks and brackets around a term being talked about (`“カワイイ”`, `「コラーゲン」`, `【コチラ】`): a word the
 * tagger alone calls an organisation there is a word, a product or a title far more often than a company.
 */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([['「', '」'], ['『', '』'], ['“', '”'], ['"', '"'], ['‘', '’'], ['【', '】'], ['〈', '〉'], ['《', '》'], ['＜', '＞']]);
/** Words before or after a quoted name that say it is an organisation (`主催団体“…”`, `「…」という団体`, `“…”という謎の組織`). */
const ORG_CLASS_WORDS = '団体|組織|会社|企業|法人|グループ|チーム|クラブ|バンド|ユニット|レーベル|メーカー|ブランド|NPO|NGO|機関|協会|財団|社';
export const ORG_BEFORE_QUOTE = new RegExp(`(?:${ORG_CLASS_WORDS})(?:の)?$`);
export const ORG_AFTER_QUOTE = new RegExp(`^(?:(?:という|なる|との)[^、。「」]{0,6}?)?(?:${ORG_CLASS_WORDS})`);

/**
 * Common words written in katakana for tone (pronouns, demonstratives, evaluative adjectives: `詳しくはコチラ`,
 * `カワイイ`, `キモイ`), which IPADIC does not know in katakana and may tag as organisations.
 */
export const KATAKANA_COMMON_WORDS: ReadonlySet<string> = new Set([
  'コチラ', 'ソチラ', 'アチラ', 'ドチラ', 'ココ', 'ソコ', 'アソコ', 'ドコ', 'コレ', 'ソレ', 'アレ', 'ドレ', 'ワタシ', 'アタシ', 'アナタ', 'キミ', 'ボク', 'オレ',
  'カワイイ', 'キレイ', 'スゴイ', 'ヤバイ', 'キモイ', 'ウザイ', 'イタイ', 'エロイ', 'ダサイ', 'ダメ', 'イイ', 'ホント', 'マジ', 'ステキ', 'オススメ', 'イマイチ',
  'ココロ', 'カラダ', 'キモチ', 'ヒミツ', 'クチコミ', 'オトナ', 'カレ', 'カノジョ', 'シアワセ', 'ナイショ',
]);

/**
 * Departments every company or body has: alone, the one the article is about or its own (`編集部のおすすめ`), never a name
 * (`ITライフハック編集部` is one).
 */
export const DEPARTMENT_WORDS: ReadonlySet<string> = new Set(
  '編集部 編集局 編集室 営業部 広報部 広報室 総務部 人事部 経理部 事業部 技術部 開発部 制作部 宣伝部 企画部 秘書室 報道局 報道部'.split(' '),
);

/**
 * Words that, after a company's name, make a thing of the company's, not a longer name: its users, fans, brand, models,
 * plans, devices and apps (`ドコモ|ユーザー`, `阪神|ファン`, `ソニー|ブランド`, `au|スマートフォン`, `東電|リストラ`). Not food
 * or drink (`アップル|ジュース` is apple juice), nor `サービス`, which ends names of companies (`TBSサービス`).
 */
export const THINGS_AFTER_NAME: ReadonlySet<string> = new Set(
  'ユーザー ユーザ ファン ブロガー フォロワー ブランド モデル シリーズ ラインナップ プラン リストラ スマホ スマートフォン ケータイ タブレット アプリ グッズ'.split(' '),
);

/** Legal forms of bodies that are not companies: alone, a form (`財団法人`), not a name (`財団法人日本相撲協会` is one). */
export const LEGAL_PERSON_FORMS: ReadonlySet<string> = new Set(
  '財団法人 社団法人 一般財団法人 一般社団法人 公益財団法人 公益社団法人 独立行政法人 特殊法人 学校法人 宗教法人 医療法人 社会福祉法人 NPO法人 特定非営利活動法人'.split(' '),
);

/**
 * Gatherings and campaigns a company or a body holds: a compound ending in one after other words is the event, not its
 * host (`新商品・新サービス発表会`, `特別内覧会`, `…春のキャンペーン`).
 */
export const GATHERING_TAILS: ReadonlySet<string> = new Set(
  ('発表会 説明会 展示会 展覧会 内覧会 試写会 記者会見 会見 講演会 上映会 商談会 即売会 体験会 報告会 セミナー キャンペーン ツアー ' +
    // races, shows and festivals (`乗鞍ヒルクライム`, `東京ガールズコレクション`)
    'フェス マラソン ヒルクライム ライド レース コレクション カンファレンス エキスポ').split(' '),
);

/** Parties people hold, an event whether alone or after other words (`歓送迎会`, which IPADIC cuts `歓送|迎|会`; `女子会`). */
export const SOCIAL_GATHERINGS: ReadonlySet<string> = new Set('歓送迎会 歓迎会 送別会 忘年会 新年会 飲み会 女子会 合コン 打ち上げ'.split(' '));

/** Words for a group of people of some kind, which make a name only after a name (`…グループ`, `…部隊`; see isGroupOfAKind). */
export const GROUP_WORDS: ReadonlySet<string> = new Set(['グループ', 'チーム', 'クラブ', 'バンド', 'ユニット', '部隊', '軍団', '集団']);
