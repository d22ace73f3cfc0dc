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
  // the signed-in rep's queue: their open leads by score; and the key accounts past their contact deadline (managers look here first)
  { path: '/my-leads', name: 'myLeads', component: LeadsPage, props: { view: 'mine' } },
  { path: '/breached-key-accounts', name: 'breachedKeyAccounts', component: LeadsPage, props: { view: 'breachedKeyAccounts' } },
  { path: '/leads/:id', name: 'lead', component: () => import('../components/leads/LeadDetailPage.vue'), props: true },
  // conversion, time to contact, channels and industries with their uncertainty; managers and admins
  { path: '/dashboard', name: 'dashboard', meta: { requiresRole: ['ADMIN', 'MANAGER'] }, component: () => import('../components/dashboard/DashboardPage.vue') },
  // edit, preview and publish the scoring model; admins only
  { path: '/scoring-model', name: 'scoringModel', meta: { requiresRole: ['ADMIN'] }, component: () => import('../components/scoring/ScoringModelPage.vue') },
  // A/B tests of scoring models and a model learned from outcomes; admins only (?experiment=… opens a result)
  { path: '/experiments', name: 'experiments', meta: { requiresRole: ['ADMIN'] }, component: () => import('../components/learning/ExperimentsPage.vue') },
  // the team and the API keys; admins only (?tab=keys for the keys)
  { path: '/settings', name: 'settings', meta: { requiresRole: ['ADMIN'] }, component: () => import('../components/settings/SettingsPage.vue') },
  // while nobody is signed in the app shows the sign-in page at every address; signed in, this one leads to the list
  { path: '/signin', name: 'signIn', component: SignInPage },
  { path: '/:path(.*)*', name: 'notFound', component: () => import('../components/app/NotFoundPage.vue') },
];
