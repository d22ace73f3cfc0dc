import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for type-graphql and Apollo; our sources must get the
    // same copy, not the .mjs one Vite would pick, or graphql-js sees two realms
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // each file builds its app on its own database, so files can run side by side
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // expect.poll waits for work in other processes (the server, PostgreSQL) on a shared machine: a
    // passing poll returns at once, so only a failure waits this long (vitest's default is 1 s)
    expect: { poll: { timeout: 10_000 } },
  },
});
