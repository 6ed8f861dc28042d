import { useQuery } from '@tanstack/react-query';
import { fetchAllSchools } from '../app/school';

/** Every school of the authority (all keyset pages), sorted by name: for pickers and names by id. */
export function useAllSchools() {
  return useQuery({
    queryKey: ['schools', 'all'],
    queryFn: async () => (await fetchAllSchools()).sort((a, b) => a.name.localeCompare(b.name, 'de')),
    staleTime: 60_000,
  });
}
