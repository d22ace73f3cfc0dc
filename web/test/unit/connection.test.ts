import { describe, expect, it } from 'vitest';
import { initialConnectionState, nextConnectionState, type ConnectionEvent } from '../../src/lib/connection';

const run = (...events: ConnectionEvent[]) => events.reduce(nextConnectionState, initialConnectionState());

describe('live indicator state', () => {
  it('is live once connected', () => expect(run('connecting', 'connected').status).toBe('live'));
  it('says reconnecting when a live socket drops', () => expect(run('connecting', 'connected', 'closed', 'connecting').status).toBe('reconnecting'));
  it('says offline after several failed attempts', () => {
    expect(run('connected', 'closed', 'connecting', 'closed', 'connecting', 'closed').status).toBe('reconnecting');
    expect(run('connected', 'closed', 'connecting', 'closed', 'connecting', 'closed', 'connecting', 'closed').status).toBe('offline');
  });
  it('says offline at once when the browser goes offline, and reconnecting when it is back', () => {
    expect(run('connected', 'offline').status).toBe('offline');
    expect(run('connected', 'offline', 'closed', 'connecting').status).toBe('offline');
    expect(run('connected', 'offline', 'online').status).toBe('reconnecting');
    expect(run('connected', 'offline', 'online', 'connected').status).toBe('live');
  });
  it('is connecting before the first connection', () => expect(run('connecting', 'closed', 'connecting').status).toBe('connecting'));
});
