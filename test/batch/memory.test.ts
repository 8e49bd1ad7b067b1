import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { peakRssMb } from '../../src/batch/peak-rss.js';
import { WORKER_HEAP_LIMIT_MB, workerDataFor, workerHeapLimitMb } from '../../src/batch/pool.js';
import { DEFAULT_MAX_FILE_BYTES, parseConfig } from '../../src/schema/config.js';

describe('worker heap limit', () => {
  it('admits the default largest article with the base limit, and grows with maxFileBytes', () => {
    expect(workerHeapLimitMb({ maxFileBytes: DEFAULT_MAX_FILE_BYTES })).toBe(WORKER_HEAP_LIMIT_MB);
    expect(workerHeapLimitMb({ maxFileBytes: 1024 })).toBe(WORKER_HEAP_LIMIT_MB);
    expect(workerHeapLimitMb({ maxFileBytes: 64 * 1048576 })).toBe(6144);
  });
});

describe('one dictionary for all workers', () => {
  it('hands every worker the same dictionary image in shared memory, and none to English-only runs', () => {
    const a = workerDataFor(parseConfig({}));
    const b = workerDataFor(parseConfig({ language: 'ja' }));
    expect(a.dictionary).toBeInstanceOf(SharedArrayBuffer);
    expect(b.dictionary).toBe(a.dictionary);
    expect(workerDataFor(parseConfig({ language: 'en' })).dictionary).toBeUndefined();
  });
});

describe('peak RSS', () => {
  it('is at least the current RSS', () => {
    expect(peakRssMb()).toBeGreaterThanOrEqual(Math.floor(process.memoryUsage().rss / 1048576) - 1);
  });

  // Linux carries getrusage's maxRSS over from the parent across fork + exec; the batch summary (and
  // the throughput bench's memory figures) must report the child's own peak.
  // The child runs the compiled module (`npm test` builds first).
  const compiled = new URL('../../dist/batch/peak-rss.js', import.meta.url);
  it.runIf(existsSync('/proc/self/status') && existsSync(compiled))('is the process\'s own, not inherited from a large parent', () => {
    const child = `import(${JSON.stringify(compiled.href)}).then((m) => console.log(m.peakRssMb()))`;
    const parent = `const b = Buffer.alloc(400 * 1048576, 1); process.stdout.write(require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(child)}]))`;
    const reported = Number(execFileSync(process.execPath, ['-e', parent], { encoding: 'utf8' }).trim());
    expect(reported).toBeGreaterThan(10);
    expect(reported).toBeLessThan(200);
  });
});
