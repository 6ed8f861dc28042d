import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, PageHeading, QueryView, RadioGroup, Select, TextField } from '../ui/components';
import { useFocusOnRefusal, useReturnFocus } from '../ui/focus';
import { formatCount, formatDate, formatDateTime, formatEuro } from '../ui/format';
import { TypedValues } from '../ui/typed-values';

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
  const focus = useReturnFocus();
  const table = useRef<HTMLTableElement>(null);
  const heading = () => document.querySelector<HTMLElement>('h1');
  // Decided requests show what was granted and the grant that funds it.
  const decided = status !== 'submitted';
  const grants = useGrants(decided);
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
  const buttonOf = (id: string | undefined) => () => (id ? table.current?.querySelector<HTMLElement>(`[data-need="${id}"]`) : null);
  const close = (decidedNeed?: Need) => {
    const index = items.findIndex((n) => n.id === selected);
    setSelected(null);
    if (decidedNeed) setAnnouncement(fill(tOffice.decided, { title: decidedNeed.title }));
    // Cancelled, or still in this list (a grant linked): back to its button. Decided out of the queue: to the request
    // after it (or before it), whose button is there before and after the list is read again; else the heading.
    const stays = !decidedNeed || decidedNeed.status === status;
    focus.closed({ toOpener: stays }, buttonOf(items[index + 1]?.id), buttonOf(items[index - 1]?.id), heading);
  };
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
            <table className="stack-table" ref={table}>
              <caption className="visually-hidden">{tOffice.needsReviewTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tOffice.submittedAt}</th>
                  <th scope="col">{tOffice.school}</th>
                  <th scope="col">{tOffice.title}</th>
                  <th scope="col">{tOffice.category}</th>
                  {decided ? (
                    <>
                      <th scope="col" className="num">{tOffice.requested}</th>
                      {status === 'rejected' ? (
                        <th scope="col">{tOffice.reason}</th>
                      ) : (
                        <>
                          <th scope="col" className="num">{tOffice.granted}</th>
                          <th scope="col">{tOffice.grant}</th>
                        </>
                      )}
                    </>
                  ) : (
                    <>
                      <th scope="col" className="num">{tOffice.quantity}</th>
                      <th scope="col" className="num">{tOffice.estimatedCost}</th>
                      <th scope="col">{tOffice.priority}</th>
                    </>
                  )}
                  {canWrite && status !== 'rejected' && <th scope="col"><span className="visually-hidden">{tOffice.decide}</span></th>}
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id} aria-current={n.id === selected ? 'true' : undefined}>
                    <td data-label={tOffice.submittedAt}>{formatDate(n.submittedAt ?? n.createdAt)}</td>
                    <td data-label={tOffice.school}>{n.schoolName}</td>
                    <td data-label={tOffice.title}>{n.title}</td>
                    <td data-label={tOffice.category}>{label('needCategory', n.category)}</td>
                    {decided ? (
                      <>
                        <td data-label={tOffice.requested} className="num">
                          {fill(tOffice.amounts, { quantity: formatCount(n.quantity), amount: formatEuro(n.estimatedCostCents) })}
                        </td>
                        {n.status === 'rejected' ? (
                          <td data-label={tOffice.reason}>{n.decisionReason ?? '–'}</td>
                        ) : (
                          <>
                            <td data-label={tOffice.granted} className="num">
                              {fill(tOffice.amounts, { quantity: formatCount(n.approvedQuantity ?? n.quantity), amount: formatEuro(n.approvedCents ?? n.estimatedCostCents) })}
                            </td>
                            <td data-label={tOffice.grant}>{n.grantId ? (grants.get(n.grantId)?.title ?? '…') : tOffice.noGrant}</td>
                          </>
                        )}
                      </>
                    ) : (
                      <>
                        <td data-label={tOffice.quantity} className="num">{formatCount(n.quantity)}</td>
                        <td data-label={tOffice.estimatedCost} className="num">{formatEuro(n.estimatedCostCents)}</td>
                        <td data-label={tOffice.priority}>{label('needPriority', n.priority)}</td>
                      </>
                    )}
                    {canWrite && status !== 'rejected' && (
                      <td>
                        {(
                          <Button
                            data-need={n.id}
                            onPress={(e) => {
                              focus.opened(e.target);
                              setSelected(n.id);
                            }}
                            aria-label={n.status === 'submitted' ? `${tOffice.decide}: ${n.title}` : fill(tOffice.linkGrantFor, { title: n.title })}
                          >
                            {n.status === 'submitted' ? tOffice.decide : tOffice.linkGrantShort}
                          </Button>
                        )}
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
          onDone={close}
          onCancel={() => close()}
        />
      )}
    </>
  );
}

/** The authority's grants (titles with the Aktenzeichen or program, and whether they take new spending), by id. */
function useGrants(enabled = true): Map<string, { title: string; open: boolean }> {
  const grants = useQuery({ queryKey: ['grants', 'all'], queryFn: () => unwrap(api.GET('/api/v1/grants', { params: { query: { limit: 200 } } })), enabled });
  return new Map(
    (grants.data?.items ?? []).map((g) => [g.id, { title: `${g.title} (${g.referenceNumber ?? label('grantProgram', g.program)})`, open: g.status === 'planned' || g.status === 'approved' }]),
  );
}

/**
 * A partial approval as the API checks it, with German messages at the fields: a whole quantity and an amount in euros,
 * neither above what was asked, not everything (that is an approval) and not nothing (a rejection).
 */
function checkPartial(need: Need, quantity: string, amount: string) {
  const read = new TypedValues<'approvedQuantity' | 'approvedCents' | 'decision' | 'reason'>();
  const approvedQuantity = read.wholeNumber('approvedQuantity', quantity, { min: 0, max: need.quantity });
  const approvedCents = read.euro('approvedCents', amount, { maxCents: need.estimatedCostCents });
  if (read.ok && approvedQuantity === need.quantity && approvedCents === need.estimatedCostCents) read.refuse('decision', tOffice.partialIsEverything);
  if (read.ok && approvedQuantity === 0 && approvedCents === 0) read.refuse('decision', tOffice.partialIsNothing);
  return { read, partial: { approvedQuantity: approvedQuantity ?? undefined, approvedCents: approvedCents ?? undefined } };
}

function DecisionPanel({ need, onDone, onCancel }: { need: Need; onDone: (n: Need) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>('approved');
  const [quantity, setQuantity] = useState(String(need.quantity));
  const [amount, setAmount] = useState(formatEuro(need.estimatedCostCents).replace(/\s?€/, ''));
  const [reason, setReason] = useState('');
  const [grantId, setGrantId] = useState<string>(need.grantId ?? 'none');
  const [localError, setLocalError] = useState<Partial<Record<string, string>>>({});
  const { ref, refused } = useFocusOnRefusal<HTMLElement>();
  const grants = useGrants();
  const decide = useMutation({
    mutationFn: async (partial: { approvedQuantity?: number; approvedCents?: number }) => {
      let current = need;
      if (need.status === 'submitted') {
        const body: Schemas['DecideNeedDto'] = { decision, version: need.version, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(decision === 'partially_approved' ? partial : {}) };
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
    onError: refused,
  });
  const fieldError = (field: string) => localError[field] ?? (decide.error instanceof ApiError ? decide.error.fieldError(field) : undefined);
  // A changed decision or value starts over: the messages of the last attempt no longer apply.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setLocalError({});
      decide.reset();
    };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const submitted = need.status === 'submitted';
    const { read, partial } = submitted && decision === 'partially_approved' ? checkPartial(need, quantity, amount) : { read: new TypedValues<'reason'>(), partial: {} };
    if (submitted && decision === 'rejected' && reason.trim().length < 3) read.refuse('reason', tOffice.reasonRequired);
    setLocalError(read.errors);
    if (!read.ok) refused();
    else decide.mutate(partial);
  };
  return (
    <section className="panel" aria-labelledby="decide-title" ref={ref}>
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
              onChange={edit((v: string) => setDecision(v as Decision))}
              options={(['approved', 'partially_approved', 'rejected'] as const).map((d) => ({ value: d, label: label('needStatus', d) }))}
              serverError={fieldError('decision')}
            />
            {decision === 'partially_approved' && (
              <>
                <TextField
                  label={tOffice.approvedQuantity}
                  value={quantity}
                  onChange={edit(setQuantity)}
                  inputMode="numeric"
                  isRequired
                  description={fill(tOffice.ofRequested, { value: formatCount(need.quantity) })}
                  serverError={fieldError('approvedQuantity')}
                />
                <TextField
                  label={tOffice.approvedAmount}
                  value={amount}
                  onChange={edit(setAmount)}
                  inputMode="decimal"
                  isRequired
                  description={fill(tOffice.ofRequested, { value: formatEuro(need.estimatedCostCents) })}
                  serverError={fieldError('approvedCents')}
                />
              </>
            )}
            <TextField label={tOffice.reason} value={reason} onChange={edit(setReason)} multiline isRequired={decision === 'rejected'} serverError={fieldError('reason')} />
          </>
        )}
        {decision !== 'rejected' && (
          <Select
            label={tOffice.grant}
            selectedKey={grantId}
            onSelectionChange={(k) => edit(setGrantId)(String(k))}
            options={[{ value: 'none', label: tOffice.noGrant }, ...[...grants].filter(([id, g]) => g.open || id === need.grantId).map(([value, g]) => ({ value, label: g.title }))]}
            serverError={fieldError('grantId')}
          />
        )}
        {decide.error && !(decide.error instanceof ApiError && decide.error.body.fieldErrors?.length) && <ErrorNotice error={decide.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={decide.isPending}>
            {t.save}
          </Button>
          <Button onPress={onCancel}>{t.cancel}</Button>
        </div>
      </form>
    </section>
  );
}
