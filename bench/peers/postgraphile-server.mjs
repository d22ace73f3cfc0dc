// The PostGraphile peer: PostGraphile 5 with its amber preset, served by grafserv's node:http
// adapter, over the bench database's bench_peer schema (one view of one tenant's leads). Run by
// the Node 22 binary installed next to it (PostGraphile 5 needs Node 22 or newer).
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  // same pool size as the app and the floor
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['bench_peer'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
await serv.addTo(server);
// build the schema before reporting ready
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  Promise.resolve(pgl.release()).finally(() => process.exit(0));
});
