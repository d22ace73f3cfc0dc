import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const rulesDir = path.resolve(import.meta.dirname, '..', '..', 'ops', 'prometheus');
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool) console.warn('promtool not found: alert rule tests skipped (apt-get install -y prometheus provides it)');

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: rulesDir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!hasPromtool)('alert rules (promtool)', () => {
  it('are valid rules', () => {
    const check = promtool('check', 'rules', 'alerts.yml');
    expect(check.output).toContain('SUCCESS: 11 rules found');
    expect(check.status).toBe(0);
  });

  it('fire on the series meant to fire them and stay quiet otherwise', () => {
    const test = promtool('test', 'rules', 'alerts.test.yml', 'alerts-daily.test.yml');
    expect(test.status, test.output).toBe(0);
    expect(test.output.match(/SUCCESS/g)).toHaveLength(2);
  }, 60_000);
});

describe('alert rules (files)', () => {
  const rules = readFileSync(path.join(rulesDir, 'alerts.yml'), 'utf8');
  const alerts = [...rules.matchAll(/- alert: (\w+)([\s\S]*?)(?=\n\s*- alert:|$)/g)].map(([, name, body]) => ({ name, body }));

  it('give every alert a severity and a one-line runbook hint', () => {
    expect(alerts.map((a) => a.name)).toHaveLength(11);
    for (const { name, body } of alerts) {
      expect(body, name).toMatch(/\n\s+severity: (critical|warning|info)\n/);
      expect(body, name).toMatch(/\n\s+runbook: \S.+/);
    }
  });

  it('have, for every alert, a test series that fires it and one that must not', () => {
    const tests = ['alerts.test.yml', 'alerts-daily.test.yml'].map((f) => readFileSync(path.join(rulesDir, f), 'utf8')).join('\n');
    const cases = tests.split(/\n- name: /).slice(1).map((block) => ({ alert: /alertname: (\w+)/.exec(block)?.[1], quiet: /exp_alerts: \[\]/.test(block) }));
    for (const { name } of alerts) {
      expect(cases.some((c) => c.alert === name && !c.quiet), `${name} fires somewhere`).toBe(true);
      expect(cases.some((c) => c.alert === name && c.quiet), `${name} stays quiet somewhere`).toBe(true);
    }
  });
});
