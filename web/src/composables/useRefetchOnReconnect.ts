import { inject, onScopeDispose } from 'vue';
import { ConnectionKey } from '../injection';

/**
 * Runs `refetch` whenever live events may have been missed: the socket came back after a gap, or
 * the server sent RESYNC (see `LiveConnection`). No event is replayed, so every view that shows
 * live data registers how to fetch it again; the registration ends with the calling scope.
 */
export function useRefetchOnReconnect(refetch: () => unknown): void {
  const connection = inject(ConnectionKey, null);
  // a failed refetch shows in the view's own error state
  const stop = connection?.onReconnected(() => void Promise.resolve(refetch()).catch(() => {}));
  onScopeDispose(() => stop?.());
}
