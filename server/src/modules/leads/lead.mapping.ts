import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isKeyAccountTier } from '../scoring/scoring.model.js';
import { Lead } from './lead.entity.js';
import type { LeadNode } from './lead.types.js';

/** The stored properties a Lead node is made of: every property of the entity but its tenant. */
export type LeadProperty = Exclude<keyof Lead & string, 'tenant'>;

/**
 * A lead as the ORM holds it, or as the hand-written SQL reads it: columns aliased to property
 * names (see `LeadTable.selectList`), so one mapping serves both. A row may hold only the columns
 * a query asked for; MikroORM's connection leaves timestamps as PostgreSQL's text.
 */
export type LeadRecord = Omit<Pick<Lead, LeadProperty>, TimeProperty | 'dealValue'> & { [P in keyof Pick<Lead, TimeProperty>]: Pick<Lead, TimeProperty>[P] | string } & {
  /** numeric: the driver's text, the entity's number */
  dealValue?: number | string | null;
};
type TimeProperty = 'createdAt' | 'updatedAt' | 'contactedAt' | 'closedAt' | 'slaBreachedAt' | 'lastActivityAt' | 'decayedAt';

/** Properties that become a node field of another name or shape (see `toLeadNode`), or no field at all (the jobs' bookkeeping). */
const RESHAPED = new Set<string>([
  'tenant', 'email', 'phone', 'createdAt', 'updatedAt', 'createdByKind', 'createdById', 'createdByName',
  'ownerId', 'ownerName', 'contactedAt', 'closedAt', 'dealValue', 'slaBreachedAt', 'lastActivityAt', 'decayedAt',
]);

const timeOrNull = (value: Date | string | null | undefined): Date | null => (value == null ? null : new Date(value));

/**
 * The one way a stored lead becomes a GraphQL node; GraphQL reads only the fields it selected.
 * Properties named like their field pass through as they are, so a new one needs no line here.
 * A loop rather than object rest/spread: V8 copies the driver's rows that way many times slower,
 * and a page maps up to 200 of them.
 */
export function toLeadNode(lead: LeadRecord & { tenant?: unknown }): LeadNode {
  const node = {} as Record<string, unknown>;
  for (const property of Object.keys(lead)) if (!RESHAPED.has(property)) node[property] = lead[property as keyof typeof lead];
  return reshape(node, lead);
}

/**
 * The same node made of a row the caller owns and drops (a fresh row of the driver), in place:
 * a page of leads need not copy each row. The row's other properties stay on it, where GraphQL,
 * which reads only the fields it selected, never looks (no field is named like them).
 */
export function rowToLeadNode(row: LeadRecord): LeadNode {
  return reshape(row as unknown as Record<string, unknown>, row);
}

/** The fields of another name or shape than their properties, written onto `node`. */
function reshape(node: Record<string, unknown>, lead: LeadRecord): LeadNode {
  node.isKeyAccount = lead.tier !== undefined && isKeyAccountTier(lead.tier);
  node.createdAt = new Date(lead.createdAt);
  // A list row holds only the columns of the fields asked for. A nullable field whose columns were
  // not read is left off the node rather than set to null: GraphQL never reads it, and each property
  // added to a driver's row grows it again (a page of 50 allocated about 20 kB less without them).
  if (lead.email !== undefined) node.email = lead.email ?? null;
  if (lead.phone !== undefined) node.phone = lead.phone ?? null;
  if (lead.updatedAt !== undefined) node.updatedAt = new Date(lead.updatedAt);
  if (lead.createdByKind !== undefined) node.createdBy = { kind: lead.createdByKind, id: lead.createdById, name: lead.createdByName };
  if (lead.ownerId !== undefined) node.owner = lead.ownerId ? { id: lead.ownerId, name: lead.ownerName ?? '' } : null;
  if (lead.contactedAt !== undefined) node.contactedAt = timeOrNull(lead.contactedAt);
  if (lead.closedAt !== undefined) node.closedAt = timeOrNull(lead.closedAt);
  if (lead.dealValue !== undefined) node.dealValue = lead.dealValue === null ? null : Number(lead.dealValue);
  return node as unknown as LeadNode;
}

/** Node fields that are not a property of the same name. */
const PROPERTIES_OF_FIELD: Partial<Record<keyof LeadNode, readonly LeadProperty[]>> = {
  isKeyAccount: ['tier'],
  createdBy: ['createdByKind', 'createdById', 'createdByName'],
  owner: ['ownerId', 'ownerName'],
};
/** Fields resolved elsewhere (lifecycle.resolver.ts) from these properties. */
const PROPERTIES_OF_DERIVED: Record<string, readonly LeadProperty[]> = {
  slaDueAt: ['status', 'tier', 'createdAt'],
  slaBreached: ['status', 'tier', 'createdAt'],
};
/** Always read: cursors are made of them. */
const ALWAYS: readonly LeadProperty[] = ['id', 'score', 'createdAt'];

/** The lead table as the ORM maps it: names come from the entity's metadata, never written out twice. */
export class LeadTable {
  readonly name: string;
  private readonly columns = new Map<string, string>();
  private readonly selectable = new Set<string>();
  private readonly allColumns: string;

  constructor(meta: EntityMetadata<Lead>) {
    this.name = meta.tableName;
    for (const property of meta.props) {
      if (property.fieldNames?.length !== 1) continue;
      this.columns.set(property.name, property.fieldNames[0]);
      if (property.name !== 'tenant') this.selectable.add(property.name);
    }
    this.allColumns = this.list([...this.selectable]);
  }

  /** Column of a property, e.g. `companySize` → `company_size`. */
  column(property: LeadProperty | 'tenant'): string {
    const column = this.columns.get(property);
    if (!column) throw new Error(`lead has no column for ${property}`);
    return column;
  }

  /** `select` list for the given node fields (every column when they are not known), each column named as its property. */
  selectList(fields?: ReadonlySet<string>): string {
    if (!fields) return this.allColumns;
    const properties = new Set<string>(ALWAYS);
    for (const field of fields) {
      for (const property of PROPERTIES_OF_FIELD[field as keyof LeadNode] ?? PROPERTIES_OF_DERIVED[field] ?? [field]) {
        if (this.selectable.has(property)) properties.add(property);
      }
    }
    return this.list([...properties]);
  }

  private list(properties: string[]): string {
    return properties
      .map((property) => {
        const column = this.columns.get(property)!;
        return column === property ? column : `${column} as "${property}"`;
      })
      .join(', ');
  }
}

const tables = new WeakMap<MetadataStorage, LeadTable>();

/** The lead table of the EntityManager's ORM, worked out once. */
export function leadTable(em: EntityManager): LeadTable {
  const metadata = em.getMetadata();
  let table = tables.get(metadata);
  if (!table) {
    table = new LeadTable(metadata.get(Lead));
    tables.set(metadata, table);
  }
  return table;
}
