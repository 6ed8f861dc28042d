import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tOffice } from '../i18n/office';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { NewGrantForm } from './NewGrantForm';

export function DeadlineBadges({ deadlines }: { deadlines: { kind: string; date: string; daysLeft: number }[] }) {
  return (
    <>
      {deadlines.map((d) => (
        <span key={d.kind} className={`badge ${d.daysLeft < 0 ? 'badge-danger' : 'badge-warn'}`}>
          {label('grantDeadlineKind', d.kind)} {formatDate(d.date)} ({fill(d.daysLeft < 0 ? tOffice.daysOver : tOffice.daysLeft, { days: Math.abs(d.daysLeft) })})
        </span>
      ))}
    </>
  );
}

/** The grants of the authority with their money and deadline flags. */
export default function GrantsPage() {
  const me = useMe();
  const grants = useQuery({ queryKey: ['grants', 'all'], queryFn: () => unwrap(api.GET('/api/v1/grants', { params: { query: { limit: 200 } } })) });
  return (
    <>
      <PageHeading title={tOffice.grantsListTitle}>{tOffice.grantsListTitle}</PageHeading>
      <p>{tOffice.grantsIntro}</p>
      {grants.isPending ? (
        <Loading />
      ) : grants.error ? (
        <ErrorNotice error={grants.error} onRetry={() => grants.refetch()} />
      ) : grants.data.items.length === 0 ? (
        <p>{t.nothingFound}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{tOffice.grantsListTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{tOffice.title}</th>
                <th scope="col">{tOffice.program}</th>
                <th scope="col">{tOffice.status}</th>
                <th scope="col" className="num">{tOffice.approved}</th>
                <th scope="col" className="num">{tOffice.allocated}</th>
                <th scope="col" className="num">{tOffice.paid}</th>
                <th scope="col">{tOffice.deadlines}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.items.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/foerderung/${g.id}`}>{g.title}</Link>
                  </th>
                  <td>{label('grantProgram', g.program)}</td>
                  <td>{label('grantStatus', g.status)}</td>
                  <td className="num">{formatEuro(g.approvedCents)}</td>
                  <td className="num">{formatEuro(g.allocatedCents)}</td>
                  <td className="num">{formatEuro(g.paidCents)}</td>
                  <td>
                    <DeadlineBadges deadlines={g.deadlines} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {me.data?.role === 'office' && <NewGrantForm />}
    </>
  );
}
