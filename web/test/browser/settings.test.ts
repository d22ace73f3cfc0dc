import type { BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { apiLogin, axeViolations, baseUrl, DEMO, launchBrowser, newContext, screenshot, signIn, type TestBrowser } from './helpers';
import { expectNoHorizontalScroll, expectTouchTarget, newPhoneContext } from './phone-support';

if (!hasChromium) console.log(SKIP_MESSAGE);

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
}

/** Adds a member through the settings screen (its team tab) and returns the first password it shows. */
async function addMember(page: Page, name: string, email: string, role: 'Admin' | 'Manager' | 'Sales rep' = 'Sales rep'): Promise<string> {
  if (!(await page.getByTestId('add-member').isVisible())) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-team').click();
  }
  await page.getByTestId('add-member').click();
  const dialog = page.getByTestId('add-member-dialog');
  await dialog.locator('#member-name').fill(name);
  await dialog.locator('#member-email').fill(email);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('button', { name: 'Add member' }).click();
  const secret = dialog.getByTestId('initial-password');
  await secret.waitFor();
  return secret.inputValue();
}

describe.skipIf(!hasChromium)('settings: team and API keys', () => {
  let tb: TestBrowser;
  let adminContext: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    tb = await launchBrowser();
    adminContext = await newContext(tb.browser);
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
  });
  afterAll(async () => tb?.close());

  it('lets an admin add a rep, who signs in with the password shown once; deactivated, the rep\'s open page is signed out and its live connection ends', async () => {
    await admin.getByTestId('nav-settings').click();
    await admin.getByTestId('member-count').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    const email = `rita-${stamp()}@demo.test`;
    const password = await addMember(admin, 'Rita Rep', email);
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await admin.getByTestId('initial-password-copy').click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await screenshot(admin, 'settings-01-member-created');
    await admin.getByTestId('add-member-dialog').getByTestId('done').click();
    const row = admin.getByTestId(`member-${email}`);
    await expect.poll(() => row.getByTestId('status').textContent()).toContain('Active');

    const repContext = await newContext(tb.browser);
    const rep = await repContext.newPage();
    const sockets: WebSocket[] = [];
    rep.on('websocket', (ws) => sockets.push(ws));
    await signIn(rep, email, password);
    await expect.poll(() => rep.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    // a rep has no settings
    expect(await rep.getByTestId('nav-settings').count()).toBe(0);

    await row.getByTestId('deactivate').click();
    await admin.getByTestId('confirm-deactivate').getByTestId('confirm').click();
    await expect.poll(() => row.getByTestId('status').textContent()).toContain('Deactivated');
    await rep.locator('#signin-email').waitFor({ timeout: 5_000 });
    await expect.poll(() => sockets.length > 0 && sockets.every((ws) => ws.isClosed())).toBe(true);
    // and the password no longer signs in
    await rep.locator('#signin-email').fill(email);
    await rep.locator('#signin-password').fill(password);
    await rep.locator('#signin-password').press('Enter');
    await expect.poll(() => rep.getByRole('alert').textContent()).toContain('Email or password is incorrect.');
    await repContext.close();

    await row.getByTestId('reactivate').click();
    await expect.poll(() => row.getByTestId('status').textContent()).toContain('Active');
  });

  it('changes a member\'s role and explains why the last admin\'s controls are off', async () => {
    const email = `mia-${stamp()}@demo.test`;
    await addMember(admin, 'Mia Member', email);
    await admin.getByTestId('add-member-dialog').getByTestId('done').click();
    const row = admin.getByTestId(`member-${email}`);
    await row.getByTestId('role').selectOption('MANAGER');
    await expect.poll(() => row.getByTestId('member-notice').textContent()).toContain('Saved.');
    const me = await gql('{ teamMembers { email role } }', {}, { cookie: await apiLogin(DEMO.admin) });
    expect(me.data.teamMembers.find((m: { email: string }) => m.email === email).role).toBe('MANAGER');

    // the demo admin is the only admin of the demo tenant: no demotion, no deactivation, and the reason beside them
    const own = admin.getByTestId(`member-${DEMO.admin}`);
    expect(await own.getByTestId('role').isDisabled()).toBe(true);
    expect(await own.getByTestId('deactivate').isDisabled()).toBe(true);
    expect(await own.getByTestId('lock-reason').textContent()).toContain('make another member an admin first');
  });

  it('lets an admin create an API key whose secret is shown once and works, then revoke it after a confirmation', async () => {
    await admin.getByTestId('tab-keys').click();
    await admin.waitForURL(/tab=keys/);
    const name = `CRM sync ${stamp()}`;
    await admin.getByTestId('create-key').click();
    const dialog = admin.getByTestId('create-key-dialog');
    await dialog.locator('#key-name').fill(name);
    await dialog.getByLabel('Read and write').check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = await dialog.getByTestId('key-secret').inputValue();
    expect(secret).toMatch(/^lse_[0-9a-f]{8}_/);
    await screenshot(admin, 'settings-02-key-created');
    await dialog.getByTestId('done').click();

    const bearer = { authorization: `Bearer ${secret}` };
    expect((await gql('{ leads(first: 1) { totalCount } }', {}, bearer)).errors).toBeUndefined();
    const row = admin.getByTestId(`key-${name}`);
    expect(await row.textContent()).toContain('Read and write');
    // shown once: the dialog is gone, and no field or text of the page holds the secret any more
    await dialog.waitFor({ state: 'detached' });
    expect(await admin.locator('input, textarea').evaluateAll((fields, s) => fields.some((f) => (f as HTMLInputElement).value === s), secret)).toBe(false);
    expect(await admin.evaluate((s) => document.body.innerText.includes(s), secret)).toBe(false);
    expect(await axeViolations(admin)).toEqual([]);

    await row.getByTestId('revoke').click();
    await admin.getByTestId('confirm-revoke').getByTestId('confirm').click();
    await expect.poll(() => row.getByTestId('key-status').textContent()).toContain('Revoked');
    expect((await gql('{ leads(first: 1) { totalCount } }', {}, bearer)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps reps out of /settings: no link, and the address leads to the list with a notice', async () => {
    const context = await newContext(tb.browser);
    const page = await context.newPage();
    await signIn(page, DEMO.rep);
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    await page.goto('/settings');
    await page.getByTestId('route-notice').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('member-count').count()).toBe(0);
    await context.close();
  });

  it('lets every user change their own password; their other sessions end, this one stays', async () => {
    const email = `paul-${stamp()}@demo.test`;
    const first = await addMember(admin, 'Paul Password', email);
    await admin.getByTestId('add-member-dialog').getByTestId('done').click();
    const elsewhere = await apiLogin(email, first);

    const context = await newContext(tb.browser);
    const page = await context.newPage();
    await signIn(page, email, first);
    await page.getByTestId('change-password').click();
    const dialog = page.getByTestId('change-password-dialog');
    await dialog.locator('#password-currentPassword').fill('not it');
    await dialog.locator('#password-newPassword').fill('a long new password');
    await dialog.locator('#password-repeat').fill('a long new password');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => dialog.locator('#password-currentPassword-error').textContent()).toBe('The current password is not right.');
    await dialog.locator('#password-currentPassword').fill(first);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByTestId('password-changed').waitFor();
    await dialog.getByTestId('done').click();

    expect((await gql('{ leads(first: 1) { totalCount } }', {}, { cookie: elsewhere })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.reload();
    await page.getByTestId('lead-count').waitFor();
    await apiLogin(email, 'a long new password');
    await context.close();
  });
});

describe.skipIf(!hasChromium)('settings on a phone (390×844)', () => {
  let tb: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    tb = await launchBrowser();
    page = await (await newPhoneContext(tb.browser)).newPage();
    await signIn(page, DEMO.admin);
  });
  afterAll(async () => tb?.close());

  it('fits the team, the API keys and their dialogs on the screen, with controls a finger can hit', async () => {
    await page.goto('/settings');
    await page.getByTestId('member-count').waitFor();
    await expectNoHorizontalScroll(page);
    // the header's links scroll sideways, and Settings is the last: brought into view, the far edge
    // no longer faded (nothing is past it) and the near one faded (the other links are)
    await expect
      .poll(() =>
        page.evaluate(() => {
          const nav = document.querySelector<HTMLElement>('.topbar nav')!;
          const link = document.querySelector('[data-testid=nav-settings]')!.getBoundingClientRect();
          const bounds = nav.getBoundingClientRect();
          return { inView: link.left >= bounds.left + 20 && link.right <= bounds.right + 0.5, fades: [...nav.classList].filter((c) => c.startsWith('fade-')), scrolls: nav.scrollWidth > nav.clientWidth };
        }),
      )
      .toEqual({ inView: true, fades: ['fade-start'], scrolls: true });
    await expectTouchTarget(page.getByTestId('add-member'));
    await expectTouchTarget(page.getByTestId('tab-keys'));
    await expectTouchTarget(page.getByTestId(`member-${DEMO.rep}`).getByTestId('role'));
    await screenshot(page, 'settings-phone-01-team');

    await page.getByTestId('add-member').tap();
    await page.getByTestId('add-member-dialog').locator('#member-name').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'settings-phone-02-add');
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-keys').tap();
    await page.getByTestId('create-key').waitFor();
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(page.getByTestId('create-key'));
    await screenshot(page, 'settings-phone-03-keys');
    expect(await axeViolations(page)).toEqual([]);

    // the change-password entry sits in the account menu
    await page.getByTestId('menu-button').tap();
    await page.getByTestId('change-password').tap();
    await page.getByTestId('change-password-dialog').locator('#password-currentPassword').waitFor();
    await expectNoHorizontalScroll(page);
    await expectTouchTarget(page.getByTestId('change-password-dialog').getByRole('button', { name: 'Change password' }));
  });
});
