import { useMutation } from '@tanstack/react-query';
import { FileTrigger } from 'react-aria-components';
import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../api/errors';
import { useSchool } from '../app/school';
import { fill, t } from '../i18n';
import { tImportList } from '../i18n/import-list';
import { tLabelPrint } from '../i18n/label-print';
import { Button, ErrorNotice, LiveRegion, PageHeading, Select } from '../ui/components';
import { IMPORT_COLUMNS, type ImportReport, templateCsv, uploadList } from './import-api';
import { ImportReportView } from './ImportReportView';
import { LabelPrintPanel } from '../labels/LabelPrintPanel';

const FROM_FILE = 'file';

/**
 * Lieferliste importieren: upload, Probelauf (problems per row and column), then the import of every new device;
 * the result lists the created devices with their labels to print. Coordinators for their schools, the office for any.
 */
export default function ImportPage() {
  const { schoolId, schools } = useSchool();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const [target, setTarget] = useState<string>(schoolId ?? schools[0]?.id ?? FROM_FILE);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const templateUrl = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`, []);
  const options = (run: boolean) => ({ dryRun: run, ...(target === FROM_FILE ? {} : { schoolId: target }) });
  const check = useMutation({ mutationFn: (f: File) => uploadList(f, options(true)), onSuccess: setDryRun });
  const importer = useMutation({ mutationFn: (f: File) => uploadList(f, options(false)), onSuccess: (r) => (r.dryRun || !r.valid ? setDryRun(r) : undefined) });
  const done = importer.data && !importer.data.dryRun && importer.data.valid ? importer.data : null;
  // Why the file as a whole cannot be read (no workbook, no headings, no rows): said at the file field, focus there.
  const fileRefusal = [check.error, importer.error].map((e) => (e instanceof ApiError ? e.fieldError('file') : undefined)).find(Boolean);
  const shownFileError = fileError || fileRefusal;
  useEffect(() => {
    if (fileRefusal) document.getElementById(`${fileId}-button`)?.focus();
  }, [fileRefusal, check.error, importer.error, fileId]);
  useEffect(() => {
    if (done) document.querySelector<HTMLElement>('[data-import-done]')?.focus();
  }, [done]);

  const reset = () => {
    setDryRun(null);
    check.reset();
    importer.reset();
  };
  const runDryRun = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(tImportList.fileMissing);
      document.getElementById(`${fileId}-button`)?.focus();
      return;
    }
    setFileError('');
    reset();
    check.mutate(file);
  };

  if (done) {
    return (
      <>
        <PageHeading title={tImportList.title}>{tImportList.title}</PageHeading>
        {/* The form is gone: focus to the result (see the effect above). */}
        <div className="notice notice-success" role="status" tabIndex={-1} data-import-done>
          <p className="notice-title">{tImportList.doneTitle}</p>
          <p>{fill(tImportList.done, { count: done.created })}</p>
        </div>
        {done.createdDevices.length > 0 && <LabelPrintPanel choices={[{ label: tLabelPrint.title, target: { deviceIds: done.createdDevices.map((d) => d.id) } }]} />}
        <section aria-labelledby="created-title">
          <h2 id="created-title">{tImportList.createdTitle}</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{tImportList.createdTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{tImportList.row}</th>
                  <th scope="col">{t.counter.inventoryNumber}</th>
                </tr>
              </thead>
              <tbody>
                {done.createdDevices.map((d) => (
                  <tr key={d.id}>
                    <td className="num">{d.row}</td>
                    <td>{d.inventoryNumber}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <div className="actions">
          <Button
            onPress={() => {
              reset();
              setFile(null);
            }}
          >
            {tImportList.another}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeading title={tImportList.title}>{tImportList.title}</PageHeading>
      <p className="prose">{tImportList.intro}</p>
      <details className="panel">
        <summary>{tImportList.columnsTitle}</summary>
        <p>{tImportList.columnsIntro}</p>
        <ul>
          {IMPORT_COLUMNS.map((c) => (
            <li key={c.heading}>
              <strong>
                {c.heading}
                {c.required && <span aria-hidden="true"> *</span>}
              </strong>
              {c.required && <span className="visually-hidden"> ({t.required})</span>}
              {c.hint && `: ${c.hint}`}
            </li>
          ))}
        </ul>
        <a href={templateUrl} download="lieferliste-vorlage.csv">
          {tImportList.template}
        </a>
      </details>
      <form onSubmit={runDryRun} noValidate className="form">
        <div className="form-grid">
          <Select
            label={tImportList.school}
            selectedKey={target}
            onSelectionChange={(k) => {
              setTarget(String(k));
              reset();
            }}
            options={[...schools.map((s) => ({ value: s.id, label: s.name })), { value: FROM_FILE, label: tImportList.schoolFromFile }]}
          />
          <div className="field" role="group" aria-labelledby={`${fileId}-label`} aria-describedby={shownFileError ? `${fileId}-error` : undefined}>
            <span id={`${fileId}-label`} className="group-label">
              {tImportList.file}
              <span aria-hidden="true"> *</span>
            </span>
            <div className="file-row">
              <FileTrigger
                acceptedFileTypes={['.xlsx', '.csv', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']}
                onSelect={(files) => {
                  setFile(files?.[0] ?? null);
                  setFileError('');
                  reset();
                }}
              >
                <Button id={`${fileId}-button`} aria-describedby={`${fileId}-name`}>
                  {tImportList.chooseFile}
                </Button>
              </FileTrigger>
              <span id={`${fileId}-name`}>{file ? file.name : tImportList.noFile}</span>
            </div>
            {shownFileError && (
              <span id={`${fileId}-error`} className="field-error" role="alert">
                {shownFileError}
              </span>
            )}
          </div>
        </div>
        <div className="actions">
          <Button type="submit" variant="primary" isPending={check.isPending}>
            {check.isPending ? tImportList.running : tImportList.dryRun}
          </Button>
        </div>
      </form>
      {check.error && !fileRefusal && <ErrorNotice error={check.error} />}
      {dryRun && (
        <ImportReportView report={dryRun}>
          {dryRun.valid && dryRun.newDevices > 0 && file && (
            <div className="actions">
              <Button variant="primary" onPress={() => importer.mutate(file)} isPending={importer.isPending}>
                {importer.isPending ? tImportList.importing : fill(tImportList.importNow, { count: dryRun.newDevices })}
              </Button>
            </div>
          )}
        </ImportReportView>
      )}
      {importer.error && !fileRefusal && <ErrorNotice error={importer.error} />}
      <LiveRegion message={dryRun ? (dryRun.valid ? tImportList.valid : fill(tImportList.invalid, { count: dryRun.problems.length })) : ''} />
    </>
  );
}
