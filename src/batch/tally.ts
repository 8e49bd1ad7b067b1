import type { FailedArticle, StoredArticle } from '../store/rows.js';
import type { RunCounts } from '../store/store.js';
import type { TaskOutcome } from './scheduler.js';
import type { BatchFailure, BatchProgress, BatchSummary } from './run.js';

/**
 * What one run has seen, done and spent, kept apart from the loop that drives it: every article
 * settles here once (processed, failed or skipped), and the summary is read off it at the end.
 */
export class RunTally {
  readonly counts: RunCounts = { seen: 0, processed: 0, skipped: 0, failed: 0 };
  readonly records: Record<string, number> = {};
  readonly failures: BatchFailure[] = [];
  readonly skippedFailures: BatchSummary['skippedFailures'] = [];
  readonly timings: BatchSummary['timings'] = { walkMs: 0, readMs: 0, loadMs: 0, processMs: 0, writeMs: 0, hashMs: 0 };
  private readonly workerHeap = new Map<number, number>();
  private chars = 0;

  /** `started`: when the run began (performance.now()), before it took the lock. */
  constructor(
    private readonly onProgress: ((progress: BatchProgress) => void) | undefined,
    private readonly started: number,
  ) {}

  progress(): void {
    const { seen, processed, skipped, failed } = this.counts;
    this.onProgress?.({ total: seen, done: processed + skipped + failed, processed, skipped, failed, elapsedMs: performance.now() - this.started });
  }

  /** An article skipped as up to date, or as one that failed before in a way that would fail again. */
  skip(path: string, failedBefore?: string): void {
    if (failedBefore !== undefined) this.skippedFailures.push({ path, code: failedBefore });
    this.counts.skipped++;
    this.progress();
  }

  /** Counts a finished article (ok or failed) and hands it to `write`. */
  settle(article: StoredArticle, write: (article: StoredArticle) => void): void {
    if (article.status === 'ok') this.counts.processed++;
    else {
      // Reasons are stored without the path, which is the row's own column.
      if (article.error.startsWith(`${article.path}: `)) article.error = article.error.slice(article.path.length + 2);
      this.counts.failed++;
      this.failures.push({ path: article.path, code: article.errorCode, reason: article.error });
    }
    write(article);
    this.progress();
  }

  /** A worker's outcome: its result, or the failed row `failedRow` makes for it; an interrupted task is left for the next run. */
  outcome(outcome: TaskOutcome, failedRow: (outcome: Exclude<TaskOutcome, { kind: 'done' | 'interrupted' }>) => FailedArticle, write: (article: StoredArticle) => void): void {
    if (outcome.kind === 'interrupted') return;
    if (outcome.kind !== 'done') {
      this.settle(failedRow(outcome), write);
      return;
    }
    const { result } = outcome;
    this.timings.readMs += result.readMs;
    this.timings.loadMs += result.loadMs;
    this.timings.processMs += result.processMs;
    this.workerHeap.set(result.threadId, Math.max(this.workerHeap.get(result.threadId) ?? 0, result.heapMb));
    if (result.article.status === 'ok') {
      this.chars += result.article.chars;
      for (const [type, n] of Object.entries(result.types)) this.records[type] = (this.records[type] ?? 0) + n;
    }
    this.settle(result.article, write);
  }

  /** The run's figures, for its summary. */
  figures(): Pick<BatchSummary, 'records' | 'failures' | 'skippedFailures' | 'chars' | 'elapsedMs' | 'timings'> & { workerHeapMb: number[] } & RunCounts {
    return {
      ...this.counts,
      records: this.records,
      failures: this.failures,
      skippedFailures: this.skippedFailures,
      chars: this.chars,
      elapsedMs: performance.now() - this.started,
      timings: Object.fromEntries(Object.entries(this.timings).map(([k, v]) => [k, Math.round(v)])) as BatchSummary['timings'],
      workerHeapMb: [...this.workerHeap.values()],
    };
  }
}
