import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill, t } from '../i18n';
import { Button, Checkbox, CheckboxGroup, DateInput, ErrorNotice, LiveRegion, TextField as Field } from '../ui/components';
import { saveBlob } from '../ui/download';
import { agreementUrl, defaultDueDate } from './counter-api';
import { ACCESSORY_OPTIONS } from './LendForm';
import { ResultList } from './ResultList';
import { ScanField, type ScanFieldHandle } from './ScanField';
import { useScanQueue, type QueueEntry } from './scan-queue';

interface ClassItem {
  inventoryNumber: string;
  borrowerName: string;
  borrowerReference?: string;
}

/**
 * Klassensatz: class, due date and accessories once; then per student their name (and reference), Enter, the device's
 * scan, Enter; the focus is back in the name field for the next student. Each result appears in the running list.
 */
export function ClassMode() {
  const { schoolId } = useSchool();
  const due = useQuery({ queryKey: ['loans', 'settings', 'due'], queryFn: defaultDueDate, staleTime: 10 * 60_000 });
  const [className, setClassName] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [accessories, setAccessories] = useState<string[]>(['charger']);
  const [signed, setSigned] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [classMissing, setClassMissing] = useState(false);
  const classRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  const scanField = useRef<ScanFieldHandle>(null);
  const settings = useRef({ className, dueOn, accessories, signed });
  settings.current = { className, dueOn: dueOn ?? due.data ?? null, accessories, signed };

  const send = useCallback(
    (items: ClassItem[]) => {
      const s = settings.current;
      return unwrap(
        api.POST('/api/v1/loans/bulk', {
          body: {
            schoolId: schoolId ?? undefined,
            borrowerKind: 'student',
            dueOn: s.dueOn ?? undefined,
            accessories: s.accessories,
            agreementSigned: s.signed,
            items: items.map((i) => ({ ...i, borrowerClass: s.className.trim() || undefined })),
          },
        }),
      );
    },
    [schoolId],
  );
  const onSettled = useCallback((done: QueueEntry<ClassItem>[]) => {
    const last = done[done.length - 1];
    setAnnouncement(`${last.item.borrowerName}, ${last.item.inventoryNumber}: ${last.state === 'ok' ? t.counter.okLent : `${t.counter.failed}. ${last.message}`}`);
  }, []);
  const { entries, enqueue } = useScanQueue(send, onSettled);

  const onScan = (code: string) => {
    // The class is what makes a class set: without it no loan is booked (the loans list filters by class).
    if (!settings.current.className.trim()) {
      setClassMissing(true);
      setAnnouncement(t.counter.classNeedsClass);
      classRef.current?.focus();
      return;
    }
    const name = nameRef.current?.value.trim() ?? '';
    if (!name) {
      setAnnouncement(t.counter.classNeedsName);
      nameRef.current?.focus();
      return;
    }
    const reference = referenceRef.current?.value.trim() || undefined;
    enqueue({ inventoryNumber: code, borrowerName: name, borrowerReference: reference });
    if (nameRef.current) nameRef.current.value = '';
    if (referenceRef.current) referenceRef.current.value = '';
    nameRef.current?.focus();
  };
  const toScan = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      scanField.current?.focus();
    }
  };
  const loanIds = entries.filter((e) => e.state === 'ok' && e.loanId).map((e) => e.loanId!);
  // One PDF with every agreement of the run, in the order lent (one agreement per student).
  const printAll = useMutation({
    mutationFn: async () => {
      const blob = await unwrap(api.POST('/api/v1/loans/agreements.pdf', { body: { loanIds }, parseAs: 'blob' }));
      saveBlob(blob as Blob, `leihvertraege${className.trim() ? `-${className.trim().replace(/[^\p{L}\p{N}-]+/gu, '_')}` : ''}.pdf`);
    },
  });

  return (
    <>
      <fieldset className="panel">
        <legend>{t.counter.classSettings}</legend>
        <div className="form-grid">
          <Field
            label={t.counter.borrowerClass}
            value={className}
            onChange={(v) => (setClassName(v), setClassMissing(false))}
            isRequired
            autoComplete="off"
            inputRef={classRef}
            serverError={classMissing ? t.counter.classNeedsClass : undefined}
          />
          <DateInput label={t.counter.dueOn} value={dueOn ?? due.data ?? null} onChange={setDueOn} />
        </div>
        <CheckboxGroup label={t.counter.accessories} options={ACCESSORY_OPTIONS} value={accessories} onChange={setAccessories} />
        <Checkbox isSelected={signed} onChange={setSigned}>
          {t.counter.agreementSigned}
        </Checkbox>
      </fieldset>
      <fieldset className="panel">
        <legend>{t.counter.classStudent}</legend>
        <p className="help">{t.counter.classHelp}</p>
        <div className="form-grid">
          {/* Plain inputs, read and emptied on Enter: nothing waits for a render between two students. */}
          <div className="field">
            <label htmlFor="class-student-name">{t.counter.borrowerName}</label>
            <input ref={nameRef} id="class-student-name" name="student-name" autoComplete="off" autoFocus onKeyDown={toScan} />
          </div>
          <div className="field">
            <label htmlFor="class-student-reference">{t.counter.borrowerReference}</label>
            <input ref={referenceRef} id="class-student-reference" name="student-reference" autoComplete="off" onKeyDown={toScan} />
          </div>
        </div>
        <ScanField onScan={onScan} handle={scanField} autoFocus={false} />
      </fieldset>
      <LiveRegion message={announcement} />
      {loanIds.length > 0 && (
        <p className="actions">
          <Button variant="primary" onPress={() => printAll.mutate()} isPending={printAll.isPending}>
            {printAll.isPending ? t.loading : t.counter.classAgreements}
          </Button>
        </p>
      )}
      {printAll.error && <ErrorNotice error={printAll.error} />}
      {loanIds.length > 0 && (
        <p>
          {loanIds.length === 1 ? (
            <a href={agreementUrl(loanIds[0])} target="_blank" rel="noopener">
              {t.counter.printAgreement}
            </a>
          ) : (
            <span>{fill(t.counter.summary, { ok: loanIds.length, failed: entries.filter((e) => e.state === 'failed').length })}</span>
          )}
        </p>
      )}
      <ResultList
        entries={entries}
        okText={t.counter.okLent}
        describe={(i) => `${i.borrowerName} – ${i.inventoryNumber}`}
        extra={(e) =>
          e.state === 'ok' && e.loanId ? (
            <a href={agreementUrl(e.loanId)} target="_blank" rel="noopener">
              {t.counter.printAgreement}
            </a>
          ) : null
        }
      />
    </>
  );
}
