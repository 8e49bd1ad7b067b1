/**
 * HTML → article text, title and publication date. Boilerplate (navigation, ads, share bars,
 * related links, scripts…) is dropped while parsing; the text comes from the longest `<article>`,
 * else `<main>`, else `<body>`.
 */
import { PUBLISHED_META_KEYS } from '../data/published-at.js';
import { parseDateValue } from './date-value.js';
import { inlineText, renderText } from './html-render.js';
import { findAll, parseHtml, type ElementNode, type PageMetadata } from './html-tree.js';
import { findPublishedAt } from './published-at.js';

export interface HtmlArticle {
  readonly text: string;
  readonly title?: string;
  /** `YYYY-MM-DD`, or ISO date-time when the page gives a time. */
  readonly publishedAt?: string;
}

export function htmlToArticle(html: string): HtmlArticle {
  let page = parseHtml(html, { useMarkers: true });
  let content = chooseContent(page.root);
  // class/id markers are heuristics; if they took everything, do without them rather than return nothing.
  if (content.text === '') {
    page = parseHtml(html, { useMarkers: false });
    content = chooseContent(page.root);
  }
  const title = headline(content.node) ?? documentTitle(page.metadata);
  const publishedAt = publicationDate(page.metadata, content.node) ?? findPublishedAt(content.text);
  return {
    text: content.text,
    ...(title !== undefined ? { title } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
  };
}

interface Content {
  readonly node: ElementNode;
  readonly text: string;
}

function chooseContent(root: ElementNode): Content {
  let best: Content | undefined;
  for (const article of findAll(root, 'article')) {
    const text = renderText(article);
    if (!best || text.length > best.text.length) best = { node: article, text };
  }
  if (best && best.text !== '') return best;
  const main = findAll(root, 'main')[0];
  const mainText = main ? renderText(main) : '';
  if (main && mainText !== '') return { node: main, text: mainText };
  const body = findAll(root, 'body')[0] ?? root;
  return { node: body, text: renderText(body) };
}

function headline(content: ElementNode): string | undefined {
  for (const h1 of findAll(content, 'h1')) {
    const text = inlineText(h1);
    if (text !== '') return text;
  }
  return undefined;
}

function documentTitle(metadata: PageMetadata): string | undefined {
  const title = metadata.title?.replace(/\s+/g, ' ').trim();
  return title ? title : undefined;
}

/** Explicit page metadata first; then a `<time>` marked as the publication date; then the first `<time>` in the article. */
function publicationDate(metadata: PageMetadata, content: ElementNode): string | undefined {
  for (const key of PUBLISHED_META_KEYS) {
    const value = metadata.meta.get(key);
    const date = value !== undefined ? parseDateValue(value) : undefined;
    if (date) return date;
  }
  for (const value of metadata.jsonLdDates) {
    const date = parseDateValue(value);
    if (date) return date;
  }
  const times = findAll(content, 'time');
  const marked = times.filter((t) => t.attrs.pubdate !== undefined || t.attrs.itemprop?.toLowerCase() === 'datepublished');
  for (const time of [...marked, ...times]) {
    const date = parseDateValue(time.attrs.datetime ?? inlineText(time));
    if (date) return date;
  }
  return undefined;
}
