import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { axeViolations, countText, DEMO, launchBrowser, newContext, screenshot, visibleRows, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

const TIERS = ['Hot', 'Key account', 'Warm', 'Cold'];
// the other files create leads in Demo GmbH; this tenant keeps its 500 seeded leads
const REP = DEMO.otherTenantRep;
const tierFor = (score: number) => (score >= 85 ? 'Hot' : score >= 70 ? 'Key account' : score >= 40 ? 'Warm' : 'Cold');
const isSortedDesc = (scores: number[]) => scores.every((s, i) => i === 0 || scores[i - 1] >= s);

describe.skipIf(!hasChromium)('the sales rep flow', () => {
  let tb: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  const sockets: Array<{ url: string; closed: boolean }> = [];
  // Chromium reports every resource or inline code the Content-Security-Policy refused on the console
  const refusedByPolicy: string[] = [];
  let documentPolicy: string | undefined;

  beforeAll(async () => {
    tb = await launchBrowser();
    context = await newContext(tb.browser);
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
    });
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') documentPolicy = response.headers()['content-security-policy'];
    });
    page.on('websocket', (ws) => {
      const entry = { url: ws.url(), closed: false };
      sockets.push(entry);
      ws.on('close', () => (entry.closed = true));
    });
  });
  afterAll(async () => tb?.close());

  async function waitForCount(expected: RegExp | string) {
    await expect.poll(() => countText(page), { timeout: 5_000 }).toMatch(expected);
  }

  it('offers the demo logins on the sign-in page in demo mode, accessibly', async () => {
    await page.goto('/');
    await page.getByTestId('demo-logins').waitFor();
    const demo = await page.getByTestId('demo-logins').textContent();
    expect(demo).toContain('rep@demo.test');
    expect(demo).toContain(REP);
    expect(demo).toContain('Beispiel AG');
    await screenshot(page, '01-sign-in');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a wrong password with a message', async () => {
    await page.locator('#signin-email').fill(REP);
    await page.locator('#signin-password').fill('wrong');
    await page.locator('#signin-password').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email or password is incorrect.');
  });

  it('signs in with the keyboard only', async () => {
    await page.goto('/');
    await page.locator('#signin-email').waitFor();
    await page.locator('body').focus();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'signin-email'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(REP);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('lead-count').waitFor();
    await waitForCount('500 leads');
  });

  it('lists leads by score, highest first, with the tier in words', async () => {
    await page.getByTestId('live-indicator').waitFor();
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(8);
    expect(isSortedDesc(rows.map((r) => r.score))).toBe(true);
    for (const row of rows) {
      expect(TIERS).toContain(row.tier);
      expect(row.tier).toBe(tierFor(row.score));
    }
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    await screenshot(page, '02-list');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('narrows the list with the quick filters and shows the total count', async () => {
    await page.getByText('Key accounts ≥ 70').click();
    await expect.poll(() => countText(page)).not.toBe('500 leads');
    const keyCount = await countText(page);
    expect(keyCount).toMatch(/^\d+ leads$/);
    expect((await visibleRows(page)).every((r) => r.score >= 70 && ['Hot', 'Key account'].includes(r.tier))).toBe(true);
    await page.getByText('Hot ≥ 85').click();
    await expect.poll(() => countText(page)).not.toBe(keyCount);
    expect((await visibleRows(page)).every((r) => r.score >= 85 && r.tier === 'Hot')).toBe(true);
    await screenshot(page, '03-filter-hot');
    await page.getByText('All', { exact: true }).click();
    await waitForCount('500 leads');
  });

  it('filters by industry and source and searches by name', async () => {
    await page.selectOption('#filter-industry', 'SOFTWARE');
    await expect.poll(async () => page.$$eval('[role=row][data-lead-id] [role=cell]:nth-child(4)', (cells) => [...new Set(cells.map((c) => c.textContent))])).toEqual(['Software']);
    await page.selectOption('#filter-source', 'REFERRAL');
    await expect.poll(async () => page.$$eval('[role=row][data-lead-id] [role=cell]:nth-child(8)', (cells) => [...new Set(cells.map((c) => c.textContent))])).toEqual(['Referral']);
    await screenshot(page, '04-filter-industry-source');
    await page.selectOption('#filter-industry', '');
    await page.selectOption('#filter-source', '');
    await waitForCount('500 leads');

    const lastName = (await visibleRows(page))[0].name.split(' ').at(-1)!;
    await page.locator('#filter-search').fill(lastName.toLowerCase());
    await expect.poll(async () => (await visibleRows(page)).map((r) => r.name.includes(lastName))).not.toContain(false);
    expect(await countText(page)).not.toBe('500 leads');
    await page.locator('#filter-search').fill('');
    await waitForCount('500 leads');
  });

  it('says what to do when nothing matches', async () => {
    await page.locator('#filter-search').fill('no such lead anywhere');
    await page.getByText('No leads match these filters.').waitFor();
    await screenshot(page, '05-empty');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount('500 leads');
  });

  it('loads more rows by cursor as the rep scrolls, still in score order', async () => {
    const pages: string[] = [];
    const onRequest = (request: import('playwright-core').Request) => {
      const body = request.postDataJSON?.() as { operationName?: string; variables?: { after?: string } } | null;
      if (body?.operationName === 'Leads' && body.variables?.after) pages.push(body.variables.after);
    };
    page.on('request', onRequest);
    const seen: number[] = [];
    for (let i = 0; i < 120; i++) {
      seen.push(...(await visibleRows(page)).map((r) => r.score));
      const last = await page.$$eval('[role=row][aria-rowindex]', (rows) => Math.max(...rows.map((r) => Number(r.getAttribute('aria-rowindex')))));
      if (last >= 501) break;
      await page.getByTestId('lead-scroller').evaluate((el) => el.scrollBy(0, el.clientHeight));
      await page.waitForTimeout(120);
    }
    page.off('request', onRequest);
    const last = await page.$$eval('[role=row][data-lead-id]', (rows) => Math.max(...rows.map((r) => Number(r.getAttribute('aria-rowindex')))));
    expect(last).toBe(501); // 500 leads after the header row
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeGreaterThan(100);
    await page.getByTestId('lead-scroller').evaluate((el) => el.scrollTo(0, 0));
  });

  it('opens a lead with its breakdown, tier reason, creator and dates', async () => {
    const first = (await visibleRows(page))[0];
    await page.locator(`[data-lead-id="${first.id}"] a.name`).click();
    await page.getByTestId('tier-reason').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${first.id}`);
    expect(await page.getByRole('meter').count()).toBe(4);
    const reason = await page.getByTestId('tier-reason').textContent();
    expect(reason).toContain(`${first.score} points`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Created by');
    expect(text).toContain('Score breakdown');
    expect(text).toMatch(/\d+ \/ 30/);
    await screenshot(page, '06-detail');
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();
    await page.getByTestId('lead-count').waitFor();
  });

  it('switches to German, remembers it, and localises numbers and dates', async () => {
    await page.selectOption('#locale-switch', 'de');
    await expect.poll(() => countText(page)).toBe('500 Leads');
    await page.reload();
    await page.getByTestId('lead-count').waitFor();
    expect(await page.getByTestId('new-lead').textContent()).toContain('Neuer Lead');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const cells = await page.$$eval('[role=row][data-lead-id] [role=cell]', (c) => c.map((x) => x.textContent ?? '').join(' | '));
    expect(cells).toMatch(/vor \d+|letzte Woche|gestern/);
    expect(cells).toMatch(/\d{1,3}\.\d{3}/); // 1.000+ or 100.000 €
    expect(cells).toContain('Heiß');
    await screenshot(page, '07-german');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#locale-switch', 'en');
    await waitForCount('500 leads');
  });

  it('signs out, which ends the session and closes the live connection', async () => {
    const socket = sockets.at(-1)!;
    expect(socket.closed).toBe(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#signin-email').waitFor();
    await expect.poll(() => socket.closed, { timeout: 5_000 }).toBe(true);
    await page.goto('/');
    await page.locator('#signin-email').waitFor();
    expect(await page.getByTestId('lead-count').count()).toBe(0);
  });

  it('ran the whole flow under the strict Content-Security-Policy without one refusal', () => {
    expect(documentPolicy).toMatch(/script-src 'self';/);
    expect(documentPolicy).toMatch(/frame-ancestors 'none'/);
    expect(refusedByPolicy).toEqual([]);
  });
});
