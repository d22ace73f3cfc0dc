// The floor: the plainest code doing the same work as the app for the benchmark's requests. A bare
// node:http handler on a bare pg pool (the app's pool size), prepared statements, no GraphQL, no
// ORM, no auth, no validation, answering the same JSON. Two things it does beyond the plainest
// handler, because the response or the scenario needs them: it builds one cursor per row (the page
// answers edges { cursor }), and it reads the lead once per notice for the live sockets (a NOTIFY
// payload is capped at 8,000 bytes, so it carries the id; the app reads its outbox row instead).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import { scoreLead, type ScoringModelDefinition } from '../server/src/modules/scoring/scoring.model.js';
import { ACTIVE_MODEL_SQL, INSERT_LEAD, INSERT_LEAD_WITH_OUTBOX, LIVE_LEAD, NOTIFY, PAGE_AFTER, PAGE_FIRST } from './sql.js';

const PAGE_SIZE = 50;
/** Its own channel: the app listens on lead_scored and would otherwise relay the floor's leads too. */
const FLOOR_CHANNEL = 'bench_floor_lead_scored';
/** A graphql-ws operation id is a UUID: the live message has the app's shape and size. */
const OPERATION_ID = '00000000-0000-4000-8000-000000000000';

const databaseUrl = process.env.DATABASE_URL!;
const tenantId = process.env.TENANT_ID!;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

// the model is read once, as a long-running server would cache it
const model = await pool.query(ACTIVE_MODEL_SQL, [tenantId]);
const definition = model.rows[0].definition as ScoringModelDefinition;
const modelVersion = model.rows[0].version as number;

interface PageRow {
  id: string;
  score: number;
  created_at: Date;
  name: string;
  company: string;
  industry: string;
  budget: string;
  company_size: string;
  urgency: string;
  source: string;
  tier: string;
}

const cursorOf = (row: PageRow) => Buffer.from(JSON.stringify(['s', row.score, row.created_at.getTime(), row.id])).toString('base64url');

async function page(after: string | undefined): Promise<unknown> {
  let result: pg.QueryResult<PageRow>;
  if (after) {
    const [, score, time, id] = JSON.parse(Buffer.from(after, 'base64url').toString()) as [string, number, number, string];
    result = await pool.query<PageRow>({ ...PAGE_AFTER, values: [tenantId, score, new Date(time), id, PAGE_SIZE + 1] });
  } else {
    result = await pool.query<PageRow>({ ...PAGE_FIRST, values: [tenantId, PAGE_SIZE + 1] });
  }
  const rows = result.rows.slice(0, PAGE_SIZE);
  const edges = rows.map((row) => ({
    cursor: cursorOf(row),
    node: {
      id: row.id, name: row.name, company: row.company, industry: row.industry, budget: row.budget, companySize: row.company_size,
      urgency: row.urgency, source: row.source, score: row.score, tier: row.tier, createdAt: row.created_at.toISOString(),
    },
  }));
  return { data: { leads: { edges, pageInfo: { hasNextPage: result.rows.length > PAGE_SIZE, endCursor: edges.at(-1)?.cursor ?? null } } } };
}

function leadValues(input: Record<string, string>) {
  const scored = scoreLead(definition, input as never);
  const id = randomUUID();
  const now = new Date();
  const values = [
    id, tenantId, input.name, input.company, input.email ?? null, input.phone ?? null, input.budget, input.companySize, input.industry, input.urgency,
    input.source, scored.score, scored.tier, JSON.stringify(scored.breakdown), modelVersion, 'API_KEY', tenantId, 'bench', now, now,
  ];
  return { id, scored, now, values };
}

async function createLead(input: Record<string, string>): Promise<unknown> {
  const { id, scored, values } = leadValues(input);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query({ ...INSERT_LEAD, values });
    await client.query({ ...NOTIFY, values: [FLOOR_CHANNEL, JSON.stringify({ tenantId, leadId: id, reason: 'CREATED', previousScore: null })] });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  return { data: { createLead: { id, score: scored.score, tier: scored.tier } } };
}

/** createLead with the app's writes (lead, ledger row, outbox event with every column) in one statement. */
async function createLeadWithOutbox(input: Record<string, string>): Promise<unknown> {
  const { id, scored, now, values } = leadValues(input);
  const lead = {
    id, name: input.name, company: input.company, email: input.email ?? null, phone: input.phone ?? null, budget: input.budget, companySize: input.companySize,
    industry: input.industry, urgency: input.urgency, source: input.source, score: scored.score, tier: scored.tier, scoreBreakdown: scored.breakdown,
    modelVersion, createdByKind: 'API_KEY', createdById: tenantId, createdByName: 'bench', createdAt: now, updatedAt: now, status: 'NEW', ownerId: null,
    ownerName: null, contactedAt: null, closedAt: null, dealValue: null, lostReason: null, slaBreachedAt: null, lastActivityAt: now, decayedAt: null,
  };
  await pool.query({ ...INSERT_LEAD_WITH_OUTBOX, values: [...values, randomUUID(), JSON.stringify({ reason: 'CREATED', previousScore: null, lead })] });
  return { data: { createLead: { id, score: scored.score, tier: scored.tier } } };
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const input = JSON.parse(body || '{}');
      let payload: unknown;
      if (req.url === '/page') payload = await page(input.after);
      else if (req.url === '/create') payload = await createLead(input);
      else if (req.url === '/create-outbox') payload = await createLeadWithOutbox(input);
      else return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});

// live: every committed lead goes to every socket, serialised once
const sockets = new Set<WebSocket>();
const wss = new WebSocketServer({ server, path: '/live' });
wss.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
const listener = new pg.Client({ connectionString: databaseUrl });
await listener.connect();
listener.on('notification', async ({ payload }) => {
  const notice = JSON.parse(payload!) as { leadId: string; reason: string; previousScore: number | null };
  const { rows } = await pool.query({ ...LIVE_LEAD, values: [tenantId, notice.leadId] });
  const row = rows[0];
  if (!row) return;
  const lead = { id: row.id, name: row.name, company: row.company, industry: row.industry, budget: row.budget, score: row.score, tier: row.tier, createdAt: row.created_at.toISOString() };
  const message = JSON.stringify({ id: OPERATION_ID, type: 'next', payload: { data: { leadScored: { reason: notice.reason, previousScore: notice.previousScore, lead } } } });
  for (const socket of sockets) socket.send(message);
});
await listener.query(`listen ${FLOOR_CHANNEL}`);

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
