import { computed, onScopeDispose, shallowRef, type ComputedRef } from 'vue';

const TICK_MS = 1_000;

// One clock for the whole app, however many rows show a countdown: it ticks while anybody
// listens and stops when the last listener is gone.
const now = shallowRef(Date.now());
let listeners = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function start() {
  if (listeners++ > 0) return;
  now.value = Date.now();
  timer = setInterval(() => (now.value = Date.now()), TICK_MS);
}

function stop() {
  if (--listeners > 0) return;
  clearInterval(timer);
  timer = undefined;
}

/**
 * The current time in milliseconds, moving on by itself. `granularityMs` rounds it down, so a view
 * that only shows minutes ("2 minutes ago") renders again once a minute, not every second.
 */
export function useNow(granularityMs = TICK_MS): ComputedRef<number> {
  start();
  onScopeDispose(stop);
  return computed(() => Math.floor(now.value / granularityMs) * granularityMs);
}
