import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill } from '../i18n';
import { tSettings } from '../i18n/settings';
import { Button, ErrorNotice, Loading, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { parseGermanDate } from '../ui/format';

type LoanSettings = Schemas['LoanSettingsDto'];

/** Default due date (end of the school year), retention days and the agreement's clauses; the office edits, others read. */
export function LoanSettingsForm({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['loans', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/loans/settings')) });
  const [draft, setDraft] = useState<{ due: string; retention: string; clauses: LoanSettings['agreementClauses'] } | null>(null);
  const [invalid, setInvalid] = useState<{ due?: boolean; retention?: boolean }>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: LoanSettings) => unwrap(api.PUT('/api/v1/loans/settings', { body })),
    onSuccess: (data) => {
      queryClient.setQueryData(['loans', 'settings'], data);
      setDraft(null);
      setSaved(true);
    },
  });
  const { ref, refused } = useFocusOnRefusal(save.error);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />;
  const s = settings.data;
  const [month, day] = s.defaultDueMonthDay.split('-');
  const d = draft ?? { due: `${day}.${month}.`, retention: String(s.retentionDays), clauses: s.agreementClauses };
  const change = (next: Partial<typeof d>) => {
    setSaved(false);
    setDraft({ ...d, ...next });
  };
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(d.due.trim());
    // A day every year has (not 31.02., not 29.02.): checked in a year without 29 February.
    const bad = { due: !m || !parseGermanDate(`${m[1]}.${m[2]}.2025`), retention: !/^\d+$/.test(d.retention.trim()) };
    setInvalid(bad);
    if (bad.due || bad.retention) return refused();
    save.mutate({ defaultDueMonthDay: `${m![2].padStart(2, '0')}-${m![1].padStart(2, '0')}`, retentionDays: Number(d.retention.trim()), agreementClauses: d.clauses });
  };
  return (
    <section aria-labelledby="settings-loans" className="panel">
      <h2 id="settings-loans">{tSettings.loansTitle}</h2>
      <form onSubmit={submit} className="form" noValidate ref={ref}>
        <div className="form-grid">
          <TextField label={tSettings.defaultDue} description={tSettings.defaultDueHelp} value={d.due} isReadOnly={!canWrite} onChange={(v) => (change({ due: v }), setInvalid({ ...invalid, due: false }))} serverError={invalid.due ? tSettings.dueInvalid : apiError?.fieldError('defaultDueMonthDay')} />
          <TextField label={tSettings.retentionDays} description={tSettings.retentionHelp} value={d.retention} isReadOnly={!canWrite} inputMode="numeric" onChange={(v) => (change({ retention: v }), setInvalid({ ...invalid, retention: false }))} serverError={invalid.retention ? tSettings.wholeNumber : apiError?.fieldError('retentionDays')} />
        </div>
        <fieldset>
          <legend>{tSettings.clausesTitle}</legend>
          <p>{tSettings.clauseHelp}</p>
          {d.clauses.map((c, i) => (
            <div key={i} className="clause">
              <TextField label={fill(tSettings.clauseTitle, { n: i + 1 })} value={c.title} isReadOnly={!canWrite} onChange={(v) => change({ clauses: d.clauses.map((x, j) => (j === i ? { ...x, title: v } : x)) })} serverError={apiError?.fieldError(`agreementClauses.${i}.title`)} />
              <TextField multiline label={fill(tSettings.clauseText, { n: i + 1 })} value={c.text} isReadOnly={!canWrite} onChange={(v) => change({ clauses: d.clauses.map((x, j) => (j === i ? { ...x, text: v } : x)) })} serverError={apiError?.fieldError(`agreementClauses.${i}.text`)} />
              {canWrite && d.clauses.length > 1 && (
                <Button variant="quiet" onPress={() => change({ clauses: d.clauses.filter((_, j) => j !== i) })}>
                  {fill(tSettings.removeClause, { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          {canWrite && d.clauses.length < 12 && <Button onPress={() => change({ clauses: [...d.clauses, { title: '', text: '' }] })}>{tSettings.addClause}</Button>}
        </fieldset>
        {save.error && <ErrorNotice error={save.error} />}
        <p role="status">{saved ? tSettings.loansSaved : ''}</p>
        {canWrite && (
          <div className="actions">
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {tSettings.saveLoans}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
