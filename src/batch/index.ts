export { runBatch, type BatchFailure, type BatchOptions, type BatchProgress, type BatchSummary } from './run.js';
export { walkInputs, type WalkResult } from './walk.js';
export { configHash, extractionConfig } from './config-hash.js';
export { createArticlePool, workerFileUrl, WORKER_HEAP_LIMIT_MB, workerHeapLimitMb, type ArticlePool } from './pool.js';
