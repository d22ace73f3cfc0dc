// The statements the app sends for the benchmark's leads page (as MikroORM's query builder writes
// them: only the columns the GraphQL selection needs), in parameterised form for the baseline.
// Same columns, same predicate, same order, same limit.
export const LEAD_COLUMNS_SQL =
  '"l"."id", "l"."score", "l"."created_at", "l"."name", "l"."company", "l"."industry", "l"."budget", "l"."company_size", "l"."urgency", "l"."source", "l"."tier"';

const ORDER = 'order by "l"."score" desc, "l"."created_at" desc, "l"."id" desc';

export const PAGE_SQL_FIRST = `select ${LEAD_COLUMNS_SQL} from "lead" as "l" where "l"."tenant_id" = $1 ${ORDER} limit $2`;

export const PAGE_SQL_AFTER = `select ${LEAD_COLUMNS_SQL} from "lead" as "l" where ((l.score, l.created_at, l.id) < ($2, $3, $4)) and "l"."tenant_id" = $1 ${ORDER} limit $5`;

export const INSERT_SQL = `insert into "lead" ("id", "tenant_id", "name", "company", "email", "phone", "budget", "company_size", "industry", "urgency", "source", "score", "tier", "score_breakdown", "model_version", "created_by_kind", "created_by_id", "created_by_name", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`;
