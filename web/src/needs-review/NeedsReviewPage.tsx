import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, PageHeading, QueryView, RadioGroup, Select, TextField } from '../ui/components';
import { formatDate, formatDateTime, formatEuro, parseEuroToCents } from '../ui/format';

type Need = Schemas['NeedDto'];
type Decision = Schemas['NeedDecision'];
const STATUSES = ['submitted', 'approved', 'partially_approved', 'rejected'] as const;

/**
 * The office's queue of needs requests: submitted ones oldest first (the API lists newest first; the queue of one
 * authority fits one page of 200), filter by status and category; decide, link to a grant. Viewers read only.
 */
export default function NeedsReviewPage() {
  const me = useMe();
  const canWrite = me.data?.role === 'office';
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'submitted') as Need['status'];
  const category = params.get('category') ?? '';
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const needs = useQuery({
    queryKey: ['needs', 'review', status, category],
    queryFn: () => unwrap(api.GET('/api/v1/needs', { params: { query: { status, limit: 200, ...(category ? { category: category as Need['category'] } : {}) } } })),
  });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = [...(needs.data?.items ?? [])].sort((a, b) => String(a.submittedAt ?? a.createdAt).localeCompare(String(b.submittedAt ?? b.createdAt)));
  const current = items.find((n) => n.id === selected);
  return (
    <>
      <PageHeading title={tOffice.needsReviewTitle}>{tOffice.needsReviewTitle}</PageHeading>
      <p>{tOffice.needsReviewIntro}</p>
      {!canWrite && <p className="notice">{tOffice.readOnly}</p>}
      <div className="filters">
        <Select
          label={tOffice.filterStatus}
          selectedKey={status}
          onSelectionChange={(k) => setFilter('status', String(k))}
          options={STATUSES.map((s) => ({ value: s, label: label('needStatus', s) }))}
        />
        <Select
          label={tOffice.filterCategory}
          selectedKey={category || 'all'}
          onSelectionChange={(k) => setFilter('category', k === 'all' ? '' : String(k))}
          options={[{ value: 'all', label: tOffice.all }, ...['student_devices', 'teacher_devices', 'displays', 'wlan', 'broadband', 'software', 'training', 'other'].map((c) => ({ value: c, label: label('needCategory', c) }))]}
        />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <QueryView query={needs} empty={<p>{tOffice.emptyQueue}</p>}>
        {() => (
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">{tOffice.needsReviewTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tOffice.submittedAt}</th>
                  <th scope="col">{tOffice.school}</th>
                  <th scope="col">{tOffice.title}</th>
                  <th scope="col">{tOffice.category}</th>
                  <th scope="col" className="num">
                    {tOffice.quantity}
                  </th>
                  <th scope="col" className="num">
                    {tOffice.estimatedCost}
                  </th>
                  <th scope="col">{tOffice.priority}</th>
                  <th scope="col">{tOffice.status}</th>
                  {canWrite && <th scope="col"><span className="visually-hidden">{tOffice.decide}</span></th>}
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id} aria-current={n.id === selected ? 'true' : undefined}>
                    <td data-label={tOffice.submittedAt}>{formatDate(n.submittedAt ?? n.createdAt)}</td>
                    <td data-label={tOffice.school}>{n.schoolName}</td>
                    <td data-label={tOffice.title}>{n.title}</td>
                    <td data-label={tOffice.category}>{label('needCategory', n.category)}</td>
                    <td data-label={tOffice.quantity} className="num">{n.quantity}</td>
                    <td data-label={tOffice.estimatedCost} className="num">{formatEuro(n.estimatedCostCents)}</td>
                    <td data-label={tOffice.priority}>{label('needPriority', n.priority)}</td>
                    <td data-label={tOffice.status}>{label('needStatus', n.status)}</td>
                    {canWrite && (
                      <td>
                        <Button onPress={() => setSelected(n.id)} aria-label={`${tOffice.decide}: ${n.title}`}>
                          {n.status === 'submitted' ? tOffice.decide : tOffice.linkGrant}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      {current && canWrite && (
        <DecisionPanel
          key={current.id + current.version}
          need={current}
          onDone={(n) => {
            setAnnouncement(fill(tOffice.decided, { title: n.title }));
            setSelected(null);
          }}
          onCancel={() => setSelected(null)}
        />
      )}
    </>
  );
}

function DecisionPanel({ need, onDone, onCancel }: { need: Need; onDone: (n: Need) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>('approved');
  const [quantity, setQuantity] = useState(String(need.quantity));
  const [amount, setAmount] = useState(formatEuro(need.estimatedCostCents).replace(/\s?€/, ''));
  const [reason, setReason] = useState('');
  const [grantId, setGrantId] = useState<string>(need.grantId ?? 'none');
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const grants = useQuery({ queryKey: ['grants', 'all'], queryFn: () => unwrap(api.GET('/api/v1/grants', { params: { query: { limit: 200 } } })) });
  const decide = useMutation({
    mutationFn: async () => {
      let current = need;
      if (need.status === 'submitted') {
        const body: Schemas['DecideNeedDto'] = { decision, version: need.version, ...(reason ? { reason } : {}) };
        if (decision === 'partially_approved') {
          body.approvedQuantity = Number(quantity);
          body.approvedCents = parseEuroToCents(amount) ?? undefined;
        }
        current = await unwrap(api.POST('/api/v1/needs/{id}/decide', { params: { path: { id: need.id } }, body }));
      }
      const wanted = grantId === 'none' ? null : grantId;
      if (current.status !== 'rejected' && wanted !== (current.grantId ?? null)) {
        current = await unwrap(api.POST('/api/v1/needs/{id}/link-grant', { params: { path: { id: need.id } }, body: { grantId: wanted, version: current.version } }));
      }
      return current;
    },
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
      onDone(n);
    },
  });
  const serverError = (field: string) => (decide.error instanceof ApiError ? decide.error.fieldError(field) : undefined);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (need.status === 'submitted' && decision === 'rejected' && reason.trim().length < 3) errors.reason = tOffice.reasonRequired;
    if (need.status === 'submitted' && decision === 'partially_approved' && parseEuroToCents(amount) === null) errors.approvedCents = tOffice.amountInvalid;
    setLocalError(errors);
    if (Object.keys(errors).length === 0) decide.mutate();
  };
  return (
    <section className="panel" aria-labelledby="decide-title">
      <h2 id="decide-title">
        {need.status === 'submitted' ? tOffice.decide : tOffice.linkGrant}: {need.title}
      </h2>
      <dl className="facts">
        <dt>{tOffice.school}</dt>
        <dd>{need.schoolName}</dd>
        <dt>{tOffice.quantity}</dt>
        <dd>{need.quantity}</dd>
        <dt>{tOffice.estimatedCost}</dt>
        <dd>{formatEuro(need.estimatedCostCents)}</dd>
        <dt>{tOffice.justification}</dt>
        <dd>{need.justification ?? '–'}</dd>
        <dt>{tOffice.submittedAt}</dt>
        <dd>{formatDateTime(need.submittedAt)}</dd>
        {need.decidedAt && (
          <>
            <dt>{tOffice.decision}</dt>
            <dd>
              {label('needStatus', need.status)} ({formatDateTime(need.decidedAt)}){need.decisionReason ? `: ${need.decisionReason}` : ''}
            </dd>
          </>
        )}
      </dl>
      <form onSubmit={submit} noValidate>
        {need.status === 'submitted' && (
          <>
            <RadioGroup
              label={tOffice.decision}
              value={decision}
              onChange={(v) => setDecision(v as Decision)}
              options={(['approved', 'partially_approved', 'rejected'] as const).map((d) => ({ value: d, label: label('needStatus', d) }))}
              serverError={serverError('decision')}
            />
            {decision === 'partially_approved' && (
              <>
                <TextField label={tOffice.approvedQuantity} value={quantity} onChange={setQuantity} inputMode="numeric" serverError={serverError('approvedQuantity')} />
                <TextField label={tOffice.approvedAmount} value={amount} onChange={setAmount} inputMode="decimal" serverError={localError.approvedCents ?? serverError('approvedCents')} />
              </>
            )}
            <TextField label={tOffice.reason} value={reason} onChange={setReason} multiline isRequired={decision === 'rejected'} serverError={localError.reason ?? serverError('reason')} />
          </>
        )}
        {decision !== 'rejected' && (
          <Select
            label={tOffice.grant}
            selectedKey={grantId}
            onSelectionChange={(k) => setGrantId(String(k))}
            options={[{ value: 'none', label: tOffice.noGrant }, ...(grants.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.title} (${g.referenceNumber ?? label('grantProgram', g.program)})` }))]}
            serverError={serverError('grantId')}
          />
        )}
        {decide.error && !(decide.error instanceof ApiError && decide.error.body.fieldErrors?.length) && <ErrorNotice error={decide.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={decide.isPending}>
            {t.save}
          </Button>
          <Button onPress={onCancel}>{t.cancel}</Button>
        </div>
      </form>
    </section>
  );
}
