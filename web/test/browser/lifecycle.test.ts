import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { apiCreateLead, apiLogin, axeViolations, countText, DEMO, launchBrowser, newContext, screenshot, signIn, type TestBrowser } from './helpers';
import { expectNoHorizontalScroll, expectTouchTarget, newPhoneContext } from './phone-support';

if (!hasChromium) console.log(SKIP_MESSAGE);

// Demo GmbH: Ravi Rep works the lead, Dana Demo (admin) watches from another browser
const REP_NAME = 'Ravi Rep';
const HOT_LEAD = { budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY', source: 'EVENT' };

describe.skipIf(!hasChromium)('working a lead: owner, status, outcome, feedback', () => {
  let tb: TestBrowser;
  let repContext: BrowserContext;
  let adminContext: BrowserContext;
  let rep: Page;
  let admin: Page;
  let lead: { id: string; name: string };

  const statusCell = (page: Page) => page.locator(`[role=row][data-lead-id="${lead.id}"] .c-status`);
  const timeline = (page: Page) => page.getByTestId('timeline').locator('[data-testid=activity] .text').allTextContents();

  beforeAll(async () => {
    tb = await launchBrowser();
    const cookie = await apiLogin(DEMO.admin);
    const name = `Lena Lifecycle ${Date.now() % 100_000}`;
    lead = { ...(await apiCreateLead(cookie, { name, company: 'Zyklus Software', ...HOT_LEAD })), name };
    repContext = await newContext(tb.browser);
    adminContext = await newContext(tb.browser);
    rep = await repContext.newPage();
    admin = await adminContext.newPage();
    await Promise.all([signIn(rep, DEMO.rep), signIn(admin, DEMO.admin)]);
    // the admin watches the list, narrowed to this lead
    await admin.locator('#filter-search').fill(name);
    await admin.locator(`[role=row][data-lead-id="${lead.id}"]`).waitFor();
    await admin.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    // marks the page: a reload would lose it
    await admin.evaluate(() => ((window as unknown as { stillThere: boolean }).stillThere = true));
  });
  afterAll(async () => tb?.close());

  it('shows a new hot lead with its speed-to-lead countdown ticking, and nobody as owner', async () => {
    await rep.locator('#filter-search').fill(lead.name);
    await expect.poll(() => countText(rep)).toBe('1 lead');
    const sla = statusCell(rep).getByTestId('sla');
    expect(await sla.getAttribute('data-phase')).toBe('running');
    const first = await sla.textContent();
    expect(first).toMatch(/^\s*\d{1,2}:\d{2} left\s*$/);
    await expect.poll(() => sla.textContent(), { timeout: 3_000 }).not.toBe(first);
    expect(await rep.locator(`[role=row][data-lead-id="${lead.id}"] .c-owner`).textContent()).toBe('Unassigned');
  });

  it('assigns the lead to the rep, who then finds it in My leads', async () => {
    await rep.locator(`[data-lead-id="${lead.id}"] a.name`).click();
    await rep.getByTestId('lead-work').waitFor();
    await rep.getByTestId('assign-to-me').click();
    await expect.poll(() => rep.getByTestId('owner-name').textContent()).toBe(REP_NAME);
    expect(await rep.getByTestId('assign-to-me').count()).toBe(0);
    expect(await timeline(rep)).toEqual([`${REP_NAME} assigned it to ${REP_NAME}`]);
    // the admin's list shows the new owner without a reload
    await expect.poll(() => admin.locator(`[role=row][data-lead-id="${lead.id}"] .c-owner`).textContent()).toBe(REP_NAME);

    await rep.getByTestId('nav-my-leads').click();
    await rep.locator(`[role=row][data-lead-id="${lead.id}"]`).waitFor();
    expect(await rep.locator('h1').textContent()).toBe('My leads');
    expect(new URL(rep.url()).pathname).toBe('/my-leads');
    await rep.locator(`[data-lead-id="${lead.id}"] a.name`).click();
    await rep.getByTestId('lead-work').waitFor();
  });

  it("moves it NEW → CONTACTED, and the admin's list follows live", async () => {
    expect(await rep.getByTestId('lead-work').getByTestId('sla').count()).toBe(1);
    // the usual next step stands out, not the outcome
    const primary = () => rep.locator('[data-testid^=move-].btn-primary').allTextContents();
    expect(await primary()).toEqual(['Contacted']);
    await rep.getByTestId('move-CONTACTED').click();
    await expect.poll(() => rep.getByTestId('lead-work').getByTestId('status-chip').textContent()).toBe('Contacted');
    // contacted: the clock stops, and the lead may only move forward or be lost
    expect(await rep.getByTestId('lead-work').getByTestId('sla').count()).toBe(0);
    expect(await rep.locator('[data-testid^=move-]').allTextContents()).toEqual(['Qualified', 'Won', 'Lost']);
    expect(await primary()).toEqual(['Qualified']);
    await expect.poll(() => statusCell(admin).textContent(), { timeout: 5_000 }).toContain('Contacted');
    expect(await admin.evaluate(() => (window as unknown as { stillThere?: boolean }).stillThere)).toBe(true);
  });

  it('wins it only with a deal value, and shows the outcome and the timeline', async () => {
    await rep.getByTestId('move-WON').click();
    await rep.locator('#deal-value').waitFor();
    await rep.getByRole('button', { name: 'Mark as won' }).click();
    expect(await rep.locator('#deal-value-error').textContent()).toBe('Enter the deal value.');
    await rep.locator('#deal-value').fill('12.500');
    await rep.locator('#status-comment').fill('Signed after the demo');
    await rep.getByRole('button', { name: 'Mark as won' }).click();
    await expect.poll(() => rep.getByTestId('lead-work').getByTestId('status-chip').textContent()).toBe('Won');
    expect(await rep.getByTestId('outcome').textContent()).toBe('Won with €12,500.00');
    // closed: a rep cannot reopen it
    expect(await rep.locator('[data-testid^=move-]').count()).toBe(0);
    expect(await timeline(rep)).toEqual([
      `${REP_NAME} moved it from Contacted to Won`,
      `${REP_NAME} moved it from New to Contacted`,
      `${REP_NAME} assigned it to ${REP_NAME}`,
    ]);
    expect(await rep.getByTestId('timeline').textContent()).toContain('Deal value €12,500.00');
    expect(await rep.getByTestId('timeline').textContent()).toContain('“Signed after the demo”');
    await expect.poll(() => statusCell(admin).textContent(), { timeout: 5_000 }).toContain('Won');
    await screenshot(rep, 'lifecycle-01-won');
    expect(await axeViolations(rep)).toEqual([]);
  });

  it("records the rep's verdict on the score, changeable, with a comment", async () => {
    const feedback = rep.getByTestId('score-feedback');
    expect(await feedback.getByTestId('my-feedback').textContent()).toContain('Tell the team whether');
    await rep.locator('#feedback-comment').fill('Bigger than the form said');
    await rep.getByTestId('verdict-TOO_LOW').click();
    await expect.poll(() => rep.getByTestId('verdict-TOO_LOW').getAttribute('aria-pressed')).toBe('true');
    expect(await feedback.getByTestId('my-feedback').textContent()).toContain('Your verdict: Too low');
    expect(await feedback.textContent()).toContain('Team: 0 accurate · 0 too high · 1 too low');
    await rep.getByTestId('verdict-ACCURATE').click();
    await expect.poll(() => rep.getByTestId('verdict-ACCURATE').getAttribute('aria-pressed')).toBe('true');
    expect(await rep.getByTestId('verdict-TOO_LOW').getAttribute('aria-pressed')).toBe('false');
    expect(await feedback.textContent()).toContain('Team: 1 accurate · 0 too high · 0 too low');
    expect((await timeline(rep)).slice(0, 2)).toEqual([`${REP_NAME} rated the score: Accurate`, `${REP_NAME} rated the score: Too low`]);
    expect(await rep.getByTestId('timeline').textContent()).toContain('“Bigger than the form said”');
  });

  it('lets an admin reopen the won lead', async () => {
    await admin.locator(`[data-lead-id="${lead.id}"] a.name`).click();
    await admin.getByTestId('lead-work').waitFor();
    expect(await admin.locator('[data-testid^=move-]').allTextContents()).toEqual(['Reopen as Contacted', 'Reopen as Qualified']);
    await admin.getByTestId('move-QUALIFIED').click();
    await expect.poll(() => admin.getByTestId('lead-work').getByTestId('status-chip').textContent()).toBe('Qualified');
    // the rep's open detail page follows
    await expect.poll(() => rep.getByTestId('lead-work').getByTestId('status-chip').textContent(), { timeout: 5_000 }).toBe('Qualified');
    await expect.poll(async () => (await timeline(rep))[0], { timeout: 5_000 }).toBe('Dana Demo moved it from Won to Qualified');
  });

  it('shows the admin the breached key accounts first, and lists them on their own', async () => {
    const hot = await apiCreateLead(await apiLogin(DEMO.admin), { name: 'Kai Keyaccount', company: 'Frist Finanz', ...HOT_LEAD });
    await admin.goto('/');
    await admin.getByTestId('lead-count').waitFor();
    // the seeded demo has key accounts nobody called in time
    const banner = admin.getByTestId('breached-key-accounts');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/\d+ key accounts? (is|are) past (its|their) contact deadline/);
    await banner.getByRole('link', { name: 'Show them' }).click();
    await admin.waitForURL((url) => url.pathname === '/breached-key-accounts');
    await expect.poll(() => admin.locator('h1').textContent()).toBe('Breached key accounts');
    // the full list's rows stay until the view's own have arrived
    await admin.locator('.table-card[aria-busy=false]').waitFor();
    const phases = () => admin.locator('[role=row][data-lead-id] [data-testid=sla]').evaluateAll((els) => els.map((el) => el.getAttribute('data-phase')));
    await expect.poll(async () => [...new Set(await phases())]).toEqual(['breached']);
    const rows = await admin.locator('[role=row][data-lead-id]').count();
    expect((await phases()).length).toBe(rows);
    expect(await admin.locator('[role=row][data-lead-id] .tier').allTextContents()).not.toContain('Warm');
    // a fresh hot lead is within its deadline: not here
    expect(await admin.locator(`[data-lead-id="${hot.id}"]`).count()).toBe(0);
  });
});

describe.skipIf(!hasChromium)('working a lead on a phone', () => {
  let tb: TestBrowser;
  let page: Page;
  let lead: { id: string; name: string };

  beforeAll(async () => {
    tb = await launchBrowser();
    const name = `Pia Phone ${Date.now() % 100_000}`;
    lead = { ...(await apiCreateLead(await apiLogin(DEMO.admin), { name, company: 'Taschen Systems', ...HOT_LEAD })), name };
    page = await (await newPhoneContext(tb.browser)).newPage();
    await signIn(page, DEMO.rep);
  });
  afterAll(async () => tb?.close());

  it('shows the status buttons in reach of a thumb and closes a lead as lost with its reason', async () => {
    const card = page.locator(`[role=listitem][data-lead-id="${lead.id}"]`);
    await page.locator('#filter-search').fill(lead.name);
    await card.waitFor();
    expect(await card.getByTestId('status-chip').textContent()).toBe('New');
    expect(await card.getByTestId('sla').textContent()).toMatch(/left/);
    await card.tap();
    await page.getByTestId('lead-work').waitFor();
    await expectNoHorizontalScroll(page);
    for (const to of ['CONTACTED', 'QUALIFIED', 'WON', 'LOST']) await expectTouchTarget(page.getByTestId(`move-${to}`));
    await expectTouchTarget(page.getByTestId('assign-to-me'));
    await expectTouchTarget(page.locator('#owner-picker'));
    await expectTouchTarget(page.getByTestId('verdict-ACCURATE'));
    await screenshot(page, 'lifecycle-phone-01-detail');

    await page.getByTestId('move-LOST').tap();
    await page.locator('#lost-reason').waitFor();
    await expectNoHorizontalScroll(page);
    await page.selectOption('#lost-reason', 'NO_BUDGET');
    const confirm = page.getByRole('button', { name: 'Mark as lost' });
    await expectTouchTarget(confirm);
    await confirm.tap();
    await expect.poll(() => page.getByTestId('lead-work').getByTestId('status-chip').textContent()).toBe('Lost');
    expect(await page.getByTestId('outcome').textContent()).toBe('Lost: No budget');
    await expectNoHorizontalScroll(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});
