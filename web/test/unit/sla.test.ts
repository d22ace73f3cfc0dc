import { describe, expect, it } from 'vitest';
import { formatCountdown, slaCountdown, SOON_MS } from '../../src/lib/sla';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [59 * S + 999, '0:59'],
    [42 * M + 13 * S, '42:13'],
    [H - S, '59:59'],
    [H, '1 hr'],
    [3 * H + 20 * M + 59 * S, '3 hr 20 min'],
    [D - M, '23 hr 59 min'],
    [D, '1 day'],
    [2 * D + 23 * H + 30 * M, '2 days'],
  ])('%i ms reads %s', (ms, text) => expect(formatCountdown(ms, 'en')).toBe(text));

  it('reads the same before and after the deadline: overdue is said around it', () => {
    expect(formatCountdown(-(12 * M + 5 * S), 'en')).toBe('12:05');
    expect(formatCountdown(-(3 * H + 20 * M), 'en')).toBe('3 hr 20 min');
  });

  it('speaks German', () => {
    expect(formatCountdown(3 * H + 20 * M, 'de')).toBe('3 Std. 20 Min.');
    expect(formatCountdown(2 * D, 'de')).toBe('2 Tg.');
    expect(formatCountdown(42 * M + 13 * S, 'de')).toBe('42:13');
  });
});

describe('slaCountdown', () => {
  const lead = (overrides: Partial<Parameters<typeof slaCountdown>[0]> = {}) => ({ status: 'NEW' as const, slaDueAt: at(2 * H), slaBreached: false, ...overrides });

  it('counts down for a lead nobody has contacted yet', () => {
    expect(slaCountdown(lead(), NOW, 'en')).toEqual({ phase: 'running', remainingMs: 2 * H, time: '2 hr' });
  });

  it('turns to "soon" in the last quarter hour and to "breached" at the deadline', () => {
    expect(slaCountdown(lead({ slaDueAt: at(SOON_MS) }), NOW, 'en')?.phase).toBe('running');
    expect(slaCountdown(lead({ slaDueAt: at(SOON_MS - S) }), NOW, 'en')).toMatchObject({ phase: 'soon', time: '14:59' });
    expect(slaCountdown(lead({ slaDueAt: at(0) }), NOW, 'en')).toMatchObject({ phase: 'breached', remainingMs: 0 });
    expect(slaCountdown(lead({ slaDueAt: at(-90 * M) }), NOW, 'en')).toEqual({ phase: 'breached', remainingMs: -90 * M, time: '1 hr 30 min' });
  });

  it("trusts the server's breach even when this device's clock says there is time left", () => {
    expect(slaCountdown(lead({ slaDueAt: at(5 * M), slaBreached: true }), NOW, 'en')).toEqual({ phase: 'breached', remainingMs: 0, time: '0:00' });
  });

  it('has no countdown once the lead was contacted or closed, or without a deadline', () => {
    for (const status of ['CONTACTED', 'QUALIFIED', 'WON', 'LOST'] as const) expect(slaCountdown(lead({ status }), NOW, 'en')).toBeNull();
    expect(slaCountdown(lead({ status: 'CONTACTED', slaBreached: true }), NOW, 'en')).toBeNull();
    expect(slaCountdown(lead({ slaDueAt: null }), NOW, 'en')).toBeNull();
    expect(slaCountdown(lead({ slaDueAt: 'not a date' }), NOW, 'en')).toBeNull();
  });
});
