import type { Schemas } from '../api/client';

// The Medienentwicklungsplan's list parameters from the address: no imports but types, for the start script too
// (app/early-requests.ts sends the list's first page before the app's code has loaded).

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

/** Schools per page of the list. */
export const COVERAGE_PAGE_SIZE = 100;
