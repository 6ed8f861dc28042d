import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill } from '../i18n';
import { tLoans } from '../i18n/loans';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';

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
  const { ref, refused } = useFocusOnRefusal<HTMLElement>(erase.error);
  const who = name.trim() || reference.trim();
  return (
    <section className="panel" aria-labelledby="erase-title" ref={ref}>
      <h2 id="erase-title">{tLoans.eraseTitle}</h2>
      <p>{tLoans.eraseIntro}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const gap = !schoolId ? 'school' : !who ? 'who' : null;
          setMissing(gap);
          if (!gap) setAsking(true);
          else refused();
        }}
        noValidate
      >
        <div className="form-grid">
          <Select label={tLoans.school} selectedKey={schoolId} onSelectionChange={(k) => setSchoolId(String(k))} placeholder={tLoans.school} isRequired options={schools.map((s) => ({ value: s.id, label: s.name }))} serverError={missing === 'school' ? tLoans.eraseNeedsSchool : fieldError('schoolId')} />
          <TextField label={tLoans.eraseName} value={name} onChange={setName} autoComplete="off" serverError={missing === 'who' ? tLoans.eraseNeedsWho : fieldError('borrowerName')} />
          <TextField label={tLoans.eraseReference} value={reference} onChange={setReference} autoComplete="off" serverError={fieldError('borrowerReference')} />
        </div>
        {erase.error && <ErrorNotice error={erase.error} />}
        {erase.isSuccess &&
          (erase.data.erasedLoans > 0 ? (
            <p className="notice notice-success" role="status">
              {fill(tLoans.erasedResult, { count: erase.data.erasedLoans })}
            </p>
          ) : (
            // Nothing found is no success: a misspelt name must not look erased.
            <p className="notice notice-warning" role="status">
              {tLoans.erasedNone}
            </p>
          ))}
        <div className="actions">
          <Button type="submit" variant="danger">
            {tLoans.erase}
          </Button>
        </div>
      </form>
      <ConfirmDialog isOpen={asking} title={tLoans.eraseConfirmTitle} confirmLabel={tLoans.eraseConfirmButton} onConfirm={() => erase.mutate()} onCancel={() => setAsking(false)} isPending={erase.isPending}>
        <p>{fill(tLoans.eraseConfirm, { who, school: schools.find((s) => s.id === schoolId)?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
