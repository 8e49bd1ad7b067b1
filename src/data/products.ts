/**
 * Products, platforms and services that news writes about as often as the companies behind them: a span that is
 * one of these names no organisation (`iPhoneへの装着`, `Androidのアプリ`, `FOMAを利用する`), on both paths, after
 * tagging (src/stages/orgs/references.ts). The company keeps its own name (`アップル`, `グーグル`, `NTTドコモ`), and a
 * name in the lexicon (the built-in one or the user's) always wins over this list.
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
    'アイフォーン アイフォン アイパッド アンドロイド ウブントゥ キンドル ウォークマン プレイステーション プレステ ' +
    'おサイフケータイ サイフケータイ'
  )
    .split(/\s+/)
    .filter(Boolean),
);
