import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dates resolve against pinned reference dates; pin the zone too so no test depends on the host.
    env: { TZ: 'Asia/Tokyo' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // kuromoji costs ~370 MB per loaded copy: keep the number of test workers small.
    maxWorkers: 2,
  },
});
