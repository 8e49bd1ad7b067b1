import { Command } from 'commander';
import { type CliIO, writeLine } from './io.js';

export function statusCommand(io: CliIO): Command {
  return new Command('status')
    .description('show a queue: jobs waiting, active, done and failed, its workers, and the progress of the runs that fed it')
    .requiredOption('--queue <redis-url>', 'the Redis the runs enqueue to')
    .option('--json', 'print the status as JSON')
    .action(async (options: { queue: string; json?: boolean }) => {
      const { queueStatus } = await import('../cluster/status.js');
      const s = await queueStatus(options.queue);
      if (options.json) {
        writeLine(io.stdout, JSON.stringify(s, null, 2));
        return;
      }
      const j = s.jobs;
      writeLine(io.stdout, `queue ${options.queue}: ${j.waiting} waiting, ${j.active} active, ${j.delayed} delayed (retrying), ${j.completed} done, ${j.failed} failed | ${s.workers} worker connection${s.workers === 1 ? '' : 's'}`);
      for (const r of s.runs) {
        const pct = Math.floor((100 * r.done) / Math.max(r.total, 1));
        writeLine(io.stdout, `run ${r.runId} (${r.state}): ${r.done}/${r.total} (${pct} %) | ${r.processed} processed, ${r.skipped} skipped, ${r.failed} failed | as of ${r.updatedAt}`);
      }
      if (s.failedJobs.length) {
        writeLine(io.stdout, `failed jobs (newest ${s.failedJobs.length}; \`kiji run\` again re-queues their articles):`);
        for (const f of s.failedJobs) writeLine(io.stdout, `  run ${f.runId} ${f.path}: ${f.reason} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})`);
      }
    });
}
