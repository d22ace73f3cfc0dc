import type { InjectionKey } from 'vue';
import { useSubscription } from '@vue/apollo-composable';
import { inject, onBeforeUnmount, shallowRef } from 'vue';
import { graphql, useFragment } from '../gql';
import type { LeadScoredSubscription } from '../gql/graphql';
import { ConnectionKey } from '../injection';
import { leadChangeOf, type LeadChange } from '../lib/live-merge';
import { LeadListItemFragment } from '../components/leads/lead-list.documents';

const LeadScoredDocument = graphql(`
  subscription LeadScored {
    leadScored {
      reason
      previousScore
      lead {
        ...LeadListItem
      }
    }
  }
`);

export type LeadScoredEvent = LeadScoredSubscription['leadScored'];
/** An event about one lead: every reason but RESYNC. */
export type LeadEvent = LeadChange<LeadScoredEvent>;

export interface LiveLeads {
  /** Leads that arrived a moment ago, shown as new */
  newIds: Readonly<{ value: ReadonlySet<string> }>;
  markNew(id: string): void;
  /** Events about one lead; a RESYNC reaches live pages as a reconnect instead (useRefetchOnReconnect). */
  onEvent(listener: (event: LeadEvent) => void): () => void;
}

const NEW_FOR_MS = 6_000;

/**
 * One subscription for the whole signed-in app: every page that shows leads listens here, and the
 * socket closes when the app signs out and this scope ends.
 */
export function useLiveLeads(): LiveLeads {
  const connection = inject(ConnectionKey, null);
  const listeners = new Set<(event: LeadEvent) => void>();
  const newIds = shallowRef<ReadonlySet<string>>(new Set());
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function markNew(id: string) {
    newIds.value = new Set(newIds.value).add(id);
    const timer = setTimeout(() => {
      timers.delete(timer);
      const next = new Set(newIds.value);
      next.delete(id);
      newIds.value = next;
    }, NEW_FOR_MS);
    timers.add(timer);
  }

  const { onResult } = useSubscription(LeadScoredDocument);
  onResult(({ data }) => {
    if (!data?.leadScored) return;
    const event = leadChangeOf(data.leadScored);
    if (!event) {
      // the server may have missed events: fetch again, exactly as after our own socket came back
      connection?.resync();
      return;
    }
    if (event.reason === 'CREATED') markNew(useFragment(LeadListItemFragment, event.lead).id);
    listeners.forEach((listener) => listener(event));
  });
  onBeforeUnmount(() => timers.forEach(clearTimeout));

  return {
    newIds,
    markNew,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The one live-leads stream of the signed-in app, provided by the shell. */
export const LiveLeadsKey: InjectionKey<LiveLeads> = Symbol('liveLeads');
