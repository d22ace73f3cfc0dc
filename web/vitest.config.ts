import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// the app's own build settings (plugins, compile-time flags), plus the two test projects
export default mergeConfig(viteConfig, defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // one Chromium at a time: the machine is shared and has few cores
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // a poll waits for the server and a re-render on a shared machine: a passing poll returns
          // at once, so only a failure waits this long (vitest's default is 1 s)
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
}));
