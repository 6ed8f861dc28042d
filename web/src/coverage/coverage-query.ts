import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { COVERAGE_PAGE_SIZE, coverageQueryOf } from './coverage-params';

export { coverageQueryOf, worstFirst, WORST_FIRST, type CoverageOrder, type CoverageSort } from './coverage-params';

/**
 * The Medienentwicklungsplan's query (pages of 100 schools), for the screen and for its prefetch (a click on its nav
 * entry, the app's start on its address). A page fetched in the last 2 s is not fetched again when the screen mounts.
 */
export const coverageListQuery = (query: ReturnType<typeof coverageQueryOf>) =>
  infiniteQueryOptions({
    queryKey: ['coverage', 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/coverage', { params: { query: { ...query, limit: COVERAGE_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 2_000,
  });

export function prefetchCoverageList(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchInfiniteQuery(coverageListQuery(coverageQueryOf(search)));
}
