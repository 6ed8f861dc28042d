import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill, t } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { useAllSchools } from '../schools/all-schools';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal, useReturnFocus } from '../ui/focus';
import { formatEuro } from '../ui/format';
import { TypedValues } from '../ui/typed-values';

type SchoolRow = Schemas['GrantSummaryDto']['bySchool'][number];

/** Budgets per school with what is committed, paid and remaining; the office sets a school's budget (in euros). */
export function AllocationsSection({ grantId, bySchool, canWrite }: { grantId: string; bySchool: SchoolRow[]; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const schools = useAllSchools();
  const [editing, setEditing] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [newSchool, setNewSchool] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<{ amount?: string; schoolId?: string }>({});
  const [message, setMessage] = useState('');
  const { ref: section, refused } = useFocusOnRefusal<HTMLElement>();
  const focus = useReturnFocus();
  // A row's form closes back to its "Bearbeiten" button (a new one: the form stood in its place).
  const rowButton = (schoolId: string) => () => section.current?.querySelector<HTMLElement>(`[data-allocation="${schoolId}"]`);
  const closeRow = () => {
    if (editing) focus.closed({}, rowButton(editing));
    setEditing(null);
    setInvalid({});
    save.reset();
  };
  const save = useMutation({
    mutationFn: ({ schoolId, amountCents }: { schoolId: string; amountCents: number }) =>
      unwrap(api.PUT('/api/v1/grants/{id}/allocations/{schoolId}', { params: { path: { id: grantId, schoolId } }, body: { amountCents } })),
    onSuccess: (allocation) => {
      setMessage(fill(tGrantEdit.allocationSaved, { school: allocation.schoolName }));
      if (editing) focus.closed({}, rowButton(editing));
      setEditing(null);
      setNewSchool(null);
      setAmount('');
      void queryClient.invalidateQueries({ queryKey: ['grants', grantId] });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'all'] });
    },
    onError: () => refused(),
  });
  const submit = (schoolId: string | null) => (e: React.FormEvent) => {
    e.preventDefault();
    const read = new TypedValues<'amount' | 'schoolId'>();
    if (!schoolId) read.refuse('schoolId', tGrantEdit.schoolMissing);
    const cents = read.euro('amount', amount);
    setInvalid(read.errors);
    if (!read.ok) return refused();
    save.mutate({ schoolId: schoolId!, amountCents: cents! });
  };
  const amountField = (autoFocus: boolean) => (
    <TextField
      label={tGrantEdit.allocationAmount}
      value={amount}
      onChange={(v) => {
        setAmount(v);
        setInvalid({ ...invalid, amount: undefined });
      }}
      inputMode="decimal"
      autoFocus={autoFocus}
      serverError={invalid.amount ?? (save.error instanceof ApiError ? save.error.fieldError('amountCents') : undefined)}
    />
  );
  const unallocated = (schools.data ?? []).filter((s) => !bySchool.some((b) => b.schoolId === s.id && b.allocatedCents > 0));
  return (
    <section aria-labelledby="grant-schools" ref={section}>
      <h2 id="grant-schools">{tOffice.allocationsTitle}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{tOffice.school}</th>
              <th scope="col" className="num">{tOffice.allocated}</th>
              <th scope="col" className="num">{tOffice.committed}</th>
              <th scope="col" className="num">{tOffice.paid}</th>
              <th scope="col" className="num">{tOffice.remaining}</th>
              {canWrite && <td />}
            </tr>
          </thead>
          <tbody>
            {bySchool.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 6 : 5}>{tGrantEdit.noAllocations}</td>
              </tr>
            )}
            {bySchool.map((s) => (
              <tr key={s.schoolId}>
                <th scope="row">{s.schoolName}</th>
                <td className="num">{formatEuro(s.allocatedCents)}</td>
                <td className="num">{formatEuro(s.committedCents)}</td>
                <td className="num">{formatEuro(s.paidCents)}</td>
                <td className="num">{formatEuro(s.remainingCents)}</td>
                {canWrite && (
                  <td>
                    {editing === s.schoolId ? (
                      <form onSubmit={submit(s.schoolId)} className="filters" noValidate>
                        {amountField(true)}
                        <Button type="submit" variant="primary" isPending={save.isPending}>
                          {tGrantEdit.saveAllocation}
                        </Button>
                        <Button onPress={closeRow}>{t.cancel}</Button>
                      </form>
                    ) : (
                      <Button
                        data-allocation={s.schoolId}
                        aria-label={fill(tGrantEdit.editAllocation, { school: s.schoolName })}
                        onPress={() => {
                          setInvalid({});
                          save.reset();
                          setEditing(s.schoolId);
                          setAmount(formatEuro(s.allocatedCents).replace(/\s*€$/, ''));
                        }}
                      >
                        {tGrantEdit.edit}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && (
        <form onSubmit={submit(newSchool)} className="filters panel" noValidate aria-label={tGrantEdit.addAllocation}>
          <Select
            label={tGrantEdit.school}
            placeholder={tGrantEdit.chooseSchool}
            selectedKey={newSchool}
            onSelectionChange={(k) => (setNewSchool(String(k)), setInvalid({ ...invalid, schoolId: undefined }))}
            options={unallocated.map((s) => ({ value: s.id, label: s.name }))}
            serverError={editing === null ? invalid.schoolId : undefined}
          />
          {editing === null && amountField(false)}
          <Button type="submit" variant="primary" isDisabled={editing !== null} isPending={save.isPending}>
            {tGrantEdit.addAllocation}
          </Button>
        </form>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.fieldError('amountCents')) && <ErrorNotice error={save.error} />}
      <p role="status">{message}</p>
    </section>
  );
}
