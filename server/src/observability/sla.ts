import { Counter, Gauge, type Registry } from 'prom-client';
import { LeadTier } from '../modules/leads/lead.enums.js';
import type { BreachCounts } from '../modules/lifecycle/sla.job.js';

/** The gauge's count is a statement over every tenant's open leads: a scrape reuses one this fresh. */
const GAUGE_MAX_AGE_MS = 60_000;

/**
 * Speed-to-lead metrics, on the app's registry.
 *
 * `lead_scoring_sla_breaches_total{tier}` counts each breach once across all processes: the
 * process whose job run marked the lead increments it, so each process exports only its share and
 * Prometheus sums them (`sum by (tier) (increase(...))`).
 *
 * `lead_scoring_sla_breached_leads{tier}` is the number of open leads past their SLA now, read from
 * the database at scrape time (at most once a minute): every process reports the same number for the
 * whole database, so aggregate it with `max`, never `sum`.
 */
export function createSlaMetrics(registry: Registry, countBreached: () => Promise<BreachCounts>) {
  const registers = [registry];
  const breaches = new Counter({
    name: 'lead_scoring_sla_breaches_total',
    help: "Leads that went past their tier's first-contact SLA while NEW, each counted once across all processes (by the process that noticed); sum over instances.",
    labelNames: ['tier'] as const,
    registers,
  });
  // every tier from the start, so rates see zeros instead of no data
  for (const tier of Object.values(LeadTier)) breaches.inc({ tier }, 0);

  let cached: { at: number; counts: BreachCounts } | undefined;
  // one count at a time: scrapes that come while it runs (several Prometheus servers, a retry) wait
  // for it instead of each sending the statement
  let counting: Promise<void> | undefined;
  // bumped by every job run that marked leads: a count that began before it is not kept as fresh
  let generation = 0;
  const count = () => {
    const started = generation;
    counting ??= countBreached()
      .then((counts) => {
        cached = { at: started === generation ? Date.now() : 0, counts };
      })
      // without the database (starting, outage) the last known counts stay; database_up tells that story
      .catch(() => undefined)
      .finally(() => (counting = undefined));
    return counting;
  };
  new Gauge({
    name: 'lead_scoring_sla_breached_leads',
    help: 'Open (NEW) leads past their SLA now, per tier, in the whole database; the same in every process: aggregate with max.',
    labelNames: ['tier'] as const,
    registers,
    async collect() {
      if (!cached || Date.now() - cached.at > GAUGE_MAX_AGE_MS) await count();
      if (cached) for (const tier of Object.values(LeadTier)) this.set({ tier }, cached.counts[tier]);
    },
  });

  return {
    /** called with the leads one run of the SLA job marked */
    countBreaches(counts: BreachCounts): void {
      let marked = false;
      for (const tier of Object.values(LeadTier)) {
        if (!counts[tier]) continue;
        breaches.inc({ tier }, counts[tier]);
        marked = true;
      }
      // the next scrape counts again, so this process's gauge and counter move together
      if (marked) {
        cached = undefined;
        generation++;
      }
    },
  };
}
