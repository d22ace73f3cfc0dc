import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, inject, ref, watch, type Ref } from 'vue';
import { RescoringJobFragment, RescoringJobQuery, RescoringProgressSubscription } from '../components/scoring/scoring.documents';
import { useFragment } from '../gql';
import { ConnectionKey } from '../injection';
import { jobFinished, laterJob } from '../lib/scoring-model';
import type { RescoringJob } from './useScoringModels';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';

/** How often the job is asked for while the live connection is down. */
export const POLL_MS = 1_500;
/**
 * And while it is up: the subscription reports from the next batch on, not the state it starts in,
 * so a job that ended between the publish answer and the subscription taking hold is still seen.
 */
export const LIVE_CHECK_MS = 5_000;

/**
 * The progress of a rescoring job: pushed over the socket (`rescoringProgress`) and, while the
 * socket is down, polled (`rescoringJob`) every POLL_MS. It is also fetched at the start, after
 * every reconnect and now and then while live, so a job that finished while nothing could arrive
 * still shows as done. `known` is what the caller knew already (the publish answer), shown until
 * something newer arrives.
 */
export function useRescoringJob(jobId: Ref<string | null>, known: Ref<RescoringJob | null>) {
  const connection = inject(ConnectionKey, null);
  const live = computed(() => connection?.state.value.status === 'live');

  const pushed = useSubscription(RescoringProgressSubscription, () => ({ jobId: jobId.value ?? '' }), () => ({ enabled: !!jobId.value }));
  // set from `job` below; polling stops once the job has finished
  const finishedSoFar = ref(false);
  const polled = useQuery(RescoringJobQuery, () => ({ id: jobId.value ?? '' }), () => ({
    enabled: !!jobId.value,
    fetchPolicy: 'network-only',
    pollInterval: finishedSoFar.value ? 0 : live.value ? LIVE_CHECK_MS : POLL_MS,
  }));
  useRefetchOnReconnect(() => (jobId.value ? polled.refetch() : undefined));

  const job = computed<RescoringJob | null>(() => {
    const id = jobId.value;
    if (!id) return null;
    const fromSocket = useFragment(RescoringJobFragment, pushed.result.value?.rescoringProgress) ?? null;
    const fromPoll = useFragment(RescoringJobFragment, polled.result.value?.rescoringJob) ?? null;
    const candidates = [known.value, fromSocket, fromPoll].filter((j): j is RescoringJob => j?.id === id);
    return candidates.reduce<RescoringJob | null>((a, b) => laterJob(a, b), null);
  });
  watch(job, (current) => (finishedSoFar.value = jobFinished(current)), { immediate: true });

  return { job, polling: computed(() => !!jobId.value && !live.value && !finishedSoFar.value) };
}
