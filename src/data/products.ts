/**
 * Products, platforms, services and standards that news writes about as often as the companies behind them: a span
 * that is one of these, or one of these and common nouns (`USBメモリー`, `microSDカード`, `モバイルWiMAX`), names no
 * organisation (`iPhoneへの装着`, `Androidのアプリ`, `FOMAを利用する`), on both paths, after tagging
 * (src/stages/orgs/references.ts). A product's model number (`SC-06D`, `ISW11SC`) names none either. The company keeps
 * its own name (`アップル`, `グーグル`, `NTTドコモ`), and a name in the lexicon (the built-in one or the user's) always wins
 * over this list.
 */
export const PRODUCT_NAMES: ReadonlySet<string> = new Set(
  (
    // phones, computers and their systems
    'iPhone iPad iPod iMac MacBook Mac Macintosh Android Windows Linux Ubuntu Chrome Firefox Safari ' +
    'Xperia GALAXY Galaxy AQUOS REGZA BRAVIA VAIO Ultrabook Kindle Walkman ' +
    // games
    'PlayStation PSP Xbox Wii ' +
    // services and standards
    'iTunes iCloud Gmail FOMA mova Felica FeliCa Suica PASMO Bluetooth microSD microSDHC microSDXC microUSB miniUSB ' +
    'Wi-Fi WiFi WiMAX Blu-ray ブルーレイ DVD CD Thunderbolt USB HDMI GPS ' +
    'アイフォーン アイフォン アイパッド アンドロイド ウブントゥ キンドル ウォークマン プレイステーション プレステ ' +
    'おサイフケータイ サイフケータイ'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** A product's model number: capitals, two or three digits and capitals after them (`SC-06D`, `ISW11SC`, `F-10D`); not a group's name (`AKB48`). */
export const MODEL_NUMBER = /^[A-Z]{1,4}-?\d{2,3}[A-Z]{1,3}$/;

/**
 * Standards and media a head word of technique follows (`Wi-Fi通信`, `FMラジオ`, `TV局`, `LTE通信`): with PRODUCT_NAMES and
 * org-heads' PRODUCT_WORDS_BEFORE_HEAD, what makes `…テレビ`, `…ラジオ`, `…通信`, `…局` a thing, not a broadcaster.
 */
export const TECHNIQUE_WORDS: ReadonlySet<string> = new Set('TV FM AM Web WEB SMS MMS LTE 3G 4G 5G IP BS CS 有機EL ハイビジョン ケーブル モバイル データ ワンセグ'.split(' '));
