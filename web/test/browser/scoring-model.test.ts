import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { apiCreateLead, apiLogin, axeViolations, baseUrl, DEMO, launchBrowser, newContext, signIn, visibleRows, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

/** Screenshots to look at, outside the repository: `SCORING_SCREENSHOTS=/tmp/shots npx vitest run --project browser test/browser/scoring-model.test.ts` */
async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  const dir = process.env.SCORING_SCREENSHOTS;
  if (!dir) return;
  await target?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function gql<T>(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface Version {
  id: string;
  version: number;
  status: string;
}

const versionsOf = async (cookie: string) => (await gql<{ scoringModels: Version[] }>(cookie, '{ scoringModels { id version status } }')).scoringModels;

/** Publishes `id` through the API and waits for its rescoring: puts the demo tenant back as the other test files expect it. */
async function publishAndWait(cookie: string, id: string): Promise<void> {
  const { publishScoringModel: job } = await gql<{ publishScoringModel: { id: string } }>(cookie, 'mutation($id: ID!) { publishScoringModel(id: $id) { id } }', { id });
  await expect
    .poll(async () => (await gql<{ rescoringJob: { state: string } }>(cookie, 'query($id: ID!) { rescoringJob(id: $id) { state } }', { id: job.id })).rescoringJob.state, { timeout: 60_000 })
    .toBe('DONE');
}

const IMPACT = `query($id: ID!) { scoringModelImpact(id: $id) {
  leads changedTiers newKeyAccounts newHot averageChange moves { from to count } } }`;

describe.skipIf(!hasChromium)('the scoring model: edit, preview, publish, rescore live, roll back', () => {
  let tb: TestBrowser;
  let adminCookie: string;
  let original: Version;

  beforeAll(async () => {
    tb = await launchBrowser();
    adminCookie = await apiLogin(DEMO.admin);
    original = (await versionsOf(adminCookie)).find((v) => v.status === 'ACTIVE')!;
  });

  afterAll(async () => {
    // whatever happened, the demo tenant ends with the model it started with
    if (adminCookie && original) {
      const active = (await versionsOf(adminCookie)).find((v) => v.status === 'ACTIVE');
      if (active && active.id !== original.id) await publishAndWait(adminCookie, original.id).catch(() => {});
    }
    await tb?.close();
  });

  it('sends a rep who opens the scoring model to the lead list, with the notice, and shows no link to it', async () => {
    const context = await newContext(tb.browser);
    const page = await context.newPage();
    await signIn(page, DEMO.rep);
    expect(await page.getByTestId('nav-scoring-model').count()).toBe(0);
    await page.goto('/scoring-model');
    await page.getByTestId('route-notice').waitFor();
    expect(await page.getByTestId('route-notice').textContent()).toBe('That page is not open to your role, so here is the lead list.');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('active-model').count()).toBe(0);
    await context.close();
  });

  it("lets an admin edit a draft, see its impact, publish it; a rep's open list re-sorts live and the lead's history shows the rescoring", async () => {
    // two leads the edit moves past each other: Immediately 20 → 25, over 1,000 employees 30 → 25
    const company = 'Umbewertung Probe AG';
    const urgent = await apiCreateLead(adminCookie, { name: 'Ulla Urgent', company, budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'IMMEDIATELY', source: 'EVENT' });
    const large = await apiCreateLead(adminCookie, { name: 'Lars Large', company, budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'THIS_WEEK', source: 'EVENT' });
    expect([urgent.score, large.score]).toEqual([90, 95]);

    // the rep watches the list of those two, live
    const repContext = await newContext(tb.browser);
    const rep = await repContext.newPage();
    await signIn(rep, DEMO.rep);
    await rep.goto('/?q=Umbewertung');
    await rep.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    await expect.poll(async () => (await visibleRows(rep)).map((r) => [r.name, r.score])).toEqual([['Lars Large', 95], ['Ulla Urgent', 90]]);
    // set on this document: still there afterwards means the page was not reloaded
    await rep.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // the admin edits a draft of the active model
    const adminContext = await newContext(tb.browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    await admin.getByTestId('nav-scoring-model').click();
    await admin.getByTestId('active-model').waitFor();
    expect(await admin.getByTestId('active-model').getAttribute('data-version')).toBe(String(original.version));
    await shot(admin, 'scoring-1366-active');
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByTestId('new-draft').click();
    await admin.locator('#points-URGENCY-IMMEDIATELY').fill('25');
    await admin.getByTestId('max-wrong').waitFor();
    expect(await admin.getByTestId('max-wrong').textContent()).toContain('The maximum is 105, not 100');
    await shot(admin, 'scoring-1366-max-wrong', admin.locator('#points-URGENCY-IMMEDIATELY'));
    await admin.locator('#points-COMPANY_SIZE-SIZE_OVER_1000').fill('25');
    await admin.getByTestId('max-wrong').waitFor({ state: 'detached' });
    await admin.locator('#draft-comment').fill('Urgency counts more than head count');
    await admin.getByTestId('save-draft').click();
    await admin.getByTestId('impact-summary').waitFor({ timeout: 15_000 });

    // the preview shows what the server computes for this draft
    const draft = (await versionsOf(adminCookie)).find((v) => v.status === 'DRAFT')!;
    const { scoringModelImpact: impact } = await gql<{
      scoringModelImpact: { leads: number; changedTiers: number; newKeyAccounts: number; newHot: number; averageChange: number; moves: Array<{ from: string; to: string; count: number }> };
    }>(adminCookie, IMPACT, { id: draft.id });
    expect(impact.leads).toBeGreaterThan(200);
    const preview = admin.getByTestId('impact-preview');
    expect(Number(await preview.getByTestId('impact-summary').getAttribute('data-leads'))).toBe(impact.leads);
    for (const move of impact.moves) {
      expect(Number(await preview.getByTestId(`move-${move.from}-${move.to}`).getAttribute('data-count')), `${move.from} → ${move.to}`).toBe(move.count);
    }
    expect(await preview.locator('[data-testid=impact-newKeyAccounts] dd').first().textContent()).toBe(String(impact.newKeyAccounts));
    expect(await preview.locator('[data-testid=impact-newHot] dd').first().textContent()).toBe(String(impact.newHot));
    const change = Math.round(impact.averageChange * 10) / 10;
    const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
    expect(await preview.locator('[data-testid=impact-averageChange] dd').first().textContent()).toBe(`${sign}${Math.abs(change).toFixed(1)}`);
    expect(await preview.getByTestId('impact-summary').textContent()).toContain(`${impact.changedTiers} lead`);
    expect(await axeViolations(admin)).toEqual([]);
    await shot(admin, 'scoring-1366-draft-impact', preview);
    await shot(admin, 'scoring-1366-draft-examples', preview.getByTestId('impact-examples'));

    // publish: the preview again, then the progress until every lead is rescored
    await admin.getByTestId('publish').click();
    const dialog = admin.getByTestId('publish-dialog');
    await dialog.getByTestId('impact-summary').waitFor({ timeout: 15_000 });
    expect(Number(await dialog.getByTestId('impact-summary').getAttribute('data-leads'))).toBe(impact.leads);
    await shot(admin, 'scoring-1366-publish-dialog');
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByTestId('confirm-publish').click();
    await admin.getByTestId('rescoring-progress').waitFor();
    await admin.locator('[data-testid=rescoring-progress][data-state=DONE]').waitFor({ timeout: 30_000 });
    expect(await admin.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => admin.getByTestId('active-model').getAttribute('data-version')).toBe(String(draft.version));
    await shot(admin, 'scoring-1366-published');

    // the rep's list re-sorted as the scores changed, without a reload
    await expect.poll(async () => (await visibleRows(rep)).map((r) => [r.name, r.score]), { timeout: 10_000 }).toEqual([['Ulla Urgent', 95], ['Lars Large', 90]]);
    expect(await rep.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // the lead's history: created under the old model, rescored under the new one
    await rep.locator(`[data-lead-id="${urgent.id}"] a.name`).first().click();
    const history = rep.getByTestId('score-history');
    await history.locator('[data-reason=RESCORED]').waitFor();
    expect(await history.locator('[data-testid=score-change]').evaluateAll((items) => items.map((i) => i.getAttribute('data-reason')))).toEqual(['RESCORED', 'CREATED']);
    const rescored = (await history.locator('[data-reason=RESCORED]').textContent())!.replace(/\s+/g, ' ');
    expect(rescored).toContain('Rescored');
    expect(rescored).toMatch(/90\s*Hot.*→.*95\s*Hot/);
    expect(rescored).toContain(`model v${draft.version}`);
    // who published: the admin
    expect(rescored).toContain('Dana Demo');
    await shot(rep, 'scoring-1366-lead-history', history);

    // phones
    await admin.setViewportSize({ width: 390, height: 844 });
    await rep.setViewportSize({ width: 390, height: 844 });
    await admin.getByTestId('active-model').waitFor();
    await shot(admin, 'scoring-390-active');
    await shot(rep, 'scoring-390-lead-history', history);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await admin.getByTestId('new-draft').click();
    await admin.locator('#points-URGENCY-IMMEDIATELY').fill('30');
    await admin.getByTestId('max-wrong').waitFor();
    await shot(admin, 'scoring-390-editor');
    await shot(admin, 'scoring-390-versions', admin.getByTestId('version-row').first());
    await repContext.close();
    await adminContext.close();
  });

  it('speaks German on a phone: thresholds and the refused maximum', async () => {
    const context = await newContext(tb.browser, 'de-DE');
    const admin = await context.newPage();
    await admin.setViewportSize({ width: 390, height: 844 });
    await signIn(admin, DEMO.admin);
    await admin.goto('/scoring-model');
    await admin.getByTestId('active-model').waitFor();
    expect(await admin.locator('h1').textContent()).toBe('Scoring-Modell');
    expect(await admin.getByTestId('active-thresholds').locator('li').allTextContents()).toEqual(['Heiß ab 85', 'Key Account ab 70', 'Warm ab 40']);
    await admin.getByTestId('new-draft').click();
    // whichever version is active, the best budget now gives 10 points more
    const best = Number(await admin.locator('#points-BUDGET-OVER_100K').inputValue());
    await admin.locator('#points-BUDGET-OVER_100K').fill(String(best + 10));
    await admin.getByTestId('max-wrong').waitFor();
    expect(await admin.getByTestId('max-wrong').textContent()).toContain('Der höchste Score ist 110, nicht 100');
    await shot(admin, 'scoring-390-de-editor');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await context.close();
  });

  it('rolls back to the earlier version with the same flow, following the job by polling while the socket is down', async () => {
    const context = await newContext(tb.browser);
    // no socket this time: every attempt is closed at once, so the progress can only come from polling
    await context.routeWebSocket(/\/graphql$/, (ws) => ws.close());
    const admin = await context.newPage();
    const polls: string[] = [];
    admin.on('request', (request) => {
      const body = request.postDataJSON?.() as { operationName?: string } | null;
      if (body?.operationName === 'RescoringJob') polls.push(request.url());
    });
    await signIn(admin, DEMO.admin);
    await admin.goto('/scoring-model');
    await admin.getByTestId('active-model').waitFor();
    const row = admin.locator(`[data-testid=version-row][data-version="${original.version}"]`);
    expect(await row.getAttribute('data-status')).toBe('RETIRED');
    // on a phone this time
    await admin.setViewportSize({ width: 390, height: 844 });
    await row.getByRole('button', { name: 'Roll back…' }).click();
    const dialog = admin.getByTestId('publish-dialog');
    await dialog.getByTestId('impact-summary').waitFor({ timeout: 15_000 });
    expect(await dialog.locator('#publish-title').textContent()).toContain(`Roll back to v${original.version}?`);
    await shot(admin, 'scoring-390-rollback-dialog');
    await shot(admin, 'scoring-390-rollback-matrix', dialog.getByTestId('impact-matrix'));
    await dialog.getByTestId('confirm-publish').click();
    await admin.locator('[data-testid=rescoring-progress][data-state=DONE]').waitFor({ timeout: 30_000 });
    await expect.poll(() => admin.getByTestId('active-model').getAttribute('data-version')).toBe(String(original.version));
    await shot(admin, 'scoring-390-rolled-back');
    expect(await admin.getByTestId('live-indicator').getAttribute('data-status')).not.toBe('live');
    expect(polls.length).toBeGreaterThan(0);
    expect((await versionsOf(adminCookie)).find((v) => v.status === 'ACTIVE')?.id).toBe(original.id);
    await context.close();
  });
});
