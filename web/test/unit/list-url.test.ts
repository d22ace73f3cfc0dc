import { describe, expect, it } from 'vitest';
import { emptyListFilters, filtersFromQuery, queryFromFilters } from '../../src/lib/list-url';

describe('list filters in the address', () => {
  it('writes readable addresses and reads them back', () => {
    const filters = { quick: 'HOT', industry: 'SOFTWARE', source: 'REFERRAL', search: 'anna berger' } as const;
    const query = queryFromFilters(filters);
    expect(query).toBe('?show=hot&industry=software&source=referral&q=anna+berger');
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filtersFromQuery('?show=key-accounts')).toEqual({ ...emptyListFilters(), quick: 'KEY_ACCOUNTS' });
  });

  it('leaves the address clean when nothing is filtered', () => {
    expect(queryFromFilters(emptyListFilters())).toBe('');
    expect(queryFromFilters({ ...emptyListFilters(), search: '   ' })).toBe('');
  });

  it('ignores values it does not know instead of failing', () => {
    expect(filtersFromQuery('?show=lukewarm&industry=mining&source=&q=')).toEqual(emptyListFilters());
    expect(filtersFromQuery('?industry=Finance').industry).toBe('FINANCE');
  });
});
