import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../src/lib/router';

describe('routes', () => {
  it('maps addresses to screens and back', () => {
    expect(parseRoute('/')).toEqual({ name: 'leads' });
    expect(parseRoute('/leads/new')).toEqual({ name: 'newLead' });
    expect(parseRoute('/leads/abc-1/')).toEqual({ name: 'lead', id: 'abc-1' });
    expect(parseRoute('/signin')).toEqual({ name: 'signIn' });
    expect(parseRoute('/nope/x')).toEqual({ name: 'notFound' });
    expect(routePath({ name: 'lead', id: 'a b' })).toBe('/leads/a%20b');
  });
});
