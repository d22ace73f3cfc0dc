import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { migrationsApplied } from './db/migrate.js';

/**
 * `/healthz`: the process answers. `/readyz`: the database is reachable and migrated, and the
 * process is not shutting down (so a load balancer stops sending it new work while it drains).
 */
export function healthRoutes(orm: MikroORM, databaseReady: () => boolean, draining: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    if (draining()) return void res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
    if (!databaseReady()) return void res.status(503).json({ status: 'unavailable', reason: 'database not reachable or not migrated yet' });
    try {
      if (!(await migrationsApplied(orm))) return void res.status(503).json({ status: 'unavailable', reason: 'migrations pending' });
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return router;
}
