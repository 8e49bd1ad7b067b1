/**
 * What html.ts treats as page furniture rather than article text, and how it lays out blocks.
 * Data only; the matcher is in src/text/html-boilerplate.ts.
 */

/** Elements dropped with everything inside them. `rt`/`rp` are furigana: 漢字<rt>かんじ</rt> reads as 漢字. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'iframe', 'svg',
  'math', 'button', 'select', 'textarea', 'dialog', 'canvas', 'object', 'embed', 'video', 'audio', 'map',
  'rt', 'rp',
]);

/**
 * Dropped only outside `<article>`/`<main>`: a page `<header>` is the site banner, while an
 * article's `<header>` holds its headline and dateline, which belong to the text.
 */
export const PAGE_LEVEL_SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['header']);

/** Words in class/id (split at -, _, spaces and camelCase) that mark boilerplate. */
export const BOILERPLATE_TOKENS: ReadonlySet<string> = new Set([
  'nav', 'navi', 'navbar', 'navigation', 'gnav', 'gnavi', 'globalnav', 'menu', 'submenu', 'megamenu',
  'breadcrumb', 'breadcrumbs', 'pankuzu', 'topicpath', 'crumbs',
  'footer', 'sidebar', 'sidemenu', 'sidenav',
  'share', 'sharing', 'sns', 'social', 'related', 'recommend', 'recommended', 'ranking', 'popular',
  'comment', 'comments', 'ad', 'ads', 'advert', 'advertisement', 'adsense', 'banner', 'sponsor',
  'sponsored', 'promo', 'cookie', 'popup', 'modal', 'newsletter', 'subscribe', 'pagination', 'pager',
  'toolbar', 'skiplink',
]);

/** Class names that describe a container's state, not what it is (`has-sidebar`, `no-ads`). */
export const STATE_CLASS_PREFIXES: readonly string[] = ['has-', 'with-', 'no-', 'is-', 'js-'];

/** ARIA roles of page furniture. */
export const BOILERPLATE_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog',
]);

/** Containers never dropped by class/id/role markers: losing them loses the whole article. */
export const NEVER_MARKED_BOILERPLATE: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article']);

/** Blocks that end a paragraph (a blank line in the text). */
export const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'figure',
  'hr', 'section', 'article', 'main', 'header', 'address',
]);

/** Blocks that end a line. */
export const LINE_ELEMENTS: ReadonlySet<string> = new Set([
  'div', 'li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'details', 'summary', 'fieldset', 'legend',
  'body', 'html', 'center', 'tbody', 'thead', 'tfoot', 'br',
]);

/** Table cells: separated by a space so 項目 and 値 do not run together. */
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th']);
