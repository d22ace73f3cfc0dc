import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { dashboardFromParams, paramsFromDashboard } from '../lib/dashboard-url';
import { isValidRange, presetRange, type DayRange, type RangePreset } from '../lib/kpis';

/**
 * The dashboard's period and filters, kept in the address both ways: they start from it, every
 * change is written back (replace, not push: Back leaves the dashboard instead of stepping through
 * every change), and a link to the dashboard with other values sets them again.
 */
export function useDashboardView() {
  const route = useRoute();
  const router = useRouter();
  const initial = dashboardFromParams(route.query);
  const period = ref(initial.period);
  const custom = ref<DayRange>(initial.custom);
  // while the custom days are not a valid range, the last valid one stays on screen
  const lastCustom = ref<DayRange>({ ...initial.custom });
  watch(custom, (value) => isValidRange(value) && (lastCustom.value = { ...value }), { deep: true });
  const owner = ref(initial.owner);
  const source = ref(initial.source);
  const industry = ref(initial.industry);
  /** The days the numbers are for */
  const range = computed<DayRange>(() => (period.value === 'custom' ? lastCustom.value : presetRange(Number(period.value) as RangePreset)));

  // the custom fields reach the address through `range`: what is on screen, not what is being typed
  const query = computed(() =>
    paramsFromDashboard({ period: period.value, owner: owner.value, source: source.value, industry: industry.value }, range.value),
  );
  watch(query, (params) => route.name === 'dashboard' && void router.replace({ path: route.path, query: params }), { immediate: true });
  // a link to the dashboard (or Back to an address of it) with other values: show those
  watch(
    () => route.query,
    (params) => {
      if (route.name !== 'dashboard' || JSON.stringify(params) === JSON.stringify(query.value)) return;
      const next = dashboardFromParams(params);
      period.value = next.period;
      custom.value = next.custom;
      owner.value = next.owner;
      source.value = next.source;
      industry.value = next.industry;
    },
  );
  return { period, custom, owner, source, industry, range };
}
