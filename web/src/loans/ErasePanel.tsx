import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill, t } from '../i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';

/** Right to erasure: a borrower's personal data out of all their returned loans at a school, after a confirmation. */
export function ErasePanel() {
  const queryClient = useQueryClient();
  const { schools, schoolId: chosen } = useSchool();
  const [schoolId, setSchoolId] = useState<string | null>(chosen);
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const [asking, setAsking] = useState(false);
  const [missing, setMissing] = useState<'school' | 'who' | null>(null);
  const erase = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/loans/erasures', { body: { schoolId: schoolId!, borrowerName: name.trim() || undefined, borrowerReference: reference.trim() || undefined } })),
    onSettled: () => setAsking(false),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['loans'] }),
  });
  const fieldError = (f: string) => (erase.error instanceof ApiError ? erase.error.fieldError(f) : undefined);
  const who = name.trim() || reference.trim();
  return (
    <section className="panel" aria-labelledby="erase-title">
      <h2 id="erase-title">{t.loans.eraseTitle}</h2>
      <p>{t.loans.eraseIntro}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const gap = !schoolId ? 'school' : !who ? 'who' : null;
          setMissing(gap);
          if (!gap) setAsking(true);
        }}
        noValidate
      >
        <div className="form-grid">
          <Select label={t.loans.school} selectedKey={schoolId} onSelectionChange={(k) => setSchoolId(String(k))} placeholder={t.loans.school} isRequired options={schools.map((s) => ({ value: s.id, label: s.name }))} serverError={missing === 'school' ? t.loans.eraseNeedsSchool : fieldError('schoolId')} />
          <TextField label={t.loans.eraseName} value={name} onChange={setName} autoComplete="off" serverError={missing === 'who' ? t.loans.eraseNeedsWho : fieldError('borrowerName')} />
          <TextField label={t.loans.eraseReference} value={reference} onChange={setReference} autoComplete="off" serverError={fieldError('borrowerReference')} />
        </div>
        {erase.error && <ErrorNotice error={erase.error} />}
        {erase.isSuccess && (
          <p className="notice notice-success" role="status">
            {fill(t.loans.erasedResult, { count: erase.data.erasedLoans })}
          </p>
        )}
        <div className="actions">
          <Button type="submit" variant="danger">
            {t.loans.erase}
          </Button>
        </div>
      </form>
      <ConfirmDialog isOpen={asking} title={t.loans.eraseConfirmTitle} confirmLabel={t.loans.eraseConfirmButton} onConfirm={() => erase.mutate()} onCancel={() => setAsking(false)} isPending={erase.isPending}>
        <p>{fill(t.loans.eraseConfirm, { who, school: schools.find((s) => s.id === schoolId)?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
