import { basename } from 'node:path';
import type { ArticleListItem, RecordRow, Summary } from '../store/read.js';
import { segmentText } from './segments.js';
import { describeValue } from './values.js';

/**
 * The static HTML report: plain strings, every piece of article or database text escaped, no
 * external resources, so the pages open from the file system and can be mailed around.
 */
export const TYPE_STYLE: Record<string, { bg: string; fg: string; label: string }> = {
  DATE: { bg: '#d6eaff', fg: '#1d5fa0', label: 'date' },
  MONEY: { bg: '#d8f5d0', fg: '#23752f', label: 'money' },
  ORG: { bg: '#ffeab8', fg: '#9a5b00', label: 'organisation' },
  AGREEMENT: { bg: '#f4daf6', fg: '#85308d', label: 'agreement' },
};
const TYPES = Object.keys(TYPE_STYLE);

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A file name for an article page: its database id plus a safe form of its file name. */
export function articlePageName(article: { id: number; path: string }): string {
  const safe = basename(article.path).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'article';
  return `${article.id}-${safe}.html`;
}

const BASE_CSS = `
:root { color-scheme: light; --border: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; color: #1f2328; background: #f6f8fa; }
header { padding: 14px 24px; background: #fff; border-bottom: 1px solid var(--border); }
header h1 { margin: 0; font-size: 18px; }
header .meta { color: var(--muted); font-size: 13px; }
main { padding: 16px 24px; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f6; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 0; padding: 0; list-style: none; }
.legend label { display: inline-flex; gap: 6px; align-items: center; padding: 2px 10px; border-radius: 12px; font-size: 13px; cursor: pointer; user-select: none; }
${TYPES.map((t) => `.t-${t} { background: ${TYPE_STYLE[t]!.bg}; box-shadow: inset 0 -2px 0 ${TYPE_STYLE[t]!.fg}; } .c-${t} { color: ${TYPE_STYLE[t]!.fg}; font-weight: 600; }`).join('\n')}
`;

export function page(title: string, css: string, body: string, script = '', lang = 'ja'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${BASE_CSS}${css}</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

// ------------------------------------------------------------------ index

const INDEX_CSS = `
table.articles { width: 100%; }
table.articles th[data-sort] { cursor: pointer; white-space: nowrap; }
table.articles th[data-sort]::after { content: " ↕"; color: #8c959f; font-weight: 400; }
table.articles th[aria-sort="ascending"]::after { content: " ↑"; color: #1f2328; }
table.articles th[aria-sort="descending"]::after { content: " ↓"; color: #1f2328; }
tr.failed td { color: #cf222e; }
.file { color: var(--muted); font-size: 12px; }
.summary { margin: 0 0 12px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 0 0 10px; }
.controls input[type=search] { font: inherit; padding: 4px 8px; min-width: 280px; border: 1px solid var(--border); border-radius: 6px; }
.controls .legend { margin: 0; }
.pager { display: flex; gap: 8px; align-items: center; margin: 10px 0; font-size: 13px; }
.pager button { font: inherit; padding: 2px 10px; }
`;

/** Rows shown per page of the index. */
export const INDEX_PAGE_SIZE = 100;

/**
 * The index table is drawn from a JSON blob embedded in the page: filter by title or file name,
 * keep articles having records of every ticked type, sort by a column (click again to reverse),
 * and show one page of rows at a time, so 30,000 articles are not 30,000 DOM rows.
 */
const INDEX_SCRIPT = `
var DATA = JSON.parse(document.getElementById('kiji-data').textContent);
var TYPES = DATA.types, rows = DATA.articles;
// index.html?per=N shows N rows a page.
var per = Math.floor(Number(new URLSearchParams(location.search).get('per')));
var SIZE = per > 0 ? per : DATA.pageSize;
var state = { q: '', need: [], sort: 0, dir: 1, page: 0 };
var body = document.querySelector('table.articles tbody');
var headers = document.querySelectorAll('table.articles th[data-sort]');
function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
function cell(a, i) { return i === 0 ? a.published : i === 1 ? a.title : i === 2 ? a.lang : i < 3 + TYPES.length ? a.counts[i - 3] : i === 3 + TYPES.length ? a.total : a.status; }
function view() {
  var q = state.q.toLowerCase();
  var list = rows.filter(function (a) {
    if (q && (a.title + '\\n' + a.path).toLowerCase().indexOf(q) < 0) return false;
    return state.need.every(function (t) { return a.counts[TYPES.indexOf(t)] > 0; });
  });
  var numeric = headers[state.sort].dataset.sort === 'n', dir = state.dir;
  list.sort(function (a, b) {
    var x = cell(a, state.sort), y = cell(b, state.sort);
    if (numeric) return dir * (x - y);
    x = x || ''; y = y || '';
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    return dir * x.localeCompare(y, 'ja');
  });
  return list;
}
function draw() {
  var list = view(), pages = Math.max(1, Math.ceil(list.length / SIZE));
  if (state.page >= pages) state.page = pages - 1;
  body.innerHTML = list.slice(state.page * SIZE, (state.page + 1) * SIZE).map(function (a) {
    var link = a.href ? '<a href="' + esc(a.href) + '">' + esc(a.title) + '</a>' : esc(a.title);
    return '<tr class="' + esc(a.ok ? 'ok' : 'failed') + '"><td data-v="' + esc(a.published) + '">' + esc(a.published || '—') + '</td>' +
      '<td data-v="' + esc(a.title) + '">' + link + '<div class="file">' + esc(a.name) + '</div></td><td data-v="' + esc(a.lang) + '">' + esc(a.lang) + '</td>' +
      a.counts.map(function (n) { return '<td class="n" data-v="' + n + '">' + n + '</td>'; }).join('') +
      '<td class="n" data-v="' + a.total + '">' + a.total + '</td><td data-v="' + esc(a.status) + '">' + esc(a.status) + '</td></tr>';
  }).join('');
  document.getElementById('shown').textContent = list.length + ' of ' + rows.length + ' articles';
  document.getElementById('page').textContent = 'page ' + (state.page + 1) + ' of ' + pages;
  document.getElementById('prev').disabled = state.page === 0;
  document.getElementById('next').disabled = state.page >= pages - 1;
  headers.forEach(function (h, i) { if (i === state.sort) h.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending'); else h.removeAttribute('aria-sort'); });
}
headers.forEach(function (th, i) {
  th.addEventListener('click', function () { state.dir = state.sort === i ? -state.dir : 1; state.sort = i; state.page = 0; draw(); });
});
document.getElementById('search').addEventListener('input', function (e) { state.q = e.target.value; state.page = 0; draw(); });
document.querySelectorAll('.controls .legend input').forEach(function (box) {
  box.addEventListener('change', function () {
    state.need = Array.prototype.filter.call(document.querySelectorAll('.controls .legend input'), function (b) { return b.checked; }).map(function (b) { return b.value; });
    state.page = 0; draw();
  });
});
document.getElementById('prev').addEventListener('click', function () { state.page--; draw(); });
document.getElementById('next').addEventListener('click', function () { state.page++; draw(); });
draw();
`;

/** JSON for a <script> element: `<` escaped, so no text in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

export function renderIndex(articles: readonly ArticleListItem[], summary: Summary, source: string, links: { orgs: number; agreements: number } = { orgs: 0, agreements: 0 }): string {
  const data = {
    types: TYPES,
    pageSize: INDEX_PAGE_SIZE,
    articles: articles.map((a) => {
      const name = basename(a.path);
      return {
        published: a.publishedAt ?? '', title: a.title ?? name, name, path: a.path, lang: a.lang ?? '', ok: a.status === 'ok',
        href: a.status === 'ok' ? `articles/${articlePageName(a)}` : null,
        counts: TYPES.map((t) => a.counts[t] ?? 0), total: a.total,
        status: a.status === 'ok' ? 'ok' : `${a.errorCode ?? 'failed'}: ${a.error ?? ''}`,
      };
    }),
  };
  const totals = TYPES.map((t) => `<span class="c-${t}">${t} ${summary.types.find((x) => x.type === t)?.mentions ?? 0}</span>`).join(' · ');
  const failed = summary.statuses.filter((s) => s.status !== 'ok').reduce((n, s) => n + s.articles, 0);
  const filters = `<ul class="legend">${TYPES.map((t) => `<li><label class="t-${t}"><input type="checkbox" value="${t}"> has <span class="c-${t}">${t}</span></label></li>`).join('')}</ul>`;
  const body = `<header><h1>kiji report</h1><div class="meta">${escapeHtml(source)} — ${articles.length} articles${failed ? `, ${failed} failed` : ''} · <a href="orgs.html" id="orgs-link">${links.orgs} organisations</a> · <a href="agreements.html" id="agreements-link">${links.agreements} agreements</a></div></header>
<main>
<p class="summary">${totals}${summary.dates.first ? ` · dates covered ${escapeHtml(summary.dates.first)} … ${escapeHtml(summary.dates.last)}` : ''}</p>
<div class="controls"><input type="search" id="search" placeholder="Filter by title or file name" aria-label="Filter by title or file name">${filters}<span id="shown"></span></div>
<table class="articles">
<thead><tr><th data-sort="s" aria-sort="ascending">Published</th><th data-sort="s">Article</th><th data-sort="s">Lang</th>${TYPES.map((t) => `<th data-sort="n" class="c-${t}">${t}</th>`).join('')}<th data-sort="n">Total</th><th data-sort="s">Status</th></tr></thead>
<tbody></tbody>
</table>
<div class="pager"><button id="prev" type="button">← previous</button><span id="page"></span><button id="next" type="button">next →</button></div>
</main>
<script type="application/json" id="kiji-data">${scriptJson(data)}</script>`;
  return page('kiji report', INDEX_CSS, body, INDEX_SCRIPT);
}

// ------------------------------------------------------------------ article page

const ARTICLE_CSS = `
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 20px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
article.text { background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: 16px 20px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; }
mark.rec { color: inherit; border-radius: 3px; padding: 1px 1px; }
mark.rec::after { content: attr(data-type); font-size: 9px; font-weight: 700; letter-spacing: .02em; vertical-align: super; margin-left: 1px; opacity: .75; }
${TYPES.map((t) => `mark.t-${t}::after { color: ${TYPE_STYLE[t]!.fg}; }`).join('\n')}
mark.rec:target, mark.rec.hl { outline: 2px solid #1f2328; }
${TYPES.map((t) => `body.hide-${t} mark.t-${t} { background: none; box-shadow: none; } body.hide-${t} mark.t-${t}::after { content: none; } body.hide-${t} tr.t-row-${t} { display: none; }`).join('\n')}
table.records { width: 100%; font-size: 13px; }
table.records td.v { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
table.records td.rule { color: var(--muted); font-size: 11px; }
table.records tr:hover td { background: #f6f8fa; }
.note { background: #fff8c5; border: 1px solid #d4a72c; padding: 6px 10px; border-radius: 6px; margin: 0 0 12px; }
nav { margin-bottom: 8px; font-size: 13px; }
`;

/** Legend toggles hide a type; hovering a table row outlines its record in the text. */
const ARTICLE_SCRIPT = `
document.querySelectorAll('.legend input').forEach(function (box) {
  box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.value, !box.checked); });
});
document.querySelectorAll('table.records tr[data-for]').forEach(function (row) {
  var mark = document.getElementById(row.dataset.for);
  if (!mark) return;
  row.addEventListener('mouseenter', function () { mark.classList.add('hl'); });
  row.addEventListener('mouseleave', function () { mark.classList.remove('hl'); });
});
`;

export interface ArticlePageInput {
  article: ArticleListItem;
  mentions: readonly RecordRow[];
  text?: string;
  /** Shown above the text (file changed, text unavailable). */
  notes: string[];
}

function hoverTitle(m: RecordRow): string {
  const value = describeValue(m);
  return `${m.type}${value ? `: ${value}` : ''}${m.parties.length ? ` · parties: ${m.parties.join(', ')}` : ''} · rule ${m.rule}`;
}

export function renderArticlePage({ article, mentions, text, notes }: ArticlePageInput): string {
  const name = basename(article.path);
  const markId = (m: RecordRow) => `r${m.id}`;
  let textHtml = '';
  const placed = new Set<RecordRow>();
  if (text !== undefined) {
    const { segments } = segmentText(text, mentions);
    textHtml = segments.map((seg) => {
      if (!seg.mark) return escapeHtml(seg.text);
      placed.add(seg.mark);
      const m = seg.mark;
      return `<mark class="rec t-${escapeHtml(m.type)}" id="${markId(m)}" data-type="${escapeHtml(m.type)}" data-value="${escapeHtml(describeValue(m))}" title="${escapeHtml(hoverTitle(m))}">${escapeHtml(seg.text)}</mark>`;
    }).join('');
  }
  const perType = (t: string) => mentions.filter((m) => m.type === t).length;
  const legend = `<ul class="legend">${TYPES.map((t) => `<li><label class="t-${t}"><input type="checkbox" value="${t}" checked> <span class="c-${t}">${t}</span> ${escapeHtml(TYPE_STYLE[t]!.label)} (${perType(t)})</label></li>`).join('')}</ul>`;
  const rows = mentions.map((m, i) => {
    const inText = placed.has(m);
    const textCell = inText ? `<a href="#${markId(m)}">${escapeHtml(m.text)}</a>` : `${escapeHtml(m.text)} <em>(not in the current text)</em>`;
    return `<tr class="t-row-${escapeHtml(m.type)}"${inText ? ` data-for="${markId(m)}"` : ''}><td class="n">${i + 1}</td><td><span class="c-${escapeHtml(m.type)}">${escapeHtml(m.type)}</span></td>` +
      `<td>${textCell}</td><td class="v">${escapeHtml(describeValue(m))}${m.parties.length ? `<br>parties: ${escapeHtml(m.parties.join(', '))}` : ''}</td><td class="rule">${escapeHtml(m.rule)}<br>${m.start}–${m.end}</td></tr>`;
  }).join('\n');
  const meta = [article.publishedAt ? `published ${article.publishedAt}` : 'no publication date', article.lang, `${article.chars ?? 0} characters`, `${mentions.length} records`]
    .filter(Boolean).map((x) => escapeHtml(x)).join(' · ');
  const body = `<header><nav><a href="../index.html">← all articles</a></nav><h1>${escapeHtml(article.title ?? name)}</h1><div class="meta">${escapeHtml(name)} · ${meta}</div>${legend}</header>
<main>
${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n')}
<div class="layout">
<article class="text">${text === undefined ? '<em>The article text is not available.</em>' : textHtml}</article>
<section>
<table class="records">
<thead><tr><th>#</th><th>Type</th><th>Text</th><th>Normalized value</th><th>Rule / offsets</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
</div>
</main>`;
  return page(`${article.title ?? name} — kiji`, ARTICLE_CSS, body, ARTICLE_SCRIPT, article.lang ?? 'ja');
}
