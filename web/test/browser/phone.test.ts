import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { axeViolations, countText, DEMO, launchBrowser, screenshot, type TestBrowser } from './helpers';
import { expectNoHorizontalScroll, expectTouchTarget, newPhoneContext, visibleCards } from './phone-support';

if (!hasChromium) console.log(SKIP_MESSAGE);

const isSortedDesc = (scores: number[]) => scores.every((s, i) => i === 0 || scores[i - 1] >= s);

describe.skipIf(!hasChromium)('the rep flow on a phone (390×844)', () => {
  let tb: TestBrowser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    tb = await launchBrowser();
    context = await newPhoneContext(tb.browser);
    page = await context.newPage();
  });
  afterAll(async () => tb?.close());

  it('signs in on a page that fits the screen, with a sign-in button a finger can hit', async () => {
    await page.goto('/');
    await page.getByTestId('demo-logins').waitFor();
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(page.getByRole('button', { name: 'Sign in', exact: true }));
    await expectTouchTarget(page.locator('#signin-email'));
    await screenshot(page, 'phone-01-sign-in');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#signin-email').fill(DEMO.rep);
    await page.locator('#signin-password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
    await page.getByTestId('lead-count').waitFor();
  });

  it('lists the leads as cards by score, with the score, tier, name and company on each', async () => {
    await page.locator('[role=listitem][data-lead-id]').first().waitFor();
    expect(await page.locator('[role=table]').count()).toBe(0);
    const cards = await visibleCards(page);
    expect(cards.length).toBeGreaterThan(4);
    expect(isSortedDesc(cards.map((c) => c.score))).toBe(true);
    for (const card of cards) expect(['Hot', 'Key account', 'Warm', 'Cold']).toContain(card.tier);
    const first = page.locator('[role=listitem][data-lead-id]').first();
    expect(await first.locator('.company').textContent()).toMatch(/\S/);
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(first);
    await expectTouchTarget(page.getByTestId('new-lead'));
    await expectTouchTarget(page.getByTestId('filter-toggle'));
    await expectTouchTarget(page.getByTestId('menu-button'));
    await expectTouchTarget(page.locator('#filter-search'));
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    await screenshot(page, 'phone-02-cards');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('folds the filters into a disclosure that says how many are set', async () => {
    const toggle = page.getByTestId('filter-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#filter-industry').isVisible()).toBe(false);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#filter-industry').waitFor();
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(page.locator('#filter-industry'));
    const all = await countText(page);
    await page.locator('label', { hasText: /^\s*Hot ≥ 85\s*$/ }).tap();
    await expect.poll(() => countText(page)).not.toBe(all);
    await expect.poll(async () => (await visibleCards(page)).every((c) => c.tier === 'Hot' && c.score >= 85)).toBe(true);
    expect(await toggle.textContent()).toContain('1');
    expect(new URL(page.url()).search).toBe('?show=hot');
    await screenshot(page, 'phone-03-filters');
    await page.locator('label', { hasText: /^\s*All\s*$/ }).tap();
    await expect.poll(() => countText(page)).toBe(all);
    await toggle.tap();
    expect(await page.locator('#filter-industry').isVisible()).toBe(false);
  });

  it('keeps language and sign-out in a menu behind the avatar', async () => {
    const signOut = page.getByRole('button', { name: 'Sign out' });
    expect(await signOut.isVisible()).toBe(false);
    await page.getByTestId('menu-button').tap();
    await signOut.waitFor();
    await expectTouchTarget(signOut);
    await expectTouchTarget(page.locator('#locale-switch'));
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-04-menu');
    await page.keyboard.press('Escape');
    await signOut.waitFor({ state: 'hidden' });
  });

  it('opens a lead from its card, on a page that fits the screen', async () => {
    const [first] = await visibleCards(page);
    await page.locator(`[role=listitem][data-lead-id="${first.id}"]`).tap();
    await page.getByTestId('tier-reason').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${first.id}`);
    expect(await page.locator('main h1').textContent()).toBe(first.name);
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(page.getByRole('link', { name: /Back to leads/ }));
    await screenshot(page, 'phone-05-detail');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Back to leads/ }).tap();
    await page.locator('[role=listitem][data-lead-id]').first().waitFor();
  });

  it('creates a lead in a full-screen form whose Save stays in reach, and shows it as a card', async () => {
    const before = Number((await countText(page)).split(' ')[0]);
    await page.getByTestId('new-lead').tap();
    await page.locator('#lead-name').waitFor();
    await expectNoHorizontalScroll(page);
    const dialog = await page.locator('dialog').boundingBox();
    expect(dialog).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await page.locator('#lead-name').fill('Phoebe Phone');
    await page.locator('#lead-company').fill('Handy Holding');
    await page.selectOption('#lead-budget', 'OVER_100K');
    await page.selectOption('#lead-companySize', 'SIZE_OVER_1000');
    await page.selectOption('#lead-industry', 'FINANCE');
    await page.selectOption('#lead-urgency', 'IMMEDIATELY');
    await page.selectOption('#lead-source', 'EVENT');
    await expect.poll(() => page.getByTestId('score-preview').textContent()).toContain('This lead scores 100 → Hot!');
    const save = page.getByRole('button', { name: 'Save lead' });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expectTouchTarget(save);
    await expectTouchTarget(cancel);
    await expectTouchTarget(page.locator('#lead-budget'));
    // the footer stays at the bottom of the screen while the form scrolls under it
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(844);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-06-new-lead');
    expect(await axeViolations(page)).toEqual([]);

    await save.tap();
    await page.locator('#lead-name').waitFor({ state: 'detached' });
    await expect.poll(() => countText(page)).toBe(`${before + 1} leads`);
    const card = page.locator('[role=listitem][data-lead-id]', { hasText: 'Phoebe Phone' });
    await card.waitFor();
    expect(await card.locator('.score').textContent()).toBe('100');
    expect(await card.textContent()).toContain('Handy Holding');
    await expectNoHorizontalScroll(page);
  });

  it('turns the cards back into the table when the screen gets wide', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[role=table]').waitFor();
    expect(await page.locator('[role=listitem][data-lead-id]').count()).toBe(0);
    expect(await page.getByTestId('filter-toggle').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });
});
