import { useSubscription } from '@vue/apollo-composable';
import { onBeforeUnmount, shallowRef } from 'vue';
import { graphql } from '../gql';
import type { LeadScoredSubscription } from '../gql/graphql';

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

export interface LiveLeads {
  /** Leads that arrived a moment ago, shown as new */
  newIds: Readonly<{ value: ReadonlySet<string> }>;
  markNew(id: string): void;
  onEvent(listener: (event: LeadScoredEvent) => void): () => void;
}

const NEW_FOR_MS = 6_000;

/**
 * One subscription for the whole signed-in app: every page that shows leads listens here, and the
 * socket closes when the app signs out and this scope ends.
 */
export function useLiveLeads(): LiveLeads {
  const listeners = new Set<(event: LeadScoredEvent) => void>();
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
    const event = data?.leadScored;
    if (!event) return;
    if (event.reason === 'CREATED') markNew((event.lead as unknown as { id: string }).id);
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
