import { randomUUID } from 'node:crypto';
import { CREATE_LEAD, gqlAt, leadInput, type Gql } from './graphql.js';

/**
 * The probe protocol. graphql-ws acknowledges a connection, never a subscription: a subscribe
 * message gets no answer until its first event, and an event published before the server has set
 * up the subscription's listener is lost to it. So a test that needs a live subscription keeps
 * updating a lead of its own (the probe), which notifies every subscriber of the tenant, until the
 * probe's event arrives on that subscription (`subscribe(...).live`). Probe events never reach
 * the subscription's `results`.
 */

/** What tells the probe's events apart: its lead's name (unique) and id. */
export interface ProbeMarker {
  probeName: string;
  leadId: string;
}

export interface Probe extends ProbeMarker {
  /** updates the probe lead through the app it was created on */
  touch(): Promise<unknown>;
  /** the same update through another server process (fan-out tests) */
  touchAt(url: string): () => Promise<unknown>;
}

const TOUCH = /* GraphQL */ `mutation($id: ID!) { updateLead(id: $id, input: {}) { id } }`;

/** A hot lead, so that subscriptions with any minScore hear about it. */
export async function createProbe(app: { gql: Gql }, cookie: string, url?: string): Promise<Probe> {
  const call: Gql = url ? (query, variables) => gqlAt(url, query, variables, { cookie }) : (query, variables) => app.gql(query, variables, { cookie });
  const probeName = `Probe ${randomUUID()}`;
  const created = await call(CREATE_LEAD, { input: leadInput({ name: probeName, budget: 'OVER_100K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY' }) });
  if (created.errors) throw new Error(`the probe lead was refused: ${JSON.stringify(created.errors)}`);
  const leadId: string = created.data.createLead.id;
  return {
    probeName,
    leadId,
    touch: () => call(TOUCH, { id: leadId }),
    touchAt: (otherUrl) => () => gqlAt(otherUrl, TOUCH, { id: leadId }, { cookie }),
  };
}

/**
 * Whether a subscription result is an event about the probe lead, by the lead's name or id
 * (whichever the subscription selects). RESYNC events carry no lead and are never the probe's.
 */
export function isProbeEvent(value: unknown, probe: ProbeMarker): boolean {
  const lead = (value as { data?: { leadScored?: { lead?: { id?: unknown; name?: unknown } | null } | null } | null })?.data?.leadScored?.lead;
  if (!lead) return false;
  return lead.name === probe.probeName || lead.id === probe.leadId;
}
