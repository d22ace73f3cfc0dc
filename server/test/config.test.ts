import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has sensible defaults: port 4000, demo data with the embedded database only', () => {
    expect(loadConfig({})).toMatchObject({ port: 4000, host: '0.0.0.0', logLevel: 'info', seedDemo: true, databaseUrl: undefined, allowedOrigins: [] });
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173' }).allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ DATABASE_URL: 'mysql://db' }, /^DATABASE_URL must be/],
    [{ SEED_DEMO: 'maybe' }, /^SEED_DEMO must be/],
    [{ ALLOWED_ORIGINS: 'not a url' }, /^ALLOWED_ORIGINS must be/],
  ])('names the variable in the error for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('stops start-up with one clear line naming the variable', () => {
    const run = spawnSync('npx', ['tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
