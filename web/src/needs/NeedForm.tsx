import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { label, t } from '../i18n';
import { tNeeds } from '../i18n/needs';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { CATEGORIES, emptyValues, PRIORITIES, validateNeed, valuesOf, type Need, type NeedBody, type NeedValues } from './needs-form';

/** Create a draft (no need) or change one (send the version read: a stale one is explained, with a way to reload). */
export function NeedForm({ schoolId, need, onSaved, onCancel, onReload }: { schoolId: string; need?: Need; onSaved: (n: Need) => void; onCancel: () => void; onReload: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NeedValues>(() => (need ? valuesOf(need) : emptyValues()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof NeedValues>(key: K) => (value: NeedValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: (body: NeedBody) =>
      need
        ? unwrap(api.PATCH('/api/v1/needs/{id}', { params: { path: { id: need.id } }, body: { ...body, version: need.version } }))
        : unwrap(api.POST('/api/v1/needs', { body: { ...body, schoolId } })),
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      onSaved(n);
    },
  });
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => errors[field] ?? apiError?.fieldError(field);
  const stale = apiError?.code === 'STALE_VERSION' || apiError?.code === 'ILLEGAL_STATE';
  const { ref, refused } = useFocusOnRefusal(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = validateNeed(values);
    if ('errors' in result) return (setErrors(result.errors), refused());
    setErrors({});
    save.mutate(result.body);
  };
  const title = need ? tNeeds.editTitle : tNeeds.createTitle;
  return (
    <section className="panel" aria-labelledby="need-form-title">
      <h2 tabIndex={-1} id="need-form-title">{title}</h2>
      <form onSubmit={submit} noValidate className="form" ref={ref}>
        <div className="form-grid">
          <Select label={tNeeds.category} selectedKey={values.category} onSelectionChange={(k) => set('category')(k as NeedValues['category'])} options={CATEGORIES.map((c) => ({ value: c, label: label('needCategory', c) }))} serverError={fieldError('category')} />
          <Select label={tNeeds.priority} selectedKey={values.priority} onSelectionChange={(k) => set('priority')(k as NeedValues['priority'])} options={PRIORITIES.map((p) => ({ value: p, label: label('needPriority', p) }))} serverError={fieldError('priority')} />
        </div>
        <TextField label={tNeeds.titleField} description={tNeeds.titleHelp} value={values.title} onChange={set('title')} isRequired serverError={fieldError('title')} />
        <div className="form-grid">
          <TextField label={tNeeds.quantity} value={values.quantity} onChange={set('quantity')} inputMode="numeric" isRequired serverError={fieldError('quantity')} />
          <TextField label={tNeeds.estimatedCost} description={tNeeds.estimatedCostHelp} value={values.cost} onChange={set('cost')} inputMode="decimal" isRequired serverError={fieldError('estimatedCostCents')} />
        </div>
        <TextField label={tNeeds.justification} description={tNeeds.justificationHelp} value={values.justification} onChange={set('justification')} multiline isRequired serverError={fieldError('justification')} />
        {stale ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">{tNeeds.stale}</p>
            <Button onPress={onReload}>{tNeeds.reloadNeed}</Button>
          </div>
        ) : (
          save.error && !apiError?.body.fieldErrors?.length && <ErrorNotice error={save.error} />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {t.save}
          </Button>
          <Button onPress={onCancel}>{t.cancel}</Button>
        </div>
      </form>
    </section>
  );
}
