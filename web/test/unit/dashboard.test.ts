import { describe, expect, it } from 'vitest';
import {
  addDays, createThrottle, daysBetween, differenceView, durationText, durationView, inRange, isValidRange, localDay, presetRange, rangeInput,
  rateView, sourceTable, sparkbar, tierTable, type Clock, type KpiRate, type LeadKpis,
} from '../../src/lib/kpis';

const rate = (successes: number, n: number, lower: number, upper: number, enoughData = n >= 30): KpiRate => ({
  __typename: 'KpiRate', successes, n, estimate: n ? successes / n : null, lower, upper, enoughData,
});

describe('day ranges', () => {
  it('counts calendar days across months, years and the change to summer time', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-01', '2026-03-07')).toBe(7);
    expect(daysBetween('2026-03-28', '2026-03-31')).toBe(4);
  });

  it('makes a preset of the last n days, today included', () => {
    const now = new Date(2026, 2, 10, 15, 30);
    expect(presetRange(7, now)).toEqual({ fromDay: '2026-03-04', toDay: '2026-03-10' });
    expect(presetRange(30, now)).toEqual({ fromDay: '2026-02-09', toDay: '2026-03-10' });
    expect(localDay(now)).toBe('2026-03-10');
  });

  it('sends local midnights: from the first day to the midnight after the last', () => {
    const input = rangeInput({ fromDay: '2026-03-01', toDay: '2026-03-07' }, 'Europe/Berlin');
    expect(input.timeZone).toBe('Europe/Berlin');
    expect(new Date(input.from)).toEqual(new Date(2026, 2, 1));
    expect(new Date(input.to)).toEqual(new Date(2026, 2, 8));
  });

  it('accepts a custom range only in order, of real days, at most 731 days long', () => {
    expect(isValidRange({ fromDay: '2026-03-01', toDay: '2026-03-01' })).toBe(true);
    expect(isValidRange({ fromDay: '2026-03-02', toDay: '2026-03-01' })).toBe(false);
    expect(isValidRange({ fromDay: '2026-02-30', toDay: '2026-03-01' })).toBe(false);
    expect(isValidRange({ fromDay: '', toDay: '2026-03-01' })).toBe(false);
    expect(isValidRange({ fromDay: '2024-03-01', toDay: '2026-02-28' })).toBe(true);
    expect(isValidRange({ fromDay: '2024-03-01', toDay: '2026-03-02' })).toBe(false);
  });

  it('tells whether a live lead falls in the range shown', () => {
    const input = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };
    expect(inRange('2026-03-01T00:00:00.000Z', input)).toBe(true);
    expect(inRange('2026-03-07T23:59:59.999Z', input)).toBe(true);
    expect(inRange('2026-03-08T00:00:00.000Z', input)).toBe(false);
    expect(inRange('2026-02-28T23:59:59.999Z', input)).toBe(false);
  });
});

describe('numbers with their uncertainty', () => {
  it('shows a rate only with enough data, its interval and n always', () => {
    expect(rateView(rate(12, 96, 0.0727, 0.2079), 'en')).toEqual({ value: '12.5%', interval: '7.3–20.8%', n: 96, successes: 12 });
    expect(rateView(rate(12, 96, 0.0727, 0.2079), 'de').value).toBe('12,5\u00a0%');
    expect(rateView(rate(4, 7, 0.2505, 0.8418), 'en')).toEqual({ value: null, interval: '25.1–84.2%', n: 7, successes: 4 });
    expect(rateView(rate(0, 0, 0, 1), 'en').value).toBeNull();
  });

  it('shows a difference in signed percentage points', () => {
    const difference = { __typename: 'KpiRateDifference' as const, first: rate(30, 60, 0.38, 0.62), second: rate(20, 80, 0.17, 0.36), estimate: 0.25, lower: 0.09, upper: 0.4, enoughData: true };
    expect(differenceView(difference, 'en')).toEqual({ value: '+25.0 pp', interval: '+9.0 pp … +40.0 pp' });
    expect(differenceView({ ...difference, estimate: -0.1, lower: -0.3, upper: 0.1 }, 'de').value).toBe('-10,0 pp');
    expect(differenceView({ ...difference, enoughData: false }, 'en').value).toBeNull();
  });

  it('reads durations in the unit that keeps the number small', () => {
    expect(durationText(42, 'en')).toMatch(/^42 sec$/);
    expect(durationText(45 * 60, 'en')).toMatch(/^45 min$/);
    expect(durationText(5.5 * 3600, 'en')).toMatch(/^5\.5 hr$/);
    expect(durationText(3.25 * 86_400, 'en')).toMatch(/^3\.3 days$/);
    expect(durationText(5.5 * 3600, 'de')).toMatch(/^5,5 Std\.$/);
    const short = { __typename: 'KpiDuration' as const, n: 9, medianSeconds: 6000, p90Seconds: 108000, enoughData: false };
    expect(durationView(short, 'en')).toEqual({ median: null, p90: null, n: 9 });
    expect(durationView({ ...short, n: 40, enoughData: true }, 'en').median).toMatch(/^1\.7 hr$/);
  });

  it('scales sparkbars to the row\'s largest bucket', () => {
    expect(sparkbar([0, 2, 4, 1])).toEqual([0, 0.5, 1, 0.25]);
    expect(sparkbar([0, 0])).toEqual([0, 0]);
    expect(sparkbar([])).toEqual([]);
  });
});

describe('createThrottle', () => {
  function fakeClock() {
    let now = 0;
    const timers: Array<{ at: number; run: () => void; id: number }> = [];
    let ids = 0;
    const clock: Clock = {
      now: () => now,
      setTimeout: (run, ms) => (timers.push({ at: now + ms, run, id: ++ids }), ids),
      clearTimeout: (id) => timers.splice(timers.findIndex((t) => t.id === id), 1),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    };
    return { clock, advance, pending: () => timers.length };
  }

  it('runs at once, then gathers a burst into one run when the wait is over', () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    const throttle = createThrottle(() => runs.push(clock.now()), 3000, clock);
    throttle.call();
    expect(runs).toEqual([0]);
    advance(500);
    throttle.call();
    advance(500);
    throttle.call();
    throttle.call();
    expect(runs).toEqual([0]);
    advance(2000);
    expect(runs).toEqual([0, 3000]);
    advance(5000);
    throttle.call();
    expect(runs).toEqual([0, 3000, 8000]);
  });

  it('waits from a fetch made by other means, and cancels a pending run', () => {
    const { clock, advance, pending } = fakeClock();
    const runs: number[] = [];
    const throttle = createThrottle(() => runs.push(clock.now()), 3000, clock);
    advance(10_000);
    throttle.ran();
    throttle.call();
    expect(runs).toEqual([]);
    expect(pending()).toBe(1);
    throttle.cancel();
    advance(5000);
    expect(runs).toEqual([]);
  });
});

describe('tables as CSV rows', () => {
  const t = (key: string) => key.split('.').at(-1)!;
  const conversion = (won: number, lost: number, leads: number) => ({
    __typename: 'KpiConversion' as const, leads, won, lost, open: leads - won - lost, winRate: rate(won, won + lost, 0.1, 0.9), leadRate: rate(won, leads, 0.05, 0.5),
  });
  const revenue = (total: number, deals: number, leads: number) => ({
    __typename: 'KpiRevenue' as const, total, deals, averageDealSize: deals ? total / deals : null, revenuePerLead: leads ? total / leads : null,
  });
  const duration = (n: number, median: number | null) => ({ __typename: 'KpiDuration' as const, n, medianSeconds: median, p90Seconds: median, enoughData: n >= 30 });
  const kpis = {
    bySource: [{ __typename: 'SourceKpis', source: 'WEBSITE', leads: 5, averageScore: 64, keyAccountShare: rate(3, 5, 0.23, 0.88), conversion: conversion(2, 1, 5), revenue: revenue(15_000, 2, 5), trend: [1, 0, 2] }],
    byTier: [{ __typename: 'TierKpis', tier: 'HOT', leads: 3, conversion: conversion(1, 1, 3), timeToContact: duration(2, 1950), velocity: duration(1, 864_000), revenue: revenue(50_000, 1, 3), slaMissed: rate(2, 3, 0.2, 0.94) }],
  } as unknown as LeadKpis;

  it('writes each source with raw numbers: shares 0–1 with bounds, successes and n', () => {
    const [header, row] = sourceTable(kpis, t);
    expect(header.slice(0, 4)).toEqual(['source', 'leads', 'averageScore', 'keyAccountShare']);
    expect(row).toEqual(['WEBSITE', 5, 64, 0.6, 0.23, 0.88, 3, 5, 2, 1, 2 / 3, 0.1, 0.9, 2, 3, 15_000]);
  });

  it('writes each tier with durations in seconds and money in EUR', () => {
    const [header, row] = tierTable(kpis, t);
    expect(header).toHaveLength(row.length);
    expect(row.slice(0, 4)).toEqual(['HOT', 3, 1, 1]);
    expect(row).toContain(1950);
    expect(row).toContain(864_000);
    expect(row.slice(-9, -5)).toEqual([50_000, 1, 50_000, 50_000 / 3]);
  });
});
