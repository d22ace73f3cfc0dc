import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import {
  ExperimentChallengersQuery,
  ExperimentResultQuery,
  ExperimentsQuery,
  StartExperimentMutation,
  StopExperimentMutation,
} from '../components/learning/learning.documents';
import type { ExperimentResultQuery as ExperimentResultData, ExperimentsQuery as ExperimentsData } from '../gql/graphql';
import { startInput, type StartForm } from '../lib/experiments';
import { useRefetchOnReconnect } from './useRefetchOnReconnect';
import { outcomeOf, type Outcome } from './useTeam';

export type Experiment = ExperimentsData['experiments'][number];
export type ExperimentResult = ExperimentResultData['experimentResult'];

/**
 * The tenant's experiments (newest first), the running one, and what an admin does with them:
 * start one (the answer joins the cached list) and stop one (the answer updates it in place).
 */
export function useExperiments() {
  const { result, loading, error, refetch } = useQuery(ExperimentsQuery, null, { fetchPolicy: 'cache-and-network' });
  useRefetchOnReconnect(() => refetch());
  const experiments = computed<readonly Experiment[] | null>(() => result.value?.experiments ?? null);
  const running = computed(() => experiments.value?.find((e) => e.status === 'RUNNING') ?? null);

  const startMutation = useMutation(StartExperimentMutation, {
    update(cache, { data }) {
      const started = data?.startExperiment;
      if (!started) return;
      cache.updateQuery({ query: ExperimentsQuery }, (list) => (list ? { experiments: [started, ...list.experiments.filter((e) => e.id !== started.id)] } : list));
    },
  });
  const stopMutation = useMutation(StopExperimentMutation);

  async function start(form: StartForm): Promise<Outcome<Experiment>> {
    return outcomeOf(async () => {
      const answer = await startMutation.mutate({ input: startInput(form) });
      if (!answer?.data) throw new Error('no answer');
      return answer.data.startExperiment;
    });
  }

  async function stop(id: string): Promise<Outcome<Experiment>> {
    return outcomeOf(async () => {
      const answer = await stopMutation.mutate({ id });
      if (!answer?.data) throw new Error('no answer');
      return answer.data.stopExperiment;
    });
  }

  return { experiments, running, loading, error, refetch, start, starting: startMutation.loading, stop, stopping: stopMutation.loading };
}

/** The result of one experiment, fetched while `id` names one; refetched after a gap in the live connection. */
export function useExperimentResult(id: Ref<string | null>) {
  const { result, loading, error, refetch } = useQuery(
    ExperimentResultQuery,
    () => ({ id: id.value ?? '' }),
    () => ({ enabled: !!id.value, fetchPolicy: 'cache-and-network' }),
  );
  useRefetchOnReconnect(() => id.value && refetch());
  return { result: computed<ExperimentResult | null>(() => result.value?.experimentResult ?? null), loading, error, refetch };
}

/** Versions an experiment can test against the active one: drafts and earlier versions, newest first. */
export function useChallengers() {
  const { result, loading } = useQuery(ExperimentChallengersQuery, null, { fetchPolicy: 'cache-and-network' });
  const challengers = computed(() => (result.value?.scoringModels ?? []).filter((v) => v.status !== 'ACTIVE'));
  const active = computed(() => result.value?.scoringModels.find((v) => v.status === 'ACTIVE') ?? null);
  return { challengers, active, loading };
}
