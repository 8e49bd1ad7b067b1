/**
 * The worker-thread side of `kiji run`: one pipeline (one kuromoji) per worker, built on the first
 * task and reused. A task reads and decodes one file, is processed with the tasks that wait beside it (a batch),
 * and returns rows ready for the store; nothing an article does — bad bytes, a pipeline error — escapes as an exception.
 * Compiled to dist/batch/worker.js, which the pool loads.
 */
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { useDictionaryImage } from '../stages/tokenize/kuromoji.js';
import { gramTokens } from '../store/grams.js';
import { okArticle, type StoredArticle } from '../store/rows.js';
import { dateInFileName } from '../text/published-at.js';
import { BATCH_ARTICLES, BATCH_CHARS } from './batch-size.js';
import { WARM_UP_TEXT } from './warm-up.js';
import { CLOCK_BATCH, CLOCK_CANCELLED, CLOCK_FIRST, CLOCK_LOAD_STARTED, CLOCK_LOADED_MS, CLOCK_STARTED, CLOCK_THREAD } from './worker-clock.js';
import { articleFromBytes, readArticleFileSync } from '../text/read-article.js';

export interface WorkerData {
  config: KijiConfig;
  /** The tokenizer's dictionary image in shared memory (pool.ts), so that workers do not each load one. */
  dictionary?: SharedArrayBuffer;
  /** Compute each article's gram tokens here (the store's writer would otherwise, on its one thread). */
  gramTokens?: boolean;
}

export interface ArticleTask {
  path: string;
  maxBytes: number;
  /** The file's bytes when they were read elsewhere (a queue job carries them; the main thread, which read them to see they changed); else the worker reads `path`. */
  bytes?: Uint8Array;
  /** SHA-256 of `bytes` when whoever read them hashed them already. */
  sha256?: string;
  /** Shared with the scheduler, which counts the article's time limit from it (worker-clock.ts). */
  clock?: Float64Array;
  /** Process it in a batch of its own: its batch ran over the time limit or ended its worker, so it is tried alone. */
  alone?: boolean;
}

export interface ArticleTaskResult {
  article: StoredArticle;
  /** Records per type, for the summary. */
  types: Record<string, number>;
  /** Time in this worker: reading + decoding, and the pipeline. */
  readMs: number;
  /** Waiting for the pipeline to load (kuromoji's views, compromise): non-zero for a worker's first article of each language only. */
  loadMs: number;
  processMs: number;
  /** Peak V8 heap of this worker so far (MB). */
  heapMb: number;
  threadId: number;
}

const sharedDictionary = (Piscina.workerData as WorkerData | undefined)?.dictionary;
if (sharedDictionary) useDictionaryImage(sharedDictionary);

let pipeline: Promise<Pipeline> | undefined;
let peakHeap = 0;

interface Waiting {
  task: ArticleTask;
  resolve: (result: ArticleTaskResult) => void;
  reject: (error: unknown) => void;
}

/** Tasks handed to this worker and not started yet, in order. */
const waiting: Waiting[] = [];
let draining = false;
/** Tasks this worker has started. */
let started = 0;

export default function processArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ task, resolve, reject });
    if (!draining) void drain();
  });
}

/** Processes the waiting tasks, a batch at a time, until none is left. */
async function drain(): Promise<void> {
  draining = true;
  try {
    while (waiting.length > 0) {
      // The tasks piscina is delivering right now join this batch.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = nextBatch();
      try {
        await processTasks(batch);
      } catch (error) {
        // A bug here, not an article's doing (those become failed rows): its tasks fail, and the worker goes on.
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    draining = false;
  }
}

/** The next batch: up to BATCH_ARTICLES waiting tasks in order (a task to run alone, and the worker's first, make a batch of their own); cancelled ones are rejected. */
function nextBatch(): Waiting[] {
  const batch: Waiting[] = [];
  while (waiting.length > 0 && batch.length < BATCH_ARTICLES) {
    const next = waiting[0]!;
    // Given up while it waited: its caller has moved on.
    if (next.task.clock?.[CLOCK_CANCELLED] === 1) {
      waiting.shift();
      next.reject(new KijiError('E_INTERNAL', `the task for ${next.task.path} was cancelled before it started`));
      continue;
    }
    if (batch.length > 0 && (next.task.alone || batch[0]!.task.alone)) break;
    batch.push(waiting.shift()!);
    // A worker's first article is a batch of its own: it loads the pipeline and warms up the code, for which its
    // time limit has an allowance (CLOCK_FIRST) that the articles after it do not get.
    if (started === 0) break;
  }
  return batch;
}

/** A task's article once read and decoded, or the row saying why it could not be. */
interface Read {
  waiting: Waiting;
  readMs: number;
  source: { path: string; contentHash: string | null; bytes: number | null; format?: string; encoding?: string };
  decoded?: ReturnType<typeof articleFromBytes>;
  failed?: StoredArticle;
}

/** Reads, processes together and answers one batch of tasks. */
async function processTasks(batch: Waiting[]): Promise<void> {
  if (batch.length === 0) return;
  const first = started === 0 ? 1 : 0;
  const now = Date.now();
  for (const { task } of batch) {
    if (!task.clock) continue;
    task.clock[CLOCK_FIRST] = first;
    task.clock[CLOCK_BATCH] = batch.length;
    task.clock[CLOCK_THREAD] = threadId;
    task.clock[CLOCK_STARTED] = now;
  }
  started += batch.length;
  // Read first: a file that cannot be read or decoded never waits for (or loads) kuromoji.
  const reads = batch.map(readTask);
  const readable = reads.filter((r) => r.decoded);
  let loadMs = 0;
  let ready: Pipeline | undefined;
  let failure: unknown;
  if (readable.length > 0) {
    const t1 = performance.now();
    try {
      // Lazy: each language's stages are built on its first article, so a Japanese folder never loads compromise.
      pipeline ??= createPipeline((Piscina.workerData as WorkerData).config, undefined, { lazy: true });
      ready = await pipeline;
      await loadLanguages(ready, readable);
    } catch (error) {
      failure = error;
    }
    loadMs = performance.now() - t1;
  }
  for (const part of byChars(readable)) {
    const t2 = performance.now();
    const outcomes = ready ? processRead(ready, part) : part.map(() => ({ ok: false as const, error: failure }));
    const processMs = (performance.now() - t2) / part.length;
    part.forEach((r, k) => {
      const outcome = outcomes[k]!;
      finishTask(r, outcome.ok ? outcome.article : failedArticle(r.source, outcome.error), outcome.ok ? outcome.types : {}, loadMs / readable.length, processMs);
    });
  }
  for (const r of reads) if (!r.decoded) finishTask(r, r.failed!, {}, 0, 0);
}

function readTask(w: Waiting): Read {
  const { task } = w;
  const t0 = performance.now();
  const source: Read['source'] = { path: task.path, contentHash: null, bytes: null };
  try {
    const decoded = task.bytes ? articleFromBytes(task.path, task.bytes, task.sha256) : readArticleFileSync(task.path, { maxBytes: task.maxBytes });
    Object.assign(source, { contentHash: decoded.sha256, bytes: decoded.bytes, format: decoded.format, encoding: decoded.encoding });
    return { waiting: w, readMs: performance.now() - t0, source, decoded };
  } catch (error) {
    return { waiting: w, readMs: performance.now() - t0, source, failed: failedArticle(source, error) };
  }
}

/** Builds (and warms up: warm-up.ts) the stages of every language the batch holds that are not built yet, the time counted on each task's clock as loading. */
async function loadLanguages(ready: Pipeline, reads: readonly Read[]): Promise<void> {
  for (const language of new Set(reads.map((r) => ready.languageOf(r.decoded!.text)))) {
    if (ready.isLoaded(language)) continue;
    const clocks = reads.map((r) => r.waiting.task.clock).filter((c) => c !== undefined);
    for (const clock of clocks) clock[CLOCK_LOAD_STARTED] = Date.now();
    try {
      await ready.load(language);
      ready.process({ text: WARM_UP_TEXT[language] });
    } finally {
      for (const clock of clocks) {
        clock[CLOCK_LOADED_MS] = clock[CLOCK_LOADED_MS]! + Date.now() - clock[CLOCK_LOAD_STARTED]!;
        clock[CLOCK_LOAD_STARTED] = 0;
      }
    }
  }
}

/** Consecutive parts of the batch of at most BATCH_CHARS characters each (one article at least). */
function byChars(reads: readonly Read[]): Read[][] {
  const parts: Read[][] = [];
  let chars = Infinity;
  for (const r of reads) {
    const length = r.decoded!.text.length;
    if (chars + length > BATCH_CHARS) {
      parts.push([]);
      chars = 0;
    }
    parts[parts.length - 1]!.push(r);
    chars += length;
  }
  return parts;
}

type Processed = { ok: true; article: StoredArticle; types: Record<string, number> } | { ok: false; error: unknown };

/** The articles through the pipeline together, each made into its row (or the reason it failed). */
function processRead(ready: Pipeline, reads: readonly Read[]): Processed[] {
  const { config } = ready;
  const inputs = reads.map(({ waiting: { task }, decoded }) => {
    // --published-at (config publishedAt) over the file's own date, then a date in the file name.
    const publishedAt = config.publishedAt ?? decoded!.publishedAt ?? (config.fileNameDates ? dateInFileName(task.path) : undefined);
    return {
      id: task.path,
      source: task.path,
      text: decoded!.text,
      ...(decoded!.title !== undefined ? { title: decoded!.title } : {}),
      ...(publishedAt !== undefined ? { publishedAt } : {}),
    };
  });
  return ready.processBatch(inputs).map((outcome, k): Processed => {
    if (!outcome.ok) return outcome;
    try {
      const types: Record<string, number> = {};
      for (const record of outcome.result.records) types[record.type] = (types[record.type] ?? 0) + 1;
      const article = okArticle(reads[k]!.source, outcome.result, reads[k]!.decoded!.text);
      if ((Piscina.workerData as WorkerData).gramTokens) article.grams = gramTokens(article.title, article.text);
      return { ok: true, article, types };
    } catch (error) {
      return { ok: false, error };
    }
  });
}

function failedArticle(source: Read['source'], error: unknown): StoredArticle {
  const { code, message } = describeError(error);
  return { ...source, status: 'failed', errorCode: code, error: message };
}

function finishTask(r: Read, article: StoredArticle, types: Record<string, number>, loadMs: number, processMs: number): void {
  const heap = getHeapStatistics().used_heap_size / 1048576;
  if (heap > peakHeap) peakHeap = heap;
  r.waiting.resolve({ article, types, readMs: r.readMs, loadMs, processMs, heapMb: Math.round(peakHeap), threadId });
}
