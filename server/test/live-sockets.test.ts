import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { PrincipalKind } from '../src/modules/auth/auth.enums.js';
import type { Principal } from '../src/modules/auth/principal.js';
import { LiveSockets } from '../src/ws.js';

// The live relay reads the events of the tenants LiveSockets names (lead.events.ts): a tenant
// dropped while one of its sockets is still open would stop that socket's live updates.

const A = '0b7f6c1e-3a52-4c1e-9d1a-1a2b3c4d5e6f';
const B = '5d9e2f4a-8b7c-4e21-a3f0-6f5e4d3c2b1a';
const keyOf = (tenantId: string, id: string): Principal => ({ kind: PrincipalKind.API_KEY, id, name: 'partner', tenantId });
/** LiveSockets keeps sockets as keys and only closes them in closeWhere: any object stands for one here. */
const socket = () => ({}) as WebSocket;

describe('LiveSockets.tenantIds', () => {
  it('names a tenant while any of its sockets is open, once, and no longer after its last one closes', () => {
    const live = new LiveSockets();
    const [a1, a2, b1] = [socket(), socket(), socket()];
    live.add(a1, keyOf(A, 'k1'));
    live.add(a2, keyOf(A, 'k2'));
    live.add(b1, keyOf(B, 'k3'));
    // the same socket admitted again (a re-authentication) is still one socket
    live.add(a1, keyOf(A, 'k1'));
    expect(live.tenantIds().sort()).toEqual([A, B].sort());

    live.remove(a1);
    expect(live.tenantIds().sort()).toEqual([A, B].sort());
    live.remove(a1);
    expect(live.tenantIds().sort()).toEqual([A, B].sort());
    live.remove(a2);
    expect(live.tenantIds()).toEqual([B]);
    live.remove(b1);
    expect(live.tenantIds()).toEqual([]);
    expect(live.size).toBe(0);
  });
});
