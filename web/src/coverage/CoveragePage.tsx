import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tCoverage } from '../i18n/coverage';
import { LoadMore, PageHeading, QueryView, Select } from '../ui/components';
import { useInAppLinks } from '../ui/links';
import { formatCount, formatDate, formatEuro } from '../ui/format';
import { CoverageSettingsForm } from './CoverageSettingsForm';
import { Ratio, SCHOOL_TYPES, TargetFlag } from './coverage-parts';
import { coverageListQuery, coverageQueryOf, worstFirst, type CoverageOrder as Order, type CoverageSort as Sort } from './coverage-query';

type Row = Schemas['SchoolCoverageDto'];

/** The columns, each sortable by its indicator (first worst first: worstFirst). */
const COLUMNS: { sort: Sort; title: keyof typeof tCoverage; cell: (r: Row) => React.ReactNode }[] = [
  { sort: 'studentsPerDevice', title: 'studentsPerDevice', cell: (r) => <Ratio ratio={r.students} /> },
  { sort: 'studentShortfall', title: 'studentShortfall', cell: (r) => formatCount(r.students.shortfall) },
  { sort: 'teachersPerDevice', title: 'teachersPerDevice', cell: (r) => <Ratio ratio={r.teachers} /> },
  { sort: 'teacherShortfall', title: 'teacherShortfall', cell: (r) => formatCount(r.teachers.shortfall) },
  { sort: 'shortfallCost', title: 'shortfallCost', cell: (r) => formatEuro(r.shortfall.costCents) },
  { sort: 'pastReplacementAge', title: 'pastReplacementAge', cell: (r) => formatCount(r.replacement.pastAge) },
  { sort: 'replacementCost', title: 'replacementCost', cell: (r) => formatEuro(r.replacement.costCents) },
  { sort: 'inRepair', title: 'inRepair', cell: (r) => formatCount(r.inRepair) },
  { sort: 'lost', title: 'lost', cell: (r) => formatCount(r.lost) },
  { sort: 'broadband', title: 'broadband', cell: (r) => <TargetFlag ok={r.broadband.meetsTarget}>{r.broadband.mbps ?? '–'}</TargetFlag> },
  { sort: 'broadbandPerClass', title: 'broadbandPerClass', cell: (r) => <TargetFlag ok={r.broadband.served}>{r.broadband.mbpsPerClass == null ? '–' : r.broadband.mbpsPerClass.toLocaleString('de-DE')}</TargetFlag> },
  { sort: 'wlan', title: 'wlan', cell: (r) => <TargetFlag ok={r.wlan.meetsTarget}>{r.wlan.percent == null ? '–' : `${r.wlan.percent} %`}</TargetFlag> },
];

/** A column header that sorts by its indicator: first press worst first, the next press the other way round. */
function SortHeader({ sort, title, current, order, onSort, className }: { sort: Sort; title: string; current: Sort; order: Order; onSort: (s: Sort) => void; className?: string }) {
  const active = sort === current;
  return (
    <th scope="col" className={className} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {title}
        <span aria-hidden="true">{active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** Medienentwicklungsplan: every school's coverage, worst first, sortable by each indicator; export; targets and prices. */
export default function CoveragePage() {
  const me = useMe();
  const canWrite = me.data?.role === 'office';
  const [params, setParams] = useSearchParams();
  const query = coverageQueryOf(params);
  const { sort, order } = query;
  const schoolType = params.get('schoolType') ?? '';
  const coverage = useInfiniteQuery(coverageListQuery(query));
  // The schools' links are plain anchors, navigating through one listener on the table (see useInAppLinks).
  const links = useInAppLinks();
  const set = (values: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const onSort = (s: Sort) => {
    set({ sort: s, order: s === sort ? (order === 'asc' ? 'desc' : 'asc') : worstFirst(s) });
  };
  const items = coverage.data?.pages.flatMap((p) => p.items) ?? [];
  const exportUrl = `/api/v1/coverage.xlsx?${new URLSearchParams({ ...query, lang: 'de' })}`;
  return (
    <>
      <PageHeading title={tCoverage.title}>{tCoverage.title}</PageHeading>
      <p>{tCoverage.intro}</p>
      <div className="filters">
        <Select
          label={tCoverage.schoolType}
          selectedKey={schoolType || 'all'}
          onSelectionChange={(k) => set({ schoolType: k === 'all' ? '' : String(k) })}
          options={[{ value: 'all', label: tCoverage.allTypes }, ...SCHOOL_TYPES.map((s) => ({ value: s, label: label('schoolType', s) }))]}
        />
        <a className="btn btn-secondary" href={exportUrl} download>
          {tCoverage.export}
        </a>
      </div>
      <QueryView query={coverage} empty={<p>{t.nothingFound}</p>}>
        {(data) => (
          <>
            <p>{fill(tCoverage.asOf, { date: formatDate(data.pages[0].asOf) })}</p>
            <div className="table-wrap">
              <table ref={links} className="coverage-table">
                <caption className="visually-hidden">{tCoverage.title}</caption>
                <thead>
                  <tr>
                    <SortHeader sort="name" title={tCoverage.school} current={sort} order={order} onSort={onSort} />
                    <th scope="col">{tCoverage.schoolType}</th>
                    {COLUMNS.map((c) => (
                      <SortHeader key={c.sort} sort={c.sort} title={tCoverage[c.title]} current={sort} order={order} onSort={onSort} className="num" />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.schoolId}>
                      <th scope="row">
                        <a href={`/medienentwicklungsplan/${r.schoolId}`}>{r.name}</a>
                      </th>
                      <td>{label('schoolType', r.schoolType)}</td>
                      {COLUMNS.map((c) => (
                        <td key={c.sort} className="num">
                          {c.cell(r)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore query={coverage} />
          </>
        )}
      </QueryView>
      <CoverageSettingsForm canWrite={canWrite} />
    </>
  );
}
