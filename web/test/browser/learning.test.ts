import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SKIP_MESSAGE } from './env';
import { expectNoHorizontalScroll, newPhoneContext } from './phone-support';
import { apiCreateLead, apiLogin, axeViolations, baseUrl, DEMO, launchBrowser, newContext, screenshot, signIn, type TestBrowser } from './helpers';

if (!hasChromium) console.log(SKIP_MESSAGE);

async function gql(cookie: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${baseUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
}

/**
 * Ends whatever experiment a failed run left running, so the other browser tests score leads with
 * the active model, and waits for the rescoring that puts its leads back on the active model.
 */
async function stopRunning(cookie: string) {
  const { data } = await gql(cookie, '{ experiments { id status } }');
  for (const e of data?.experiments ?? []) if (e.status === 'RUNNING') await gql(cookie, 'mutation($id: ID!) { stopExperiment(id: $id) { id } }', { id: e.id });
  await rescored(cookie);
}

/** Waits until the tenant has no queued or running rescoring (also from afterAll, where expect.poll cannot run). */
async function rescored(cookie: string) {
  const deadline = Date.now() + 20_000;
  while ((await gql(cookie, '{ activeRescoringJob { id } }')).data?.activeRescoringJob) {
    if (Date.now() > deadline) throw new Error('the rescoring after stopping the experiment did not finish within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!hasChromium)('experiments and the learned model', () => {
  let tb: TestBrowser;
  let context: BrowserContext;
  let admin: Page;
  let adminCookie: string;

  beforeAll(async () => {
    tb = await launchBrowser();
    context = await newContext(tb.browser);
    admin = await context.newPage();
    await signIn(admin, DEMO.admin);
    adminCookie = await apiLogin(DEMO.admin);
  });
  afterAll(async () => {
    if (adminCookie) await stopRunning(adminCookie);
    await tb?.close();
  });

  it('shows the demo\'s finished experiment with its verdict, and a model suggested from the demo outcomes with AUCs', async () => {
    await admin.getByTestId('nav-experiments').click();
    const finished = admin.locator('[data-testid=experiment-item][data-status=FINISHED]').first();
    await finished.waitFor();
    await finished.click();
    const result = admin.getByTestId('experiment-result');
    await expect.poll(() => result.getByTestId('verdict').getAttribute('data-verdict')).toMatch(/^(CHALLENGER_BETTER|CONTROL_BETTER|NO_DIFFERENCE_YET)$/);
    expect(await result.getByTestId('arms').textContent()).toMatch(/Control v1.*Challenger v\d+/);
    expect(await result.getByTestId('conversion-CONTROL').textContent()).toMatch(/\d+(\.\d)?% \(\d/);

    // the demo tenants have six months of outcomes: enough to learn from
    const suggestion = admin.getByTestId('suggestion');
    await suggestion.getByTestId('suggestion-aucs').waitFor({ timeout: 15_000 });
    expect(await suggestion.getByTestId('auc-learned').textContent()).toMatch(/Learned model.*0\.\d\d \(0\.\d\d – [01]\.\d\d\)/);
    expect(await suggestion.getByTestId('auc-rules').textContent()).toMatch(/Current rules \(v\d+\).*0\.\d\d \(0\.\d\d – [01]\.\d\d\)/);
    expect(await suggestion.getByTestId('suggestion-claim').textContent()).toMatch(/The learned model (ranks your leads better|is not shown to be better)/);
    expect(await suggestion.getByTestId('suggestion-sentences').locator('li').count()).toBe(5);
    expect(await suggestion.getByTestId('suggestion-calibration').locator('tbody tr').count()).toBe(10);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'learning-01-overview');
    await suggestion.getByTestId('suggestion-sentences').scrollIntoViewIfNeeded();
    await screenshot(admin, 'learning-02-suggestion');
  });

  it('lets an admin start an experiment, see its result page fill with new leads, and stop it', async () => {
    await stopRunning(adminCookie);
    await admin.goto('/experiments');
    await admin.getByTestId('start-experiment').click();
    const dialog = admin.getByTestId('start-experiment-dialog');
    await dialog.locator('#experiment-challenger option').first().waitFor({ state: 'attached' });
    await dialog.locator('#experiment-effect').fill('20');
    await dialog.getByTestId('start-submit').click();
    await dialog.waitFor({ state: 'detached' });

    // the new experiment's result page: no verdict before the planned outcomes
    const running = admin.locator('[data-testid=experiment-item][data-status=RUNNING]');
    await running.waitFor();
    const id = await running.getAttribute('data-experiment-id');
    await expect.poll(() => new URL(admin.url()).searchParams.get('experiment')).toBe(id);
    const result = admin.locator(`[data-testid=experiment-result][data-experiment-id="${id}"]`);
    await expect.poll(() => result.getByTestId('verdict').getAttribute('data-verdict')).toBe('NO_DIFFERENCE_YET');
    expect(await result.getByTestId('verdict').textContent()).toMatch(/No difference detected yet: [\d,]+ more outcomes needed/);
    expect(await result.getByTestId('outcomes-CONTROL').textContent()).toMatch(/^\s*0 \(planned: \d+\)\s*$/);

    // new leads join it; the result counts them after a reload
    for (let i = 0; i < 4; i++) {
      await apiCreateLead(adminCookie, { name: `Trial ${i}`, company: 'Experiment GmbH', budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK' });
    }
    await admin.reload();
    await expect.poll(async () => (await admin.locator(`[data-testid=experiment-item][data-experiment-id="${id}"]`).textContent())?.match(/(\d+) leads/)?.[1]).toBe('4');
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'learning-03-running');

    await result.getByTestId('stop-experiment').click();
    await result.getByTestId('confirm-stop').click();
    await expect.poll(() => admin.locator(`[data-testid=experiment-item][data-experiment-id="${id}"]`).getAttribute('data-status')).toBe('FINISHED');
    expect(await result.getByTestId('stop-experiment').count()).toBe(0);
    // its leads are rescored with the active model in the background
    await rescored(adminCookie);
  });

  it('saves the suggested model as a draft of the scoring model', async () => {
    const other = await context.browser()!.newContext({ baseURL: baseUrl(), viewport: { width: 1366, height: 768 } });
    const page = await other.newPage();
    await signIn(page, DEMO.otherTenant);
    await page.goto('/experiments');
    await page.getByTestId('suggestion-aucs').waitFor({ timeout: 15_000 });
    await page.getByTestId('save-suggestion').click();
    const saved = page.getByTestId('suggestion-saved');
    await saved.waitFor();
    const version = Number((await saved.textContent())?.match(/draft v(\d+)/)?.[1]);
    const cookie = await apiLogin(DEMO.otherTenant);
    const { data } = await gql(cookie, '{ scoringModels { id version status maxScore comment } }');
    const draft = data.scoringModels.find((v: { version: number }) => v.version === version);
    expect(draft).toMatchObject({ status: 'DRAFT', maxScore: 100 });
    expect(draft.comment).toMatch(/^Learned from \d+ closed leads since/);
    // leave the tenant's versions as they were for the other tests
    await gql(cookie, 'mutation($id: ID!) { deleteScoringModelDraft(id: $id) }', { id: draft.id });
    await other.close();
  });

  it('promotes a version through the scoring model\'s publish flow: the address opens its dialog with the impact preview', async () => {
    // the experiment screen's "promote" goes to /scoring-model?publish=<challenger>; the demo's verdict varies, so the address is opened directly
    const { data } = await gql(adminCookie, '{ scoringModels { id version status } }');
    const candidate = data.scoringModels.find((v: { status: string }) => v.status !== 'ACTIVE');
    expect(candidate).toBeDefined();
    await admin.goto(`/scoring-model?publish=${candidate.id}`);
    const dialog = admin.getByTestId('publish-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`v${candidate.version}`);
    // the preview is part of the flow: the tenant's leads, counted in the matrix
    await dialog.getByTestId('impact-matrix').waitFor();
    expect(Number(await dialog.getByTestId('impact-summary').getAttribute('data-leads'))).toBeGreaterThan(0);
    await expect.poll(() => new URL(admin.url()).search).toBe('');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    const { data: after } = await gql(adminCookie, '{ scoringModels { id status } }');
    expect(after.scoringModels.find((v: { id: string }) => v.id === candidate.id).status).toBe(candidate.status);
  });

  it('fits a phone in German without sideways scrolling', async () => {
    const phoneContext = await newPhoneContext(tb.browser, 'de-DE');
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin);
    await phone.goto('/experiments');
    await phone.getByTestId('experiment-result').getByTestId('verdict').waitFor();
    await phone.getByTestId('suggestion-aucs').waitFor({ timeout: 15_000 });
    expect(await phone.getByTestId('suggestion').locator('h2').textContent()).toBe('Modell aus Ergebnissen vorschlagen');
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'learning-04-phone');
    await phoneContext.close();
  });

  it('is for admins only: a rep has no link and is sent back to the list', async () => {
    const repContext = await newContext(tb.browser);
    const rep = await repContext.newPage();
    await signIn(rep, DEMO.rep);
    expect(await rep.getByTestId('nav-experiments').count()).toBe(0);
    await rep.goto('/experiments');
    await rep.getByTestId('lead-count').waitFor();
    expect(new URL(rep.url()).pathname).not.toBe('/experiments');
    await repContext.close();
  });
});
