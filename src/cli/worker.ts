import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { displayTarget, isPostgresUrl } from '../store/open.js';
import { type CliIO, writeLine } from './io.js';

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
};

export function requirePostgres(db: string | undefined, command: string): string {
  if (!db || !isPostgresUrl(db)) throw new KijiError('E_USAGE', `${command} needs --db postgres://user@host:5432/db (a queue's workers share one PostgreSQL database; SQLite has one writer on one machine)`);
  return db;
}

/** `kiji worker`: runs until SIGTERM or Ctrl-C, then finishes the jobs in hand and prints what it did. */
export function workerCommand(io: CliIO, getConfig: () => Promise<KijiConfig>): Command {
  return new Command('worker')
    .description('take article jobs from a queue (Redis), run the pipeline and store the records in PostgreSQL; run one per machine')
    .requiredOption('--queue <redis-url>', 'the Redis the runs enqueue to, e.g. redis://queue-host:6379')
    .requiredOption('--db <postgres-url>', 'the PostgreSQL database, e.g. postgres://kiji@db-host:5432/kiji')
    .option('--concurrency <n>', `articles processed at once, one pipeline thread each (default: the config's "concurrency", else the number of cores: ${availableParallelism()})`, positiveInt)
    .option('--lock-ms <ms>', 'how long a job stays with a worker that stopped answering before another takes it', positiveInt, 30_000)
    .option('--quiet', 'no line per minute')
    .option('--json', 'on exit, print what the worker did as JSON (jobs, time per article in extraction, store and the whole job)')
    .addHelpText('after', `
The worker must run the same kiji and config as \`kiji run --queue\` (jobs from another version fail with E_VERSION).
SIGTERM or Ctrl-C: stop taking jobs, finish the ones in hand, exit. kill -9: the jobs in hand go back to the
queue after --lock-ms and another worker stores them (once: each article is one transaction keyed by its bytes).`)
    .action(async (options: { queue: string; db: string; concurrency?: number; lockMs: number; quiet?: boolean; json?: boolean }) => {
      const config = await getConfig();
      const db = requirePostgres(options.db, 'kiji worker');
      const concurrency = options.concurrency ?? config.concurrency ?? availableParallelism();
      const started = performance.now();
      let errors = 0;
      // Loaded here: BullMQ and pg cost every other command start-up time for nothing.
      const { startClusterWorker } = await import('../cluster/worker.js');
      const worker = await startClusterWorker({
        queueUrl: options.queue, dbUrl: db, config, concurrency, lockMs: options.lockMs,
        onError: (error) => {
          // Redis or PostgreSQL away: BullMQ reconnects; say so once a while, not per retry.
          if (errors++ % 50 === 0 && !options.quiet) writeLine(io.stderr, `kiji worker: ${error.message} (retrying)`);
        },
      });
      if (!options.quiet) writeLine(io.stderr, `kiji worker: ${concurrency} thread${concurrency === 1 ? '' : 's'}, queue ${options.queue}, database ${displayTarget(db)}`);
      const line = () => {
        const s = worker.stats;
        const per = (ms: number) => (s.jobs ? (ms / s.jobs).toFixed(1) : '0');
        return `kiji worker: ${s.jobs} jobs (${s.written} written, ${s.unchanged} already stored, ${s.failedArticles} failed articles) | per article: extraction ${per(s.extractMs)} ms, store ${per(s.storeMs)} ms, whole job ${per(s.jobMs)} ms`;
      };
      const ticker = options.quiet ? undefined : setInterval(() => writeLine(io.stderr, line()), 60_000);
      ticker?.unref();
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      if (ticker) clearInterval(ticker);
      if (!options.quiet) writeLine(io.stderr, 'kiji worker: stopping — finishing the jobs in hand');
      await worker.close();
      if (options.json) writeLine(io.stdout, JSON.stringify({ ...worker.stats, concurrency, elapsedMs: Math.round(performance.now() - started) }));
      else writeLine(io.stdout, `${line()} | ${Math.round((performance.now() - started) / 1000)} s`);
    });
}
