import { shallowRef } from 'vue';
import { parseRoute, routePath, type Route } from '../lib/router';

const current = shallowRef<Route>(parseRoute(typeof location === 'undefined' ? '/' : location.pathname));
let listening = false;

function go(route: Route | string, replace: boolean) {
  const path = typeof route === 'string' ? route : routePath(route);
  if (path !== location.pathname) history[replace ? 'replaceState' : 'pushState'](null, '', path);
  current.value = parseRoute(path);
}

/** The current screen, from the address bar; back and forward work as usual. */
export function useRouter() {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('popstate', () => (current.value = parseRoute(location.pathname)));
  }
  return {
    route: current,
    push: (route: Route | string) => go(route, false),
    replace: (route: Route | string) => go(route, true),
  };
}
