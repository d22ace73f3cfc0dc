import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('generated GraphQL code', () => {
  it('matches the schema and the documents (run `npm run codegen` if this fails)', async () => {
    // same config, generated in memory and compared with the committed files
    const files = (await generate({ ...config, cwd: root, silent: true, verbose: false }, false)) as Array<{ filename: string; content: string }>;
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const committed = readFileSync(path.resolve(root, file.filename), 'utf8');
      expect(committed, `${file.filename} is stale`).toBe(file.content);
    }
  }, 30_000);
});
