import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppPubSub } from '../src/pubsub.js';
import { createSchema, schemaFileText } from '../src/schema.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(schemaFileText(await createSchema(createAppPubSub()))).toBe(committed);
  });
});
