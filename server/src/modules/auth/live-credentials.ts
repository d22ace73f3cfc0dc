import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { credentialOf, type LiveSockets } from '../../ws.js';
import { AuthService } from './auth.service.js';
import type { Principal } from './principal.js';
import { AUTH_CHANGED_CHANNEL, endsCredential, isRevokedBy, parseAuthChangedNotice, type PrincipalCache } from './principal-cache.js';

/** graphql-ws's Forbidden: clients stop retrying and sign in again */
export const CREDENTIAL_ENDED_CLOSE_CODE = 4403;
/**
 * The user's role changed while the socket was open: it was authorised with the old one. Not a
 * code graphql-ws clients give up on, so they reconnect at once and are authorised anew.
 */
export const ROLE_CHANGED_CLOSE_CODE = 4000;

export interface LiveCredentialsOptions {
  orm: MikroORM;
  live: LiveSockets;
  principals: PrincipalCache;
  logger: Logger;
  /** How often every open socket's credential is checked against the database (expired sessions, missed revocations). */
  sweepMs?: number;
}

/**
 * Keeps open sockets honest: a revoked key or an ended session must not keep streaming, even when
 * its auth_changed notice was lost (a gap in LISTEN, a malformed payload) or the session simply
 * expired. Each re-check costs two indexed queries, however many sockets are open.
 */
export class LiveCredentials {
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(private readonly options: LiveCredentialsOptions) {}

  /** The auth_changed handler: forget the credential here and close its sockets. */
  readonly onAuthChanged = async (payload: string): Promise<void> => {
    const { principals, live, logger } = this.options;
    const notice = parseAuthChangedNotice(payload);
    if (!notice) {
      // which credential ended is unknown: fail safe, trust nothing cached and check every socket
      logger.warn(
        { event: 'notification_malformed', channel: AUTH_CHANGED_CHANNEL, payload: payload.slice(0, 200) },
        'could not read an auth_changed notice; forgetting every cached credential',
      );
      await this.recheckAll();
      return;
    }
    principals.forget(notice);
    if (endsCredential(notice)) {
      live.revoke((principal) => isRevokedBy(principal, notice), CREDENTIAL_ENDED_CLOSE_CODE, 'Signed out or API key revoked');
    } else {
      // a socket being admitted meanwhile may hold the old role too; the sweep finds it (credentialStates)
      live.closeWhere((principal) => isRevokedBy(principal, notice), ROLE_CHANGED_CLOSE_CODE, 'Role changed; reconnect');
    }
  };

  /** After notices may have been lost: forget every cached credential and re-check every open socket. Never throws. */
  async recheckAll(): Promise<void> {
    this.options.principals.clear();
    try {
      await this.recheck();
    } catch (error) {
      this.options.logger.warn({ event: 'live_credentials_check_failed', err: (error as Error).message }, 'could not re-check the credentials of open sockets');
    }
  }

  /**
   * Closes (4403) the sockets whose session expired or whose credential is no longer in the
   * database (or whose user was deactivated), and (4000) those opened with a role the user no
   * longer has; returns how many.
   */
  async recheck(): Promise<number> {
    const { live, orm, logger } = this.options;
    const now = Date.now();
    let closed = live.revoke((principal) => !!principal.expiresAt && principal.expiresAt.getTime() <= now, CREDENTIAL_ENDED_CLOSE_CODE, 'Session expired');
    const open: Principal[] = [];
    for (const [, socket] of live.principals()) open.push(socket.principal);
    if (open.length) {
      const stateOf = await new AuthService(orm.em.fork()).credentialStates(open);
      const ended = new Set(open.filter((principal) => stateOf(principal) === 'ended').map(credentialOf));
      if (ended.size) {
        closed += live.revoke((principal) => ended.has(credentialOf(principal)), CREDENTIAL_ENDED_CLOSE_CODE, 'Signed out, session expired or API key revoked');
      }
      const stale = new Set(open.filter((principal) => stateOf(principal) === 'roleChanged'));
      if (stale.size) closed += live.closeWhere((principal) => stale.has(principal), ROLE_CHANGED_CLOSE_CODE, 'Role changed; reconnect');
    }
    if (closed) logger.info({ event: 'live_sockets_closed', closed }, 'closed open sockets whose credential ended');
    return closed;
  }

  /** Re-checks every `sweepMs` (60 s by default) while sockets are open. */
  startSweep(): void {
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepMs ?? 60_000);
    this.sweepTimer.unref();
  }

  stopSweep(): void {
    clearInterval(this.sweepTimer);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.options.live.size === 0) return;
    this.sweeping = true;
    try {
      await this.recheck();
    } catch (error) {
      this.options.logger.warn({ event: 'live_credentials_check_failed', err: (error as Error).message }, 'could not re-check the credentials of open sockets');
    } finally {
      this.sweeping = false;
    }
  }
}
