import type { QueueRunSummary } from '../cluster/producer.js';
import { RECORD_TYPES } from '../schema/records.js';
import type { KijiConfig } from '../schema/config.js';
import { displayTarget } from '../store/open.js';
import type { BatchProgress } from '../batch/run.js';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO, writeLine } from './io.js';
import { requirePostgres } from './worker.js';

const EXIT_INTERRUPTED = 130;

/**
 * `kiji run DIR --queue redis://… --db postgres://…`: the producer side. Same progress and summary
 * as a local run; the work is done by `kiji worker` processes on any machines.
 */
export async function runQueued(
  io: CliIO,
  config: KijiConfig,
  inputs: readonly string[],
  options: { queue: string; db?: string; force?: boolean; quiet?: boolean; json?: boolean },
  progress: { update(p: BatchProgress): void; stop(): void },
  setExit: (code: number) => void,
): Promise<void> {
  const db = requirePostgres(options.db, 'kiji run --queue');
  const controller = new AbortController();
  const onSigint = () => {
    controller.abort();
    if (!options.quiet && !options.json) writeLine(io.stderr, '\nkiji run: stopping — no more articles are queued; the workers still process the queued ones');
  };
  process.on('SIGINT', onSigint);
  let summary: QueueRunSummary;
  try {
    const { runOnQueue } = await import('../cluster/producer.js');
    summary = await runOnQueue({ inputs, queueUrl: options.queue, dbUrl: db, config, force: Boolean(options.force), signal: controller.signal, onProgress: (p) => progress.update(p), cwd: io.cwd });
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  summary.db = displayTarget(summary.db);
  if (options.json) writeLine(io.stdout, JSON.stringify(summary, null, 2));
  else printQueueSummary(io, summary);
  setExit(summary.interrupted ? EXIT_INTERRUPTED : summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
}

function printQueueSummary(io: CliIO, s: QueueRunSummary): void {
  const out = io.stdout;
  const secs = (s.elapsedMs / 1000).toFixed(1);
  writeLine(out, `kiji run${s.interrupted ? ' (interrupted)' : ''} on the queue: ${s.seen} article${s.seen === 1 ? '' : 's'} seen, ${s.processed} processed, ${s.skipped} skipped (unchanged), ${s.failed} failed${s.renamed ? `, ${s.renamed} renamed` : ''}${s.missing ? `, ${s.missing} missing (files gone: \`kiji prune\` removes them)` : ''} in ${secs} s → ${s.db} (run ${s.runId})`);
  writeLine(out, `records: ${RECORD_TYPES.map((t) => `${t} ${s.records[t] ?? 0}`).join(', ')}`);
  if (s.processed > 0 && s.elapsedMs > 0) writeLine(out, `throughput: ${Math.round(s.chars / (s.elapsedMs / 1000)).toLocaleString('en-US')} characters/s with ${s.workers} worker connection${s.workers === 1 ? '' : 's'}`);
  if (s.failures.length > 0) {
    writeLine(out, `failed (${s.failures.length}):`);
    for (const f of s.failures) writeLine(out, `  ${f.path}: ${f.code}: ${f.reason}`);
  }
  if (s.interrupted) writeLine(out, 'stopped queueing before the end: run the same command again to queue the rest.');
}
