import type { Schemas } from '../api/client';

export type LoanState = Schemas['LoanState'];
const STATES: LoanState[] = ['active', 'overdue', 'returned'];

/** The loans list's view, in the URL: `?state=overdue` (the overview links `?status=overdue`: read as the same). */
export interface LoanFilters {
  state: LoanState;
  schoolId?: string;
  borrowerClass?: string;
  deviceId?: string;
}

const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v);

export function loanFiltersFromParams(params: URLSearchParams): LoanFilters {
  const state = params.get('state') ?? params.get('status');
  const borrowerClass = params.get('borrowerClass')?.trim();
  return {
    state: STATES.includes(state as LoanState) ? (state as LoanState) : 'active',
    schoolId: isUuid(params.get('schoolId')) ? params.get('schoolId')! : undefined,
    borrowerClass: borrowerClass ? borrowerClass.slice(0, 40) : undefined,
    deviceId: isUuid(params.get('deviceId')) ? params.get('deviceId')! : undefined,
  };
}

export function loanFiltersToParams(f: LoanFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.state !== 'active') params.set('state', f.state);
  if (f.schoolId) params.set('schoolId', f.schoolId);
  if (f.borrowerClass) params.set('borrowerClass', f.borrowerClass);
  if (f.deviceId) params.set('deviceId', f.deviceId);
  return params;
}

/** The API's query: the coordinator's chosen school wins over the URL's. */
export const loanQuery = (f: LoanFilters, chosenSchoolId: string | null) => ({
  state: f.state,
  schoolId: chosenSchoolId ?? f.schoolId,
  borrowerClass: f.borrowerClass,
  deviceId: f.deviceId,
});

/** The loans export with the same filters. */
export function loansExportUrl(f: LoanFilters, chosenSchoolId: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(loanQuery(f, chosenSchoolId))) if (value !== undefined) params.set(key, value);
  params.set('lang', 'de');
  return `/api/v1/exports/loans.xlsx?${params}`;
}
