import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, t } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { useAllSchools } from '../schools/all-schools';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { formatEuro, parseEuroToCents } from '../ui/format';

type SchoolRow = Schemas['GrantSummaryDto']['bySchool'][number];

/** Budgets per school with what is committed, paid and remaining; the office sets a school's budget (in euros). */
export function AllocationsSection({ grantId, bySchool, canWrite }: { grantId: string; bySchool: SchoolRow[]; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const schools = useAllSchools();
  const [editing, setEditing] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [newSchool, setNewSchool] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: ({ schoolId, amountCents }: { schoolId: string; amountCents: number }) =>
      unwrap(api.PUT('/api/v1/grants/{id}/allocations/{schoolId}', { params: { path: { id: grantId, schoolId } }, body: { amountCents } })),
    onSuccess: (allocation) => {
      setMessage(fill(tGrantEdit.allocationSaved, { school: allocation.schoolName }));
      setEditing(null);
      setNewSchool(null);
      setAmount('');
      void queryClient.invalidateQueries({ queryKey: ['grants', grantId] });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'all'] });
    },
  });
  const submit = (schoolId: string) => (e: React.FormEvent) => {
    e.preventDefault();
    const cents = parseEuroToCents(amount);
    setInvalid(cents == null || cents < 0);
    if (cents != null && cents >= 0) save.mutate({ schoolId, amountCents: cents });
  };
  const amountField = (
    <TextField
      label={tGrantEdit.allocationAmount}
      value={amount}
      onChange={(v) => {
        setAmount(v);
        setInvalid(false);
      }}
      inputMode="decimal"
      autoFocus
      serverError={invalid ? tGrantEdit.amountInvalid : undefined}
    />
  );
  const unallocated = (schools.data ?? []).filter((s) => !bySchool.some((b) => b.schoolId === s.id && b.allocatedCents > 0));
  return (
    <section aria-labelledby="grant-schools">
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
                        {amountField}
                        <Button type="submit" variant="primary" isDisabled={save.isPending}>
                          {tGrantEdit.saveAllocation}
                        </Button>
                        <Button onPress={() => setEditing(null)}>{t.cancel}</Button>
                      </form>
                    ) : (
                      <Button
                        aria-label={fill(tGrantEdit.editAllocation, { school: s.schoolName })}
                        onPress={() => {
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
        <form onSubmit={newSchool ? submit(newSchool) : (e) => e.preventDefault()} className="filters panel" noValidate aria-label={tGrantEdit.addAllocation}>
          <Select label={tGrantEdit.school} placeholder={tGrantEdit.chooseSchool} selectedKey={newSchool} onSelectionChange={(k) => setNewSchool(String(k))} options={unallocated.map((s) => ({ value: s.id, label: s.name }))} />
          {editing === null && amountField}
          <Button type="submit" variant="primary" isDisabled={!newSchool || save.isPending}>
            {tGrantEdit.addAllocation}
          </Button>
        </form>
      )}
      {save.error && <ErrorNotice error={save.error} />}
      <p role="status">{message}</p>
    </section>
  );
}
