// The statements of the floor server: the ones the app sends for the benchmark's requests (same
// columns, predicate, order and limit; the app's own text is printed by the bench), as prepared
// statements, plus the PostGraphile peer's view.

/** The columns the page's fields need (the field list both GraphQL servers are asked for). */
const PAGE_COLUMNS = 'id, score, created_at, name, company, industry, budget, company_size, urgency, source, tier';
const ORDER = 'order by score desc, created_at desc, id desc';

export const PAGE_FIRST = {
  name: 'bench_page_first',
  text: `select ${PAGE_COLUMNS} from lead where tenant_id = $1 ${ORDER} limit $2`,
};

export const PAGE_AFTER = {
  name: 'bench_page_after',
  text: `select ${PAGE_COLUMNS} from lead where tenant_id = $1 and (score, created_at, id) < ($2, $3, $4) ${ORDER} limit $5`,
};

export const INSERT_LEAD = {
  name: 'bench_insert_lead',
  text: `insert into lead (id, tenant_id, name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, score_breakdown,
    model_version, created_by_kind, created_by_id, created_by_name, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
};

/**
 * The floor doing the app's writes: the lead, its ledger row and an outbox event of the app's size,
 * in one statement (the app's own statement is modules/leads/lead.insert.ts). The event's type is
 * one no consumer reads, so the app's processes are not woken to relay the floor's leads.
 */
export const INSERT_LEAD_WITH_OUTBOX = {
  name: 'bench_insert_lead_outbox',
  text: `with l as (${INSERT_LEAD.text} returning id, tenant_id, score, tier, model_version),
    c as (insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id)
          select tenant_id, id, null, score, null, tier, model_version, 'CREATED', $16, $17 from l)
    insert into event (id, type, tenant_id, aggregate_id, payload) select $21::uuid, 'bench.floor_lead', tenant_id, id, $22::jsonb from l`,
};

export const NOTIFY = { name: 'bench_notify', text: 'select pg_notify($1, $2)' };

/** What a live message carries (the app's subscription asks for the same fields). */
export const LIVE_LEAD = {
  name: 'bench_live_lead',
  text: 'select id, name, company, industry, budget, score, tier, created_at from lead where tenant_id = $1 and id = $2',
};

export const ACTIVE_MODEL_SQL = "select version, definition from scoring_model where tenant_id = $1 and status = 'ACTIVE'";

const PEER_COLUMNS = ['id', 'name', 'company', 'industry', 'budget', 'company_size', 'urgency', 'source', 'score', 'tier', 'created_at'];

/**
 * PostGraphile gets one tenant's leads through a view in a schema of its own: it has no tenancy,
 * so the view carries the tenant (the app binds it per request from the caller's key). A simple
 * view: PostgreSQL inlines it, so the plan is the same index scan as the app's.
 */
export function peerViewSql(tenantId: string): string[] {
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error(`not a uuid: ${tenantId}`);
  return [
    'create schema bench_peer',
    `create view bench_peer.bench_lead as select ${PEER_COLUMNS.join(', ')} from public.lead where tenant_id = '${tenantId}'`,
    // a view has no constraints: tell PostGraphile which column is unique (cursors, ordering)
    `comment on view bench_peer.bench_lead is E'@primaryKey id'`,
    // and that its columns are NOT NULL, as in the table: otherwise its cursor condition allows
    // nulls, which no index serves (the deep page would scan every row before the cursor)
    ...PEER_COLUMNS.map((column) => `comment on column bench_peer.bench_lead.${column} is E'@notNull'`),
  ];
}
