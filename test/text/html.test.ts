import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../src/text/html.js';

const NEWS_PAGE = `<!doctype html>
<html lang="ja"><head>
<meta charset="utf-8">
<title>東海電機、新型蓄電池を発表 | サンプル新聞</title>
<meta property="article:published_time" content="2021-11-23T10:00:00+09:00">
<script>window.dataLayer = ["スクリプトの文字列"];</script>
<style>.lead { font-weight: bold }</style>
</head>
<body class="has-sidebar">
<header class="site-header"><div class="logo">サンプル新聞</div>
  <nav><ul><li><a href="/">トップ</a></li><li><a href="/economy">経済</a></li></ul></nav></header>
<div class="breadcrumb">トップ &gt; 経済 &gt; 企業</div>
<main>
  <article>
    <header><h1>東海電機、新型蓄電池を発表</h1><time datetime="2021-11-22">11月22日</time></header>
    <p class="lead">東海電機は２３日、家庭用の新型蓄電池を
    発表した。</p>
    <p>価格は税込み３９万８０００円で、来年４月に発売する。<br>同社の&nbsp;担当者は「需要は大きい」と話した。</p>
    <div class="c-share-buttons"><a>Xでシェア</a><a>LINEで送る</a></div>
    <noscript>JavaScriptを有効にしてください</noscript>
    <footer>この記事のタグ：蓄電池</footer>
  </article>
  <aside class="relatedArticles"><article><h2>関連記事</h2><p>別の会社も新製品を出した。</p></article></aside>
</main>
<div id="comments">読者コメント：楽しみです</div>
<div class="ad-slot">広告：今なら半額</div>
<footer role="contentinfo">© サンプル新聞社</footer>
</body></html>`;

describe('htmlToArticle: boilerplate', () => {
  const article = htmlToArticle(NEWS_PAGE);

  it('keeps the article text, laid out in lines', () => {
    expect(article.text).toBe(
      [
        '東海電機、新型蓄電池を発表',
        '',
        '11月22日',
        '',
        '東海電機は２３日、家庭用の新型蓄電池を発表した。',
        '',
        '価格は税込み３９万８０００円で、来年４月に発売する。',
        '同社の 担当者は「需要は大きい」と話した。',
      ].join('\n'),
    );
  });

  it.each(['スクリプト', 'font-weight', 'トップ', '経済 >', 'Xでシェア', 'JavaScript', 'タグ', '関連記事', '別の会社', 'コメント', '広告', '©'])(
    'drops boilerplate: %s',
    (fragment) => {
      expect(article.text).not.toContain(fragment);
    },
  );

  it('takes the title from the article <h1> and the date from <meta article:published_time>', () => {
    expect(article.title).toBe('東海電機、新型蓄電池を発表');
    expect(article.publishedAt).toBe('2021-11-23T10:00:00+09:00');
  });

  it('is deterministic', () => {
    expect(htmlToArticle(NEWS_PAGE)).toEqual(article);
  });
});

describe('htmlToArticle: layout', () => {
  it.each([
    ['entities are decoded', '<p>A&amp;B社 &lt;速報&gt; &#x5186;&#20870;</p>', 'A&B社 <速報> 円円'],
    ['a source line break between Japanese characters disappears', '<p>日本政府は\n  発表した</p>', '日本政府は発表した'],
    ['a line break between Latin words is a space', '<p>Tokyo\nStock Exchange</p>', 'Tokyo Stock Exchange'],
    ['blank lines collapse to one', '<p>一</p><p></p><div></div><br><br><br><p>二</p>', '一\n\n二'],
    ['<br><br> leaves one blank line', '<p>一行目<br><br>二行目</p>', '一行目\n\n二行目'],
    ['list items are lines', '<ul><li>東京</li><li>大阪</li></ul>', '東京\n大阪'],
    ['table cells are spaced', '<table><tr><th>売上高</th><td>１兆円</td></tr></table>', '売上高 １兆円'],
    ['furigana (<rt>) is dropped', '<p><ruby>蓄電池<rp>(</rp><rt>ちくでんち</rt><rp>)</rp></ruby>を発表</p>', '蓄電池を発表'],
    ['hidden elements are dropped', '<p>本文</p><p hidden>隠し</p><p style="display: none">非表示</p>', '本文'],
    ['<pre> keeps its lines', '<pre>一行目\n二行目</pre>', '一行目\n二行目'],
    ['markers do not erase everything', '<body><div class="nav-page">唯一の本文</div></body>', '唯一の本文'],
  ])('%s', (_name, html, text) => {
    expect(htmlToArticle(html).text).toBe(text);
  });

  it('prefers the longest <article>, then <main>', () => {
    const html = `<body><p>サイトの説明</p><main><p>メイン</p>
      <article><p>短い</p></article><article><p>こちらが長い本文です。</p></article></main></body>`;
    expect(htmlToArticle(html).text).toBe('こちらが長い本文です。');
    expect(htmlToArticle('<body><p>外</p><main><p>メインの本文</p></main></body>').text).toBe('メインの本文');
  });
});

describe('htmlToArticle: title and publishedAt', () => {
  it.each([
    ['<time datetime> in the article', '<article><h1>見出し</h1><time datetime="2021-11-23">２３日</time><p>本文</p></article>', '2021-11-23'],
    ['<time pubdate> wins over an earlier <time>', '<article><p>会見は<time datetime="2021-12-01">12月1日</time></p><time pubdate datetime="2021-11-23T09:30+09:00">x</time></article>', '2021-11-23T09:30:00+09:00'],
    ['<meta name="date">', '<head><meta name="date" content="2021/11/23"></head><p>本文</p>', '2021-11-23'],
    ['<meta name="pubdate">', '<head><meta name="pubdate" content="20211123"></head><p>本文</p>', '2021-11-23'],
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-11-23T08:00:00Z"}</script><p>本文</p>', '2021-11-23T08:00:00+00:00'],
    ['a 配信 line in the text', '<article><p>2021年11月23日 10時05分 配信</p><p>本文</p></article>', '2021-11-23T10:05:00'],
    ['a <time> in the related sidebar does not count', '<main><article><p>本文</p></article><aside><time datetime="2020-01-01">古い</time></aside></main>', undefined],
  ])('%s', (_name, html, publishedAt) => {
    expect(htmlToArticle(html).publishedAt).toBe(publishedAt);
  });

  it.each([
    ['<title> when there is no <h1>', '<head><title> 記事の\n題名 </title></head><p>本文</p>', '記事の 題名'],
    ['not the site logo <h1> in the page header', '<head><title>題名</title></head><header><h1>サンプル新聞</h1></header><p>本文</p>', '題名'],
    ['not an <svg><title>', '<p>本文<svg><title>アイコン</title></svg></p>', undefined],
  ])('title: %s', (_name, html, title) => {
    expect(htmlToArticle(html).title).toBe(title);
  });
});
