import { describe, expect, it } from 'vitest';
import { loanFiltersFromParams, loanFiltersToParams, loanQuery, loansExportUrl } from './loan-filters';

const SCHOOL = '0b9f3c1e-2a4d-4c5e-8f6a-7b8c9d0e1f2a';

describe('loans list filters in the URL', () => {
  it('reads the overview link ?status=overdue as the overdue view; the default is the running loans', () => {
    expect(loanFiltersFromParams(new URLSearchParams('status=overdue')).state).toBe('overdue');
    expect(loanFiltersFromParams(new URLSearchParams('state=returned&status=overdue')).state).toBe('returned');
    expect(loanFiltersFromParams(new URLSearchParams('state=kaputt'))).toEqual({ state: 'active', schoolId: undefined, borrowerClass: undefined, deviceId: undefined });
  });

  it('round-trips, dropping malformed ids and blank classes', () => {
    const f = loanFiltersFromParams(new URLSearchParams(`state=overdue&schoolId=${SCHOOL}&borrowerClass=%207b%20&deviceId=nope`));
    expect(f).toEqual({ state: 'overdue', schoolId: SCHOOL, borrowerClass: '7b', deviceId: undefined });
    expect(loanFiltersToParams(f).toString()).toBe(`state=overdue&schoolId=${SCHOOL}&borrowerClass=7b`);
    expect(loanFiltersToParams(loanFiltersFromParams(new URLSearchParams('borrowerClass=%20'))).toString()).toBe('');
  });

  it("queries the coordinator's chosen school and exports with the same filters", () => {
    const f = loanFiltersFromParams(new URLSearchParams(`schoolId=${SCHOOL}&borrowerClass=8c`));
    expect(loanQuery(f, 'chosen')).toEqual({ state: 'active', schoolId: 'chosen', borrowerClass: '8c', deviceId: undefined });
    expect(loansExportUrl(f, null)).toBe(`/api/v1/exports/loans.xlsx?state=active&schoolId=${SCHOOL}&borrowerClass=8c&lang=de`);
  });
});
