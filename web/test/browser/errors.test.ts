import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { axeViolations, DEMO, gateOperation, launchBrowser, newContext, screenshot, signIn, visibleRows, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('loading, failures and the error boundary', () => {
  let tb: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    tb = await launchBrowser();
    page = await (await newContext(tb.browser)).newPage();
    await signIn(page, DEMO.rep);
  });
  afterAll(async () => tb?.close());

  it('shows skeleton rows while the list loads', async () => {
    const list = await gateOperation(page, 'Leads');
    list.close();
    await page.reload();
    await page.getByTestId('lead-skeleton').waitFor();
    await screenshot(page, '12-loading');
    list.open();
    await page.getByTestId('lead-count').waitFor();
    expect(await page.getByTestId('lead-skeleton').count()).toBe(0);
    await page.unrouteAll();
  });

  it('shows an error with Retry when the list cannot load', async () => {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'Leads') return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'The database is unavailable right now; try again in a few seconds.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) });
      return route.fallback();
    });
    await page.reload();
    await page.getByText('The leads could not be loaded.').waitFor();
    await screenshot(page, '13-error');
    expect(await axeViolations(page)).toEqual([]);
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('lead-count').waitFor();
    expect((await visibleRows(page)).length).toBeGreaterThan(5);
  });

  it('catches a render error, shows a friendly message and reports it to the server log', async () => {
    const first = (await visibleRows(page))[0];
    // a broken answer (a required field missing) makes the detail view throw while rendering
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== 'LeadDetail') return route.fallback();
      const response = await route.fetch();
      const json = await response.json();
      json.data.lead.createdBy = null;
      return route.fulfill({ response, json });
    });
    const reported = page.waitForRequest((r) => (r.postDataJSON() as { operationName?: string } | null)?.operationName === 'ReportClientError');
    await page.locator(`[data-lead-id="${first.id}"] a.name`).click();
    await page.getByTestId('error-boundary').waitFor();
    expect(await page.getByTestId('error-boundary').textContent()).toContain('Something went wrong');
    await screenshot(page, '14-error-boundary');
    const request = await reported;
    const input = (request.postDataJSON() as { variables: { input: Record<string, string> } }).variables.input;
    expect(input.event).toBe('render_error');
    expect(input.path).toBe(`/leads/${first.id}`);
    expect(input.sessionId).toBeTruthy();
    expect(Date.parse(input.occurredAt)).toBeGreaterThan(Date.now() - 60_000);

    await expect
      .poll(() => readFileSync(inject('serverLog'), 'utf8').split('\n').filter((l) => l.includes('"client_error"') && l.includes(input.sessionId)).length, { timeout: 5_000 })
      .toBe(1);
    const line = JSON.parse(readFileSync(inject('serverLog'), 'utf8').split('\n').find((l) => l.includes(input.sessionId))!);
    expect(line).toMatchObject({ clientEvent: 'render_error', path: `/leads/${first.id}`, clientSessionId: input.sessionId });
    expect(line.clientMessage).toMatch(/TypeError/);
    await page.unrouteAll();
  });
});
