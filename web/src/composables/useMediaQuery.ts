import { onScopeDispose, readonly, shallowRef, type Ref } from 'vue';

/** Below this width the app is laid out for a phone (the same number as the `max-width: 699px` queries in the styles). */
export const PHONE_QUERY = '(max-width: 699px)';

/** Whether a media query matches, following changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = shallowRef(list?.matches ?? false);
  const update = (event: { matches: boolean }) => (matches.value = event.matches);
  list?.addEventListener('change', update);
  onScopeDispose(() => list?.removeEventListener('change', update));
  return readonly(matches);
}

/** True while the app is phone-sized: the list shows cards instead of a table. */
export function usePhoneLayout(): Readonly<Ref<boolean>> {
  return useMediaQuery(PHONE_QUERY);
}
