import type { ReactNode } from 'react';
import { fill, t } from '../i18n';
import type { ImportReport } from './import-api';

/** A dry run's (or a refused import's) report: the figures, then every problem by row and column. */
export function ImportReportView({ report, children }: { report: ImportReport; children?: ReactNode }) {
  return (
    <section aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{t.importList.dryRunTitle}</h2>
      <dl className="facts">
        <dt>{t.importList.rows}</dt>
        <dd>{report.rows}</dd>
        <dt>{t.importList.newDevices}</dt>
        <dd>{report.newDevices}</dd>
        <dt>{t.importList.duplicates}</dt>
        <dd>{report.duplicates.length ? `${report.duplicates.length} (${report.duplicates.map((d) => d.inventoryNumber).join(', ')})` : 0}</dd>
        {report.ignoredColumns.length > 0 && (
          <>
            <dt>{t.importList.ignoredColumns}</dt>
            <dd>{report.ignoredColumns.join(', ')}</dd>
          </>
        )}
      </dl>
      {report.valid ? (
        <p className="notice notice-success">{report.newDevices > 0 ? t.importList.valid : t.importList.nothingNew}</p>
      ) : (
        <>
          <p className="notice notice-error">{fill(t.importList.invalid, { count: report.problems.length })}</p>
          <div className="table-wrap">
            <table className="stack-table problems">
              <caption>{t.importList.problemsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t.importList.row}</th>
                  <th scope="col">{t.importList.column}</th>
                  <th scope="col">{t.importList.message}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i}>
                    <td data-label={t.importList.row} className="num">{p.row}</td>
                    <td data-label={t.importList.column}>{p.column ?? t.importList.wholeRow}</td>
                    <td data-label={t.importList.message}>{p.messageDe}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {children}
    </section>
  );
}
