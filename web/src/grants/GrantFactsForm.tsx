import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { DEVICE_TYPES } from '../coverage/coverage-parts';
import { fill, label, t } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatDate, formatEuro } from '../ui/format';
import { TypedValues } from '../ui/typed-values';
import { GRANT_PROGRAMS } from './NewGrantForm';

type Grant = Schemas['GrantDto'];
const TEXTS = ['title', 'referenceNumber', 'decisionDate', 'approved', 'fundingRate', 'eligibleFrom', 'eligibleUntil', 'proofDueOn', 'earmarkingYears', 'notes'] as const;
type Text = (typeof TEXTS)[number];
const DATES = ['decisionDate', 'eligibleFrom', 'eligibleUntil', 'proofDueOn'] as const;
const SERVER: Record<Text, string> = {
  title: 'title',
  referenceNumber: 'referenceNumber',
  decisionDate: 'decisionDate',
  approved: 'approvedCents',
  fundingRate: 'fundingRatePercent',
  eligibleFrom: 'eligibleFrom',
  eligibleUntil: 'eligibleUntil',
  proofDueOn: 'proofDueOn',
  earmarkingYears: 'earmarkingYears',
  notes: 'notes',
};

const initial = (g: Grant): Record<Text, string> => ({
  title: g.title,
  referenceNumber: g.referenceNumber ?? '',
  decisionDate: g.decisionDate ? formatDate(g.decisionDate) : '',
  approved: formatEuro(g.approvedCents).replace(/\s*€$/, ''),
  fundingRate: g.fundingRatePercent.toLocaleString('de-DE'),
  eligibleFrom: formatDate(g.eligibleFrom),
  eligibleUntil: formatDate(g.eligibleUntil),
  proofDueOn: g.proofDueOn ? formatDate(g.proofDueOn) : '',
  earmarkingYears: String(g.earmarkingYears),
  notes: g.notes ?? '',
});

/**
 * A grant's own facts as the funding decision states them: name, program, Aktenzeichen, dates, amounts and the
 * earmarking rules (years in general and per device type). Sends the version it was opened with: a change by
 * someone else in between is refused (409) and the notice offers to reload.
 */
export function GrantFactsForm({ grant, onDone }: { grant: Grant; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const [v, setV] = useState(() => initial(grant));
  const [program, setProgram] = useState<Schemas['GrantProgram']>(grant.program);
  const [byType, setByType] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(grant.earmarkingYearsByType).map(([k, y]) => [k, String(y)])));
  const [invalid, setInvalid] = useState<Partial<Record<string, string>>>({});
  const { ref, refused } = useFocusOnRefusal();
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateGrantDto']) => unwrap(api.PATCH('/api/v1/grants/{id}', { params: { path: { id: grant.id } }, body: { ...body, version: grant.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['grants', grant.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['grants'] });
      onDone(true);
    },
    onError: () => refused(),
  });
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const field = (key: Text, text: string, opts: { required?: boolean; date?: boolean; multiline?: boolean } = {}) => (
    <TextField
      autoFocus={key === 'title'}
      label={text}
      value={v[key]}
      isRequired={opts.required}
      multiline={opts.multiline}
      description={opts.date ? tOffice.dateFormat : undefined}
      onChange={(value) => {
        setV({ ...v, [key]: value });
        setInvalid({ ...invalid, [key]: undefined });
      }}
      serverError={invalid[key] ?? apiError?.fieldError(SERVER[key])}
    />
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const read = new TypedValues<string>();
    const title = read.text('title', v.title, { min: 2 });
    const approvedCents = read.euro('approved', v.approved);
    const rate = read.percent('fundingRate', v.fundingRate);
    const dates = Object.fromEntries(DATES.map((k) => [k, read.date(k, v[k], { required: k === 'eligibleFrom' || k === 'eligibleUntil' })]));
    read.notBefore('eligibleUntil', dates.eligibleUntil, dates.eligibleFrom, tGrantEdit.eligibleFrom);
    const years = read.wholeNumber('earmarkingYears', v.earmarkingYears, { min: 0, max: 30 });
    const earmarkingYearsByType: Record<string, number> = {};
    for (const [type, text] of Object.entries(byType)) {
      const typeYears = read.wholeNumber(`byType.${type}`, text, { min: 0, max: 30, optional: true });
      if (typeYears !== null) earmarkingYearsByType[type] = typeYears;
    }
    setInvalid(read.errors);
    if (!read.ok) return refused();
    save.mutate({
      // The status is no fact of the decision: sent as it is (the generated type asks for it).
      status: grant.status,
      title,
      program,
      referenceNumber: v.referenceNumber.trim() || null,
      decisionDate: dates.decisionDate ?? null,
      approvedCents: approvedCents!,
      fundingRatePercent: rate!,
      eligibleFrom: dates.eligibleFrom!,
      eligibleUntil: dates.eligibleUntil!,
      proofDueOn: dates.proofDueOn ?? null,
      earmarkingYears: years!,
      earmarkingYearsByType,
      notes: v.notes.trim() || null,
    });
  };
  return (
    <form onSubmit={submit} className="form" noValidate aria-label={tGrantEdit.factsTitle} ref={ref}>
      <div className="form-grid">
        {field('title', tGrantEdit.titleField, { required: true })}
        <Select label={tOffice.program} selectedKey={program} onSelectionChange={(k) => setProgram(k as Schemas['GrantProgram'])} options={GRANT_PROGRAMS.map((p) => ({ value: p, label: label('grantProgram', p) }))} />
        {field('referenceNumber', tOffice.referenceNumber)}
        {field('decisionDate', tGrantEdit.decisionDate, { date: true })}
        {field('approved', tGrantEdit.approvedEuro, { required: true })}
        {field('fundingRate', tGrantEdit.fundingRate, { required: true })}
        {field('eligibleFrom', tGrantEdit.eligibleFrom, { required: true, date: true })}
        {field('eligibleUntil', tGrantEdit.eligibleUntil, { required: true, date: true })}
        {field('proofDueOn', tGrantEdit.proofDueOn, { date: true })}
        {field('earmarkingYears', tGrantEdit.earmarkingYears, { required: true })}
      </div>
      <fieldset>
        <legend>{tGrantEdit.earmarkingByType}</legend>
        <p className="muted">{tGrantEdit.earmarkingByTypeHelp}</p>
        <div className="form-grid">
        {DEVICE_TYPES.map((type) => (
          <TextField
            key={type}
            label={fill(tGrantEdit.earmarkingForType, { type: label('deviceType', type) })}
            value={byType[type] ?? ''}
            onChange={(value) => {
              setByType({ ...byType, [type]: value });
              setInvalid({ ...invalid, [`byType.${type}`]: undefined });
            }}
            serverError={invalid[`byType.${type}`] ?? apiError?.fieldError(`earmarkingYearsByType.${type}`)}
          />
        ))}
        </div>
      </fieldset>
      {field('notes', tGrantEdit.notes, { multiline: true })}
      {save.error && <ErrorNotice error={save.error} />}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {tGrantEdit.saveFacts}
        </Button>
        <Button onPress={() => onDone(false)}>{t.cancel}</Button>
      </div>
    </form>
  );
}
