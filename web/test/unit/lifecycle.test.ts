import { describe, expect, it } from 'vitest';
import { describeActivities } from '../../src/lib/activity';
import { needsDetails, parseDealValue, statusMoves, validateStatusDetails } from '../../src/lib/lifecycle';
import en from '../../src/i18n/en';

// a translator over the real English messages, so a wrong key shows as the key
function t(key: string, params: Record<string, unknown> = {}): string {
  const message = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof message !== 'string') return key;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

describe('statusMoves', () => {
  it('moves an open lead forward or to LOST, like the server', () => {
    const to = (from: Parameters<typeof statusMoves>[0]) => statusMoves(from, 'REP').map((m) => m.to);
    expect(to('NEW')).toEqual(['CONTACTED', 'QUALIFIED', 'WON', 'LOST']);
    expect(to('CONTACTED')).toEqual(['QUALIFIED', 'WON', 'LOST']);
    expect(to('QUALIFIED')).toEqual(['WON', 'LOST']);
  });

  it('marks the usual next step of an open lead, and nothing of a closed one', () => {
    const next = (from: Parameters<typeof statusMoves>[0]) => statusMoves(from, 'ADMIN').filter((m) => m.next).map((m) => m.to);
    expect(next('NEW')).toEqual(['CONTACTED']);
    expect(next('CONTACTED')).toEqual(['QUALIFIED']);
    expect(next('QUALIFIED')).toEqual(['WON']);
    expect(next('WON')).toEqual([]);
    expect(next('LOST')).toEqual([]);
  });

  it('lets only an admin reopen a closed lead, to CONTACTED or QUALIFIED', () => {
    for (const role of ['REP', 'MANAGER', null] as const) {
      expect(statusMoves('WON', role)).toEqual([]);
      expect(statusMoves('LOST', role)).toEqual([]);
    }
    expect(statusMoves('LOST', 'ADMIN')).toEqual([{ to: 'CONTACTED', reopen: true, next: false }, { to: 'QUALIFIED', reopen: true, next: false }]);
    expect(statusMoves('NEW', 'ADMIN').every((m) => !m.reopen)).toBe(true);
  });

  it('asks for the deal value before WON and the reason before LOST', () => {
    expect(needsDetails('WON')).toBe('dealValue');
    expect(needsDetails('LOST')).toBe('lostReason');
    expect(needsDetails('CONTACTED')).toBeNull();
  });
});

describe('parseDealValue', () => {
  it.each([
    ['12500', 12500],
    ['12.500', 12500],
    ['12,500', 12500],
    ['12,500.50', 12500.5],
    ['12.500,50', 12500.5],
    ['1.234.567', 1234567],
    ['0,5', 0.5],
    ['99.999', 99999],
    ['12500,5 €', 12500.5],
    ['€ 4 000', 4000],
    ['7.255 EUR', 7255],
  ])('reads %s as %d', (text, value) => expect(parseDealValue(text)).toBe(value));

  it.each(['', '0', '-5', 'abc', '12a', '.5', '1e5'])('refuses %j', (text) => expect(parseDealValue(text)).toBeNull());
});

describe('validateStatusDetails', () => {
  it('requires a positive deal value for WON and a reason for LOST', () => {
    expect(validateStatusDetails('WON', { dealValue: '', lostReason: '' }, t)).toEqual({ dealValue: 'Enter the deal value.' });
    expect(validateStatusDetails('WON', { dealValue: 'lots', lostReason: '' }, t).dealValue).toMatch(/^Enter an amount above 0/);
    expect(validateStatusDetails('WON', { dealValue: '8000', lostReason: '' }, t)).toEqual({});
    expect(validateStatusDetails('LOST', { dealValue: '', lostReason: '' }, t)).toEqual({ lostReason: 'Choose why the lead was lost.' });
    expect(validateStatusDetails('LOST', { dealValue: '', lostReason: 'COMPETITOR' }, t)).toEqual({});
  });
});

describe('describeActivities', () => {
  const base = { actorName: 'Ravi Rep', fromStatus: null, toStatus: null, owner: null, feedback: null, comment: null, dealValue: null, lostReason: null };
  const money = (value: number) => `€${value}`;

  it('tells the timeline newest first, in words', () => {
    const lines = describeActivities(
      [
        { ...base, id: 'a1', kind: 'ASSIGNED', createdAt: '2026-03-01T09:00:00Z', owner: { name: 'Ravi Rep' } },
        { ...base, id: 'a3', kind: 'STATUS_CHANGED', createdAt: '2026-03-01T11:00:00Z', fromStatus: 'CONTACTED', toStatus: 'WON', dealValue: 12500, comment: 'Signed today' },
        { ...base, id: 'a2', kind: 'STATUS_CHANGED', createdAt: '2026-03-01T10:00:00Z', fromStatus: 'NEW', toStatus: 'CONTACTED' },
        { ...base, id: 'a4', kind: 'FEEDBACK', createdAt: '2026-03-01T12:00:00Z', feedback: 'TOO_LOW' },
        { ...base, id: 'a5', kind: 'ASSIGNED', createdAt: '2026-03-01T13:00:00Z', actorName: 'Dana Demo' },
        { ...base, id: 'a6', kind: 'STATUS_CHANGED', createdAt: '2026-03-01T14:00:00Z', fromStatus: 'QUALIFIED', toStatus: 'LOST', lostReason: 'COMPETITOR' },
      ],
      t,
      money,
    );
    expect(lines.map((l) => [l.text, ...l.details])).toEqual([
      ['Ravi Rep moved it from Qualified to Lost', 'Reason: Chose a competitor'],
      ['Dana Demo removed its owner'],
      ['Ravi Rep rated the score: Too low'],
      ['Ravi Rep moved it from Contacted to Won', 'Deal value €12500', '“Signed today”'],
      ['Ravi Rep moved it from New to Contacted'],
      ['Ravi Rep assigned it to Ravi Rep'],
    ]);
  });
});
