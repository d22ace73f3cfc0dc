import type { RouteRecordRaw } from 'vue-router';
import SignInPage from '../components/auth/SignInPage.vue';

// every page is a chunk of its own, fetched on its first visit; the list and its form share one
const LeadsPage = () => import('../components/leads/LeadsPage.vue');

/**
 * The app's addresses. A page only some roles may open says so in `meta.requiresRole`, e.g.
 * `{ path: '/settings', name: 'settings', meta: { requiresRole: ['ADMIN'] }, component: () => import(…) }`;
 * the guard in `createAppRouter` sends everyone else to the list with a notice.
 */
export const routes: RouteRecordRaw[] = [
  // the filters live in the query, so a reload or a shared link shows the same list: ?show=hot&industry=software&source=referral&q=anna
  { path: '/', alias: '/leads', name: 'leads', component: LeadsPage },
  // the list with the new-lead form over it; the same component, so the list stays as it was
  { path: '/leads/new', name: 'newLead', component: LeadsPage },
  { path: '/leads/:id', name: 'lead', component: () => import('../components/leads/LeadDetailPage.vue'), props: true },
  // while nobody is signed in the app shows the sign-in page at every address; signed in, this one leads to the list
  { path: '/signin', name: 'signIn', component: SignInPage },
  { path: '/:path(.*)*', name: 'notFound', component: () => import('../components/app/NotFoundPage.vue') },
];
