import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { DEMO, launchBrowser, signIn, type TestBrowser } from './helpers';
import { createDatabase, startServer } from './server';

if (!hasChromium) console.log(SKIP_MESSAGE);

/** What the page's socket received, and when it asked for the lead list. */
function watchPage(page: Page) {
  const frames: string[] = [];
  const listRequests: number[] = [];
  let sockets = 0;
  page.on('websocket', (ws) => {
    sockets++;
    ws.on('framereceived', ({ payload }) => void frames.push(String(payload)));
  });
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/graphql') && (request.postDataJSON() as { operationName?: string } | null)?.operationName === 'Leads') {
      listRequests.push(performance.now());
    }
  });
  return { frames, listRequests, sockets: () => sockets };
}

// a server of its own: cutting its LISTEN connection must not disturb the other files' server
describe.skipIf(!hasChromium)('a gap in the server\'s database connection, in the browser', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let tb: TestBrowser;

  beforeAll(async () => {
    database = await createDatabase();
    server = await startServer(database.url, path.join(mkdtempSync(path.join(os.tmpdir(), 'lse-resync-')), 'server.log'));
    tb = await launchBrowser();
  });
  afterAll(async () => {
    await tb?.close();
    await server?.stop();
    await database?.drop();
  });

  async function api<T>(query: string, variables: Record<string, unknown>, cookie?: string): Promise<{ data: T; cookie: string | null }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return { data: body.data, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null };
  }

  it('still shows a lead created while the server was not listening: replayed over the same socket, no refetch', async () => {
    const context = await tb.browser.newContext({ baseURL: server.url, locale: 'en-US', viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const watched = watchPage(page);
    await signIn(page, DEMO.rep);
    await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    const { cookie } = await api<unknown>('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ id } }', { e: DEMO.admin, p: DEMO.password });

    // cut the server's LISTEN connection; a lead created right after may never be announced
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { rows } = await admin.query(`select pg_terminate_backend(pid, 5000) as cut from pg_stat_activity where application_name = 'lead-scoring-listen' and datname = current_database()`);
      expect(rows).toEqual([{ cut: true }]);
    } finally {
      await admin.end();
    }
    const { data } = await api<{ createLead: { id: string } }>(
      'mutation($i:CreateLeadInput!){ createLead(input:$i){ id } }',
      { i: { name: 'Gap Greta', company: 'Lücke KG', budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'FINANCE', urgency: 'IMMEDIATELY' } },
      cookie!,
    );

    // the server replays what it missed from the outbox: the lead arrives as an ordinary CREATED event
    await page.locator(`[data-lead-id="${data.createLead.id}"]`).waitFor({ timeout: 10_000 });
    const delivered = watched.frames.filter((frame) => frame.includes(data.createLead.id));
    expect(delivered).toHaveLength(1);
    expect(JSON.parse(delivered[0]).payload.data.leadScored.reason).toBe('CREATED');
    expect(watched.frames.some((frame) => frame.includes('"RESYNC"'))).toBe(false);
    // nothing had to be fetched again, and the page kept its socket
    expect(watched.listRequests).toHaveLength(1);
    expect(watched.sockets()).toBe(1);
    expect(await page.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    await context.close();
  });
});
