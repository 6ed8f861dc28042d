import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { labels, t } from '../i18n';
import { Button, Checkbox, CheckboxGroup, DateInput, ErrorNotice, RadioGroup, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { TypedValues } from '../ui/typed-values';
import type { BorrowerKind, Device, Loan } from './counter-api';

export const ACCESSORY_OPTIONS = Object.entries(labels.accessory).map(([value, text]) => ({ value, label: text }));
export const BORROWER_OPTIONS = Object.entries(labels.borrowerKind).map(([value, text]) => ({ value: value as BorrowerKind, label: text }));

/** Lending the scanned device: borrower, accessories, due date (end of the school year), agreement signed. */
export function LendForm({ device, defaultDue, onLent }: { device: Device; defaultDue: string; onLent: (loan: Loan) => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BorrowerKind>('student');
  const [name, setName] = useState('');
  const [borrowerClass, setBorrowerClass] = useState('');
  const [reference, setReference] = useState('');
  const [guardian, setGuardian] = useState('');
  const [accessories, setAccessories] = useState<string[]>(['charger']);
  const [dueOn, setDueOn] = useState<string | null>(defaultDue);
  const [signed, setSigned] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), [device.id]);

  const lend = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/loans', {
          body: {
            deviceId: device.id,
            borrowerKind: kind,
            borrowerName: name.trim(),
            borrowerClass: borrowerClass.trim() || undefined,
            borrowerReference: reference.trim() || undefined,
            guardianName: kind === 'student' ? guardian.trim() || undefined : undefined,
            accessories,
            dueOn: dueOn ?? undefined,
            agreementSigned: signed,
          },
        }),
      ),
    onSuccess: (loan) => {
      queryClient.invalidateQueries({ queryKey: ['loans'] });
      onLent(loan);
    },
  });
  const fieldError = (f: string) => (lend.error instanceof ApiError ? lend.error.fieldError(f) : undefined);
  // The name is checked here (no round trip at the counter); a refusal, here or by the server, focuses the field.
  const [nameError, setNameError] = useState<string | undefined>();
  const { ref, refused } = useFocusOnRefusal<HTMLElement>(lend.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = new TypedValues<'name'>();
    read.text('name', name, { max: 200 });
    setNameError(read.errors.name);
    if (!read.ok) return refused();
    if (!lend.isPending) lend.mutate();
  };

  return (
    <section aria-labelledby="lend-title" ref={ref}>
      <h2 id="lend-title">{t.counter.lendTitle}</h2>
      <Form onSubmit={submit} className="form" validationBehavior="aria">
        <RadioGroup label={t.counter.borrowerKind} value={kind} onChange={(v) => setKind(v as BorrowerKind)} options={BORROWER_OPTIONS} orientation="horizontal" />
        <div className="form-grid">
          <TextField label={t.counter.borrowerName} value={name} onChange={(v) => (setName(v), setNameError(undefined))} isRequired inputRef={nameRef} serverError={nameError ?? fieldError('borrowerName')} autoComplete="off" />
          <TextField label={t.counter.borrowerClass} value={borrowerClass} onChange={setBorrowerClass} serverError={fieldError('borrowerClass')} autoComplete="off" />
          <TextField label={t.counter.borrowerReference} value={reference} onChange={setReference} serverError={fieldError('borrowerReference')} autoComplete="off" />
          {kind === 'student' && <TextField label={t.counter.guardianName} value={guardian} onChange={setGuardian} serverError={fieldError('guardianName')} autoComplete="off" />}
          <DateInput label={t.counter.dueOn} value={dueOn} onChange={setDueOn} serverError={fieldError('dueOn')} />
        </div>
        <CheckboxGroup label={t.counter.accessories} options={ACCESSORY_OPTIONS} value={accessories} onChange={setAccessories} />
        <Checkbox isSelected={signed} onChange={setSigned}>
          {t.counter.agreementSigned}
        </Checkbox>
        {lend.error && <ErrorNotice error={lend.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={lend.isPending}>
            {t.counter.lend}
          </Button>
        </div>
      </Form>
    </section>
  );
}
