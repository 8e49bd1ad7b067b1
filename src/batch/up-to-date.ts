import { createHash } from 'node:crypto';
import { describeError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import type { FailedArticle } from '../store/rows.js';
import type { StoredState } from '../store/identity.js';
import { type ArticleState, type KijiStore, type RunInfo, versionFor } from '../store/store.js';
import { readBytesSync } from '../text/read-bytes.js';
import { fileStamp, hashFile } from './file-hash.js';
import { workerHeapLimitMb } from './heap-limit.js';
import type { ReadFile, TaskOutcome } from './scheduler.js';

/** Time spent hashing files to skip them (a field of the run's timings). */
export interface HashTimings {
  hashMs: number;
}

/** Failures that cost a worker; skipped on the next runs while the bytes, the pipeline, the config and its limits stay the same. */
const COSTLY_FAILURES: ReadonlySet<string> = new Set(['E_TIMEOUT', 'E_TOO_LARGE']);

/**
 * The row recorded for an article whose worker did not return a result. A timeout or a worker out of memory
 * is stored with the file's hash and the limits it hit (`limitsHash`), so the next run skips it unless one
 * of them changed; a crash (a bug) is tried again every run.
 */
export function failedTask(path: string, outcome: Exclude<TaskOutcome, { kind: 'done' | 'interrupted' }>, config: KijiConfig, limitsHash: string, read: ReadFile | undefined): FailedArticle {
  const failed = (errorCode: FailedArticle['errorCode'], error: string): FailedArticle => ({ path, status: 'failed', errorCode, error: `${path}: ${error}`, contentHash: null, bytes: null });
  const costly = (errorCode: FailedArticle['errorCode'], error: string): FailedArticle => {
    const row: FailedArticle = { ...failed(errorCode, `${error}. The next runs skip it while the file, kiji and these settings stay the same (kiji run --retry-failed tries again)`), configHash: limitsHash };
    try {
      row.contentHash = read?.sha256 ?? hashFile(path);
      row.bytes = read?.bytes.length ?? null;
    } catch {
      /* unreadable now: no hash, so the next run tries again */
    }
    return row;
  };
  if (outcome.kind === 'timeout') {
    return costly('E_TIMEOUT', `processing took longer than articleTimeoutMs (${config.articleTimeoutMs} ms; stopped after ${outcome.ms} ms); the worker was replaced. Raise articleTimeoutMs in the config for very large articles`);
  }
  if ((outcome.error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return costly('E_TOO_LARGE', `processing needed more than the worker's ${workerHeapLimitMb(config)} MB heap (the limit grows with maxFileBytes); the worker was replaced`);
  }
  return failed('E_INTERNAL', `the worker processing this article crashed: ${describeError(outcome.error).message}`);
}

/** What a run knows of the stored articles: those under its inputs from one query, any other path (a file reached through a link) looked up alone. */
export class StoredArticles {
  constructor(
    private readonly store: KijiStore,
    private readonly roots: readonly string[],
    readonly byPath: Map<string, StoredState>,
  ) {}

  get(path: string): ArticleState | undefined {
    const state = this.byPath.get(path);
    if (state || this.roots.some((root) => path === root || path.startsWith(`${root}/`))) return state;
    return this.store.lookup(path);
  }
}

/** Why a file is not processed again (`restamp`: a stat to store, found by hashing the file), or what its processing starts from. */
export type UpToDate =
  | { skip: true; failedBefore?: string; restamp?: string }
  | { skip: false; read?: ReadFile; stamp?: string };

/**
 * Up to date: processed successfully before from the same bytes and config, by the same version of its
 * language's path, or failed before in a way that costs a worker (a timeout) from the same bytes, pipeline,
 * config and limits (`failedBefore`, unless `retryFailed`). The bytes are the same when the file's stat is the
 * one stored with them (see `fileStamp` for why that holds; `rehash` does not trust it), else when their
 * SHA-256 is. A known file whose bytes changed gives them back with their hash (`read`), so that the worker
 * neither reads nor hashes the file again. `stamp`: the stat taken before the bytes were read, to store with
 * what is processed from them.
 */
export function checkUpToDate(
  state: ArticleState | undefined, path: string, run: RunInfo, timings: HashTimings,
  options: { maxBytes: number; limitsHash: string; retryFailed: boolean; rehash: boolean; nowMs?: number; racyMs?: number },
): UpToDate {
  const stamp = fileStamp(path, options.maxBytes, options.nowMs, options.racyMs);
  if (!state) return processFrom(stamp);
  const ok = state.status === 'ok' && state.pipelineVersion === versionFor(state.lang, run) && state.configHash === run.configHash;
  const failedBefore = !options.retryFailed && state.status === 'failed' && state.errorCode !== null && COSTLY_FAILURES.has(state.errorCode) &&
    state.pipelineVersion === run.pipelineVersion && state.configHash === options.limitsHash;
  if (!ok && !failedBefore) return processFrom(stamp);
  // The common case of a re-run, once per unchanged file: no object made for it.
  if (!options.rehash && stamp !== undefined && stamp === state.fileStat) return ok ? UP_TO_DATE : { skip: true, failedBefore: state.errorCode! };
  const t = performance.now();
  try {
    const bytes = readBytesSync(path, options.maxBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== state.contentHash) return processFrom(stamp, { bytes, sha256 });
    const restamp = stamp !== state.fileStat ? stamp : undefined;
    return { skip: true, ...(ok ? {} : { failedBefore: state.errorCode! }), ...(restamp !== undefined ? { restamp } : {}) };
  } catch {
    return processFrom(stamp); // unreadable or too large now: let the worker record why
  } finally {
    timings.hashMs += performance.now() - t;
  }
}

const UP_TO_DATE: UpToDate = Object.freeze({ skip: true });

/** A file to process, from the bytes already read (`read`), to be stored under `stamp`. */
const processFrom = (stamp: string | undefined, read?: ReadFile): UpToDate => ({ skip: false, ...(read ? { read } : {}), ...(stamp !== undefined ? { stamp } : {}) });
