import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type CoverageSort = Schemas['CoverageSort'];
export type CoverageOrder = 'asc' | 'desc';

/** Per indicator, the order that puts the worst schools first: the list's default and a column's first press. */
export const WORST_FIRST: Partial<Record<CoverageSort, CoverageOrder>> = {
  name: 'asc',
  schoolNumber: 'asc',
  broadband: 'asc',
  broadbandPerClass: 'asc',
  wlan: 'asc',
};
export const worstFirst = (sort: CoverageSort): CoverageOrder => WORST_FIRST[sort] ?? 'desc';

/** The list's API query from the address (`/medienentwicklungsplan?sort=wlan&schoolType=grundschule`). */
export function coverageQueryOf(params: URLSearchParams) {
  const sort = (params.get('sort') ?? 'studentsPerDevice') as CoverageSort;
  const order = (params.get('order') ?? worstFirst(sort)) as CoverageOrder;
  const schoolType = params.get('schoolType') ?? '';
  return { sort, order, ...(schoolType ? { schoolType: schoolType as Schemas['SchoolCoverageDto']['schoolType'] } : {}) };
}

/**
 * The Medienentwicklungsplan's query (pages of 100 schools), for the screen and for its prefetch (a click on its nav
 * entry, the app's start on its address). A page fetched in the last 2 s is not fetched again when the screen mounts.
 */
export const coverageListQuery = (query: ReturnType<typeof coverageQueryOf>) =>
  infiniteQueryOptions({
    queryKey: ['coverage', 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/coverage', { params: { query: { ...query, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 2_000,
  });

export function prefetchCoverageList(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchInfiniteQuery(coverageListQuery(coverageQueryOf(search)));
}
