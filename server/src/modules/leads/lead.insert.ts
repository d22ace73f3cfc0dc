import type { EntityProperty, MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { driverQuery } from '../../db/driver-query.js';
import type { ScoreActor } from '../scoring/score-ledger.js';
import { ScoreChangeReason } from '../scoring/scoring.enums.js';
import type { IdempotentOperation } from './idempotency-key.entity.js';
import { claimKeySql, IDEMPOTENCY_KEY_HOURS } from './lead.idempotency.js';
import { Lead } from './lead.entity.js';
import { LEAD_SCORED_EVENT, leadScoredPayload, recordProperties } from './lead.events.js';
import type { LeadRecord } from './lead.mapping.js';
import { LeadScoredReason } from './lead.types.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';

/** What a create decides about a new lead; the rest of its columns start as the entity's defaults. */
export type NewLeadFields = Pick<
  Lead,
  'id' | 'name' | 'company' | 'email' | 'phone' | 'budget' | 'companySize' | 'industry' | 'urgency' | 'source' | 'score' | 'tier' | 'scoreBreakdown' | 'modelVersion' | 'createdByKind' | 'createdById' | 'createdByName'
>;

/**
 * A new lead as it will be stored, as a plain record: `new Lead()` would cost an accessor per
 * property per instance (MikroORM's change tracking), for an object the ORM never sees. The
 * defaults are the entity's (lead.entity.ts); a test holds the two together.
 */
export function newLeadRecord(fields: NewLeadFields, now = new Date()): LeadRecord {
  return {
    ...fields,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    createdAt: now,
    updatedAt: now,
    status: LeadStatus.NEW,
    ownerId: null,
    ownerName: null,
    contactedAt: null,
    closedAt: null,
    dealValue: null,
    lostReason: null,
    slaBreachedAt: null,
    lastActivityAt: now,
    decayedAt: null,
  };
}

export interface NewLeadWrite {
  tenantId: string;
  /** every column of the lead but its tenant (see newLeadRecord) */
  lead: LeadRecord;
  actor: ScoreActor;
  /** with a key, the lead is stored only when this request claims it */
  idempotency: { key: string; operation: IdempotentOperation; hash: string } | null;
}

interface InsertStatement {
  properties: EntityProperty<Lead>[];
  plain: string;
  keyed: string;
}

const statements = new WeakMap<MetadataStorage, InsertStatement>();

/**
 * The statement of a new lead: the lead, its score-ledger row and its outbox event in one round
 * trip. One statement is one transaction, so the three are stored together or not at all, and the
 * event's commit-order trigger runs at its commit as after any other write. Columns come from the
 * entity's metadata, so a new property is stored without a line here. With an idempotency key the
 * claim is part of the same statement and the lead is inserted only if the claim succeeded.
 */
function insertStatement(em: EntityManager): InsertStatement {
  const metadata = em.getMetadata();
  let statement = statements.get(metadata);
  if (statement) return statement;
  const meta = metadata.get(Lead);
  const tenant = meta.properties.tenant;
  const properties = [tenant, ...recordProperties(em)] as EntityProperty<Lead>[];
  const columns = properties.map((p) => p.fieldNames[0]).join(', ');
  // typed placeholders: in `insert … select` PostgreSQL cannot take a parameter's type from its
  // column. Without the type's modifier: `::varchar(200)` would cut a longer text silently, where
  // storing it in the column refuses it
  const values = properties.map((p, i) => `$${i + 1}::${p.columnTypes[0].replace(/\(.*\)$/, '')}`).join(', ');
  const n = properties.length;
  const [actorKind, actorId, eventId, eventType, payload] = [n + 1, n + 2, n + 3, n + 4, n + 5].map((i) => `$${i}`);
  const tail = `, ledger as (
      insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id)
      select tenant_id, id, null, score, null, tier, model_version, '${ScoreChangeReason.CREATED}', ${actorKind}, ${actorId}::uuid from lead_row
    )
    insert into event (id, type, tenant_id, aggregate_id, payload)
    select ${eventId}::uuid, ${eventType}, tenant_id, id, ${payload}::jsonb from lead_row
    returning aggregate_id`;
  const [key, operation, hash, hours] = [n + 6, n + 7, n + 8, n + 9].map((i) => `$${i}`);
  statement = {
    properties,
    plain: `with lead_row as (insert into lead (${columns}) values (${values}) returning id, tenant_id, score, tier, model_version)${tail}`,
    // the claim of claimIdempotencyKey, in the same statement: the lead is stored only if it succeeds
    keyed: `with claim as (${claimKeySql(['$1::uuid', key, operation, hash, '$2::uuid', `${hours}::int`])}), lead_row as (
        insert into lead (${columns}) select ${values} where exists (select from claim) returning id, tenant_id, score, tier, model_version
      )${tail}`,
  };
  if (properties[0] !== tenant || properties[1].name !== 'id') throw new Error('the lead insert expects tenant and id as its first columns');
  statements.set(metadata, statement);
  return statement;
}

/**
 * Stores a new lead with its ledger row and its `lead.scored` event, in one statement on a pooled
 * connection. Returns false, storing nothing, when its idempotency key is already taken: the
 * caller then finds out by whom (a replay, or a key reused for other input).
 */
export async function insertNewLead(em: EntityManager, write: NewLeadWrite): Promise<boolean> {
  const statement = insertStatement(em);
  const connection = em.getConnection();
  await connection.ensureConnection();
  const platform = em.getPlatform();
  const { lead } = write;
  const values: unknown[] = statement.properties.map((property) => {
    if (property.name === 'tenant') return write.tenantId;
    const value = lead[property.name as keyof LeadRecord];
    return property.customType && value != null ? property.customType.convertToDatabaseValue(value, platform, { mode: 'query' }) : (value ?? null);
  });
  const payload = leadScoredPayload(em, lead, LeadScoredReason.CREATED, null);
  values.push(write.actor.kind, write.actor.id ?? null, randomUUID(), LEAD_SCORED_EVENT, JSON.stringify(payload));
  const { idempotency } = write;
  if (idempotency) values.push(idempotency.key, idempotency.operation, idempotency.hash, IDEMPOTENCY_KEY_HOURS);
  const rows = await driverQuery<{ aggregate_id: string }>(
    connection.getKnex(),
    idempotency ? statement.keyed : statement.plain,
    values,
    idempotency ? 'lead_insert_keyed' : 'lead_insert',
  );
  return rows.length === 1;
}
