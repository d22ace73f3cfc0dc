import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // each file builds its app on its own database, so files can run side by side
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
