import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../src/events/outbox.js';
import { createDashboardMetrics, observeLeadEvent } from '../src/modules/dashboard/dashboard.metrics.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

const CHANGE_STATUS = /* GraphQL */ `
  mutation($id: ID!, $input: LeadStatusInput!) { changeLeadStatus(id: $id, input: $input) { id status contactedAt closedAt } }
`;

function event(reason: string, lead: Record<string, unknown>): StoredEvent {
  return { sequence: 1, id: 'e', type: 'lead.scored', tenantId: 't', aggregateId: 'l', createdAt: new Date(), payload: { reason, previousScore: null, lead } };
}

async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = (metric?.values as Array<{ labels: Record<string, string | number>; value: number; metricName?: string }> | undefined)?.find(
    (v) => (v.metricName ?? name) === (name.endsWith('_seconds') ? `${name}_count` : name) && Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x),
  );
  return sample?.value ?? 0;
}

describe('dashboard metrics from lead events (pure)', () => {
  const created = '2026-03-01T10:00:00.000Z';
  const contacted = '2026-03-01T10:30:00.000Z';

  it('observes the time to contact once, when the change that stamped contactedAt arrives', async () => {
    const registry = new Registry();
    const metrics = createDashboardMetrics(registry);
    const lead = { tier: 'HOT', createdAt: created, status: 'CONTACTED', contactedAt: contacted, lastActivityAt: contacted, closedAt: null };
    observeLeadEvent(metrics, event('STATUS_CHANGED', lead));
    // a later change (QUALIFIED) keeps the first contact's instant: not a first contact
    observeLeadEvent(metrics, event('STATUS_CHANGED', { ...lead, status: 'QUALIFIED', lastActivityAt: '2026-03-02T09:00:00.000Z' }));
    const histogram = (await registry.getMetricsAsJSON()).find((m) => m.name === 'lead_scoring_time_to_contact_seconds')!;
    const values = histogram.values as Array<{ labels: Record<string, string | number>; value: number; metricName: string }>;
    expect(values.find((v) => v.metricName.endsWith('_count') && v.labels.tier === 'HOT')?.value).toBe(1);
    expect(values.find((v) => v.metricName.endsWith('_sum') && v.labels.tier === 'HOT')?.value).toBe(1800);
    // 1800 s is in the bucket up to 1800, not in the one up to 900
    expect(values.find((v) => v.metricName.endsWith('_bucket') && v.labels.tier === 'HOT' && v.labels.le === 1800)?.value).toBe(1);
    expect(values.find((v) => v.metricName.endsWith('_bucket') && v.labels.tier === 'HOT' && v.labels.le === 900)?.value).toBe(0);
  });

  it('counts closes by outcome and tier, and created leads by industry and key account', async () => {
    const registry = new Registry();
    const metrics = createDashboardMetrics(registry);
    const closedAt = '2026-03-05T10:00:00.000Z';
    observeLeadEvent(metrics, event('STATUS_CHANGED', { tier: 'WARM', createdAt: created, status: 'WON', contactedAt: contacted, closedAt, lastActivityAt: closedAt }));
    observeLeadEvent(metrics, event('STATUS_CHANGED', { tier: 'WARM', createdAt: created, status: 'LOST', contactedAt: closedAt, closedAt, lastActivityAt: closedAt }));
    // an assignment of a WON lead is no second close
    observeLeadEvent(metrics, event('ASSIGNED', { tier: 'WARM', createdAt: created, status: 'WON', contactedAt: contacted, closedAt, lastActivityAt: closedAt }));
    observeLeadEvent(metrics, event('CREATED', { tier: 'KEY_ACCOUNT', industry: 'FINANCE', createdAt: created, status: 'NEW' }));
    observeLeadEvent(metrics, event('CREATED', { tier: 'COLD', industry: 'FINANCE', createdAt: created, status: 'NEW' }));
    expect(await value(registry, 'lead_scoring_leads_closed_total', { tier: 'WARM', outcome: 'won' })).toBe(1);
    expect(await value(registry, 'lead_scoring_leads_closed_total', { tier: 'WARM', outcome: 'lost' })).toBe(1);
    expect(await value(registry, 'lead_scoring_leads_created_by_industry_total', { industry: 'FINANCE', key_account: 'true' })).toBe(1);
    expect(await value(registry, 'lead_scoring_leads_created_by_industry_total', { industry: 'FINANCE', key_account: 'false' })).toBe(1);
    // LOST straight from NEW is also its first contact
    expect(await value(registry, 'lead_scoring_time_to_contact_seconds', { tier: 'WARM' })).toBe(1);
  });
});

describe('dashboard metrics on /metrics', () => {
  let app: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    app = await createTestApp({ metricsPort: 0, live: { pollMs: 100 } });
    tenant = await app.createTenant();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function scrape(): Promise<string> {
    return (await fetch(app.server.metricsUrl!)).text();
  }

  async function until(pattern: RegExp): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await scrape();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`no ${pattern} on /metrics`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('counts first contacts, closes and key accounts by industry, with no tenant label', async () => {
    const caller = { cookie: tenant.repCookie };
    const created = await app.gql(CREATE_LEAD, { input: leadInput({ industry: 'SOFTWARE' }) }, caller);
    const id = created.data.createLead.id as string;
    const tier = created.data.createLead.tier as string;
    await until(/lead_scoring_leads_created_by_industry_total\{[^}]*industry="SOFTWARE",key_account="true"[^}]*\} 1/);

    for (const input of [{ status: 'CONTACTED' }, { status: 'QUALIFIED' }, { status: 'WON', dealValue: 1200 }]) {
      const res = await app.gql(CHANGE_STATUS, { id, input }, caller);
      expect(res.errors).toBeUndefined();
    }
    // the close is the last event: once it is counted, the contact and the qualification were handled before it
    const text = await until(new RegExp(`lead_scoring_leads_closed_total\\{[^}]*tier="${tier}",outcome="won"[^}]*\\} 1`));
    expect(text).toMatch(new RegExp(`lead_scoring_time_to_contact_seconds_count\\{[^}]*tier="${tier}"[^}]*\\} 1\\n`));
    for (const line of text.split('\n').filter((l) => /time_to_contact|leads_closed|by_industry/.test(l) && !l.startsWith('#'))) {
      expect(line).not.toContain(tenant.id);
      expect(line).not.toMatch(/tenant/);
    }
  });
});
