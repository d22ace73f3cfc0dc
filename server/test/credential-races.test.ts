import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrincipalKind } from '../src/modules/auth/auth.enums.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import type { Principal } from '../src/modules/auth/principal.js';
import { parseAuthChangedNotice, PrincipalCache } from '../src/modules/auth/principal-cache.js';
import { LEAD_SCORED_EVENT, parseLeadScoredEvent } from '../src/modules/leads/lead.events.js';
import { LiveSockets } from '../src/ws.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

const KEY_ID = '7d7c5c57-4f0e-4c43-9a57-1d4ad7c3d0a1';
const keyPrincipal = (id = KEY_ID): Principal => ({ kind: PrincipalKind.API_KEY, id, name: 'partner', tenantId: 'tenant' });

describe('PrincipalCache epoch', () => {
  it('moves on forget() and clear(), and an answer read before the move is not cached', () => {
    const cache = new PrincipalCache();
    const principal = keyPrincipal();
    const before = cache.epoch;
    cache.forget({ apiKeyId: '00000000-0000-4000-8000-000000000000' });
    expect(cache.epoch).not.toBe(before);
    expect(cache.setIfUnchanged(before, 'k:a', principal)).toBe(false);
    expect(cache.get('k:a')).toBeUndefined();

    expect(cache.setIfUnchanged(cache.epoch, 'k:a', principal)).toBe(true);
    expect(cache.get('k:a')).toBe(principal);
    const cleared = cache.epoch;
    cache.clear();
    expect(cache.epoch).not.toBe(cleared);
    expect(cache.get('k:a')).toBeUndefined();
  });
});

describe('LiveSockets.watchRevocations', () => {
  it('refuses a socket whose credential was revoked while it was being looked up, and only that one', () => {
    const live = new LiveSockets();
    const watch = live.watchRevocations();
    live.revoke((principal) => principal.id === KEY_ID, 4403, 'revoked');
    expect(watch.revoked(keyPrincipal())).toBe(true);
    expect(watch.revoked(keyPrincipal('1d4ad7c3-4f0e-4c43-9a57-7d7c5c57d0a1'))).toBe(false);
    watch.stop();
    // a lookup that starts after the revocation reads the revoked state itself
    expect(live.watchRevocations().revoked(keyPrincipal())).toBe(false);
  });
});

describe('reading notices', () => {
  it.each([
    ['not JSON', 'garbage'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number as id', '{"apiKeyId": 5}'],
    ['an id that is no UUID', '{"apiKeyId": "x"}'],
    ['a token hash that is no SHA-256', '{"sessionTokenHash": "abc"}'],
    ['both ids', `{"apiKeyId": "${KEY_ID}", "sessionTokenHash": "${'a'.repeat(64)}"}`],
  ])('refuses an auth_changed payload of %s', (_, payload) => {
    expect(parseAuthChangedNotice(payload)).toBeNull();
  });

  it('reads the auth_changed notices the app sends', () => {
    expect(parseAuthChangedNotice(JSON.stringify({ apiKeyId: KEY_ID }))).toEqual({ apiKeyId: KEY_ID });
    expect(parseAuthChangedNotice(JSON.stringify({ sessionTokenHash: 'b'.repeat(64) }))).toEqual({ sessionTokenHash: 'b'.repeat(64) });
  });

  it('reads lead.scored events, and refuses other shapes and RESYNC (never sent through the database)', () => {
    const lead = { id: KEY_ID, score: 85, tier: 'HOT', createdAt: '2026-01-02T03:04:05.678Z', updatedAt: '2026-01-02T03:04:05.678Z' };
    const event = { sequence: 1, id: KEY_ID, type: LEAD_SCORED_EVENT, tenantId: KEY_ID, aggregateId: KEY_ID, createdAt: new Date(), payload: { reason: 'UPDATED', previousScore: 40, lead } };
    expect(parseLeadScoredEvent(event)).toMatchObject({ reason: 'UPDATED', previousScore: 40, lead: { id: KEY_ID, score: 85, createdAt: new Date(lead.createdAt) } });
    expect(parseLeadScoredEvent({ ...event, payload: { reason: 'CREATED', previousScore: null, lead } })).toMatchObject({ reason: 'CREATED', previousScore: null });
    for (const payload of [null, 'x', { reason: 'RESYNC', previousScore: null, lead }, { reason: 'UPDATED', previousScore: 'high', lead }, { reason: 'UPDATED', previousScore: 1, lead: { ...lead, id: 1 } }]) {
      expect(parseLeadScoredEvent({ ...event, payload })).toBeNull();
    }
    expect(parseLeadScoredEvent({ ...event, tenantId: 'x' })).toBeNull();
    expect(parseLeadScoredEvent({ ...event, aggregateId: '1d4ad7c3-4f0e-4c43-9a57-7d7c5c57d0a1' })).toBeNull();
  });
});

describe('a revocation racing a credential lookup (real database)', () => {
  let app: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    app = await createTestApp();
    tenant = await app.createTenant();
  });
  afterAll(() => app?.stop());

  const newKey = async () => {
    const res = await app.gql(`mutation { createApiKey(name: "race", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    return res.data.createApiKey as { secret: string; apiKey: { id: string } };
  };
  const revokeSilently = (id: string) => app.em().getConnection().execute('update api_key set revoked_at = now() where id = ?', [id]);

  it('caches an undisturbed lookup (so a revocation without a notice goes unseen until the cache forgets)', async () => {
    const { secret, apiKey } = await newKey();
    const service = new AuthService(app.em(), new PrincipalCache());
    expect((await service.authenticate({ apiKey: secret }))?.id).toBe(apiKey.id);
    await revokeSilently(apiKey.id);
    expect((await service.authenticate({ apiKey: secret }))?.id).toBe(apiKey.id);
  });

  it('does not cache a lookup whose answer was overtaken by a revocation notice', async () => {
    const { secret, apiKey } = await newKey();
    const cache = new PrincipalCache();
    const service = new AuthService(app.em(), cache);
    // the lookup is on the wire when the notice arrives: its answer may predate the revocation
    const pending = service.authenticate({ apiKey: secret });
    cache.forget({ apiKeyId: apiKey.id });
    expect((await pending)?.id).toBe(apiKey.id);
    await revokeSilently(apiKey.id);
    expect(await service.authenticate({ apiKey: secret })).toBeNull();
  });
});
