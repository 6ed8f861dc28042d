import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

/** Every school of the authority (all keyset pages, 200 at a time), sorted by name: for pickers and names by id. */
export function useAllSchools() {
  return useQuery({
    queryKey: ['schools', 'all'],
    queryFn: async () => {
      const all: Schemas['SchoolDto'][] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/v1/schools', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    },
    staleTime: 60_000,
  });
}
