import { escapeHtml, scriptJson } from './html.js';

/**
 * A table drawn from JSON embedded beside it, a page of rows at a time, with a filter box and sortable
 * columns: what the organisation and agreement lists and the mention lists of entity pages use, so a
 * corpus with thousands of organisations (or an organisation with thousands of mentions) is still one
 * short page of DOM rows. `?per=N` in the page's address shows N rows a page, as on the index.
 */

/** A cell: its text, or its text and the link it opens. */
export type Cell = string | number | readonly [text: string, href: string];

export interface Column {
  label: string;
  /** Sorted as numbers, aligned right. */
  numeric?: boolean;
}

export const PAGED_PAGE_SIZE = 100;

export const PAGED_CSS = `
.paged .controls { display: flex; gap: 10px; align-items: center; margin: 8px 0; font-size: 13px; }
.paged .controls input[type=search] { font: inherit; padding: 4px 8px; min-width: 260px; border: 1px solid var(--border); border-radius: 6px; }
.paged .pager { display: flex; gap: 8px; align-items: center; margin: 6px 0 16px; font-size: 13px; }
.paged .pager button { font: inherit; padding: 2px 10px; }
.paged .pager[hidden] { display: none; }
.paged th { cursor: pointer; }
`;

export function pagedTable(className: string, columns: readonly Column[], rows: readonly (readonly Cell[])[], options: { filter: string }): string {
  const head = columns.map((c) => `<th${c.numeric ? ' data-sort="n" class="n"' : ' data-sort="s"'}>${escapeHtml(c.label)}</th>`).join('');
  return `<div class="paged" data-paged>
<div class="controls"><input type="search" placeholder="${escapeHtml(options.filter)}" aria-label="${escapeHtml(options.filter)}"><span class="shown"></span></div>
<table class="${escapeHtml(className)}"><thead><tr>${head}</tr></thead><tbody></tbody></table>
<div class="pager"><button type="button" class="prev">← previous</button><span class="page"></span><button type="button" class="next">next →</button></div>
<script type="application/json">${scriptJson({ pageSize: PAGED_PAGE_SIZE, rows })}</script>
</div>`;
}

/** The script every page with paged tables carries once; it finds each table by `data-paged`. */
export const PAGED_SCRIPT = `
var PER = Math.floor(Number(new URLSearchParams(location.search).get('per')));
document.querySelectorAll('[data-paged]').forEach(function (box) {
  var data = JSON.parse(box.querySelector('script[type="application/json"]').textContent);
  var size = PER > 0 ? PER : data.pageSize, rows = data.rows;
  var body = box.querySelector('tbody'), heads = box.querySelectorAll('th');
  var st = { q: '', sort: -1, dir: 1, page: 0 };
  function text(c) { return Array.isArray(c) ? c[0] : c; }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }
  function td(c, i) {
    var n = heads[i].dataset.sort === 'n';
    var inner = Array.isArray(c) ? '<a href="' + esc(c[1]) + '">' + esc(c[0]) + '</a>' : esc(c);
    return '<td' + (n ? ' class="n"' : '') + '>' + inner + '</td>';
  }
  function draw() {
    var q = st.q.toLowerCase();
    var list = q ? rows.filter(function (r) { return r.some(function (c) { return String(text(c)).toLowerCase().indexOf(q) >= 0; }); }) : rows.slice();
    if (st.sort >= 0) {
      var n = heads[st.sort].dataset.sort === 'n', k = st.sort, dir = st.dir;
      list.sort(function (a, b) {
        var x = text(a[k]), y = text(b[k]);
        return n ? dir * (x - y) : dir * String(x).localeCompare(String(y), 'ja');
      });
    }
    var pages = Math.max(1, Math.ceil(list.length / size));
    if (st.page >= pages) st.page = pages - 1;
    body.innerHTML = list.slice(st.page * size, (st.page + 1) * size).map(function (r) { return '<tr>' + r.map(td).join('') + '</tr>'; }).join('');
    box.querySelector('.shown').textContent = list.length + ' of ' + rows.length;
    box.querySelector('.page').textContent = 'page ' + (st.page + 1) + ' of ' + pages;
    box.querySelector('.prev').disabled = st.page === 0;
    box.querySelector('.next').disabled = st.page >= pages - 1;
    box.querySelector('.pager').hidden = pages === 1;
    heads.forEach(function (h, i) { if (i === st.sort) h.setAttribute('aria-sort', st.dir === 1 ? 'ascending' : 'descending'); else h.removeAttribute('aria-sort'); });
  }
  heads.forEach(function (h, i) { h.addEventListener('click', function () { st.dir = st.sort === i ? -st.dir : (h.dataset.sort === 'n' ? -1 : 1); st.sort = i; st.page = 0; draw(); }); });
  box.querySelector('input[type=search]').addEventListener('input', function (e) { st.q = e.target.value; st.page = 0; draw(); });
  box.querySelector('.prev').addEventListener('click', function () { st.page--; draw(); });
  box.querySelector('.next').addEventListener('click', function () { st.page++; draw(); });
  draw();
});
`;
