import { availableParallelism } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { Command, InvalidArgumentError } from 'commander';
import { runBatch, type BatchProgress, type BatchSummary } from '../batch/run.js';
import { KijiError } from '../core/errors.js';
import { requireReferenceDate } from '../core/reference-date.js';
import { walkInputs, type WalkResult } from '../batch/walk.js';
import type { KijiConfig } from '../schema/config.js';
import { RECORD_TYPES } from '../schema/record-types.js';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO, writeLine } from './io.js';

/** Exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;
/** Exit code of a run stopped with SIGTERM (128 + 15): `docker stop`, systemd, `kill`. */
export const EXIT_TERMINATED = 143;

interface RunOptions {
  db?: string;
  queue?: string;
  concurrency?: number;
  quiet?: boolean;
  json?: boolean;
  force?: boolean;
  rehash?: boolean;
  retryFailed?: boolean;
  publishedAt?: string;
  ref?: string;
}

const positiveInt = (value: string): number => {
  const n = /^\d+$/.test(value) ? Number(value) : NaN; // not 0x10, 1e3
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
};

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** A progress bar on a terminal, a plain line every few seconds otherwise, nothing with --quiet/--json. */
export function progressReporter(io: CliIO, quiet: boolean): { update(p: BatchProgress): void; stop(): void } {
  if (quiet) return { update() {}, stop() {} };
  // Until the first article is done, say what is happening: walking, hashing and loading the
  // dictionary take seconds before any progress can be counted.
  const starting = 'kiji run: starting — finding the articles, checking what changed, loading the dictionary in each worker…';
  if (io.stderr.isTTY) {
    io.stderr.write(starting); // no newline: the bar's first frame overwrites it
    // Loaded for a terminal only (a CommonJS package: required, so that this stays synchronous).
    const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
    const bar = new cliProgress.SingleBar(
      {
        stream: io.stderr as NodeJS.WritableStream,
        format: 'kiji run [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {failed} failed',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: (p.done / Math.max(p.elapsedMs / 1000, 0.001)).toFixed(1), failed: p.failed };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop() {
        if (started) bar.stop();
        else io.stderr.write('\r\u001b[2K');
      },
    };
  }
  writeLine(io.stderr, starting);
  let last = 0;
  let latest: BatchProgress | undefined;
  const line = (p: BatchProgress) => {
    const rate = (p.processed + p.failed) / Math.max(p.elapsedMs / 1000, 0.001);
    const left = p.total - p.done;
    const eta = rate > 0 ? ` | ETA ${seconds((left / rate) * 1000)}` : '';
    writeLine(io.stderr, `kiji run: ${p.done}/${p.total} (${Math.floor((100 * p.done) / Math.max(p.total, 1))} %) | ${rate.toFixed(1)} articles/s${eta} | ${p.skipped} skipped | ${p.failed} failed`);
  };
  return {
    update(p) {
      latest = p;
      if (p.elapsedMs - last >= 5000) {
        last = p.elapsedMs;
        line(p);
      }
    },
    stop() {
      if (latest && latest.elapsedMs !== last && latest.elapsedMs > 5000) line(latest);
    },
  };
}

/** --published-at (or --ref, the name `extract` gives it): a valid date, for exactly one file. */
function publishedAtFor(options: RunOptions, inputs: readonly string[], cwd: string): string | undefined {
  const { publishedAt, ref } = options;
  if (publishedAt !== undefined && ref !== undefined && publishedAt !== ref) {
    throw new KijiError('E_USAGE', `--published-at ${publishedAt} and --ref ${ref} name the same date: give one of them`);
  }
  const value = publishedAt ?? ref;
  if (value === undefined) return undefined;
  const flag = publishedAt !== undefined ? '--published-at' : '--ref';
  requireReferenceDate(value, flag);
  const [only] = inputs;
  if (inputs.length !== 1 || !statSync(resolve(cwd, only!), { throwIfNoEntry: false })?.isFile()) {
    throw new KijiError('E_USAGE', `${flag} ${value} gives the date of one file: name exactly one file (for folders, put a date line in each file or set "fileNameDates": true in the config)`);
  }
  return value;
}

/** Relative to the working folder when inside it, else absolute. */
function shortPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function printSummary(io: CliIO, summary: BatchSummary): void {
  const out = io.stdout;
  const db = shortPath(io.cwd, summary.db);
  writeLine(out, `kiji run${summary.interrupted ? ' (interrupted)' : ''}: ${summary.seen} article${summary.seen === 1 ? '' : 's'} seen, ${summary.processed} processed, ${summary.skipped} skipped (unchanged), ${summary.failed} failed${summary.renamed ? `, ${summary.renamed} renamed` : ''}${summary.missing ? `, ${summary.missing} missing (files gone: \`kiji prune\` removes them)` : ''} in ${seconds(summary.elapsedMs)} → ${db}`);
  writeLine(out, `records: ${RECORD_TYPES.map((t) => `${t} ${summary.records[t] ?? 0}`).join(', ')}`);
  if (summary.processed > 0 && summary.elapsedMs > 0) {
    writeLine(out, `throughput: ${Math.round(summary.chars / (summary.elapsedMs / 1000)).toLocaleString('en-US')} characters/s with ${summary.concurrency} worker${summary.concurrency === 1 ? '' : 's'}`);
  }
  if (summary.failures.length > 0) {
    writeLine(out, `failed (${summary.failures.length}):`);
    for (const f of summary.failures) writeLine(out, `  ${shortPath(io.cwd, f.path)}: ${f.code}: ${f.reason}`);
  }
  if (summary.skippedFailures.length > 0) {
    writeLine(out, `skipped, failed before and unchanged (${summary.skippedFailures.length}; \`kiji run --retry-failed\` tries them again):`);
    for (const f of summary.skippedFailures) writeLine(out, `  ${shortPath(io.cwd, f.path)}: ${f.code}`);
  }
  if (summary.interrupted) writeLine(out, 'stopped before the end: run the same command again to continue where it stopped.');
}

export function runCommand(io: CliIO, getConfig: () => Promise<KijiConfig>, setExit: (code: number) => void): Command {
  return new Command('run')
    .description('process folders or files of articles into the SQLite database (incremental: unchanged articles are skipped)')
    .argument('[inputs...]', 'folders (walked recursively) and files; default: the config\'s "inputs"')
    .option('--db <file>', 'SQLite database to write (default: the config\'s "database", else kiji.sqlite)')
    .option('--concurrency <n>', `worker threads (default: the config's "concurrency", else the number of cores: ${availableParallelism()})`, positiveInt)
    .option('--queue <redis-url>', 'do not process here: queue one job per article on this Redis for `kiji worker`s (then --db is a postgres:// URL)')
    .option('--force', 're-process every article, even unchanged ones')
    .option('--rehash', "read and hash every known file to see whether it changed (by default a file whose size, mtime, ctime and inode are those stored with its bytes is not read)")
    .option('--retry-failed', 'try again the articles that timed out or ran out of memory before (skipped while nothing they depend on changed)')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON (and no progress output)')
    .option('--published-at <date>', 'the publication date (YYYY-MM-DD) of the one file given, over any date the file states')
    .option('--ref <date>', 'the same as --published-at (the name `kiji extract` uses): the date relative dates resolve against')
    .addHelpText('after', `
Exit codes: 0 all articles ok, 1 some articles failed (the rest were processed), 2 usage or fatal error, 130 interrupted (143 by SIGTERM).
Ctrl-C stops taking new articles, writes the ones in flight and prints what was done; running the same
command again continues. Only one run may write a database at a time (E_DB_LOCKED).`)
    .action(async (inputs: string[], options: RunOptions) => {
      const loaded = await getConfig();
      const chosen = inputs.length > 0 ? inputs : loaded.inputs;
      if (chosen.length === 0) throw new KijiError('E_USAGE', 'no inputs: give folders or files (kiji run articles/), or set "inputs" in the config');
      const publishedAt = publishedAtFor(options, chosen, io.cwd);
      const config = publishedAt === undefined ? loaded : { ...loaded, publishedAt };
      if (options.queue) {
        const { runQueued } = await import('./run-queue.js'); // the queue's client only for --queue
        await runQueued(io, config, chosen, { ...options, queue: options.queue }, progressReporter(io, Boolean(options.quiet || options.json)), setExit);
        return;
      }
      const dbPath = resolve(io.cwd, options.db ?? config.database);
      // Nothing to read and no database yet: say so, and leave no empty database behind. (With an
      // existing database the run goes on, so files that are gone are marked missing.)
      let walked: WalkResult | undefined; // then handed to the run, which need not walk again
      if (!existsSync(dbPath)) {
        walked = await walkInputs(chosen, config.extensions, io.cwd);
        if (walked.files.length === 0 && walked.failures.length === 0) {
          throw new KijiError('E_USAGE', `no articles in ${chosen.join(', ')} (files ending in ${config.extensions.join(', ')}; hidden folders and node_modules are skipped): nothing to do, no database written`);
        }
      }
      const controller = new AbortController();
      const quiet = Boolean(options.quiet || options.json);
      let interrupts = 0;
      let stopCode = EXIT_INTERRUPTED;
      // SIGTERM (a service manager, a container stop) is as graceful as Ctrl-C.
      const onSignal = (signal: NodeJS.Signals) => {
        interrupts++;
        if (interrupts === 1) {
          stopCode = signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
          controller.abort();
          if (!quiet) writeLine(io.stderr, `\nkiji run: ${signal === 'SIGTERM' ? 'SIGTERM: ' : ''}stopping — writing the articles in flight (Ctrl-C again to quit at once; nothing written is lost)`);
        } else {
          // Every article is committed atomically, so quitting now loses at most the articles in flight.
          process.exit(stopCode);
        }
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const progress = progressReporter(io, quiet);
      let summary: BatchSummary;
      try {
        summary = await runBatch({
          inputs: chosen,
          dbPath,
          config,
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(walked ? { walked } : {}),
          force: Boolean(options.force),
          rehash: Boolean(options.rehash),
          retryFailed: Boolean(options.retryFailed),
          signal: controller.signal,
          onProgress: (p) => progress.update(p),
          cwd: io.cwd,
        });
      } finally {
        progress.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      if (options.json) writeLine(io.stdout, JSON.stringify(summary, null, 2));
      else printSummary(io, summary);
      setExit(summary.interrupted ? stopCode : summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
