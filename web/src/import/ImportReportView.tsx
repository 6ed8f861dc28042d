import type { ReactNode } from 'react';
import { fill } from '../i18n';
import { tImportList } from '../i18n/import-list';
import type { ImportReport } from './import-api';

/** A dry run's (or a refused import's) report: the figures, then every problem by row and column. */
export function ImportReportView({ report, children }: { report: ImportReport; children?: ReactNode }) {
  return (
    <section aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{tImportList.dryRunTitle}</h2>
      <dl className="facts">
        <dt>{tImportList.rows}</dt>
        <dd>{report.rows}</dd>
        <dt>{tImportList.newDevices}</dt>
        <dd>{report.newDevices}</dd>
        <dt>{tImportList.duplicates}</dt>
        <dd>{report.duplicates.length ? `${report.duplicates.length} (${report.duplicates.map((d) => d.inventoryNumber).join(', ')})` : 0}</dd>
        {report.ignoredColumns.length > 0 && (
          <>
            <dt>{tImportList.ignoredColumns}</dt>
            <dd>{report.ignoredColumns.join(', ')}</dd>
          </>
        )}
      </dl>
      {report.valid ? (
        <p className="notice notice-success">{report.newDevices > 0 ? tImportList.valid : tImportList.nothingNew}</p>
      ) : (
        <>
          <p className="notice notice-error">{fill(tImportList.invalid, { count: report.problems.length })}</p>
          <div className="table-wrap">
            <table className="stack-table problems">
              <caption>{tImportList.problemsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{tImportList.row}</th>
                  <th scope="col">{tImportList.column}</th>
                  <th scope="col">{tImportList.message}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i}>
                    <td data-label={tImportList.row} className="num">{p.row}</td>
                    <td data-label={tImportList.column}>{p.column ?? tImportList.wholeRow}</td>
                    <td data-label={tImportList.message}>{p.messageDe}</td>
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
