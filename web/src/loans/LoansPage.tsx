import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { fill } from '../i18n';
import { tLoans } from '../i18n/loans';
import { Button, LoadMore, PageHeading, QueryView, Select, TextField } from '../ui/components';
import { ErasePanel } from './ErasePanel';
import { loanFiltersFromParams, loanFiltersToParams, loanQuery, loansExportUrl, type LoanFilters, type LoanState } from './loan-filters';
import { LoanTable } from './LoanTable';

const ALL = '_all';
const OVERDUE_COUNT_LIMIT = 200;

/**
 * Ausleihen: running (overdue ones marked), overdue (with their count in the tab), returned. Coordinators see their
 * borrowers; office and viewers see the loans without personal data, as the API gives them.
 */
export default function LoansPage() {
  const role = useMe().data?.role;
  const canWrite = role === 'coordinator' || role === 'office';
  const { schoolId: chosen, schools } = useSchool();
  const [params, setParams] = useSearchParams();
  const filters = loanFiltersFromParams(params);
  const update = (change: Partial<LoanFilters>) => setParams(loanFiltersToParams({ ...filters, ...change }), { replace: true });
  const query = loanQuery(filters, chosen);
  const list = useInfiniteQuery({
    queryKey: ['loans', 'list', query],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/loans', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const overdueQuery = { ...query, state: 'overdue' as const };
  const overdue = useQuery({
    queryKey: ['loans', 'list', overdueQuery, 'count'],
    queryFn: () => unwrap(api.GET('/api/v1/loans', { params: { query: { ...overdueQuery, limit: OVERDUE_COUNT_LIMIT } } })),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const overdueLabel = overdue.data ? fill(overdue.data.nextCursor ? tLoans.overdueTabMany : tLoans.overdueTab, { count: overdue.data.items.length }) : tLoans.overdue;
  const tab = (state: LoanState, text: string) => {
    const href = `/ausleihen?${loanFiltersToParams({ ...filters, state })}`;
    return (
      <li>
        <Link to={href} replace aria-current={filters.state === state ? 'page' : undefined}>
          {text}
        </Link>
      </li>
    );
  };

  return (
    <>
      <PageHeading title={tLoans.title}>{tLoans.title}</PageHeading>
      <nav aria-label={tLoans.tabs}>
        <ul className="tabs">
          {tab('active', tLoans.active)}
          {tab('overdue', overdueLabel)}
          {tab('returned', tLoans.returned)}
        </ul>
      </nav>
      {filters.deviceId && (
        <p className="notice">
          {fill(tLoans.forDevice, { device: items[0]?.device.inventoryNumber ?? '' })} <Link to={`/ausleihen?${loanFiltersToParams({ ...filters, deviceId: undefined })}`}>{tLoans.allLoans}</Link>
        </p>
      )}
      <LoanFilterForm filters={filters} onChange={update} showSchool={!chosen} schools={schools} />
      <p className="actions toolbar">
        <a className="btn btn-secondary" href={loansExportUrl(filters, chosen)} download>
          {tLoans.export}
        </a>
      </p>
      <QueryView query={list} empty={<p className="notice">{tLoans.empty}</p>}>
        {() => (
          <>
            <LoanTable loans={items} showSchool={!chosen} canWrite={canWrite} />
            <p role="status">{fill(tLoans.shown, { count: items.length })}</p>
            <LoadMore query={list} />
          </>
        )}
      </QueryView>
      {role === 'office' && <ErasePanel />}
    </>
  );
}

function LoanFilterForm({ filters, onChange, showSchool, schools }: { filters: LoanFilters; onChange: (c: Partial<LoanFilters>) => void; showSchool: boolean; schools: { id: string; name: string }[] }) {
  const [borrowerClass, setBorrowerClass] = useState(filters.borrowerClass ?? '');
  return (
    <form
      className="panel filter-panel"
      role="search"
      aria-label={tLoans.filters}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ borrowerClass: borrowerClass.trim() || undefined });
      }}
    >
      <div className="form-grid">
        <TextField label={tLoans.borrowerClass} value={borrowerClass} onChange={setBorrowerClass} />
        {showSchool && (
          <Select
            label={tLoans.school}
            selectedKey={filters.schoolId ?? ALL}
            onSelectionChange={(k) => onChange({ schoolId: k === ALL ? undefined : String(k) })}
            options={[{ value: ALL, label: tLoans.allSchools }, ...schools.map((s) => ({ value: s.id, label: s.name }))]}
          />
        )}
      </div>
      <div className="actions">
        <Button type="submit" variant="primary">
          {tLoans.apply}
        </Button>
      </div>
    </form>
  );
}
