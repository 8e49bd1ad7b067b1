import { createWriteStream, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Command } from 'commander';
import { KijiError } from '../core/errors.js';
import { describeValue } from '../report/values.js';
import { assertExportTarget, temporaryBeside } from './output-path.js';
import { openReader, resolveTarget } from '../store/open.js';
import type { RecordRow } from '../store/read.js';
import { type CliIO, writeLine } from './io.js';
import { mentionJson, parseTypes } from './query.js';

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or leading/trailing space; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const CSV_COLUMNS = ['article', 'title', 'published_at', 'type', 'start', 'end', 'text', 'rule', 'value', 'mod', 'date_start', 'date_end',
  'amount_text', 'amount_max_text', 'currency', 'org_name', 'org_kind', 'agreement_kind', 'agreement_date', 'parties', 'value_json'] as const;

function csvRow(m: RecordRow): string {
  const cells: unknown[] = [m.path, m.title, m.publishedAt, m.type, m.start, m.end, m.text, m.rule, describeValue(m), m.mod, m.dateStart, m.dateEnd,
    m.amountText, m.amountMaxText, m.currency, m.orgName, m.orgKind, m.agreementKind, m.type === 'AGREEMENT' ? m.dateValue : null, m.parties.join('; '), JSON.stringify(m.value)];
  return cells.map(csvField).join(',');
}

export function exportCommand(io: CliIO): Command {
  return new Command('export')
    .description('write every record of a kiji database as JSON lines or CSV, for other tools')
    .argument('<db>', 'the database written by `kiji run`: a SQLite file or a postgres:// URL')
    .requiredOption('--format <format>', 'jsonl or csv')
    .option('--type <types>', 'only these record types, comma-separated')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--bom', 'start the CSV with a UTF-8 byte order mark (the default for an --out file: Excel then reads UTF-8)')
    .option('--no-bom', 'no byte order mark, even in an --out file')
    .option('--force', 'replace an existing --out file that is not an earlier kiji export (never the database)')
    .addHelpText('after', [
      '',
      'jsonl: one {"article": {"path","title","publishedAt"}, "record": {…}} per line; the record has the shape `kiji extract` prints.',
      `csv: a header row (${CSV_COLUMNS.join(',')}), RFC 4180 quoting, UTF-8; amounts as exact decimal strings.`,
    ].join('\n'))
    .action(async (db: string, options: { format: string; type?: string; out?: string; bom?: boolean; force?: boolean }) => {
      const format = options.format.toLowerCase();
      if (format !== 'jsonl' && format !== 'csv') throw new KijiError('E_USAGE', `--format ${options.format}: use jsonl or csv`);
      const types = parseTypes(options.type);
      const dbPath = resolveTarget(db, io.cwd);
      const outPath = options.out === undefined ? undefined : resolve(io.cwd, options.out);
      // Checked before the database is opened: `--out` naming the database must not even truncate it.
      if (outPath && !statSync(dirname(outPath), { throwIfNoEntry: false })?.isDirectory()) {
        throw new KijiError('E_USAGE', `--out ${options.out}: the folder ${dirname(outPath)} does not exist; create it first (mkdir -p) or choose another path`);
      }
      if (outPath) assertExportTarget(outPath, dbPath, { force: options.force ?? false, csvHeader: CSV_COLUMNS.join(',') });
      const store = await openReader(dbPath);
      const temporary = outPath ? temporaryBeside(outPath) : undefined;
      const file = temporary ? createWriteStream(temporary.path, { flags: 'wx' }) : undefined;
      const out: Writable = file ?? io.stdout;
      let count = 0;
      let complete = false;
      try {
        // Excel on Windows reads a CSV without a BOM in the local code page (mojibake for Japanese):
        // files get one unless asked not to; a pipe gets none unless asked (other tools read UTF-8).
        if (format === 'csv') out.write(`${options.bom ?? outPath !== undefined ? '\uFEFF' : ''}${CSV_COLUMNS.join(',')}\r\n`);
        for await (const m of store.iterateMentions(types)) {
          const line = format === 'csv' ? `${csvRow(m)}\r\n` : `${JSON.stringify(mentionJson(m))}\n`;
          // Respect backpressure on large databases.
          if (!out.write(line)) await new Promise((done) => out.once('drain', done));
          count++;
        }
        complete = true;
      } finally {
        await store.close();
        if (file) {
          file.end();
          try {
            await finished(file);
          } catch (error) {
            complete = false;
            throw new KijiError('E_WRITE', `cannot write ${outPath}: ${(error as Error).message}; the previous file, if any, is unchanged`, {}, { cause: error });
          } finally {
            if (complete) temporary!.commit();
            else temporary!.discard();
          }
        }
      }
      if (options.out) writeLine(io.stderr, `${count} record${count === 1 ? '' : 's'} → ${options.out}`);
    });
}
