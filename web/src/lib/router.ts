export type Route =
  | { name: 'leads' }
  | { name: 'newLead' }
  | { name: 'lead'; id: string }
  | { name: 'signIn' }
  | { name: 'notFound' };

/** The app has four screens; a full router would cost more bytes than it saves. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/leads') return { name: 'leads' };
  if (path === '/leads/new') return { name: 'newLead' };
  if (path === '/signin') return { name: 'signIn' };
  const detail = /^\/leads\/([^/]+)$/.exec(path);
  if (detail) return { name: 'lead', id: decodeURIComponent(detail[1]) };
  return { name: 'notFound' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'leads':
      return '/';
    case 'newLead':
      return '/leads/new';
    case 'lead':
      return `/leads/${encodeURIComponent(route.id)}`;
    case 'signIn':
      return '/signin';
    case 'notFound':
      return '/';
  }
}
