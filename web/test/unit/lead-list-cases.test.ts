import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LeadFilter } from '../../src/gql/graphql';
import { compareLeads, matchesFilter, type ListLead } from '../../src/lib/live-merge';

// The cases the server's `leads` query is checked against too (server/test/lead-list-cases.test.ts):
// a live update puts a lead where a reload would.
interface ListCase {
  name: string;
  orderBy: 'SCORE_DESC' | 'CREATED_DESC';
  filter: LeadFilter | null;
  leads: Array<Partial<ListLead> & Pick<ListLead, 'id' | 'score' | 'tier'>>;
  expected: string[];
}
const table: { defaults: Omit<ListLead, 'id' | 'score' | 'tier' | 'status' | 'slaBreached'>; cases: ListCase[] } = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/cases/lead-list.json'), 'utf8'),
);

describe('the leads list (test/cases/lead-list.json)', () => {
  it('has cases', () => expect(table.cases.length).toBeGreaterThan(10));

  for (const listCase of table.cases) {
    it(listCase.name, () => {
      // lifecycle fields a case leaves out: a new lead nobody owns, within its deadline
      const leads: ListLead[] = listCase.leads.map((lead) => ({ status: 'NEW', owner: null, slaBreached: false, ...table.defaults, ...lead }));
      const kept = leads.filter((lead) => matchesFilter(lead, listCase.filter));
      if (listCase.orderBy === 'SCORE_DESC') {
        expect(kept.sort(compareLeads).map((lead) => lead.id)).toEqual(listCase.expected);
      } else {
        // the app lists by score only: here just which leads the filter keeps
        expect(kept.map((lead) => lead.id).sort()).toEqual([...listCase.expected].sort());
      }
    });
  }
});
