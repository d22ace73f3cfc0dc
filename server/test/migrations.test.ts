import { afterAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../src/db/migrations/index.js';
import { createTestApp, createTestDatabase, type TestApp } from './utils.js';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps.reverse()) await app.stop();
});

describe('migrations', () => {
  it('build the whole schema from an empty database, matching the entities exactly', async () => {
    const app = await createTestApp();
    apps.push(app);
    const executed = await app.server.orm.migrator.getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
    // nothing left for schema:update to do: the committed migrations and the entities agree
    const drift = await app.server.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
  });

  it('let several instances start on one empty database at once', async () => {
    const database = await createTestDatabase();
    const started = await Promise.all([createTestApp({ databaseUrl: database.url }), createTestApp({ databaseUrl: database.url })]);
    apps.push(...started);
    for (const app of started) {
      expect(await app.server.orm.migrator.getPendingMigrations()).toEqual([]);
    }
    apps.push({ stop: () => database.drop() } as TestApp);
  });
});
