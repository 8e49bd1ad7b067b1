/**
 * Common nouns written in katakana that IPADIC (2007) does not know: loanwords and coinages of the years since,
 * which the tokenizer then reads as unknown words and guesses a proper noun for (`スイーツ`, `コラーゲン`, `イケメン`).
 * A token that is one of these is a common word, like the katakana nouns the dictionary knows (token-features'
 * COMMON_KATAKANA), and a span that is one of them names no organisation (src/stages/orgs/references.ts).
 * Only whole words count: a name made with one (`…アプリ開発`, `スイーツ…株式会社`) is not affected.
 * Lifestyle, health, technology and business words of everyday news; no brand or company name belongs here.
 */
export const COMMON_LOANWORDS: ReadonlySet<string> = new Set(
  (
    // food and drink
    'スイーツ デザート パンケーキ マカロン チーズケーキ ロールケーキ シフォンケーキ スムージー ドレッシング レシピ グルメ ' +
    'ランチ ディナー ブランチ カフェ カフェラテ ラテ エスプレッソ ハーブティー フレーバー トッピング チョコレート チョコ クリーミー ' +
    // beauty, health and fashion
    'コスメ スキンケア ヘアケア ボディケア アンチエイジング デトックス ファンデーション マスカラ アイメイク プチプラ ' +
    'コラーゲン ヒアルロン酸 ポリフェノール カテキン プロテイン サプリ サプリメント メタボ ダイエット ピラティス ' +
    'コーデ コーディネート アイテム アクセサリー トレンド ファッション ワンピース レギンス ' +
    // people and social life
    'イケメン イクメン アラサー アラフォー アラフィフ オタク ヲタク セレブ モテ キャラ ビジネスパーソン ワーママ ' +
    'セクハラ パワハラ モラハラ セクシャルハラスメント セクシャル・ハラスメント パワーハラスメント パワー・ハラスメント ' +
    'デート カップル レディコミ コミック バラエティ ドラマ アニメ グッズ ノベルティ プレゼント コラボ サプライズ トリビア ライフハック ' +
    // technology
    'スマホ スマートフォン タブレット アプリ ガラケー ケータイ ワンセグ ツイート リツイート フォロワー ブログ ブロガー ' +
    'ガジェット デバイス ディスプレイ タッチパネル バッテリー テザリング ストレージ クラウド プラグイン ブラウザ ブラウザー ' +
    'ダウンロード アップデート アップロード ログイン パスワード ユーザー イヤホン ヘッドホン チップセット スペック ' +
    'ソーシャルメディア ソーシャルゲーム ガチャ ミラーレス デジカメ ガイガーカウンター オールインワン Eメール ' +
    'サムネイル サムネ マザボ グラボ サンバイザー カーナビ ドラレコ ' +
    // tidying and health words (`クラター（ガラクタ）コンサルタント`)
    'クラター ペプチド ' +
    // business
    'マーケティング ブランディング プロモーション ソリューション イノベーション ガバナンス コンプライアンス マネジメント ' +
    'ノウハウ スキル キャリア リストラ インフラ ライフライン リサイクル レアメタル レアアース キャッシュバック クーポン'
  )
    .split(/\s+/)
    .filter(Boolean),
);
