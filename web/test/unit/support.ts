import { ApolloClient, ApolloLink, Observable, type FetchResult, type Operation } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { onTestFinished } from 'vitest';
import { shallowRef, type Component } from 'vue';
import { createWebHistory, RouterView, type RouteRecordRaw } from 'vue-router';
import { createCache, type LiveConnection } from '../../src/apollo';
import type { UserRole } from '../../src/gql/graphql';
import { createAppI18n } from '../../src/i18n';
import { ConnectionKey, ErrorReporterKey } from '../../src/injection';
import { initialConnectionState } from '../../src/lib/connection';
import { createAppRouter } from '../../src/router';

export type Responder = (operation: Operation) => FetchResult | Error | Promise<FetchResult | Error>;

/** An Apollo client whose network is a function: answer each operation by name. */
export function mockClient(respond: Responder) {
  const operations: Operation[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        operations.push(operation);
        Promise.resolve(respond(operation)).then((result) => {
          if (result instanceof Error) observer.error(result);
          else {
            observer.next(result);
            observer.complete();
          }
        });
      }),
  );
  return { client: new ApolloClient({ link, cache: createCache() }), operations };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export function fakeConnection(): LiveConnection {
  return { state: shallowRef(initialConnectionState()), onReconnected: () => () => {}, resync: () => {}, reset: () => {} };
}

/** Mounts with everything main.ts provides: Apollo, i18n (English), the live connection, an error reporter. */
export function mountWithApp<T extends Component>(component: T, client: ApolloClient<unknown>, options: ComponentMountingOptions<T> = {}) {
  const reports: Array<{ event: string; error: unknown }> = [];
  const wrapper = mount(component, {
    ...options,
    global: {
      ...options.global,
      plugins: [createAppI18n('en'), ...(options.global?.plugins ?? [])],
      provide: {
        [DefaultApolloClient]: client,
        [ConnectionKey as symbol]: fakeConnection(),
        [ErrorReporterKey as symbol]: { sessionId: 'test', report: (event: string, error: unknown) => reports.push({ event, error }) },
        ...(options.global?.provide ?? {}),
      },
    } as ComponentMountingOptions<T>['global'],
  } as ComponentMountingOptions<T>);
  return { wrapper, reports };
}

/**
 * The app's own router (plus `routes`) at `path`, in the address bar like the app, with `view` (a
 * RouterView unless given) mounted once the first navigation has settled, as the signed-in app
 * shows pages. The guard sees `role` as the signed-in user's.
 */
export async function mountAt<T extends Component>(
  path: string,
  client: ApolloClient<unknown>,
  { view, role = 'REP', routes = [], ...options }: ComponentMountingOptions<T> & { view?: T; role?: UserRole | null; routes?: RouteRecordRaw[] } = {},
) {
  const router = createAppRouter({ history: createWebHistory(), role: () => role });
  routes.forEach((route) => router.addRoute(route));
  onTestFinished(() => router.options.history.destroy());
  await router.push(path);
  await router.isReady();
  const mounted = mountWithApp(view ?? RouterView, client, { ...options, global: { ...options.global, plugins: [router, ...(options.global?.plugins ?? [])] } } as ComponentMountingOptions<T>);
  return { ...mounted, router };
}

let seq = 0;
/** A lead as the list query returns it (every field of LeadListItem, LeadRow_lead and LeadCard_lead). */
export function leadNode(overrides: Partial<Record<string, unknown>> = {}) {
  seq += 1;
  return {
    __typename: 'Lead',
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    name: `Lead ${seq}`,
    company: `Company ${seq}`,
    email: `lead${seq}@example.com`,
    industry: 'SOFTWARE',
    source: 'WEBSITE',
    budget: 'OVER_100K',
    companySize: 'SIZE_51_200',
    urgency: 'THIS_WEEK',
    score: 50,
    tier: 'WARM',
    isKeyAccount: false,
    createdAt: '2026-01-10T10:00:00.000Z',
    status: 'NEW',
    owner: null,
    slaDueAt: null,
    slaBreached: false,
    ...overrides,
  };
}

export function leadsResult(nodes: Array<ReturnType<typeof leadNode>>, { hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    data: {
      leads: {
        __typename: 'LeadConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
        edges: nodes.map((node) => ({ __typename: 'LeadEdge', cursor: `c-${node.id}`, node })),
      },
    },
  };
}

/** The scoring model as the server answers `scoringModel`; thresholds other than the defaults show where numbers come from. */
export function scoringModelResult(thresholds = { hot: 85, keyAccount: 70, warm: 40 }, version = 1) {
  const criterion = (name: string, options: Array<[string, number]>) => ({
    __typename: 'CriterionPoints',
    criterion: name,
    maxPoints: Math.max(...options.map(([, p]) => p)),
    options: options.map(([value, points]) => ({ __typename: 'CriterionOption', value, points })),
  });
  return {
    data: {
      scoringModel: {
        __typename: 'ScoringModelInfo',
        version,
        tiers: [
          { __typename: 'TierInfo', tier: 'HOT', minScore: thresholds.hot, isKeyAccount: true },
          { __typename: 'TierInfo', tier: 'KEY_ACCOUNT', minScore: thresholds.keyAccount, isKeyAccount: true },
          { __typename: 'TierInfo', tier: 'WARM', minScore: thresholds.warm, isKeyAccount: false },
          { __typename: 'TierInfo', tier: 'COLD', minScore: 0, isKeyAccount: false },
        ],
        criteria: [
          criterion('BUDGET', [['UNDER_10K', 5], ['FROM_10K_TO_50K', 15], ['FROM_50K_TO_100K', 25], ['OVER_100K', 30]]),
          criterion('COMPANY_SIZE', [['SIZE_1_10', 5], ['SIZE_11_50', 10], ['SIZE_51_200', 20], ['SIZE_201_1000', 25], ['SIZE_OVER_1000', 30]]),
          criterion('INDUSTRY', [['SOFTWARE', 20], ['FINANCE', 20], ['MANUFACTURING', 15], ['HEALTHCARE', 15], ['RETAIL', 10], ['EDUCATION', 5], ['OTHER', 5]]),
          criterion('URGENCY', [['IMMEDIATELY', 20], ['THIS_WEEK', 15], ['THIS_MONTH', 10], ['THIS_QUARTER', 5], ['NO_TIMELINE', 0]]),
        ],
      },
    },
  };
}

/** The server's rules as `leadRules` answers them. */
export function leadRulesResult(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    data: {
      leadRules: {
        __typename: 'LeadRules',
        maxTextLength: 200,
        emailPattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
        phonePattern: '^\\+?[0-9 ()./-]{3,40}$',
        maxPageSize: 200,
        defaultSource: 'OTHER',
        fieldErrorCodes: ['REQUIRED', 'TOO_LONG', 'INVALID_EMAIL', 'INVALID_PHONE', 'OUT_OF_RANGE', 'INVALID_CURSOR', 'NOT_REMOVABLE', 'IDEMPOTENCY_KEY_REUSED', 'INVALID_TEXT', 'TOO_SHORT', 'ALREADY_TAKEN', 'WRONG_PASSWORD', 'LAST_ADMIN'],
        ...overrides,
      },
    },
  };
}

/** Answers `ScoringModel` (with `model`), `LeadRules` and `OwnerCandidates` (no team) like the server, everything else with `respond`. */
export function withScoringModel(
  respond: Responder,
  model: () => FetchResult | Error | Promise<FetchResult | Error> = () => scoringModelResult(),
  rules: () => FetchResult | Error | Promise<FetchResult | Error> = () => leadRulesResult(),
): Responder {
  return (operation) => {
    if (operation.operationName === 'ScoringModel') return model();
    if (operation.operationName === 'LeadRules') return rules();
    // the owner picker's team, unless the test answers it itself
    if (operation.operationName === 'OwnerCandidates') return Promise.resolve(respond(operation)).then((result) => (result instanceof Error || result.data?.teamMembers ? result : { data: { teamMembers: [] } }));
    return respond(operation);
  };
}
