import { Command } from 'commander';
import pc from 'picocolors';
import { loadArticleText, type TextAccess } from '../report/article-text.js';
import { segmentText } from '../report/segments.js';
import { describeValue } from '../report/values.js';
import { displayTarget, openReader, resolveTarget } from '../store/open.js';
import type { RecordRow } from '../store/read.js';
import { type CliIO, useColor, writeLine } from './io.js';
import { terminalSafe, terminalSafeBody } from './terminal.js';

type Colors = ReturnType<typeof pc.createColors>;

/** One colour per record type on a terminal. */
export function typeColor(colors: Colors, type: string): (s: string) => string {
  switch (type) {
    case 'DATE': return (s) => colors.bold(colors.cyan(s));
    case 'MONEY': return (s) => colors.bold(colors.green(s));
    case 'ORG': return (s) => colors.bold(colors.yellow(s));
    case 'AGREEMENT': return (s) => colors.bold(colors.magenta(s));
    default: return (s) => colors.bold(s);
  }
}

interface InspectOptions {
  color?: boolean;
  top: string;
  anyPath?: boolean;
}

async function printSummary(io: CliIO, dbPath: string, top: number): Promise<void> {
  const store = await openReader(dbPath);
  try {
    const s = await store.summary({ topOrgs: top });
    const total = s.statuses.reduce((n, x) => n + x.articles, 0);
    writeLine(io.stdout, displayTarget(dbPath));
    const statuses = s.statuses.map((x) => `${x.articles} ${x.status}${x.errorCode ? ` (${x.errorCode})` : ''}`).join(', ');
    writeLine(io.stdout, `articles: ${total}${statuses ? ` — ${statuses}` : ''}`);
    writeLine(io.stdout, `records: ${s.types.length ? s.types.map((t) => `${t.type} ${t.mentions} (in ${t.articles} article${t.articles === 1 ? '' : 's'})`).join(', ') : 'none'}`);
    if (s.dates.first || s.dates.firstPublished) {
      const covered = s.dates.first ? `${s.dates.first} … ${s.dates.last}` : 'no resolved dates';
      const published = s.dates.firstPublished ? ` (articles published ${s.dates.firstPublished} … ${s.dates.lastPublished})` : '';
      writeLine(io.stdout, `dates covered: ${covered}${published}`);
    }
    if (s.orgs.length) {
      writeLine(io.stdout, `top organisations:`);
      for (const o of s.orgs) writeLine(io.stdout, `  ${String(o.mentions).padStart(5)}  ${terminalSafe(o.name)}${o.kind ? ` (${terminalSafe(o.kind)})` : ''} — ${o.articles} article${o.articles === 1 ? '' : 's'}`);
    }
    if (s.agreementKinds.length) writeLine(io.stdout, `agreements by kind: ${s.agreementKinds.map((k) => `${k.kind} ${k.mentions}`).join(', ')}`);
  } finally {
    await store.close();
  }
}

async function printArticle(io: CliIO, dbPath: string, ref: string, colors: Colors, anyPath: boolean): Promise<void> {
  const store = await openReader(dbPath);
  let article;
  let mentions: RecordRow[];
  let stored: string | null;
  let access: TextAccess;
  try {
    access = { roots: await store.runInputs(), anyPath };
    article = await store.findArticle(ref);
    mentions = await store.mentionsOfArticle(article.id);
    stored = await store.articleText(article.id);
  } finally {
    await store.close();
  }
  writeLine(io.stdout, colors.bold(terminalSafe(article.path)));
  const meta = [article.title && `title: ${terminalSafe(article.title)}`, `published: ${article.publishedAt ?? 'unknown'}`, article.lang && `lang: ${article.lang}`, `status: ${article.status}`].filter(Boolean);
  writeLine(io.stdout, meta.join(' · '));
  if (article.status === 'failed') {
    writeLine(io.stdout, `failed: ${article.errorCode}: ${terminalSafe(article.error ?? '')}`);
    return;
  }
  const loaded = await loadArticleText(article.path, article.contentHash, stored, access);
  writeLine(io.stdout);
  if (loaded.text === undefined) {
    writeLine(io.stdout, `(the article text is not available: ${terminalSafe(loaded.problem ?? '')}; records only)`);
  } else {
    if (loaded.changed) writeLine(io.stdout, '(the file changed since it was processed: records whose text moved are listed below only)');
    const { segments } = segmentText(loaded.text, mentions);
    const body = segments.map((seg) => {
      const text = terminalSafeBody(seg.text);
      if (!seg.mark) return text;
      return colors.isColorSupported ? typeColor(colors, seg.mark.type)(text) + colors.dim(`[${seg.mark.type}]`) : `[${seg.mark.type} ${text}]`;
    }).join('');
    writeLine(io.stdout, body);
  }
  writeLine(io.stdout);
  writeLine(io.stdout, `${mentions.length} record${mentions.length === 1 ? '' : 's'}:`);
  for (const m of mentions) {
    const value = terminalSafe(describeValue(m) ?? '');
    const parties = m.parties.length ? ` parties: ${terminalSafe(m.parties.join(', '))}` : '';
    writeLine(io.stdout, `  ${typeColor(colors, m.type)(m.type.padEnd(9))} ${`${m.start}–${m.end}`.padEnd(9)} ${terminalSafe(m.text)}${value ? ` → ${value}` : ''}${parties}  ${colors.dim(terminalSafe(m.rule))}`);
  }
}

export function inspectCommand(io: CliIO): Command {
  return new Command('inspect')
    .description('summarise a kiji database, or show one article with its records marked inline')
    .argument('<db>', 'the database written by `kiji run`: a SQLite file or a postgres:// URL')
    .argument('[article]', 'an article: database id, path, file name, or a unique end of its path')
    .option('--color', 'colour the records even when the output is not a terminal')
    .option('--no-color', 'mark records as [TYPE text] even on a terminal')
    .option('--top <n>', 'how many organisations the summary lists', '10')
    .option('--any-path', 'read the article text from wherever the database says, not only inside the folders its runs were given')
    .addHelpText('after', '\nWithout an article: articles by status, records per type, top organisations, agreements by kind, the dates covered.\nWith one: its text with every record marked ([ORG 防衛省] when not on a terminal), then the records with their values.')
    .action(async (db: string, article: string | undefined, options: InspectOptions) => {
      const dbPath = resolveTarget(db, io.cwd);
      const top = Number(options.top);
      if (!article) await printSummary(io, dbPath, Number.isInteger(top) && top > 0 ? top : 10);
      else {
        const colour = useColor(io, io.stdout, options.color);
        await printArticle(io, dbPath, article, pc.createColors(colour), options.anyPath ?? false);
      }
    });
}
