import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { labels, t } from '../i18n';
import { Button, Checkbox, ErrorNotice, RadioGroup, TextField } from '../ui/components';
import { needsEarmarkingConfirmation, type Loan, type ReturnCondition } from './counter-api';

export const CONDITION_OPTIONS = Object.entries(labels.returnCondition).map(([value, text]) => ({ value: value as ReturnCondition, label: text }));

/** Taking a device back: its condition and a note; a funded device lost inside its earmarking period needs a confirmation. */
export function ReturnForm({ loan, onReturned }: { loan: Loan; onReturned: (loan: Loan) => void }) {
  const queryClient = useQueryClient();
  const [condition, setCondition] = useState<ReturnCondition>('ok');
  const [notes, setNotes] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus(), [loan.id]);

  const giveBack = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/loans/{id}/return', {
          params: { path: { id: loan.id } },
          body: { condition, notes: notes.trim() || undefined, confirmEarmarkingBreach: confirmed || undefined },
        }),
      ),
    onSuccess: (returned) => {
      queryClient.invalidateQueries({ queryKey: ['loans'] });
      onReturned(returned);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!giveBack.isPending) giveBack.mutate();
  };
  const earmarking = needsEarmarkingConfirmation(giveBack.error);

  return (
    <section aria-labelledby="return-title">
      <h2 id="return-title">{t.counter.returnTitle}</h2>
      <Form onSubmit={submit} className="form">
        <div ref={first}>
          <RadioGroup label={t.counter.condition} value={condition} onChange={(v) => setCondition(v as ReturnCondition)} options={CONDITION_OPTIONS} orientation="horizontal" />
        </div>
        <TextField label={t.counter.returnNotes} value={notes} onChange={setNotes} multiline />
        {earmarking ? (
          <div className="notice notice-warning" role="alert">
            <p>{t.counter.earmarking}</p>
            <Checkbox isSelected={confirmed} onChange={setConfirmed}>
              {t.counter.earmarkingConfirm}
            </Checkbox>
          </div>
        ) : (
          giveBack.error && <ErrorNotice error={giveBack.error} />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={earmarking && !confirmed} isPending={giveBack.isPending}>
            {t.counter.takeBack}
          </Button>
        </div>
      </Form>
    </section>
  );
}
