/**
 * The writer thread of `kiji run` (writer.ts): its own connection to the run's database, writing the
 * batches it is sent, one transaction each, in order, under the run the main thread began. Replies
 * once per batch: written, or the error (the transaction rolled back). Compiled to
 * dist/batch/writer-thread.js.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoredArticle } from '../store/rows.js';
import { KijiStore, type WritingRun } from '../store/store.js';

export type WriterRequest = { kind: 'write'; id: number; batch: StoredArticle[] } | { kind: 'close' };
export type WriterReply = { id: number; ok: true; ms: number } | { id: number; ok: false; ms: number; message: string; code?: string };
/** The writer thread's last message: its own CPU time, from start to close (what it took from the workers' cores). */
export interface WriterCpu {
  kind: 'cpu';
  cpuMs: number;
}

/** This thread's CPU time (user + system) in ms, from Linux's /proc/thread-self/stat (in 1/100 s); undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

if (parentPort) {
  const port = parentPort;
  const { path, run } = workerData as { path: string; run: WritingRun };
  let store: KijiStore | undefined;
  let openError: unknown;
  try {
    store = new KijiStore(path, { migrated: true });
    store.continueRun(run);
  } catch (error) {
    openError = error;
  }
  port.on('message', (request: WriterRequest) => {
    if (request.kind === 'close') {
      // Not store.close(): the main thread's connection is still open, and leaving WAL mode is its job.
      store?.db.close();
      const cpuMs = threadCpuMs();
      if (cpuMs !== undefined) port.postMessage({ kind: 'cpu', cpuMs } satisfies WriterCpu);
      port.close();
      return;
    }
    const t = performance.now();
    try {
      if (!store) throw openError;
      store.writeArticles(request.batch);
      port.postMessage({ id: request.id, ok: true, ms: performance.now() - t } satisfies WriterReply);
    } catch (failure) {
      const code = (failure as { code?: unknown }).code;
      port.postMessage({ id: request.id, ok: false, ms: performance.now() - t, message: (failure as Error).message ?? String(failure), ...(typeof code === 'string' ? { code } : {}) } satisfies WriterReply);
    }
  });
}
