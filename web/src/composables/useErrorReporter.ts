import type { ApolloClient } from '@apollo/client/core';
import { graphql } from '../gql';

const ReportClientErrorMutation = graphql(`
  mutation ReportClientError($input: ClientErrorInput!) {
    reportClientError(input: $input)
  }
`);

export interface ErrorReporter {
  report(event: string, error: unknown): void;
  readonly sessionId: string;
}

const SESSION_KEY = 'lse.sessionId';

function browserSessionId(): string {
  try {
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved) return saved;
    const id = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36);
    sessionStorage.setItem(SESSION_KEY, id);
    return id;
  } catch {
    return 'no-storage';
  }
}

/** Sends web app errors to the server log; a failing report is dropped, never thrown. */
export function createErrorReporter(client: ApolloClient<unknown>): ErrorReporter {
  const sessionId = browserSessionId();
  let sent = 0;
  return {
    sessionId,
    report(event, error) {
      // a render loop must not flood the server
      if (++sent > 20) return;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      client
        .mutate({
          mutation: ReportClientErrorMutation,
          variables: {
            input: {
              event: event.slice(0, 100),
              message: message.slice(0, 2000),
              occurredAt: new Date().toISOString(),
              sessionId,
              path: location.pathname.slice(0, 500),
            },
          },
        })
        .catch(() => {});
    },
  };
}
