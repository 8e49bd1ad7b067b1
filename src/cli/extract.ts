import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { createPipeline, DOCUMENTS_PER_BATCH } from '../pipeline.js';
import { KijiError, describeError } from '../core/errors.js';
import { requireReferenceDate } from '../core/reference-date.js';
import { readArticleFile } from '../text/read-article.js';
import type { KijiConfig } from '../schema/config.js';
import { toEvalSpan } from '../eval/spans.js';
import { boundedLines } from './jsonl-lines.js';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO, writeLine } from './io.js';

const JsonlLine = (line: string, lineNumber: number): { id: string; text: string; ref?: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new KijiError('E_USAGE', `line ${lineNumber}: not JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new KijiError('E_USAGE', `line ${lineNumber}: expected a JSON object {"id","text","ref"?}`);
  const item = parsed as { id?: unknown; text?: unknown; ref?: unknown };
  if (typeof item.text !== 'string') throw new KijiError('E_USAGE', `line ${lineNumber}: "text" must be a string`);
  if (item.id !== undefined && typeof item.id !== 'string' && typeof item.id !== 'number') throw new KijiError('E_USAGE', `line ${lineNumber}: "id" must be a string or a number`);
  const id = item.id === undefined ? String(lineNumber) : String(item.id);
  if (item.ref !== undefined && item.ref !== null && typeof item.ref !== 'string') throw new KijiError('E_USAGE', `line ${lineNumber}: "ref" must be a date string (YYYY-MM-DD), not ${JSON.stringify(item.ref)}`);
  return typeof item.ref === 'string' ? { id, text: item.text, ref: item.ref } : { id, text: item.text };
};

export function extractCommand(io: CliIO, getConfig: () => Promise<KijiConfig>, setExit: (code: number) => void): Command {
  return new Command('extract')
    .description('print the records of one article (a file, or - for stdin) as JSON, or of every line of a JSONL file with --jsonl')
    .argument('[file]', 'an article file (.txt, .html, .md) or - for standard input')
    .option('--jsonl <file>', 'evaluation contract: read {"id","text","ref"?} lines, write one {"id","spans"} line per input, in order')
    .option('--ref <date>', 'publication date (YYYY-MM-DD) to resolve relative dates against')
    .option('--no-text', 'leave out "text", the decoded article text the offsets point into')
    .addHelpText('after', '\nThe result has the article\'s "text": for HTML the article text kiji extracted (not the markup), for\nShift_JIS/EUC-JP the decoded characters. Every record\'s start/end index it: text.slice(start, end) === record.text.')
    .action(async (file: string | undefined, options: { jsonl?: string; ref?: string; text: boolean }) => {
      if (!file && !options.jsonl) throw new KijiError('E_USAGE', 'give an article file, - for stdin, or --jsonl FILE');
      requireReferenceDate(options.ref, '--ref');
      const pipeline = await createPipeline(await getConfig());
      if (options.jsonl) {
        const input = options.jsonl === '-' ? io.stdin : (await import('node:fs')).createReadStream(resolve(io.cwd, options.jsonl));
        let lineNumber = 0;
        let failures = 0;
        // A line may hold one article of up to maxFileBytes (as UTF-16 characters, plus the JSON around it).
        const maxChars = (await getConfig()).maxFileBytes + 4096;
        // Documents are processed DOCUMENTS_PER_BATCH at a time (Pipeline.processBatch); the lines come out in input order.
        /** The output line of each document (and its stderr line), in input order; undefined until its batch is processed. */
        const pending: ({ line: string; error?: string } | undefined)[] = [];
        const batch: { index: number; input: { id: string; text: string; publishedAt?: string } }[] = [];
        const fail = (id: string, error: unknown) => {
          // One bad document never stops the run: it gets an empty line of spans and a reason on stderr.
          failures++;
          const { code, message } = describeError(error);
          return { line: JSON.stringify({ id, spans: [], error: { code, message } }), error: `kiji extract: ${id}: ${code}: ${message}` };
        };
        const flush = () => {
          pipeline.processBatch(batch.map((b) => b.input)).forEach((outcome, k) => {
            const { index, input } = batch[k]!;
            pending[index] = outcome.ok ? { line: JSON.stringify({ id: input.id, spans: outcome.result.records.map(toEvalSpan) }) } : fail(input.id, outcome.error);
          });
          batch.length = 0;
          for (const p of pending) {
            if (p!.error) writeLine(io.stderr, p!.error);
            writeLine(io.stdout, p!.line);
          }
          pending.length = 0;
        };
        try {
          for await (const line of boundedLines(input, maxChars)) {
            lineNumber++;
            if (line.tooLong) {
              failures++;
              const error = { code: 'E_TOO_LARGE', message: `line ${lineNumber} has ${line.chars} characters, more than maxFileBytes allows (${maxChars}); raise maxFileBytes in the config` };
              pending.push({ line: JSON.stringify({ id: String(lineNumber), spans: [], error }), error: `kiji extract: line ${lineNumber}: ${error.code}: ${error.message}` });
              continue;
            }
            if (!line.text.trim()) continue;
            const item = JsonlLine(line.text, lineNumber);
            try {
              requireReferenceDate(item.ref, `line ${lineNumber}: "ref"`);
              batch.push({ index: pending.length, input: { id: item.id, text: item.text, ...(item.ref ? { publishedAt: item.ref } : {}) } });
              pending.push(undefined);
            } catch (error) {
              pending.push(fail(item.id, error));
            }
            if (batch.length === DOCUMENTS_PER_BATCH) flush();
          }
        } finally {
          // Also before a usage error stops the run: every line read before it has its output.
          flush();
        }
        setExit(failures > 0 ? EXIT_SOME_FAILED : EXIT_OK);
        return;
      }
      let article: { text: string; source: string; title?: string; publishedAt?: string };
      if (file === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
        article = { text: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''), source: '-' };
      } else {
        const decoded = await readArticleFile(resolve(io.cwd, file!));
        article = { text: decoded.text, source: file!, ...(decoded.title ? { title: decoded.title } : {}), ...(decoded.publishedAt ? { publishedAt: decoded.publishedAt } : {}) };
      }
      if (options.ref) article.publishedAt = options.ref;
      const result = pipeline.process({ id: article.source, ...article });
      writeLine(io.stdout, JSON.stringify(options.text ? { ...result, text: article.text } : result, null, 2));
      setExit(EXIT_OK);
    });
}
