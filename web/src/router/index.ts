import { readonly, shallowRef, type Ref, type ShallowRef } from 'vue';
import { createRouter, createWebHistory, isNavigationFailure, NavigationFailureType, useRouter, type RouteLocationNormalized, type RouteLocationRaw, type Router, type RouterHistory } from 'vue-router';
import type { UserRole } from '../gql/graphql';
import { decideAccess } from '../lib/access';
import { listLocation } from '../lib/list-url';
import { routes } from './routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only these roles may open the page; everyone else is sent to the lead list with a notice. */
    requiresRole?: readonly UserRole[];
  }
}

/** Why the app brought the user to the page they see instead of the one they asked for. */
export type RouteNotice = 'forbidden';

export interface AppRouterOptions {
  /** Web history in the app; tests may pass another */
  history?: RouterHistory;
  /** The signed-in user's role, or null while nobody is signed in (or it is not known yet). */
  role(): UserRole | null;
}

export interface AccessRedirect {
  to: RouteLocationRaw;
  notice: RouteNotice | null;
}

/**
 * Where to send a user who may not stay on `route` (the list as they left it), and what to tell
 * them; null when they may stay.
 */
export function accessRedirect(route: Pick<RouteLocationNormalized, 'name' | 'meta'>, role: UserRole | null): AccessRedirect | null {
  const list = { ...listLocation(), replace: true };
  switch (decideAccess({ signIn: route.name === 'signIn', requiresRole: route.meta.requiresRole }, role)) {
    case 'forbidden':
      return { to: list, notice: 'forbidden' };
    case 'home':
      return { to: list, notice: null };
    case 'allow':
      return null;
  }
}

interface Notices {
  shown: ShallowRef<RouteNotice | null>;
  /** For the navigation under way */
  next: RouteNotice | null;
}

const noticesByRouter = new WeakMap<Router, Notices>();

function noticesOf(router: Router): Notices {
  const notices = noticesByRouter.get(router);
  if (!notices) throw new Error('not a router of createAppRouter');
  return notices;
}

export function createAppRouter(options: AppRouterOptions): Router {
  const router = createRouter({ history: options.history ?? createWebHistory(), routes });
  const notices: Notices = { shown: shallowRef(null), next: null };
  noticesByRouter.set(router, notices);
  // a page the role may not open is not even fetched; AppShell checks once more when someone signs in
  router.beforeEach((to) => {
    const redirect = accessRedirect(to, options.role());
    if (!redirect) return true;
    notices.next = redirect.notice;
    return redirect.to;
  });
  // a notice is about the page a redirect led to: the next navigation takes it away. A redirect to
  // the page the user is on already ends as a duplicate navigation; other duplicates change nothing
  router.afterEach((_to, _from, failure) => {
    const duplicate = isNavigationFailure(failure, NavigationFailureType.duplicated);
    if (!failure || (duplicate && notices.next)) notices.shown.value = notices.next;
    notices.next = null;
  });
  return router;
}

/** Sends the user where `redirect` says, with its notice. */
export function followRedirect(router: Router, redirect: AccessRedirect): Promise<unknown> {
  noticesOf(router).next = redirect.notice;
  return router.replace(redirect.to);
}

/** The notice of the last redirect, while the user is on the page it led to. */
export function useRouteNotice(): Readonly<Ref<RouteNotice | null>> {
  return readonly(noticesOf(useRouter()).shown);
}
