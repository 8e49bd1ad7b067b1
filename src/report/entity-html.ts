import { basename } from 'node:path';
import { articlePageName, escapeHtml, page } from './html.js';
import { entityPageName, mostCommon, type AgreementEntity, type EntityMention, type OrgEntity } from './entities.js';
import { type Cell, PAGED_CSS, PAGED_SCRIPT, pagedTable } from './paged-table.js';

/** Pages per organisation and per agreement, and an index of each; they live in `entities/`. */
const CSS = `
table { width: 100%; margin: 0 0 16px; }
h2 { font-size: 16px; margin: 18px 0 6px; }
.aliases { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; list-style: none; }
.aliases li { background: #fff; border: 1px solid var(--border); border-radius: 12px; padding: 0 10px; font-size: 13px; }
nav { margin-bottom: 8px; font-size: 13px; }
${PAGED_CSS}`;

const articleCell = (m: EntityMention, prefix: string): Cell => [m.title ?? basename(m.path), `${prefix}articles/${articlePageName({ id: m.articleId, path: m.path })}#r${m.recordId}`];

/** Mentions in order of publication (undated last), a page at a time. */
function mentionTable(mentions: readonly EntityMention[]): string {
  const sorted = [...mentions].sort((a, b) => (a.publishedAt ?? '\uffff').localeCompare(b.publishedAt ?? '\uffff') || a.articleId - b.articleId || a.recordId - b.recordId);
  return pagedTable('mentions', [{ label: 'Published' }, { label: 'Article' }, { label: 'Text' }], sorted.map((m) => [m.publishedAt ?? '—', articleCell(m, '../'), m.text]), { filter: 'Filter the mentions' });
}

const nav = '<nav><a href="../index.html">← all articles</a> · <a href="../orgs.html">organisations</a> · <a href="../agreements.html">agreements</a></nav>';
/** Its longest written form, as the agreements_by_key view names it ("本覚書" is the short back-reference). */
const agreementName = (a: AgreementEntity) => [...a.names.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1))[0] ?? a.key;
const articlesOf = (mentions: readonly EntityMention[]) => new Set(mentions.map((m) => m.articleId)).size;

export function renderOrgPage(org: OrgEntity, agreements: ReadonlyMap<string, AgreementEntity>): string {
  const aliases = [...org.aliases].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parties = [...org.agreements].map((k) => agreements.get(k)).filter((a): a is AgreementEntity => a !== undefined);
  const body = `<header>${nav}<h1>${escapeHtml(org.name)}</h1><div class="meta">organisation · kind ${escapeHtml([...org.kinds].join(', ') || '—')} · ${org.mentions.length} mentions in ${articlesOf(org.mentions)} articles</div></header>
<main>
<h2>Written as</h2>
<ul class="aliases">${aliases.map(([text, n]) => `<li>${escapeHtml(text)} (${n})</li>`).join('') || '<li>—</li>'}</ul>
<h2>Agreements it is party to</h2>
${parties.length ? `<table class="agreements"><thead><tr><th>Agreement</th><th>Kind</th><th>Mentions</th></tr></thead><tbody>
${parties.map((a) => `<tr><td><a href="${entityPageName('agreement', a.key)}">${escapeHtml(agreementName(a))}</a></td><td>${escapeHtml(mostCommon(a.kinds) ?? '')}</td><td class="n">${a.mentions.length}</td></tr>`).join('\n')}
</tbody></table>` : '<p>None found.</p>'}
<h2>Mentions</h2>
${mentionTable(org.mentions)}
</main>`;
  return page(`${org.name} — kiji`, CSS, body, PAGED_SCRIPT);
}

export function renderAgreementPage(a: AgreementEntity, orgs: ReadonlyMap<string, OrgEntity>): string {
  const names = [...a.names].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const dates = [...a.dates.values()].sort((x, y) => x.date.localeCompare(y.date));
  const party = (p: string) => (orgs.has(p) ? `<a href="${entityPageName('org', p)}">${escapeHtml(p)}</a>` : escapeHtml(p));
  const body = `<header>${nav}<h1>${escapeHtml(agreementName(a))}</h1><div class="meta">agreement · ${escapeHtml(mostCommon(a.kinds) ?? '—')} · key ${escapeHtml(a.key)} · ${a.mentions.length} mentions in ${articlesOf(a.mentions)} articles</div></header>
<main>
<h2>Dates</h2>
${dates.length ? `<table class="dates"><thead><tr><th>Date</th><th>Relation</th><th>Mentions</th></tr></thead><tbody>
${dates.map((d) => `<tr><td>${escapeHtml(d.date)}</td><td>${escapeHtml(d.relation ?? '—')}</td><td class="n">${d.n}</td></tr>`).join('\n')}
</tbody></table>` : '<p>No date found.</p>'}
<h2>Parties</h2>
<ul class="aliases parties">${[...a.parties].sort().map((p) => `<li>${party(p)}</li>`).join('') || '<li>—</li>'}</ul>
<h2>Written as</h2>
<ul class="aliases">${names.map(([text, n]) => `<li>${escapeHtml(text)} (${n})</li>`).join('')}</ul>
<h2>Mentions over time</h2>
${mentionTable(a.mentions)}
</main>`;
  return page(`${agreementName(a)} — kiji`, CSS, body, PAGED_SCRIPT);
}

export function renderOrgIndex(orgs: ReadonlyMap<string, OrgEntity>): string {
  const list = [...orgs.values()].sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
  const rows = list.map((o): Cell[] => [[o.name, `entities/${entityPageName('org', o.name)}`], [...o.kinds].join(', '), o.mentions.length, articlesOf(o.mentions), o.agreements.size]);
  const columns = [{ label: 'Organisation' }, { label: 'Kind' }, { label: 'Mentions', numeric: true }, { label: 'Articles', numeric: true }, { label: 'Agreements', numeric: true }];
  const body = `<header><nav><a href="index.html">← all articles</a> · <a href="agreements.html">agreements</a></nav><h1>Organisations</h1><div class="meta">${list.length} organisations, by mentions</div></header>
<main>${pagedTable('orgs', columns, rows, { filter: 'Filter by name or kind' })}</main>`;
  return page('Organisations — kiji', CSS, body, PAGED_SCRIPT);
}

export function renderAgreementIndex(agreements: ReadonlyMap<string, AgreementEntity>): string {
  const list = [...agreements.values()].sort((a, b) => b.mentions.length - a.mentions.length || (a.key < b.key ? -1 : 1));
  const rows = list.map((a): Cell[] => {
    const d = [...a.dates.values()].sort((x, y) => y.n - x.n || x.date.localeCompare(y.date))[0];
    return [[agreementName(a), `entities/${entityPageName('agreement', a.key)}`], mostCommon(a.kinds) ?? '', d ? `${d.date}${d.relation ? ` (${d.relation})` : ''}` : '—', [...a.parties].sort().join(' / '), a.mentions.length, articlesOf(a.mentions)];
  });
  const columns = [{ label: 'Agreement' }, { label: 'Kind' }, { label: 'Date' }, { label: 'Parties' }, { label: 'Mentions', numeric: true }, { label: 'Articles', numeric: true }];
  const body = `<header><nav><a href="index.html">← all articles</a> · <a href="orgs.html">organisations</a></nav><h1>Agreements</h1><div class="meta">${list.length} agreements, by mentions</div></header>
<main>${pagedTable('agreements', columns, rows, { filter: 'Filter by name, kind, date or party' })}</main>`;
  return page('Agreements — kiji', CSS, body, PAGED_SCRIPT);
}
