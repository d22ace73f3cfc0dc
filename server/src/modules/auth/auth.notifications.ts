import type { NotificationListener } from '../../db/notifications.js';
import { LiveCredentials, type LiveCredentialsOptions } from './live-credentials.js';
import { AUTH_CHANGED_CHANNEL } from './principal-cache.js';

/**
 * Credentials that stopped being valid reach every process as a plain NOTIFY on `auth_changed`: a
 * cache eviction, not a durable event, since after a gap every open socket is re-checked anyway.
 * Add this before the event consumers, so that after a gap revoked sockets are closed before
 * missed events are replayed. Returns what to stop on shutdown.
 */
export function listenForAuthChanges(listener: NotificationListener, options: LiveCredentialsOptions): { stop(): void } {
  const liveCredentials = new LiveCredentials(options);
  listener
    .on(AUTH_CHANGED_CHANNEL, liveCredentials.onAuthChanged)
    // notices sent while the connection was down are lost: re-check every open socket's credential
    .onReconnect(() => liveCredentials.recheckAll());
  // sessions expire without a notice, and a re-check may have missed a socket that signed in meanwhile
  liveCredentials.startSweep();
  return { stop: () => liveCredentials.stopSweep() };
}
