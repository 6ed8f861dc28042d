import { useQuery } from '@tanstack/react-query';
import { fill, label } from '../i18n';
import { tOffice } from '../i18n/office';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatCount, formatDate, formatEuro } from '../ui/format';
import { BarTable, BudgetBar } from './BarTable';
import { overviewQuery } from './overview-query';

/** The office's start page: the authority at a glance (GET /stats/overview). Every figure links to the list behind it. */
export default function OverviewPage() {
  const overview = useQuery(overviewQuery);
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorNotice error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  const statusRows = Object.entries(o.devices.byStatus).map(([status, value]) => ({ key: status, label: label('deviceStatus', status), value: Number(value), href: `/geraete?status=${status}` }));
  const typeRows = Object.entries(o.devices.byType)
    .map(([type, v]) => ({ key: type, label: label('deviceType', type), value: Number((v as { total: number }).total), href: `/geraete?type=${type}` }))
    .filter((r) => r.value > 0);
  const c = o.coverage;
  return (
    <>
      <PageHeading title={tOffice.overviewTitle}>{tOffice.overviewTitle}</PageHeading>
      <p>
        {tOffice.asOf}: {formatDate(o.asOf)}
      </p>
      <div className="cards">
        <section className="panel" aria-labelledby="ov-devices">
          <h2 id="ov-devices">{tOffice.devicesTitle}</h2>
          <p className="figure">
            <a href="/geraete">{o.devices.inService.toLocaleString('de-DE')}</a> <span>{tOffice.inService}</span>
          </p>
        </section>
        <section className="panel" aria-labelledby="ov-loans">
          <h2 id="ov-loans">{tOffice.loansTitle}</h2>
          <p className="figure">
            <a href="/ausleihen">{o.loans.active.toLocaleString('de-DE')}</a> <span>{tOffice.loansActive}</span>
          </p>
          <p className="figure">
            <a href="/ausleihen?status=overdue">{o.loans.overdue.toLocaleString('de-DE')}</a> <span>{tOffice.loansOverdue}</span>
          </p>
        </section>
        <section className="panel" aria-labelledby="ov-needs">
          <h2 id="ov-needs">{tOffice.needsTitle}</h2>
          <p className="figure">
            <a href="/bedarfe-pruefen">{o.needs.awaitingDecision.count.toLocaleString('de-DE')}</a> <span>{tOffice.awaitingDecision}</span> ({formatEuro(o.needs.awaitingDecision.estimatedCostCents)})
          </p>
          <p className="figure">
            <a href="/bedarfe-pruefen?status=approved">{o.needs.approvedWithoutGrant.count.toLocaleString('de-DE')}</a> <span>{tOffice.approvedWithoutGrant}</span> ({formatEuro(o.needs.approvedWithoutGrant.approvedCents)})
          </p>
        </section>
      </div>

      <div className="columns">
        <BarTable caption={tOffice.devicesByStatus} head={tOffice.status} rows={statusRows} />
        <BarTable caption={tOffice.devicesByType} head={tOffice.type} rows={typeRows} />
      </div>

      <section aria-labelledby="ov-grants">
        <h2 id="ov-grants">
          <a href="/foerderung">{tOffice.grantsTitle}</a>
        </h2>
        <BudgetBar
          label={tOffice.committed}
          spentCents={o.grants.spentCents}
          totalCents={o.grants.approvedCents}
          text={fill(tOffice.budgetOf, { spent: formatEuro(o.grants.spentCents), total: formatEuro(o.grants.approvedCents) })}
        />
        <dl className="facts">
          <dt>{tOffice.approved}</dt>
          <dd>{formatEuro(o.grants.approvedCents)}</dd>
          <dt>{tOffice.committed}</dt>
          <dd>{formatEuro(o.grants.spentCents)}</dd>
          <dt>{tOffice.remaining}</dt>
          <dd>{formatEuro(o.grants.remainingCents)}</dd>
        </dl>
      </section>

      <section aria-labelledby="ov-coverage">
        <h2 id="ov-coverage">{tOffice.coverageTitle}</h2>
        <dl className="facts">
          <dt>{tOffice.schools}</dt>
          <dd>
            <a href="/schulen">{c.schools}</a>
          </dd>
          <dt>{tOffice.studentsPerDevice}</dt>
          <dd>{c.studentsPerDevice == null ? '–' : Number(c.studentsPerDevice).toLocaleString('de-DE', { maximumFractionDigits: 1 })}</dd>
          <dt>{tOffice.belowStudentTarget}</dt>
          <dd>{c.schoolsBelowStudentTarget}</dd>
          <dt>{tOffice.belowWlanTarget}</dt>
          <dd>{c.schoolsBelowWlanTarget}</dd>
          <dt>{tOffice.notServed}</dt>
          <dd>{c.schoolsNotServed}</dd>
          <dt>{tOffice.pastReplacementAge}</dt>
          <dd>{formatCount(c.pastReplacementAge)}</dd>
          <dt>{tOffice.replacementCost}</dt>
          <dd>{formatEuro(c.replacementCostCents)}</dd>
          <dt>{tOffice.shortfallCost}</dt>
          <dd>{formatEuro(c.shortfallCostCents)}</dd>
        </dl>
      </section>
    </>
  );
}
