import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { NewGrantForm } from './NewGrantForm';

export function DeadlineBadges({ deadlines }: { deadlines: { kind: string; date: string; daysLeft: number }[] }) {
  return (
    <>
      {deadlines.map((d) => (
        <span key={d.kind} className={`badge ${d.daysLeft < 0 ? 'badge-danger' : 'badge-warn'}`}>
          {label('grantDeadlineKind', d.kind)} {formatDate(d.date)} ({fill(d.daysLeft < 0 ? t.office.daysOver : t.office.daysLeft, { days: Math.abs(d.daysLeft) })})
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
      <PageHeading title={t.office.grantsListTitle}>{t.office.grantsListTitle}</PageHeading>
      <p>{t.office.grantsIntro}</p>
      {grants.isPending ? (
        <Loading />
      ) : grants.error ? (
        <ErrorNotice error={grants.error} onRetry={() => grants.refetch()} />
      ) : grants.data.items.length === 0 ? (
        <p>{t.nothingFound}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.office.grantsListTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.office.title}</th>
                <th scope="col">{t.office.program}</th>
                <th scope="col">{t.office.status}</th>
                <th scope="col" className="num">{t.office.approved}</th>
                <th scope="col" className="num">{t.office.allocated}</th>
                <th scope="col" className="num">{t.office.paid}</th>
                <th scope="col">{t.office.deadlines}</th>
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
