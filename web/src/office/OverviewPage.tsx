import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { BarTable, BudgetBar } from './BarTable';

/** The office's start page: the authority at a glance (GET /stats/overview). Every figure links to the list behind it. */
export default function OverviewPage() {
  const overview = useQuery({ queryKey: ['stats', 'overview'], queryFn: () => unwrap(api.GET('/api/v1/stats/overview')) });
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
      <PageHeading title={t.office.overviewTitle}>{t.office.overviewTitle}</PageHeading>
      <p>
        {t.office.asOf}: {formatDate(o.asOf)}
      </p>
      <div className="cards">
        <section className="panel" aria-labelledby="ov-devices">
          <h2 id="ov-devices">{t.office.devicesTitle}</h2>
          <p className="figure">
            <a href="/geraete">{o.devices.inService.toLocaleString('de-DE')}</a> <span>{t.office.inService}</span>
          </p>
        </section>
        <section className="panel" aria-labelledby="ov-loans">
          <h2 id="ov-loans">{t.office.loansTitle}</h2>
          <p className="figure">
            <a href="/ausleihen">{o.loans.active.toLocaleString('de-DE')}</a> <span>{t.office.loansActive}</span>
          </p>
          <p className="figure">
            <a href="/ausleihen?status=overdue">{o.loans.overdue.toLocaleString('de-DE')}</a> <span>{t.office.loansOverdue}</span>
          </p>
        </section>
        <section className="panel" aria-labelledby="ov-needs">
          <h2 id="ov-needs">{t.office.needsTitle}</h2>
          <p className="figure">
            <a href="/bedarfe-pruefen">{o.needs.awaitingDecision.count.toLocaleString('de-DE')}</a> <span>{t.office.awaitingDecision}</span> ({formatEuro(o.needs.awaitingDecision.estimatedCostCents)})
          </p>
          <p className="figure">
            <a href="/bedarfe-pruefen?status=approved">{o.needs.approvedWithoutGrant.count.toLocaleString('de-DE')}</a> <span>{t.office.approvedWithoutGrant}</span> ({formatEuro(o.needs.approvedWithoutGrant.approvedCents)})
          </p>
        </section>
      </div>

      <div className="columns">
        <BarTable caption={t.office.devicesByStatus} head={t.office.status} rows={statusRows} />
        <BarTable caption={t.office.devicesByType} head={t.office.type} rows={typeRows} />
      </div>

      <section aria-labelledby="ov-grants">
        <h2 id="ov-grants">
          <a href="/foerderung">{t.office.grantsTitle}</a>
        </h2>
        <BudgetBar
          label={t.office.committed}
          spentCents={o.grants.spentCents}
          totalCents={o.grants.approvedCents}
          text={fill(t.office.budgetOf, { spent: formatEuro(o.grants.spentCents), total: formatEuro(o.grants.approvedCents) })}
        />
        <dl className="facts">
          <dt>{t.office.approved}</dt>
          <dd>{formatEuro(o.grants.approvedCents)}</dd>
          <dt>{t.office.committed}</dt>
          <dd>{formatEuro(o.grants.spentCents)}</dd>
          <dt>{t.office.remaining}</dt>
          <dd>{formatEuro(o.grants.remainingCents)}</dd>
        </dl>
      </section>

      <section aria-labelledby="ov-coverage">
        <h2 id="ov-coverage">{t.office.coverageTitle}</h2>
        <dl className="facts">
          <dt>{t.office.schools}</dt>
          <dd>
            <a href="/schulen">{c.schools}</a>
          </dd>
          <dt>{t.office.studentsPerDevice}</dt>
          <dd>{c.studentsPerDevice == null ? '–' : Number(c.studentsPerDevice).toLocaleString('de-DE', { maximumFractionDigits: 1 })}</dd>
          <dt>{t.office.belowStudentTarget}</dt>
          <dd>{c.schoolsBelowStudentTarget}</dd>
          <dt>{t.office.belowWlanTarget}</dt>
          <dd>{c.schoolsBelowWlanTarget}</dd>
          <dt>{t.office.notServed}</dt>
          <dd>{c.schoolsNotServed}</dd>
          <dt>{t.office.pastReplacementAge}</dt>
          <dd>{c.pastReplacementAge}</dd>
          <dt>{t.office.replacementCost}</dt>
          <dd>{formatEuro(c.replacementCostCents)}</dd>
          <dt>{t.office.shortfallCost}</dt>
          <dd>{formatEuro(c.shortfallCostCents)}</dd>
        </dl>
      </section>
    </>
  );
}
