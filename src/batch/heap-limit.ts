import type { KijiConfig } from '../schema/config.js';

/**
 * V8 old-space limit per worker: enough for the largest article the config admits, and no more,
 * because V8 sizes its heap from this limit — with 2 GB, two workers let garbage pile up to 450 MB
 * each before collecting; with 768 MB they stay under 200 MB at the same speed. An 8 MiB article (the
 * default `maxFileBytes`, ~3 M characters) peaks at ~470 MB. kuromoji's dictionary lives mostly in
 * typed arrays outside this limit. An article that needs more kills only its worker, which is recorded
 * as a failed article and replaced.
 */
export const WORKER_HEAP_LIMIT_MB = 768;
/** Heap per byte of input the largest articles needed (measured), with headroom. */
const HEAP_BYTES_PER_INPUT_BYTE = 96;

export function workerHeapLimitMb(config: Pick<KijiConfig, 'maxFileBytes'>): number {
  return Math.max(WORKER_HEAP_LIMIT_MB, Math.ceil((config.maxFileBytes * HEAP_BYTES_PER_INPUT_BYTE) / 1048576));
}
