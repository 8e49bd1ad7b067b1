/**
 * The worker-thread side of `kiji run`: one pipeline (one kuromoji) per worker, built on the first
 * task and reused. A task reads, decodes and processes one file and returns rows ready for the
 * store; nothing an article does — bad bytes, a pipeline error — escapes as an exception.
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
import { CLOCK_CANCELLED, CLOCK_FIRST, CLOCK_LOAD_STARTED, CLOCK_LOADED_MS, CLOCK_STARTED, CLOCK_THREAD } from './worker-clock.js';
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

/** The task before this one on this worker: the pool hands each worker two, which run one after the other. */
let previous: Promise<unknown> = Promise.resolve();

export default function processArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  const turn = previous.then(() => processArticle(task));
  previous = turn.catch(() => {});
  return turn;
}

let started = 0;

async function processArticle(task: ArticleTask): Promise<ArticleTaskResult> {
  if (task.clock) {
    // Given up while it waited behind the one before it: its caller has moved on.
    if (task.clock[CLOCK_CANCELLED] === 1) throw new KijiError('E_INTERNAL', `the task for ${task.path} was cancelled before it started`);
    task.clock[CLOCK_FIRST] = started === 0 ? 1 : 0;
    task.clock[CLOCK_THREAD] = threadId;
    task.clock[CLOCK_STARTED] = Date.now();
  }
  started++;
  const t0 = performance.now();
  let tRead: number | undefined;
  let t1: number | undefined;
  let article: StoredArticle;
  const types: Record<string, number> = {};
  let source: { path: string; contentHash: string | null; bytes: number | null; format?: string; encoding?: string } = { path: task.path, contentHash: null, bytes: null };
  try {
    // Read first: a file that cannot be read or decoded never waits for (or loads) kuromoji.
    const decoded = task.bytes ? articleFromBytes(task.path, task.bytes, task.sha256) : readArticleFileSync(task.path, { maxBytes: task.maxBytes });
    source = { path: task.path, contentHash: decoded.sha256, bytes: decoded.bytes, format: decoded.format, encoding: decoded.encoding };
    tRead = performance.now();
    // Lazy: each language's stages are built on its first article, so a Japanese folder never loads compromise.
    pipeline ??= createPipeline((Piscina.workerData as WorkerData).config, undefined, { lazy: true });
    const ready = await pipeline;
    const language = ready.languageOf(decoded.text);
    if (!ready.isLoaded(language)) {
      const clock = task.clock;
      if (clock) clock[CLOCK_LOAD_STARTED] = Date.now();
      try {
        await ready.load(language);
      } finally {
        if (clock) {
          clock[CLOCK_LOADED_MS] = clock[CLOCK_LOADED_MS]! + Date.now() - clock[CLOCK_LOAD_STARTED]!;
          clock[CLOCK_LOAD_STARTED] = 0;
        }
      }
    }
    t1 = performance.now();
    // --published-at (config publishedAt) over the file's own date, then a date in the file name.
    const publishedAt = ready.config.publishedAt ?? decoded.publishedAt ?? (ready.config.fileNameDates ? dateInFileName(task.path) : undefined);
    const result = ready.process({
      id: task.path,
      source: task.path,
      text: decoded.text,
      ...(decoded.title !== undefined ? { title: decoded.title } : {}),
      ...(publishedAt !== undefined ? { publishedAt } : {}),
    });
    for (const record of result.records) types[record.type] = (types[record.type] ?? 0) + 1;
    article = okArticle(source, result, decoded.text);
    if ((Piscina.workerData as WorkerData).gramTokens) article.grams = gramTokens(article.title, article.text);
  } catch (error) {
    const { code, message } = describeError(error);
    article = { ...source, status: 'failed', errorCode: code, error: message };
  }
  const t2 = performance.now();
  const heap = getHeapStatistics().used_heap_size / 1048576;
  if (heap > peakHeap) peakHeap = heap;
  return { article, types, readMs: (tRead ?? t2) - t0, loadMs: t1 === undefined || tRead === undefined ? 0 : t1 - tRead, processMs: t1 === undefined ? 0 : t2 - t1, heapMb: Math.round(peakHeap), threadId };
}
