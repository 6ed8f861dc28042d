import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { label } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { TypedValues } from '../ui/typed-values';

export const GRANT_PROGRAMS: Schemas['GrantProgram'][] = ['digitalpakt_basis', 'sofortausstattung', 'leihgeraete_lehrkraefte', 'administration', 'state_program', 'city_budget', 'other'];
const FIELDS = ['title', 'referenceNumber', 'approved', 'fundingRate', 'eligibleFrom', 'eligibleUntil', 'proofDueOn'] as const;
type Field = (typeof FIELDS)[number];

/** A new grant from its funding decision: money in euros, dates as TT.MM.JJJJ; then its page. */
export function NewGrantForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState<Record<Field, string>>({ title: '', referenceNumber: '', approved: '', fundingRate: '90', eligibleFrom: '', eligibleUntil: '', proofDueOn: '' });
  const [program, setProgram] = useState<Schemas['GrantProgram']>('digitalpakt_basis');
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const { ref, refused } = useFocusOnRefusal<HTMLElement>();
  const create = useMutation({
    mutationFn: (body: Schemas['CreateGrantDto']) => unwrap(api.POST('/api/v1/grants', { body })),
    onSuccess: (grant) => {
      void queryClient.invalidateQueries({ queryKey: ['grants'] });
      navigate(`/foerderung/${grant.id}`);
    },
    onError: () => refused(),
  });
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const serverField: Record<Field, string> = { title: 'title', referenceNumber: 'referenceNumber', approved: 'approvedCents', fundingRate: 'fundingRatePercent', eligibleFrom: 'eligibleFrom', eligibleUntil: 'eligibleUntil', proofDueOn: 'proofDueOn' };
  const field = (key: Field, text: string, opts: { required?: boolean; date?: boolean } = {}) => (
    <TextField
      label={text}
      value={v[key]}
      isRequired={opts.required}
      description={opts.date ? tOffice.dateFormat : undefined}
      onChange={(value) => {
        setV({ ...v, [key]: value });
        setInvalid({ ...invalid, [key]: undefined });
      }}
      serverError={invalid[key] ?? apiError?.fieldError(serverField[key])}
    />
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const read = new TypedValues<Field>();
    const title = read.text('title', v.title, { min: 2 });
    const approvedCents = read.euro('approved', v.approved);
    const rate = read.percent('fundingRate', v.fundingRate);
    const from = read.date('eligibleFrom', v.eligibleFrom, { required: true });
    const until = read.date('eligibleUntil', v.eligibleUntil, { required: true });
    const proof = read.date('proofDueOn', v.proofDueOn);
    read.notBefore('eligibleUntil', until, from, tGrantEdit.eligibleFrom);
    setInvalid(read.errors);
    if (!read.ok) return refused();
    create.mutate({
      title,
      program,
      approvedCents: approvedCents!,
      fundingRatePercent: rate!,
      eligibleFrom: from!,
      eligibleUntil: until!,
      status: 'approved',
      earmarkingYears: 5,
      ...(v.referenceNumber.trim() ? { referenceNumber: v.referenceNumber.trim() } : {}),
      ...(proof ? { proofDueOn: proof } : {}),
    });
  };
  return (
    <section aria-labelledby="grant-create" className="panel" ref={ref}>
      <h2 id="grant-create">{tGrantEdit.createTitle}</h2>
      <form onSubmit={submit} className="form" noValidate>
        <div className="form-grid">
          {field('title', tGrantEdit.titleField, { required: true })}
          <Select label={tOffice.program} selectedKey={program} onSelectionChange={(k) => setProgram(k as Schemas['GrantProgram'])} options={GRANT_PROGRAMS.map((p) => ({ value: p, label: label('grantProgram', p) }))} />
          {field('referenceNumber', tOffice.referenceNumber)}
          {field('approved', tGrantEdit.approvedEuro, { required: true })}
          {field('fundingRate', tGrantEdit.fundingRate, { required: true })}
          {field('eligibleFrom', tGrantEdit.eligibleFrom, { required: true, date: true })}
          {field('eligibleUntil', tGrantEdit.eligibleUntil, { required: true, date: true })}
          {field('proofDueOn', tGrantEdit.proofDueOn, { date: true })}
        </div>
        {create.error && <ErrorNotice error={create.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {tGrantEdit.create}
          </Button>
        </div>
      </form>
    </section>
  );
}
