import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { axeViolations, countText, DEMO, gateOperation, launchBrowser, newContext, screenshot, signIn, staleRules, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('new lead', () => {
  let tb: TestBrowser;
  let page: Page;
  let saves: Awaited<ReturnType<typeof gateOperation>>;
  const createRequests: string[] = [];

  beforeAll(async () => {
    tb = await launchBrowser();
    page = await (await newContext(tb.browser)).newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postDataJSON() as { operationName?: string } | null)?.operationName === 'CreateLead') createRequests.push(r.url());
    });
    await signIn(page, DEMO.rep);
    // saves are held until the test has seen the optimistic row
    saves = await gateOperation(page, 'CreateLead');
  });
  afterAll(async () => tb?.close());

  async function openForm() {
    await page.getByTestId('new-lead').focus();
    await page.keyboard.press('Enter');
    await page.locator('#lead-name').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lead-name');
  }

  /** Types into the focused field and moves on with Tab, as a keyboard user does. */
  async function typeAndTab(text: string) {
    if (text) await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }

  /** Picks an option of the focused select by typing the start of its label. */
  async function pickAndTab(id: string, value: string) {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await page.selectOption(`#${id}`, value); // same effect as arrow keys, without depending on the platform's select behaviour
    await page.keyboard.press('Tab');
  }

  it('checks the form before sending and shows the errors inline', async () => {
    await openForm();
    await page.keyboard.press('Enter');
    await page.locator('#lead-name-error').waitFor();
    expect(await page.locator('#lead-name-error').textContent()).toBe('Name is required.');
    expect(await page.locator('#lead-budget-error').textContent()).toBe('Choose the Budget.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-name');
    expect(createRequests).toHaveLength(0);
    await page.keyboard.press('Escape');
    await page.locator('#lead-name').waitFor({ state: 'detached' });
  });

  it('previews the score live from the server and saves optimistically, keyboard only', async () => {
    const before = Number((await countText(page)).split(' ')[0]);
    await openForm();
    await typeAndTab('Olivia Optimist');
    await typeAndTab('Nordlicht Software');
    await typeAndTab('olivia@nordlicht.example');
    await typeAndTab('+49 30 1234567');
    await pickAndTab('lead-budget', 'OVER_100K');
    await expect.poll(() => page.getByTestId('score-preview').textContent()).toContain('30 points so far');
    await pickAndTab('lead-companySize', 'SIZE_OVER_1000');
    await pickAndTab('lead-industry', 'SOFTWARE');
    await pickAndTab('lead-urgency', 'IMMEDIATELY');
    await pickAndTab('lead-source', 'REFERRAL');
    await expect.poll(() => page.getByTestId('score-preview').textContent()).toContain('This lead scores 100 → Hot!');
    const preview = await page.getByTestId('score-preview').textContent();
    for (const line of ['Budget30 / 30', 'Company size30 / 30', 'Industry20 / 20', 'Urgency20 / 20']) expect(preview).toContain(line);
    await screenshot(page, '10-new-lead-preview');
    expect(await axeViolations(page)).toEqual([]);

    // after the last field come Cancel and Save
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save lead');
    saves.close();
    await page.keyboard.press('Enter');
    const row = page.locator('[role=row]', { hasText: 'Olivia Optimist' });
    await row.waitFor();
    await expect.poll(() => saves.held()).toBe(1);
    expect(await row.getAttribute('data-lead-id')).toMatch(/^optimistic-/);
    expect(await row.textContent()).toContain('100');
    saves.open();
    await expect.poll(() => row.getAttribute('data-lead-id'), { timeout: 5_000 }).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countText(page)).toBe(`${before + 1} leads`);
    expect(await page.locator('[role=row]', { hasText: 'Olivia Optimist' }).count()).toBe(1);
    // one request for one save; it also bounds the refused form above, which must have sent none before it
    expect(createRequests).toHaveLength(1);
  });

  it("checks the phone by the server's rule before sending", async () => {
    const sent = createRequests.length;
    await openForm();
    await page.locator('#lead-name').fill('Paul Phone');
    await page.locator('#lead-company').fill('Mosel Digital');
    await page.locator('#lead-phone').fill('call me maybe');
    await page.selectOption('#lead-budget', 'UNDER_10K');
    await page.selectOption('#lead-companySize', 'SIZE_1_10');
    await page.selectOption('#lead-industry', 'EDUCATION');
    await page.selectOption('#lead-urgency', 'NO_TIMELINE');
    await page.selectOption('#lead-source', 'WEBSITE');
    await page.locator('#lead-name').press('Enter');
    await page.locator('#lead-phone-error').waitFor();
    expect(await page.locator('#lead-phone-error').textContent()).toBe('Enter a phone number like +49\u00a030\u00a01234567.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lead-phone');
    expect(createRequests).toHaveLength(sent);
    await page.keyboard.press('Escape');
    await page.locator('#lead-name').waitFor({ state: 'detached' });
  });

  it('rolls a refused save back, shows the server error inline and keeps what was typed', async () => {
    // rules from before the server checked phones: only the server refuses this one
    await staleRules(page, { phonePattern: '.*' });
    await page.reload();
    await page.getByTestId('lead-count').waitFor();
    const before = await countText(page);
    await openForm();
    await page.locator('#lead-name').fill('Rita Refused');
    await page.locator('#lead-company').fill('Mosel Digital');
    await page.locator('#lead-phone').fill('call me maybe');
    // a top score puts the row first, where it can be seen
    await page.selectOption('#lead-budget', 'OVER_100K');
    await page.selectOption('#lead-companySize', 'SIZE_OVER_1000');
    await page.selectOption('#lead-industry', 'FINANCE');
    await page.selectOption('#lead-urgency', 'IMMEDIATELY');
    await page.selectOption('#lead-source', 'WEBSITE');
    saves.close();
    await page.locator('#lead-name').press('Enter');

    const row = page.locator('[role=row]', { hasText: 'Rita Refused' });
    await row.waitFor();
    await expect.poll(() => saves.held()).toBe(1);
    saves.open();
    await row.waitFor({ state: 'detached', timeout: 5_000 });
    await page.locator('#lead-phone-error').waitFor();
    expect(await page.locator('#lead-phone-error').textContent()).toBe('Enter a phone number like +49\u00a030\u00a01234567.');
    expect(await page.getByRole('alert').first().textContent()).toContain('The lead was not saved.');
    expect(await page.locator('#lead-name').inputValue()).toBe('Rita Refused');
    expect(await page.locator('#lead-company').inputValue()).toBe('Mosel Digital');
    expect(await page.locator('#lead-industry').inputValue()).toBe('FINANCE');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-phone');
    expect(await countText(page)).toBe(before);
    await screenshot(page, '11-new-lead-refused');

    // fixing the field and saving again works
    await page.locator('#lead-phone').fill('+49 651 998877');
    await page.locator('#lead-phone').press('Enter');
    await page.locator('[role=row]', { hasText: 'Rita Refused' }).waitFor();
    await expect.poll(() => page.locator('[role=row]', { hasText: 'Rita Refused' }).getAttribute('data-lead-id'), { timeout: 5_000 }).toMatch(/^[0-9a-f-]{36}$/);
  });
});
