import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { LicenceFacts } from '../licences/LicenceFacts';
import { DEVICE_TYPES, formatNumber, Ratio, TargetFlag } from './coverage-parts';

/** One school's coverage: every indicator against its target, and its devices past replacement age with their cost. */
export default function SchoolCoveragePage() {
  const { id = '' } = useParams();
  const coverage = useQuery({ queryKey: ['coverage', 'school', id], queryFn: () => unwrap(api.GET('/api/v1/schools/{id}/coverage', { params: { path: { id } } })) });
  const settings = useQuery({ queryKey: ['coverage', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/coverage/settings')) });
  if (coverage.isPending) return <Loading />;
  if (coverage.error) return <ErrorNotice error={coverage.error} onRetry={() => coverage.refetch()} />;
  const c = coverage.data;
  const title = fill(t.coverage.schoolTitle, { name: c.name });
  const due = DEVICE_TYPES.filter((dt) => (c.replacement.byType[dt] ?? 0) > 0);
  const price = (dt: string) => settings.data?.unitPriceCents[dt];
  return (
    <>
      <p>
        <Link to="/medienentwicklungsplan">← {t.coverage.backToList}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        {label('schoolType', c.schoolType)} · {t.coverage.schoolNumber} {c.schoolNumber} · {fill(t.coverage.asOf, { date: formatDate(c.asOf) })}
      </p>
      <section aria-labelledby="cov-devices">
        <h2 id="cov-devices">{t.coverage.devices}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <td />
                <th scope="col" className="num">{t.coverage.people}</th>
                <th scope="col" className="num">{t.coverage.devices}</th>
                <th scope="col" className="num">{t.coverage.perDevice}</th>
                <th scope="col" className="num">{t.coverage.target}</th>
                <th scope="col" className="num">{t.coverage.needed}</th>
                <th scope="col" className="num">{t.coverage.shortfall}</th>
              </tr>
            </thead>
            <tbody>
              {([['students', c.students], ['teachers', c.teachers]] as const).map(([key, r]) => (
                <tr key={key}>
                  <th scope="row">{t.coverage[key]}</th>
                  <td className="num">{r.count}</td>
                  <td className="num">{r.devices}</td>
                  <td className="num"><Ratio ratio={r} /></td>
                  <td className="num">{formatNumber(r.target)}</td>
                  <td className="num">{r.needed}</td>
                  <td className="num">{r.shortfall}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="facts">
          <dt>{t.coverage.shortfallCost}</dt>
          <dd>{formatEuro(c.shortfall.costCents)}</dd>
          <dt>{t.coverage.inRepair}</dt>
          <dd>{c.inRepair}</dd>
          <dt>{t.coverage.lost}</dt>
          <dd>{c.lost}</dd>
          <LicenceFacts licences={c.licences} />
        </dl>
      </section>
      <section aria-labelledby="cov-network">
        <h2 id="cov-network">{t.coverage.network}</h2>
        <dl className="facts">
          <dt>{t.coverage.broadband}</dt>
          <dd>
            <TargetFlag ok={c.broadband.meetsTarget}>{c.broadband.mbps ?? '–'}</TargetFlag> ({t.coverage.target} {c.broadband.targetMbps})
          </dd>
          <dt>{t.coverage.broadbandPerClass}</dt>
          <dd>
            <TargetFlag ok={c.broadband.served}>{formatNumber(c.broadband.mbpsPerClass)}</TargetFlag>
          </dd>
          <dt>{t.coverage.wlan}</dt>
          <dd>
            <TargetFlag ok={c.wlan.meetsTarget}>{c.wlan.percent == null ? '–' : `${c.wlan.percent} %`}</TargetFlag> ({t.coverage.target} {c.wlan.targetPercent} %)
          </dd>
        </dl>
      </section>
      <section aria-labelledby="cov-replacement">
        <h2 id="cov-replacement">{t.coverage.replacementTitle}</h2>
        <p>{t.coverage.replacementIntro}</p>
        {due.length === 0 ? (
          <p>{t.coverage.noneDue}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t.coverage.replacementTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.coverage.deviceType}</th>
                  <th scope="col" className="num">{t.coverage.devices}</th>
                  <th scope="col" className="num">{t.coverage.unitPrice}</th>
                  <th scope="col" className="num">{t.coverage.cost}</th>
                </tr>
              </thead>
              <tbody>
                {due.map((dt) => {
                  const count = c.replacement.byType[dt] ?? 0;
                  const p = price(dt);
                  return (
                    <tr key={dt}>
                      <th scope="row">{label('deviceType', dt)}</th>
                      <td className="num">{count}</td>
                      <td className="num">{formatEuro(p)}</td>
                      <td className="num">{p == null ? '–' : formatEuro(p * count)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.office.total}</th>
                  <td className="num">{c.replacement.pastAge}</td>
                  <td />
                  <td className="num">{formatEuro(c.replacement.costCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {c.replacement.unknownAge > 0 && <p>{fill(t.coverage.unknownAge, { count: c.replacement.unknownAge })}</p>}
      </section>
    </>
  );
}
