import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, label } from '../i18n';
import { tCoverage } from '../i18n/coverage';
import { tOffice } from '../i18n/office';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatCount, formatDate, formatEuro } from '../ui/format';
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
  const title = fill(tCoverage.schoolTitle, { name: c.name });
  const due = DEVICE_TYPES.filter((dt) => (c.replacement.byType[dt] ?? 0) > 0);
  const price = (dt: string) => settings.data?.unitPriceCents[dt];
  return (
    <>
      <p>
        <Link to="/medienentwicklungsplan">← {tCoverage.backToList}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        {label('schoolType', c.schoolType)} · {tCoverage.schoolNumber} {c.schoolNumber} · {fill(tCoverage.asOf, { date: formatDate(c.asOf) })}
      </p>
      <section aria-labelledby="cov-devices">
        <h2 id="cov-devices">{tCoverage.devices}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <td />
                <th scope="col" className="num">{tCoverage.people}</th>
                <th scope="col" className="num">{tCoverage.devices}</th>
                <th scope="col" className="num">{tCoverage.perDevice}</th>
                <th scope="col" className="num">{tCoverage.target}</th>
                <th scope="col" className="num">{tCoverage.needed}</th>
                <th scope="col" className="num">{tCoverage.shortfall}</th>
              </tr>
            </thead>
            <tbody>
              {([['students', c.students], ['teachers', c.teachers]] as const).map(([key, r]) => (
                <tr key={key}>
                  <th scope="row">{tCoverage[key]}</th>
                  <td className="num">{r.count}</td>
                  <td className="num">{r.devices}</td>
                  <td className="num"><Ratio ratio={r} /></td>
                  <td className="num">{formatNumber(r.target)}</td>
                  <td className="num">{r.needed}</td>
                  <td className="num">{formatCount(r.shortfall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="facts">
          <dt>{tCoverage.shortfallCost}</dt>
          <dd>{formatEuro(c.shortfall.costCents)}</dd>
          <dt>{tCoverage.inRepair}</dt>
          <dd>{c.inRepair}</dd>
          <dt>{tCoverage.lost}</dt>
          <dd>{c.lost}</dd>
          <LicenceFacts licences={c.licences} />
        </dl>
      </section>
      <section aria-labelledby="cov-network">
        <h2 id="cov-network">{tCoverage.network}</h2>
        <dl className="facts">
          <dt>{tCoverage.broadband}</dt>
          <dd>
            <TargetFlag ok={c.broadband.meetsTarget}>{c.broadband.mbps ?? '–'}</TargetFlag> ({tCoverage.target} {c.broadband.targetMbps})
          </dd>
          <dt>{tCoverage.broadbandPerClass}</dt>
          <dd>
            <TargetFlag ok={c.broadband.served}>{formatNumber(c.broadband.mbpsPerClass)}</TargetFlag>
          </dd>
          <dt>{tCoverage.wlan}</dt>
          <dd>
            <TargetFlag ok={c.wlan.meetsTarget}>{c.wlan.percent == null ? '–' : `${c.wlan.percent} %`}</TargetFlag> ({tCoverage.target} {c.wlan.targetPercent} %)
          </dd>
        </dl>
      </section>
      <section aria-labelledby="cov-replacement">
        <h2 id="cov-replacement">{tCoverage.replacementTitle}</h2>
        <p>{tCoverage.replacementIntro}</p>
        {due.length === 0 ? (
          <p>{tCoverage.noneDue}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{tCoverage.replacementTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tCoverage.deviceType}</th>
                  <th scope="col" className="num">{tCoverage.devices}</th>
                  <th scope="col" className="num">{tCoverage.unitPrice}</th>
                  <th scope="col" className="num">{tCoverage.cost}</th>
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
                  <th scope="row">{tOffice.total}</th>
                  <td className="num">{c.replacement.pastAge}</td>
                  <td />
                  <td className="num">{formatEuro(c.replacement.costCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {c.replacement.unknownAge > 0 && <p>{fill(tCoverage.unknownAge, { count: c.replacement.unknownAge })}</p>}
      </section>
    </>
  );
}
