import { describe, expect, it } from 'vitest';
import { emptyListFilters, filtersFromQuery, queryFromFilters } from '../../src/lib/list-url';

describe('list filters in the address', () => {
  it('writes readable addresses and reads them back', () => {
    const filters = { ...emptyListFilters(), quick: 'HOT', industry: 'SOFTWARE', source: 'REFERRAL', search: 'anna berger' } as const;
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

  it('keeps status, owner and the deadline filter in the address', () => {
    const filters = { ...emptyListFilters(), status: 'OPEN', owner: 'me', slaBreached: true } as const;
    expect(queryFromFilters(filters)).toBe('?status=open&owner=me&sla=breached');
    expect(filtersFromQuery('?status=open&owner=me&sla=breached')).toEqual(filters);
    expect(filtersFromQuery('?status=won&owner=unassigned')).toMatchObject({ status: 'WON', owner: 'unassigned', slaBreached: false });
    const member = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(filtersFromQuery(`?owner=${member.toUpperCase()}`).owner).toBe(member);
  });

  it('ignores an unknown status, an owner that is no id, and any other deadline value', () => {
    expect(filtersFromQuery("?status=maybe&owner=robert'); drop table&sla=yes")).toEqual(emptyListFilters());
  });
});
