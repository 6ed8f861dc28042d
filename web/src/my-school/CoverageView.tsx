import type { Schemas } from '../api/client';
import { fill } from '../i18n';
import { tMySchool } from '../i18n/my-school';
import { LicenceFacts } from '../licences/LicenceFacts';
import { formatDate, formatEuro } from '../ui/format';

type Coverage = Schemas['SchoolCoverageResponseDto'];

const num = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 2 });

function Met({ met }: { met: boolean | null }) {
  if (met === null) return <span className="badge">{tMySchool.unknown}</span>;
  return <span className={`badge ${met ? 'badge-ok' : 'badge-warn'}`}>{met ? tMySchool.met : tMySchool.notMet}</span>;
}

/** The school's coverage indicators (GET /schools/{id}/coverage) against the authority's targets. */
export function CoverageView({ coverage }: { coverage: Coverage }) {
  const ratio = (r: Coverage['students']) =>
    r.perDevice === null ? tMySchool.noDevice : fill(tMySchool.perDeviceValue, { value: num(r.perDevice), devices: r.devices, count: r.count });
  const rows: { name: string; value: string; target: string; met: boolean | null }[] = [
    { name: tMySchool.studentsPerDevice, value: ratio(coverage.students), target: fill(tMySchool.targetPerDevice, { target: num(coverage.students.target) }), met: coverage.students.targetMet },
    { name: tMySchool.teachersPerDevice, value: ratio(coverage.teachers), target: fill(tMySchool.targetPerDevice, { target: num(coverage.teachers.target) }), met: coverage.teachers.targetMet },
    {
      name: tMySchool.broadband,
      value: coverage.broadband.mbps === null ? tMySchool.unknown : fill(tMySchool.broadbandValue, { mbps: num(coverage.broadband.mbps), perClass: coverage.broadband.mbpsPerClass === null ? '–' : num(coverage.broadband.mbpsPerClass) }),
      target: fill(tMySchool.broadbandTarget, { target: num(coverage.broadband.targetMbps) }),
      met: coverage.broadband.meetsTarget,
    },
    {
      name: tMySchool.wlan,
      value: coverage.wlan.percent === null ? tMySchool.unknown : fill(tMySchool.wlanValue, { percent: coverage.wlan.percent }),
      target: fill(tMySchool.wlanValue, { percent: coverage.wlan.targetPercent }),
      met: coverage.wlan.meetsTarget,
    },
  ];
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{tMySchool.coverageTitle}</h2>
      <p>{fill(tMySchool.asOf, { date: formatDate(coverage.asOf) })}</p>
      <div className="table-wrap">
        <table className="stack-table coverage">
          <caption className="visually-hidden">{tMySchool.coverageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{tMySchool.indicator}</th>
              <th scope="col">{tMySchool.value}</th>
              <th scope="col">{tMySchool.target}</th>
              <th scope="col">
                <span className="visually-hidden">{tMySchool.met}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td data-label={tMySchool.value}>{r.value}</td>
                <td data-label={tMySchool.target}>{r.target}</td>
                <td>
                  <Met met={r.met} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{tMySchool.shortfall}</dt>
        <dd>{fill(tMySchool.shortfallValue, { devices: coverage.shortfall.devices, cost: formatEuro(coverage.shortfall.costCents) })}</dd>
        <dt>{tMySchool.inRepair}</dt>
        <dd>{coverage.inRepair}</dd>
        <dt>{tMySchool.lost}</dt>
        <dd>{coverage.lost}</dd>
        <LicenceFacts licences={coverage.licences} />
      </dl>
    </section>
  );
}
