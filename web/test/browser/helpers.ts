import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, webRoot } from './env';

export const baseUrl = () => inject('baseUrl');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium; Playwright gives every launch a fresh, throwaway profile directory. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return { browser, close: () => browser.close() };
}

export async function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
}

export const DEMO = {
  admin: 'demo@demo.test',
  rep: 'rep@demo.test',
  otherTenant: 'beispiel@demo.test',
  otherTenantRep: 'rep@beispiel.test',
  password: 'demo',
};

/** Signs in through the form. */
export async function signIn(page: Page, email: string, password = DEMO.password): Promise<void> {
  await page.goto('/');
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.locator('#signin-password').press('Enter');
  await page.getByTestId('lead-count').waitFor();
}

/** Scores, names and tiers of the rows currently in the DOM, top to bottom. */
export async function visibleRows(page: Page): Promise<Array<{ id: string; score: number; tier: string; name: string }>> {
  return page.$$eval('[role=row][data-lead-id]', (rows) =>
    rows
      .map((row) => ({
        top: row.getBoundingClientRect().top,
        id: row.getAttribute('data-lead-id') ?? '',
        score: Number(row.querySelector('.score')?.textContent),
        tier: row.querySelector('.tier')?.textContent?.trim() ?? '',
        name: row.querySelector('.name')?.textContent?.trim() ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...rest }) => rest),
  );
}

export async function countText(page: Page): Promise<string> {
  return (await page.getByTestId('lead-count').textContent())?.trim() ?? '';
}

/** Session cookie for API calls from the test itself. */
export async function apiLogin(email: string, password = DEMO.password): Promise<string> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ id } }', variables: { e: email, p: password } }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`login failed for ${email}: ${await response.text()}`);
  return cookie.split(';')[0];
}

export interface NewLead {
  name: string;
  company: string;
  budget: string;
  companySize: string;
  industry: string;
  urgency: string;
  source?: string;
  email?: string;
}

export async function apiCreateLead(cookie: string, input: NewLead): Promise<{ id: string; score: number; tier: string }> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: 'mutation($i:CreateLeadInput!){ createLead(input:$i){ id score tier } }', variables: { i: input } }),
  });
  const body = (await response.json()) as { data?: { createLead: { id: string; score: number; tier: string } }; errors?: unknown };
  if (!body.data) throw new Error(`createLead failed: ${JSON.stringify(body.errors)}`);
  return body.data.createLead;
}

const require = createRequire(path.join(webRoot, 'package.json'));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the current page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an injected <script>
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Screenshots for looking at every screen: `SCREENSHOTS=1 npx vitest run --project browser`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: path.join(webRoot, 'test-results', 'screens', `${name}.png`) });
}

/**
 * Answers LeadRules with `overrides` on top of the server's rules, as a page that loaded before the
 * server's rules got stricter has them: what the form lets through, the server still refuses.
 */
export async function staleRules(page: Page, overrides: Record<string, unknown>): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName !== 'LeadRules') return route.fallback();
    const response = await route.fetch();
    const json = await response.json();
    json.data.leadRules = { ...json.data.leadRules, ...overrides };
    return route.fulfill({ response, json });
  });
}

/**
 * Holds the requests of `operationName` while closed, until the test opens it: what a page shows
 * while it waits is then checked at leisure, however slow the machine (a fixed delay could run out
 * first). Open to begin with.
 */
export async function gateOperation(page: Page, operationName: string) {
  let open = true;
  const held: Array<() => void> = [];
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === operationName && !open) await new Promise<void>((resolve) => held.push(resolve));
    await route.fallback();
  });
  return {
    close() {
      open = false;
    },
    /** Sends what it held, and lets the next ones through. */
    open() {
      open = true;
      for (const release of held.splice(0)) release();
    },
    held: () => held.length,
  };
}

