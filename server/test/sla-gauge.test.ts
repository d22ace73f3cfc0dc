import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { BreachCounts } from '../src/modules/lifecycle/sla.job.js';
import { createSlaMetrics } from '../src/observability/sla.js';

const ZERO: BreachCounts = { HOT: 0, KEY_ACCOUNT: 0, WARM: 0, COLD: 0 };

/** A count whose answers the test hands out one at a time, remembering how often it was asked. */
function heldCount() {
  const waiting: Array<(counts: BreachCounts) => void> = [];
  return {
    waiting,
    count: () => new Promise<BreachCounts>((resolve) => waiting.push(resolve)),
    async answer(counts: BreachCounts) {
      while (!waiting.length) await new Promise((r) => setImmediate(r));
      waiting.shift()!(counts);
    },
  };
}

const gaugeOf = (text: string, tier: string) => Number(new RegExp(`^lead_scoring_sla_breached_leads\\{tier="${tier}"\\} (\\d+)$`, 'm').exec(text)?.[1]);

describe('the breached-leads gauge', () => {
  it('sends one count for scrapes that come while it runs, reuses it, and counts again after a job run marked leads', async () => {
    const registry = new Registry();
    const held = heldCount();
    const sla = createSlaMetrics(registry, held.count);

    const scrapes = [registry.metrics(), registry.metrics(), registry.metrics()];
    await held.answer({ ...ZERO, HOT: 3 });
    const texts = await Promise.all(scrapes);
    for (const text of texts) expect(gaugeOf(text, 'HOT')).toBe(3);
    expect(held.waiting).toHaveLength(0);

    // fresh: answered without a count (a count would wait for an answer that never comes)
    expect(gaugeOf(await registry.metrics(), 'HOT')).toBe(3);

    sla.countBreaches({ ...ZERO, WARM: 2 });
    const after = registry.metrics();
    await held.answer({ ...ZERO, HOT: 3, WARM: 2 });
    expect(gaugeOf(await after, 'WARM')).toBe(2);
  });

  it('does not keep as fresh a count that began before a job run marked leads', async () => {
    const registry = new Registry();
    const held = heldCount();
    const sla = createSlaMetrics(registry, held.count);

    const early = registry.metrics();
    while (!held.waiting.length) await new Promise((r) => setImmediate(r));
    sla.countBreaches({ ...ZERO, HOT: 1 });
    await held.answer(ZERO);
    expect(gaugeOf(await early, 'HOT')).toBe(0);
    // the next scrape counts again and shows the mark
    const next = registry.metrics();
    await held.answer({ ...ZERO, HOT: 1 });
    expect(gaugeOf(await next, 'HOT')).toBe(1);
  });
});
