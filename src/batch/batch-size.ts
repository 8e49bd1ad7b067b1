/**
 * How many articles a worker processes together at most (Pipeline.processBatch: each stage over all of them before the
 * next, so that its tables stay in the caches: a quarter faster than one article after another, \`npm run bench:batch\`),
 * and the characters such a batch holds at most (a large file goes alone, so that a batch needs little more memory than
 * its largest article). The pool hands each worker twice as many tasks, so that the next batch has arrived when one is done.
 */
export const BATCH_ARTICLES = 16;
export const BATCH_CHARS = 400_000;
