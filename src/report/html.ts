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

function page(title: string, css: string, body: string, script = '', lang = 'ja'): string {
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
`;

/** Click a header to sort by it; click again to reverse. Values come from data-v (numbers or text). */
const SORT_SCRIPT = `
document.querySelectorAll('table.articles th[data-sort]').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th), numeric = th.dataset.sort === 'n';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].dataset.v || '', y = b.cells[index].dataset.v || '';
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return dir * (numeric ? Number(x) - Number(y) : x.localeCompare(y, 'ja'));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
`;

export function renderIndex(articles: readonly ArticleListItem[], summary: Summary, source: string): string {
  const rows = articles.map((a) => {
    const name = basename(a.path);
    const title = a.title ?? name;
    const link = a.status === 'ok' ? `<a href="articles/${escapeHtml(articlePageName(a))}">${escapeHtml(title)}</a>` : escapeHtml(title);
    const counts = TYPES.map((t) => `<td class="n" data-v="${a.counts[t] ?? 0}">${a.counts[t] ?? 0}</td>`).join('');
    const status = a.status === 'ok' ? 'ok' : `${a.errorCode ?? 'failed'}: ${a.error ?? ''}`;
    return `<tr class="${a.status}"><td data-v="${escapeHtml(a.publishedAt ?? '')}">${escapeHtml(a.publishedAt ?? '—')}</td>` +
      `<td data-v="${escapeHtml(title)}">${link}<div class="file">${escapeHtml(name)}</div></td><td data-v="${escapeHtml(a.lang ?? '')}">${escapeHtml(a.lang ?? '')}</td>` +
      `${counts}<td class="n" data-v="${a.total}">${a.total}</td><td data-v="${escapeHtml(a.status)}">${escapeHtml(status)}</td></tr>`;
  }).join('\n');
  const totals = TYPES.map((t) => `<span class="c-${t}">${t} ${summary.types.find((x) => x.type === t)?.mentions ?? 0}</span>`).join(' · ');
  const failed = summary.statuses.filter((s) => s.status !== 'ok').reduce((n, s) => n + s.articles, 0);
  const body = `<header><h1>kiji report</h1><div class="meta">${escapeHtml(source)} — ${articles.length} articles${failed ? `, ${failed} failed` : ''}</div></header>
<main>
<p class="summary">${totals}${summary.dates.first ? ` · dates covered ${escapeHtml(summary.dates.first)} … ${escapeHtml(summary.dates.last)}` : ''}</p>
<table class="articles">
<thead><tr><th data-sort="s" aria-sort="ascending">Published</th><th data-sort="s">Article</th><th data-sort="s">Lang</th>${TYPES.map((t) => `<th data-sort="n" class="c-${t}">${t}</th>`).join('')}<th data-sort="n">Total</th><th data-sort="s">Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>`;
  return page('kiji report', INDEX_CSS, body, SORT_SCRIPT);
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
