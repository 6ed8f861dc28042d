import type { Schemas } from '../api/client';
import { fill, t } from '../i18n';
import { LicenceFacts } from '../licences/LicenceFacts';
import { formatDate, formatEuro } from '../ui/format';

type Coverage = Schemas['SchoolCoverageResponseDto'];

const num = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 2 });

function Met({ met }: { met: boolean | null }) {
  if (met === null) return <span className="badge">{t.mySchool.unknown}</span>;
  return <span className={`badge ${met ? 'badge-ok' : 'badge-warn'}`}>{met ? t.mySchool.met : t.mySchool.notMet}</span>;
}

/** The school's coverage indicators (GET /schools/{id}/coverage) against the authority's targets. */
export function CoverageView({ coverage }: { coverage: Coverage }) {
  const ratio = (r: Coverage['students']) =>
    r.perDevice === null ? t.mySchool.noDevice : fill(t.mySchool.perDeviceValue, { value: num(r.perDevice), devices: r.devices, count: r.count });
  const rows: { name: string; value: string; target: string; met: boolean | null }[] = [
    { name: t.mySchool.studentsPerDevice, value: ratio(coverage.students), target: fill(t.mySchool.targetPerDevice, { target: num(coverage.students.target) }), met: coverage.students.targetMet },
    { name: t.mySchool.teachersPerDevice, value: ratio(coverage.teachers), target: fill(t.mySchool.targetPerDevice, { target: num(coverage.teachers.target) }), met: coverage.teachers.targetMet },
    {
      name: t.mySchool.broadband,
      value: coverage.broadband.mbps === null ? t.mySchool.unknown : fill(t.mySchool.broadbandValue, { mbps: num(coverage.broadband.mbps), perClass: coverage.broadband.mbpsPerClass === null ? '–' : num(coverage.broadband.mbpsPerClass) }),
      target: fill(t.mySchool.broadbandTarget, { target: num(coverage.broadband.targetMbps) }),
      met: coverage.broadband.meetsTarget,
    },
    {
      name: t.mySchool.wlan,
      value: coverage.wlan.percent === null ? t.mySchool.unknown : fill(t.mySchool.wlanValue, { percent: coverage.wlan.percent }),
      target: fill(t.mySchool.wlanValue, { percent: coverage.wlan.targetPercent }),
      met: coverage.wlan.meetsTarget,
    },
  ];
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t.mySchool.coverageTitle}</h2>
      <p>{fill(t.mySchool.asOf, { date: formatDate(coverage.asOf) })}</p>
      <div className="table-wrap">
        <table className="stack-table coverage">
          <caption className="visually-hidden">{t.mySchool.coverageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.mySchool.indicator}</th>
              <th scope="col">{t.mySchool.value}</th>
              <th scope="col">{t.mySchool.target}</th>
              <th scope="col">
                <span className="visually-hidden">{t.mySchool.met}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td data-label={t.mySchool.value}>{r.value}</td>
                <td data-label={t.mySchool.target}>{r.target}</td>
                <td>
                  <Met met={r.met} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{t.mySchool.shortfall}</dt>
        <dd>{fill(t.mySchool.shortfallValue, { devices: coverage.shortfall.devices, cost: formatEuro(coverage.shortfall.costCents) })}</dd>
        <dt>{t.mySchool.inRepair}</dt>
        <dd>{coverage.inRepair}</dd>
        <dt>{t.mySchool.lost}</dt>
        <dd>{coverage.lost}</dd>
        <LicenceFacts licences={coverage.licences} />
      </dl>
    </section>
  );
}
