import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { apiCreateLead, apiLogin, baseUrl, DEMO, launchBrowser, newContext, screenshot, signIn, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

const KPIS = `query($range: DateRangeInput!, $filter: KpiFilter) { leadKpis(range: $range, filter: $filter) {
  leads keyAccounts averageScore revenue { revenuePerLead }
  leadsPerDay { day leads keyAccounts } scoreHistogram { from leads keyAccounts }
  byTier { tier conversion { winRate { n } } } bySource { source leads } } }`;

async function api<T>(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The variables of the page's next LeadKpis request: the range and filter it shows. */
function nextKpiVariables(page: Page): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (request: { postDataJSON(): unknown }) => {
      const body = request.postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
      if (body?.operationName !== 'LeadKpis') return;
      page.off('request', listener);
      resolve(body.variables!);
    };
    page.on('request', listener);
  });
}

const tile = (page: Page, id: string) => page.getByTestId(id).getByTestId('tile-value');
const en = (n: number) => new Intl.NumberFormat('en').format(n);

describe.skipIf(!hasChromium)('dashboard', () => {
  let tb: TestBrowser;
  let adminCookie: string;

  beforeAll(async () => {
    tb = await launchBrowser();
    adminCookie = await apiLogin(DEMO.admin);
  });
  afterAll(async () => tb?.close());

  it('shows an admin tiles and charts with the numbers leadKpis gives, and a new lead within seconds', async () => {
    const page = await (await newContext(tb.browser)).newPage();
    await signIn(page, DEMO.admin);
    const asked = nextKpiVariables(page);
    await page.getByTestId('nav-dashboard').click();
    const variables = await asked;
    await page.getByTestId('tiles').waitFor();
    // the same question straight to the API
    const { leadKpis: k } = await api<{ leadKpis: any }>(adminCookie, KPIS, variables);
    expect(k.leads).toBeGreaterThan(0);

    expect(await tile(page, 'tile-leads').textContent()).toBe(en(k.leads));
    expect(await tile(page, 'tile-key-accounts').textContent()).toBe(en(k.keyAccounts));
    expect(await tile(page, 'tile-average').textContent()).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(k.averageScore));
    expect(await tile(page, 'tile-revenue').textContent()).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(k.revenue.revenuePerLead));

    // the charts load after the tiles; each carries its numbers in a table for screen readers
    await page.getByTestId('chart-leads-per-day').locator('canvas').waitFor();
    for (const id of ['chart-histogram', 'chart-conversion', 'chart-time-to-contact', 'chart-industry-share']) {
      expect(await page.getByTestId(id).locator('canvas').count(), id).toBe(1);
      const box = await page.getByTestId(id).boundingBox();
      expect(box!.height, id).toBeGreaterThan(150);
    }
    const days = await page.$$eval('[data-day]', (rows) => rows.map((row) => [row.getAttribute('data-day'), ...[...row.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))]));
    expect(days).toEqual(k.leadsPerDay.map((d: any) => [d.day, d.leads, d.keyAccounts]));
    const bins = await page.$$eval('[data-bin]', (rows) => rows.map((row) => [Number(row.getAttribute('data-bin')), ...[...row.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))]));
    expect(bins).toEqual(k.scoreHistogram.map((b: any) => [b.from, b.leads, b.keyAccounts]));
    const closed = await page.$$eval('[data-testid=chart-conversion] [data-tier]', (rows) => rows.map((row) => [row.getAttribute('data-tier'), Number(row.querySelector('td:last-child')!.textContent)]));
    expect(closed).toEqual(k.byTier.map((tier: any) => [tier.tier, tier.conversion.winRate.n]));
    const sources = await page.$$eval('[data-testid=source-table] [data-source]', (rows) => rows.map((row) => [row.getAttribute('data-source'), Number(row.querySelector('[data-cell=leads]')!.textContent)]));
    expect(sources).toEqual(k.bySource.map((s: any) => [s.source, s.leads]));
    await screenshot(page, 'dashboard-admin');

    // live: a lead created through the API counts on the open dashboard within a few seconds
    await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    await apiCreateLead(adminCookie, { name: 'Dora Dashboard', company: `Live ${randomUUID().slice(0, 6)} GmbH`, budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK', source: 'WEBSITE' });
    await expect.poll(() => tile(page, 'tile-leads').textContent(), { timeout: 8_000 }).toBe(en(k.leads + 1));
    await page.context().close();
  });

  it('opens for a manager, and filters by source', async () => {
    const email = `manager-${randomUUID().slice(0, 8)}@demo.test`;
    const created = await api<{ createTeamMember: { initialPassword: string } }>(
      adminCookie,
      'mutation($i: CreateTeamMemberInput!) { createTeamMember(input: $i) { initialPassword } }',
      { i: { name: 'Mara Manager', email, role: 'MANAGER' } },
    );
    const page = await (await newContext(tb.browser)).newPage();
    await signIn(page, email, created.createTeamMember.initialPassword);
    await page.goto('/dashboard');
    await page.getByTestId('tiles').waitFor();
    const asked = nextKpiVariables(page);
    await page.getByTestId('filter-source').selectOption('REFERRAL');
    const variables = await asked;
    expect(variables.filter).toEqual({ sources: ['REFERRAL'] });
    const { leadKpis: k } = await api<{ leadKpis: any }>(adminCookie, KPIS, variables);
    await expect.poll(() => tile(page, 'tile-leads').textContent()).toBe(en(k.leads));
    await page.context().close();
  });

  it('keeps the period and filters in the address: a shared link and a reload show the same numbers', async () => {
    const page = await (await newContext(tb.browser)).newPage();
    await signIn(page, DEMO.admin);
    // a link someone shared: the last 7 days of referrals
    let asked = nextKpiVariables(page);
    await page.goto('/dashboard?days=7&source=referral');
    let variables = await asked;
    expect(variables.filter).toEqual({ sources: ['REFERRAL'] });
    const range = variables.range as { from: string; to: string };
    expect((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000).toBeCloseTo(7, 0);
    expect(await page.getByTestId('filter-source').inputValue()).toBe('REFERRAL');
    expect(await page.getByTestId('period').locator('label.active').textContent()).toContain('7');

    // a custom range and an industry go into the address as they are chosen
    await page.getByTestId('period').getByText('Custom').click();
    await page.getByTestId('range-from').fill('2026-01-01');
    await page.getByTestId('range-to').fill('2026-02-28');
    await page.getByTestId('filter-industry').selectOption('SOFTWARE');
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2026-01-01&to=2026-02-28&source=referral&industry=software');

    // a reload asks for the same numbers
    asked = nextKpiVariables(page);
    await page.reload();
    variables = await asked;
    expect(variables.filter).toEqual({ sources: ['REFERRAL'], industries: ['SOFTWARE'] });
    expect(await page.getByTestId('range-from').inputValue()).toBe('2026-01-01');
    expect(await page.getByTestId('range-to').inputValue()).toBe('2026-02-28');
    await page.getByTestId('tiles').waitFor();
    await screenshot(page, 'dashboard-from-address');
    await page.context().close();
  });

  it('sends a rep to the lead list with a notice, and shows no link to it', async () => {
    const page = await (await newContext(tb.browser)).newPage();
    await signIn(page, DEMO.rep);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    await page.goto('/dashboard');
    await page.getByTestId('route-notice').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('tiles').count()).toBe(0);
    await page.context().close();
  });
});
