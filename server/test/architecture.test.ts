import path from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

// The import graph, from the sources as they are: layers point one way, and nothing imports in a circle.
const ROOT = path.resolve(import.meta.dirname, '../..');

/** App wiring and the use-cases above the modules: modules must not reach up into them. */
const ABOVE_MODULES = [/^app\.ts$/, /^main\.ts$/, /^schema\.ts$/, /^http\.ts$/, /^graphql\//, /^db\/seed\.ts$/, /^onboarding\//, /^scripts\//];

type Graph = Record<string, string[]>;

function importsOf(graph: Graph, from: RegExp, to: (file: string) => boolean): string[] {
  return Object.entries(graph).flatMap(([file, imports]) => (from.test(file) ? imports.filter(to).map((imported) => `${file} → ${imported}`) : []));
}

describe('server/src imports', () => {
  let graph: Graph;
  let circles: string[][];

  beforeAll(async () => {
    const result = await madge(path.join(ROOT, 'server/src'), { fileExtensions: ['ts'], tsConfig: path.join(ROOT, 'server/tsconfig.json') });
    graph = result.obj();
    circles = result.circular();
  }, 60_000);

  it('reads the real graph (TypeScript sources, .js specifiers resolved)', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(60);
    expect(graph['modules/leads/lead.service.ts']).toContain('modules/leads/lead.queries.ts');
    expect(graph['app.ts']).toContain('schema.ts');
  });

  it('has no import circles', () => {
    expect(circles).toEqual([]);
  });

  it('names a module that reaches up', () => {
    const upward = { 'modules/auth/auth.resolver.ts': ['db/seed.ts', 'errors.ts'], 'db/seed.ts': ['modules/auth/user.entity.ts'] };
    expect(importsOf(upward, /^modules\//, (file) => ABOVE_MODULES.some((pattern) => pattern.test(file)))).toEqual(['modules/auth/auth.resolver.ts → db/seed.ts']);
  });

  it('keeps modules below the app wiring, the seed and onboarding', () => {
    expect(importsOf(graph, /^modules\//, (file) => ABOVE_MODULES.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('keeps the kernel below everything else', () => {
    expect(importsOf(graph, /^kernel\//, (file) => !file.startsWith('kernel/'))).toEqual([]);
  });
});

describe('web/src imports', () => {
  it('has no import circles', async () => {
    const result = await madge(path.join(ROOT, 'web/src'), { fileExtensions: ['ts', 'vue'], tsConfig: path.join(ROOT, 'web/tsconfig.json') });
    expect(Object.keys(result.obj())).toContain('App.vue');
    expect(result.circular()).toEqual([]);
  }, 60_000);
});
