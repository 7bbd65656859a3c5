import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary; the fuzz and browser tests take a few seconds.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
