// The baseline: a bare node:http handler on a bare pg pool, running the same SQL as the app for the
// same requests and answering the same JSON shape. No GraphQL, no ORM, no auth, no validation.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LEAD_COLUMNS_SQL, PAGE_SQL_AFTER, PAGE_SQL_FIRST, INSERT_SQL } from './sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const tenantId = process.env.TENANT_ID!;
const port = Number(process.env.PORT ?? 0);

function edges(rows: any[]) {
  return rows.slice(0, 50).map((row) => ({
    cursor: Buffer.from(JSON.stringify(['s', row.score, new Date(row.created_at).getTime(), row.id])).toString('base64url'),
    node: {
      id: row.id, name: row.name, company: row.company, industry: row.industry, budget: row.budget, companySize: row.company_size,
      urgency: row.urgency, source: row.source, score: row.score, tier: row.tier,
      isKeyAccount: row.tier === 'HOT' || row.tier === 'KEY_ACCOUNT', createdAt: new Date(row.created_at).toISOString(),
    },
  }));
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const input = JSON.parse(body || '{}');
      let payload: unknown;
      if (req.url === '/page') {
        const result = input.after
          ? await pool.query(PAGE_SQL_AFTER, [tenantId, ...(JSON.parse(Buffer.from(input.after, 'base64url').toString()) as unknown[]).slice(1).map((v, i) => (i === 1 ? new Date(v as number) : v)), 51])
          : await pool.query(PAGE_SQL_FIRST, [tenantId, 51]);
        const list = edges(result.rows);
        payload = { data: { leads: { edges: list, pageInfo: { hasNextPage: result.rows.length > 50, endCursor: list.at(-1)?.cursor ?? null } } } };
      } else if (req.url === '/create') {
        const client = await pool.connect();
        try {
          const model = await client.query('select version, definition from scoring_model where tenant_id = $1 and active = true order by version desc limit 1', [tenantId]);
          const def = model.rows[0].definition;
          const points = [def.criteria.BUDGET[input.budget], def.criteria.COMPANY_SIZE[input.companySize], def.criteria.INDUSTRY[input.industry], def.criteria.URGENCY[input.urgency]];
          const score = points.reduce((a: number, b: number) => a + b, 0);
          const tier = score >= 85 ? 'HOT' : score >= 70 ? 'KEY_ACCOUNT' : score >= 40 ? 'WARM' : 'COLD';
          const id = randomUUID();
          const now = new Date();
          await client.query('begin');
          await client.query(INSERT_SQL, [
            id, tenantId, input.name, input.company, input.email, null, input.budget, input.companySize, input.industry, input.urgency, input.source,
            score, tier, JSON.stringify(points.map((p: number, i: number) => ({ criterion: i, points: p }))), model.rows[0].version, 'API_KEY', tenantId, 'bench', now, now,
          ]);
          await client.query('select pg_notify($1, $2)', ['lead_scored', JSON.stringify({ tenantId, leadId: id, reason: 'CREATED', previousScore: null })]);
          await client.query('commit');
          payload = { data: { createLead: { id, score, tier } } };
        } finally {
          client.release();
        }
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`listening ${address.port}`);
});
void LEAD_COLUMNS_SQL;
