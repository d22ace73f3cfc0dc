import { describe, expect, it } from 'vitest';
import { budgetLabel, companySizeLabel, formatDateTime, formatNumber, relativeTime } from '../../src/lib/format';

const now = Date.parse('2026-03-10T12:00:00.000Z');

describe('relativeTime', () => {
  it('speaks English and German', () => {
    expect(relativeTime('2026-03-07T12:00:00.000Z', 'en', now)).toBe('3 days ago');
    expect(relativeTime('2026-03-07T12:00:00.000Z', 'de', now)).toBe('vor 3 Tagen');
  });
  it('says now for the last minute', () => {
    expect(relativeTime('2026-03-10T11:59:40.000Z', 'en', now)).toBe('now');
    expect(relativeTime('2026-03-10T11:59:40.000Z', 'de', now)).toBe('jetzt');
  });
  it('uses hours and minutes for today', () => {
    expect(relativeTime('2026-03-10T10:00:00.000Z', 'en', now)).toBe('2 hours ago');
    expect(relativeTime('2026-03-10T11:55:00.000Z', 'de', now)).toBe('vor 5 Minuten');
  });
});

describe('numbers and money', () => {
  it('groups digits per locale', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'de')).toBe('12.345');
  });
  it('labels budget ranges in euros', () => {
    const words = { under: 'Under', over: 'Over' };
    expect(budgetLabel('FROM_10K_TO_50K', 'en', words)).toBe('€10,000–€50,000');
    expect(budgetLabel('UNDER_10K', 'en', words)).toBe('Under €10,000');
    expect(budgetLabel('OVER_100K', 'de', { under: 'Unter', over: 'Über' })).toBe('Über 100.000\u00a0€');
  });
  it('labels company sizes', () => {
    expect(companySizeLabel('SIZE_201_1000', 'en')).toBe('201–1,000');
    expect(companySizeLabel('SIZE_201_1000', 'de')).toBe('201–1.000');
    expect(companySizeLabel('SIZE_OVER_1000', 'en')).toBe('1,000+');
  });
  it('formats dates per locale', () => {
    expect(formatDateTime('2026-03-10T12:00:00.000Z', 'de')).toMatch(/10\.03\.2026/);
    expect(formatDateTime('2026-03-10T12:00:00.000Z', 'en')).toMatch(/Mar 10, 2026/);
  });
});
