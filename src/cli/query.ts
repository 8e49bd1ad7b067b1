import { basename } from 'node:path';
import { Command } from 'commander';
import { KijiError } from '../core/errors.js';
import { daysInMonth, pad } from '../core/calendar.js';
import { describeValue } from '../report/values.js';
import { RECORD_TYPES, type KijiRecord } from '../schema/records.js';
import { openReader } from '../store/open.js';
import type { RecordRow } from '../store/read.js';
import { type CliIO, writeLine } from './io.js';
import { terminalSafe, terminalSafeJson } from './terminal.js';

interface QueryOptions {
  type?: string;
  from?: string;
  to?: string;
  org?: string;
  text?: string;
  recordText?: string;
  articles?: boolean;
  json?: boolean;
  limit?: string;
}

/** `DATE,money` → ['DATE', 'MONEY'], checked against the record types. */
export function parseTypes(list: string | undefined): string[] | undefined {
  if (!list) return undefined;
  const types = list.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
  const unknown = types.filter((t) => !(RECORD_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw new KijiError('E_USAGE', `unknown record type ${unknown.join(', ')} (one of ${RECORD_TYPES.join(', ')})`);
  return types;
}

/**
 * A record in query and export output: the article it is in, and the record itself in the zod schema's
 * shape — the same object `kiji extract` and the library give (README, "One record shape").
 */
export function mentionJson(m: RecordRow): { article: { path: string; title: string | null; publishedAt: string | null }; record: KijiRecord } {
  return { article: { path: m.path, title: m.title, publishedAt: m.publishedAt }, record: m.record };
}

export function queryCommand(io: CliIO): Command {
  return new Command('query')
    .description('find records in a kiji database by type, period, organisation and text')
    .argument('<db>', 'the database written by `kiji run`: a SQLite file or a postgres:// URL')
    .option('--type <types>', `record types, comma-separated (${RECORD_TYPES.join(', ')})`)
    .option('--from <period>', 'from this year, month or day (2021, 2021-07, 2021-07-18), inclusive')
    .option('--to <period>', 'up to this year, month or day, inclusive')
    .option('--org <name>', 'ORG records naming it, AGREEMENTs with it as a party, other records in articles that mention it (substring)')
    .option('--text <substring>', 'records of the articles whose text or title contains this (full-text index)')
    .option('--record-text <substring>', 'records whose own text contains this')
    .option('--articles', 'with --text: list the matching articles (with the passage) instead of their records')
    .option('--limit <n>', 'at most this many records')
    .option('--json', 'print a JSON array')
    .addHelpText('after', [
      '',
      'The period applies to the record\'s own date where it has one (the days a DATE covers, the date an',
      'AGREEMENT was signed) and otherwise to the article\'s publication date.',
      '',
      '--text uses the trigram index of the article texts (three characters or more; shorter text scans them).',
      '',
      'Example: kiji query kiji.sqlite --type AGREEMENT --from 2021 --to 2025 --org 国防省',
      '         kiji query kiji.sqlite --text ドコモ --articles',
    ].join('\n'))
    .action(async (db: string, options: QueryOptions) => {
      const types = parseTypes(options.type);
      // Decimal digits only: Number() also reads 0x10, 1e3 and ' 5 '.
      const limit = options.limit === undefined || !/^\d+$/.test(options.limit) ? (options.limit === undefined ? undefined : NaN) : Number(options.limit);
      if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) throw new KijiError('E_USAGE', `--limit ${options.limit}: expected a whole number of at least 1`);
      const from = options.from ? periodBound(options.from, 'from') : undefined;
      const to = options.to ? periodBound(options.to, 'to') : undefined;
      if (from && to && from > to) throw new KijiError('E_USAGE', `--from ${options.from} is after --to ${options.to}`);
      if (options.articles && !options.text) throw new KijiError('E_USAGE', '--articles lists the articles a --text search finds: give --text too');
      const store = await openReader(db, io.cwd);
      if (options.articles) {
        let hits;
        try {
          hits = await store.searchArticles(options.text!, limit ? { limit } : {});
        } finally {
          await store.close();
        }
        if (options.json) writeLine(io.stdout, JSON.stringify(hits, null, 2));
        else for (const h of hits) writeLine(io.stdout, `${(h.publishedAt ?? '----------').padEnd(10)}  ${basename(h.path)}  ${h.title ?? ''}\n            ${h.snippet.replace(/\s+/g, ' ')}`);
        writeLine(io.stderr, `${hits.length} article${hits.length === 1 ? '' : 's'}`);
        return;
      }
      let rows: RecordRow[];
      try {
        rows = await store.queryMentions({
          ...(types ? { types } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
          ...(options.org ? { org: options.org } : {}), ...(options.text ? { text: options.text } : {}),
          ...(options.recordText ? { recordText: options.recordText } : {}), ...(limit ? { limit } : {}),
        });
      } finally {
        await store.close();
      }
      if (options.json) {
        writeLine(io.stdout, terminalSafeJson(JSON.stringify(rows.map(mentionJson), null, 2)));
        return;
      }
      for (const m of rows) {
        const value = terminalSafe(describeValue(m) ?? '');
        const parties = m.parties.length ? ` [${terminalSafe(m.parties.join(', '))}]` : '';
        writeLine(io.stdout, `${(m.publishedAt ?? '----------').padEnd(10)}  ${terminalSafe(basename(m.path))}  ${m.type.padEnd(9)} ${terminalSafe(m.text)}${value ? ` → ${value}` : ''}${parties}`);
      }
      writeLine(io.stderr, `${rows.length} record${rows.length === 1 ? '' : 's'}`);
    });
}

/**
 * `2021` → 2021-01-01 … 2021-12-31, `2021-07` → the month, `2021-07-18` → the day: the bounds of a
 * --from/--to argument.
 */
export function periodBound(value: string, side: 'from' | 'to'): string {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim().replaceAll('/', '-'));
  if (!match) throw new KijiError('E_USAGE', `"${value}": expected a year (2021), a month (2021-07) or a day (2021-07-18)`);
  const [, y, m, d] = match;
  const month = Number(m);
  if (m && (month < 1 || month > 12)) throw new KijiError('E_USAGE', `"${value}": no month ${m}`);
  if (d) {
    const last = daysInMonth(Number(y), month);
    if (Number(d) < 1 || Number(d) > last) throw new KijiError('E_USAGE', `"${value}": no such day (${y}-${pad(month)} has ${last} days)`);
    return `${y}-${pad(month)}-${pad(Number(d))}`;
  }
  if (m) {
    if (side === 'from') return `${y}-${pad(month)}-01`;
    const last = daysInMonth(Number(y), month);
    return `${y}-${pad(month)}-${pad(last)}`;
  }
  return side === 'from' ? `${y}-01-01` : `${y}-12-31`;
}
