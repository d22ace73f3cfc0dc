import { describe, expect, it } from 'vitest';
import { dashboardFromParams, paramsFromDashboard } from '../../src/lib/dashboard-url';
import { presetRange } from '../../src/lib/kpis';

const now = new Date(2026, 2, 10, 15, 30);
const MEMBER = '0b6f3c0e-8a53-4f0e-9a57-2f4a8f1c9d11';

describe('the dashboard in the address', () => {
  it('starts at the last 30 days of everything, with nothing in the address', () => {
    const view = dashboardFromParams({}, now);
    expect(view).toEqual({ period: '30', custom: presetRange(30, now), owner: '', source: '', industry: '' });
    expect(paramsFromDashboard(view, presetRange(30, now))).toEqual({});
  });

  it('reads a preset, a custom range and the filters, in any case', () => {
    expect(dashboardFromParams({ days: '7' }, now)).toMatchObject({ period: '7', custom: presetRange(7, now) });
    expect(dashboardFromParams({ from: '2026-01-01', to: '2026-03-31', days: '7' }, now)).toMatchObject({
      period: 'custom',
      custom: { fromDay: '2026-01-01', toDay: '2026-03-31' },
    });
    expect(dashboardFromParams({ owner: MEMBER.toUpperCase(), source: 'Referral', industry: 'software' }, now)).toMatchObject({
      owner: MEMBER,
      source: 'REFERRAL',
      industry: 'SOFTWARE',
    });
    expect(dashboardFromParams({ owner: 'unassigned' }, now).owner).toBe('unassigned');
  });

  it('falls back to the default for what it cannot read, instead of failing', () => {
    // days that are no preset; a range backwards, of unreal days, or longer than the server allows; an owner that is no id
    expect(dashboardFromParams({ days: '14' }, now).period).toBe('30');
    expect(dashboardFromParams({ from: '2026-03-31', to: '2026-01-01' }, now).period).toBe('30');
    expect(dashboardFromParams({ from: '2026-02-30', to: '2026-03-01' }, now).period).toBe('30');
    expect(dashboardFromParams({ from: '2020-01-01', to: '2026-03-01' }, now).period).toBe('30');
    expect(dashboardFromParams({ from: '2026-01-01' }, now).period).toBe('30');
    expect(dashboardFromParams({ owner: "x' or 1=1", source: 'PIGEON', industry: null }, now)).toMatchObject({ owner: '', source: '', industry: '' });
    // the list's "me" is no member the dashboard filters by
    expect(dashboardFromParams({ owner: 'me' }, now).owner).toBe('');
    // a repeated key: the first counts
    expect(dashboardFromParams({ days: ['90', '7'] }, now).period).toBe('90');
  });

  it('writes what is shown, and reads back the same view', () => {
    const custom = { fromDay: '2026-01-01', toDay: '2026-03-31' };
    const view = { period: 'custom' as const, custom, owner: MEMBER, source: 'REFERRAL' as const, industry: 'SOFTWARE' as const };
    const params = paramsFromDashboard(view, custom);
    expect(params).toEqual({ from: '2026-01-01', to: '2026-03-31', owner: MEMBER, source: 'referral', industry: 'software' });
    expect(dashboardFromParams(params, now)).toEqual(view);
    expect(paramsFromDashboard({ ...view, period: '90', owner: '', source: '', industry: '' }, presetRange(90, now))).toEqual({ days: '90' });
  });

  it('puts the range on screen in the address, not the custom fields being typed', () => {
    const shown = { fromDay: '2026-01-01', toDay: '2026-03-31' };
    expect(paramsFromDashboard({ period: 'custom', owner: '', source: '', industry: '' }, shown)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
