import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { grantWarningText, type GrantWarningParams } from '../../../src/i18n/grant-warnings';
import { fill, label, language, t } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, Loading, PageHeading, TextField } from '../ui/components';
import { useReturnFocus } from '../ui/focus';
import { formatDate, formatEuro, todayInBerlin, parseGermanDate } from '../ui/format';
import { AllocationsSection } from './AllocationsSection';
import { ExpendituresSection } from './ExpendituresSection';
import { GrantFactsForm } from './GrantFactsForm';
import { useMe } from '../app/session';
import { useSchool } from '../app/school';

/** A grant: its facts, money (committed, paid, remaining), per school, the Prüfhinweise and the Verwendungsnachweis. */
export default function GrantDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const canWrite = me.data?.role === 'office';
  // A warning about one school names it (its text says "this school").
  const { schools } = useSchool();
  const schoolName = (schoolId: string | undefined) => (schoolId ? schools.find((s) => s.id === schoolId)?.name : undefined);
  const [reportDate, setReportDate] = useState(formatDate(todayInBerlin()));
  const [editing, setEditing] = useState(false);
  const [factsSaved, setFactsSaved] = useState(false);
  // The facts' form closes back to its "Bearbeiten" button.
  const focus = useReturnFocus();
  const factsSection = useRef<HTMLElement>(null);
  const grant = useQuery({ queryKey: ['grants', id], queryFn: () => unwrap(api.GET('/api/v1/grants/{id}', { params: { path: { id } } })) });
  const summary = useQuery({ queryKey: ['grants', id, 'summary'], queryFn: () => unwrap(api.GET('/api/v1/grants/{id}/summary', { params: { path: { id } } })) });
  if (grant.isPending) return <Loading />;
  if (grant.error) return <ErrorNotice error={grant.error} onRetry={() => grant.refetch()} />;
  const g = grant.data;
  const asOf = parseGermanDate(reportDate);
  const writable = g.status === 'planned' || g.status === 'approved';
  const byType = Object.entries(g.earmarkingYearsByType);
  return (
    <>
      <p>
        <Link to="/foerderung">← {tOffice.grantsListTitle}</Link>
      </p>
      <PageHeading title={g.title}>{g.title}</PageHeading>
      <section aria-labelledby="grant-facts" ref={factsSection}>
        <h2 id="grant-facts">{tOffice.grantFacts}</h2>
        {editing ? (
          <GrantFactsForm key={g.version} grant={g} onDone={(saved) => (setEditing(false), setFactsSaved(saved), focus.closed({}, () => factsSection.current?.querySelector('[data-edit-facts]')))} />
        ) : (
          <>
            <dl className="facts">
              <dt>{tOffice.program}</dt>
              <dd>{label('grantProgram', g.program)}</dd>
              <dt>{tOffice.referenceNumber}</dt>
              <dd>{g.referenceNumber ?? '–'}</dd>
              <dt>{tGrantEdit.decisionDate}</dt>
              <dd>{formatDate(g.decisionDate)}</dd>
              <dt>{tOffice.status}</dt>
              <dd>{label('grantStatus', g.status)}</dd>
              <dt>{tOffice.approved}</dt>
              <dd>{formatEuro(g.approvedCents)}</dd>
              <dt>{tOffice.fundingRate}</dt>
              <dd>{g.fundingRatePercent.toLocaleString('de-DE')} %</dd>
              <dt>{tOffice.eligiblePeriod}</dt>
              <dd>
                {formatDate(g.eligibleFrom)} – {formatDate(g.eligibleUntil)}
              </dd>
              <dt>{tOffice.deadlineProof}</dt>
              <dd>{formatDate(g.proofDueOn)}</dd>
              <dt>{tGrantEdit.earmarkingYears}</dt>
              <dd>
                {g.earmarkingYears}
                {byType.length > 0 && ` (${byType.map(([type, years]) => `${label('deviceType', type)}: ${years}`).join(', ')})`}
              </dd>
              {g.notes && (
                <>
                  <dt>{tGrantEdit.notes}</dt>
                  <dd style={{ whiteSpace: 'pre-line' }}>{g.notes}</dd>
                </>
              )}
            </dl>
            {canWrite &&
              (writable ? (
                <p>
                  <Button data-edit-facts onPress={() => (setEditing(true), setFactsSaved(false))}>{tGrantEdit.editFacts}</Button>
                </p>
              ) : (
                <p className="muted">{fill(tGrantEdit.factsReadOnly, { status: label('grantStatus', g.status) })}</p>
              ))}
          </>
        )}
        <p role="status">{factsSaved ? tGrantEdit.factsSaved : ''}</p>
      </section>
      {summary.isPending ? (
        <Loading />
      ) : summary.error ? (
        <ErrorNotice error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <section aria-labelledby="grant-money">
            <h2 id="grant-money">{tOffice.summaryTitle}</h2>
            <dl className="facts">
              <dt>{tOffice.approved}</dt>
              <dd>{formatEuro(summary.data.totals.approvedCents)}</dd>
              <dt>{tOffice.allocated}</dt>
              <dd>{formatEuro(summary.data.totals.allocatedCents)}</dd>
              <dt>{tOffice.committed}</dt>
              <dd>{formatEuro(summary.data.totals.committedCents)}</dd>
              <dt>{tOffice.paid}</dt>
              <dd>{formatEuro(summary.data.totals.paidCents)}</dd>
              <dt>{tOffice.funded}</dt>
              <dd>{formatEuro(summary.data.totals.fundedCents)}</dd>
              <dt>{tOffice.own}</dt>
              <dd>{formatEuro(summary.data.totals.ownCents)}</dd>
              <dt>{tOffice.remaining}</dt>
              <dd>{formatEuro(summary.data.totals.remainingCents)}</dd>
            </dl>
          </section>
          <section aria-labelledby="grant-warnings">
            <h2 id="grant-warnings">{tOffice.warningsTitle}</h2>
            {summary.data.warnings.length === 0 ? (
              <p>{tOffice.noWarnings}</p>
            ) : (
              <ul className="warnings">
                {summary.data.warnings.map((w, i) => (
                  <li key={i} className="notice notice-warning">
                    <p className="notice-title">
                      {label('grantWarning', w.code)}
                      {schoolName(w.schoolId) && `: ${schoolName(w.schoolId)}`}
                    </p>
                    <p>{language === 'de' ? grantWarningText(w.code, (w.params ?? {}) as GrantWarningParams) : w.message}</p>
                    {w.amountCents != null && (
                      <p>
                        {tOffice.amountAtRisk}: {formatEuro(w.amountCents)}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AllocationsSection grantId={id} bySchool={summary.data.bySchool} canWrite={canWrite} />
          <ExpendituresSection grantId={id} canWrite={canWrite} />
        </>
      )}
      <section aria-labelledby="grant-report" className="panel">
        <h2 id="grant-report">{tOffice.reportTitle}</h2>
        <TextField label={tOffice.reportDate} value={reportDate} onChange={setReportDate} description={tOffice.dateFormat} serverError={asOf ? undefined : t.typed.date} />
        {asOf && (
          <p>
            <a className="btn btn-primary" href={`/api/v1/grants/${id}/report.xlsx?asOf=${asOf}`} download>
              {tOffice.download}
            </a>
          </p>
        )}
      </section>
    </>
  );
}
