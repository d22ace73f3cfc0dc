import { describe, expect, it } from 'vitest';
import { LeadStatus, LostReason } from '../src/modules/lifecycle/lifecycle.enums.js';
import { applyTransition, checkTransition } from '../src/modules/lifecycle/transitions.js';

const { NEW, CONTACTED, QUALIFIED, WON, LOST } = LeadStatus;
const ALL = [NEW, CONTACTED, QUALIFIED, WON, LOST];
/** What the outcome fields need, so only the move itself is judged. */
const inputFor = (status: LeadStatus) => ({ status, dealValue: status === WON ? 100 : null, lostReason: status === LOST ? LostReason.OTHER : null });

// from → to: 'ok' for anyone who may write, 'admin' for admins only, '-' never
const TABLE: Record<LeadStatus, Record<LeadStatus, 'ok' | 'admin' | '-'>> = {
  NEW: { NEW: '-', CONTACTED: 'ok', QUALIFIED: 'ok', WON: 'ok', LOST: 'ok' },
  CONTACTED: { NEW: '-', CONTACTED: '-', QUALIFIED: 'ok', WON: 'ok', LOST: 'ok' },
  QUALIFIED: { NEW: '-', CONTACTED: '-', QUALIFIED: '-', WON: 'ok', LOST: 'ok' },
  WON: { NEW: '-', CONTACTED: 'admin', QUALIFIED: 'admin', WON: '-', LOST: '-' },
  LOST: { NEW: '-', CONTACTED: 'admin', QUALIFIED: 'admin', WON: '-', LOST: '-' },
};

describe('status transitions', () => {
  for (const from of ALL) {
    for (const to of ALL) {
      const rule = TABLE[from][to];
      it(`${from} → ${to}: ${rule === 'ok' ? 'allowed' : rule === 'admin' ? 'admins only' : 'refused'}`, () => {
        const byRep = checkTransition(from, inputFor(to), false);
        const byAdmin = checkTransition(from, inputFor(to), true);
        expect(byAdmin.ok).toBe(rule !== '-');
        expect(byRep.ok).toBe(rule === 'ok');
        if (rule === 'admin') expect(byRep).toMatchObject({ ok: false, adminOnly: expect.stringContaining('admin') });
        if (rule === '-') expect(byRep).toMatchObject({ ok: false, errors: [{ field: 'input.status', code: 'INVALID_TRANSITION' }] });
      });
    }
  }

  it('reports a wrong move and a missing outcome together', () => {
    const verdict = checkTransition(WON, { status: LOST }, true);
    expect(verdict).toMatchObject({ ok: false, errors: [{ field: 'input.status' }, { field: 'input.lostReason', code: 'REQUIRED' }] });
  });

  it('sets contactedAt once, closedAt and the outcome on closing, and clears them on reopening', () => {
    const t1 = new Date('2026-01-01T10:00:00Z');
    const t2 = new Date('2026-01-05T10:00:00Z');
    const t3 = new Date('2026-02-01T10:00:00Z');
    const contacted = applyTransition({ status: NEW }, { status: CONTACTED }, t1);
    expect(contacted).toEqual({ status: CONTACTED, contactedAt: t1, closedAt: null, dealValue: null, lostReason: null });
    const won = applyTransition(contacted, { status: WON, dealValue: 1234.567 }, t2);
    expect(won).toEqual({ status: WON, contactedAt: t1, closedAt: t2, dealValue: 1234.57, lostReason: null });
    expect(applyTransition(won, { status: QUALIFIED }, t3)).toEqual({ status: QUALIFIED, contactedAt: t1, closedAt: null, dealValue: null, lostReason: null });
  });
});
