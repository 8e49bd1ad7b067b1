import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dates resolve against pinned reference dates; pin the zone too so no test depends on the host. The config
    // cache (src/config/cache.ts) of the many configs tests write goes to a temporary folder, not the user's own.
    env: { TZ: 'Asia/Tokyo', KIJI_CACHE_DIR: join(tmpdir(), 'kiji-test-config-cache') },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // kuromoji costs ~370 MB per loaded copy: keep the number of test workers small.
    maxWorkers: 2,
  },
});
