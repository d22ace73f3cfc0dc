import { shallowRef } from 'vue';
import { parseRoute, routePath, type Route } from '../lib/router';

const current = shallowRef<Route>(parseRoute(typeof location === 'undefined' ? '/' : location.pathname));
let listening = false;

function show(pathname: string) {
  const next = parseRoute(pathname);
  // the same screen with another query string (list filters) is no navigation
  if (JSON.stringify(next) !== JSON.stringify(current.value)) current.value = next;
}

function go(route: Route | string, replace: boolean) {
  const target = typeof route === 'string' ? route : routePath(route);
  if (target !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', target);
  show(new URL(target, location.href).pathname);
}

/** The current screen, from the address bar; back and forward work as usual. */
export function useRouter() {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('popstate', () => show(location.pathname));
  }
  return {
    route: current,
    push: (route: Route | string) => go(route, false),
    replace: (route: Route | string) => go(route, true),
  };
}
