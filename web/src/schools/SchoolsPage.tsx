import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { label, t } from '../i18n';
import { tOffice } from '../i18n/office';
import { tSchoolEdit } from '../i18n/school-edit';
import { LoadMore, PageHeading, QueryView, TextField } from '../ui/components';
import { useInAppLinks } from '../ui/links';

/** The authority's schools with their figures (keyset pages, "Weitere laden"), searchable by name or number. */
export default function SchoolsPage() {
  const me = useMe();
  const flash = (useLocation().state as { message?: string } | null)?.message;
  const [q, setQ] = useState('');
  const schools = useInfiniteQuery({
    queryKey: ['schools', 'list', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/schools', { params: { query: { limit: 50, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = schools.data?.pages.flatMap((p) => p.items) ?? [];
  // The schools' links are plain anchors, navigating through one listener on the table (see useInAppLinks).
  const links = useInAppLinks();
  return (
    <>
      <PageHeading title={tOffice.schoolsTitle}>{tOffice.schoolsTitle}</PageHeading>
      {flash && <p className="notice notice-success">{flash}</p>}
      {me.data?.role === 'office' && (
        <p>
          <Link className="btn btn-primary" to="/schulen/neu">
            {tSchoolEdit.create}
          </Link>
        </p>
      )}
      <div className="filters">
        <TextField label={tOffice.searchSchools} type="search" value={q} onChange={setQ} />
      </div>
      <QueryView query={schools} empty={<p>{t.nothingFound}</p>}>
        {() => (
          <>
            <div className="table-wrap">
              <table ref={links}>
                <caption className="visually-hidden">{tOffice.schoolsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tOffice.school}</th>
                    <th scope="col">{tOffice.schoolNumber}</th>
                    <th scope="col">{tOffice.schoolType}</th>
                    <th scope="col" className="num">{tOffice.students}</th>
                    <th scope="col" className="num">{tOffice.teachers}</th>
                    <th scope="col" className="num">{tOffice.classes}</th>
                    <th scope="col" className="num">{tOffice.broadband}</th>
                    <th scope="col" className="num">{tOffice.wlan}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <a href={`/schulen/${s.id}`}>{s.name}</a>
                      </th>
                      <td>{s.schoolNumber}</td>
                      <td>{label('schoolType', s.schoolType)}</td>
                      <td className="num">{s.studentCount}</td>
                      <td className="num">{s.teacherCount}</td>
                      <td className="num">{s.classCount}</td>
                      <td className="num">{s.broadbandMbps ?? '–'}</td>
                      <td className="num">{s.wlanCoveragePercent == null ? '–' : `${s.wlanCoveragePercent} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore query={schools} />
          </>
        )}
      </QueryView>
    </>
  );
}
