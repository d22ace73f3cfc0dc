/** What the live indicator shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Failed attempts in a row */
  failures: number;
  everConnected: boolean;
  online: boolean;
}

export type ConnectionEvent = 'connecting' | 'connected' | 'closed' | 'offline' | 'online';

/** After this many failed attempts in a row we say "offline" rather than "reconnecting". */
export const OFFLINE_AFTER_FAILURES = 3;

export function initialConnectionState(online = true): ConnectionState {
  return { status: online ? 'connecting' : 'offline', failures: 0, everConnected: false, online };
}

export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event) {
    case 'connected':
      return { ...state, status: 'live', failures: 0, everConnected: true, online: true };
    case 'offline':
      return { ...state, status: 'offline', online: false };
    case 'online':
      return { ...state, online: true, failures: 0, status: state.everConnected ? 'reconnecting' : 'connecting' };
    case 'closed': {
      const failures = state.status === 'live' ? 0 : state.failures + 1;
      return { ...state, failures, status: waitingStatus({ ...state, failures }) };
    }
    case 'connecting':
      return { ...state, status: waitingStatus(state) };
  }
}

function waitingStatus(state: ConnectionState): ConnectionStatus {
  if (!state.online || state.failures >= OFFLINE_AFTER_FAILURES) return 'offline';
  return state.everConnected ? 'reconnecting' : 'connecting';
}
