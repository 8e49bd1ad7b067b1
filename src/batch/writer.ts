import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KijiError } from '../core/errors.js';
import type { StoredArticle } from '../store/rows.js';
import type { KijiStore, WritingRun } from '../store/store.js';
import type { WriterCpu, WriterReply, WriterRequest } from './writer-thread.js';

/**
 * The write side of a run: finished articles wait here and are written in batched transactions —
 * when `batchSize` are waiting, and at least every `flushMs`. The transactions run on a thread of
 * their own with its own connection (writer-thread.ts): the FTS5 trigram index makes writing an
 * article cost about a third of processing it, and on the main thread that time was taken from the
 * workers, which waited for their next article while a transaction ran. A failed write keeps its
 * batch (the transaction rolled back; the final flush tries it again) and is kept as `error` for the
 * run to stop on.
 */
export interface BatchWriter {
  add(article: StoredArticle): void;
  /** Resolves when fewer than a few batches wait for the writer (back-pressure on a slow disk). */
  room(): Promise<void>;
  /** Writes what is waiting and waits until it is written; rejects when the database failed. */
  flush(): Promise<void>;
  /** The first write that failed. */
  readonly error: unknown;
  /** Time spent in write transactions. */
  readonly writeMs: number;
  /** The writer thread's CPU time from its start to its close (Linux; known after close()). */
  readonly cpuMs: number | undefined;
  /** Flushes what is waiting (errors are kept in `error`) and releases the writer's connection and thread. */
  close(): Promise<void>;
}

/** Batches posted to the writer and not written yet, past which `room()` waits. */
const MAX_BATCHES_IN_FLIGHT = 4;

/** Where batches go: a writer thread, or (an in-memory database, which no other connection can open) the store itself. */
interface BatchSink {
  write(id: number, batch: StoredArticle[]): void;
  close(): Promise<void>;
  /** The writing thread's CPU time, once closed (a thread of its own, on Linux). */
  readonly cpuMs?: number | undefined;
}

export interface BatchWriterOptions {
  batchSize: number;
  flushMs: number;
}

export function createBatchWriter(store: KijiStore, options: BatchWriterOptions): BatchWriter {
  let pending: StoredArticle[] = [];
  const inFlight = new Map<number, StoredArticle[]>();
  let nextId = 0;
  let error: unknown;
  let writeMs = 0;
  let closed = false;
  let waiters: (() => void)[] = [];
  const settle = (reply: WriterReply) => {
    const batch = inFlight.get(reply.id);
    inFlight.delete(reply.id);
    writeMs += reply.ms;
    if (!reply.ok) {
      error ??= Object.assign(new Error(reply.message), reply.code !== undefined ? { code: reply.code } : {});
      if (batch) pending = batch.concat(pending); // nothing of the batch was written: the transaction rolled back
    }
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  let sink: BatchSink | undefined;
  const sinkOf = (): BatchSink => (sink ??= store.path === ':memory:' ? directSink(store, settle) : threadSink(store, settle));
  const post = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const id = nextId++;
    inFlight.set(id, batch);
    sinkOf().write(id, batch);
  };
  const waitFor = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : waiters.push(check));
      check();
    });
  const timer = setInterval(() => {
    if (!error) post();
  }, options.flushMs);
  timer.unref();
  const drain = async () => {
    post();
    await waitFor(() => inFlight.size === 0);
  };
  return {
    add(article) {
      if (closed) return; // a late result after the run stopped: not recorded, the next run processes it
      pending.push(article);
      if (pending.length >= options.batchSize && !error) post();
    },
    room: () => waitFor(() => inFlight.size < MAX_BATCHES_IN_FLIGHT),
    async flush() {
      await drain();
      if (error) throw error;
    },
    get error() {
      return error;
    },
    get writeMs() {
      return writeMs;
    },
    get cpuMs() {
      return sink?.cpuMs;
    },
    async close() {
      clearInterval(timer);
      if (closed) return;
      try {
        if (!error) await drain(); // after a failed write the run has stopped: its final flush already tried again
        else await waitFor(() => inFlight.size === 0);
      } finally {
        closed = true;
        await sink?.close();
      }
    },
  };
}

/** Writes in the calling thread (an in-memory database). */
function directSink(store: KijiStore, settle: (reply: WriterReply) => void): BatchSink {
  return {
    write(id, batch) {
      const t = performance.now();
      try {
        store.writeArticles(batch);
        settle({ id, ok: true, ms: performance.now() - t });
      } catch (failure) {
        settle({ id, ok: false, ms: performance.now() - t, ...describeFailure(failure) });
      }
    },
    close: async () => {},
  };
}

export function describeFailure(failure: unknown): { message: string; code?: string } {
  const code = (failure as { code?: unknown }).code;
  return { message: (failure as Error).message ?? String(failure), ...(typeof code === 'string' ? { code } : {}) };
}

/** The compiled writer thread: next to this module in dist/, or dist/ when this module runs from src/ (vitest). */
function writerThreadUrl(): URL {
  for (const candidate of ['./writer-thread.js', '../../dist/batch/writer-thread.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new KijiError('E_INTERNAL', 'the batch writer is not built (dist/batch/writer-thread.js is missing): run `npm run build`');
}

/** A thread with its own connection, writing under the run the main thread began. */
function threadSink(store: KijiStore, settle: (reply: WriterReply) => void): BatchSink {
  const run: WritingRun = store.writingRun();
  const worker = new Worker(writerThreadUrl(), { workerData: { path: store.path, run } });
  const waiting = new Set<number>();
  let gone: Error | undefined;
  let cpuMs: number | undefined;
  const fail = (failure: unknown) => {
    gone ??= failure instanceof Error ? failure : new Error(String(failure));
    for (const id of [...waiting]) {
      waiting.delete(id);
      settle({ id, ok: false, ms: 0, ...describeFailure(gone) });
    }
  };
  worker.on('message', (reply: WriterReply | WriterCpu) => {
    if ('kind' in reply) {
      cpuMs = reply.cpuMs;
      return;
    }
    waiting.delete(reply.id);
    settle(reply);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the writer thread stopped (exit code ${code})`)));
  return {
    get cpuMs() {
      return cpuMs;
    },
    write(id, batch) {
      if (gone) return settle({ id, ok: false, ms: 0, ...describeFailure(gone) });
      waiting.add(id);
      worker.postMessage({ kind: 'write', id, batch } satisfies WriterRequest);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (gone) return resolve();
        worker.once('exit', () => resolve());
        worker.postMessage({ kind: 'close' } satisfies WriterRequest);
      }),
  };
}
