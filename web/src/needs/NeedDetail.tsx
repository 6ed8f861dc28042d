import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill, label } from '../i18n';
import { tNeeds } from '../i18n/needs';
import { Button, ErrorNotice } from '../ui/components';
import { formatDateTime, formatEuro } from '../ui/format';
import type { Need } from './needs-form';

type Action = 'submit' | 'withdraw' | 'delete';

/** One request: its facts, the office's decision, its history, and the steps its status allows. */
export function NeedDetail({ need, onEdit, onDone, onReload }: { need: Need; onEdit: () => void; onDone: (message: string, deleted?: boolean) => void; onReload: () => void }) {
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const act = useMutation({
    mutationFn: async (action: Action) => {
      const path = { params: { path: { id: need.id } } };
      if (action === 'submit') await unwrap(api.POST('/api/v1/needs/{id}/submit', { ...path, body: { version: need.version } }));
      else if (action === 'withdraw') await unwrap(api.POST('/api/v1/needs/{id}/withdraw', { ...path, body: { version: need.version } }));
      else await unwrap(api.DELETE('/api/v1/needs/{id}', { params: { path: { id: need.id }, query: { version: need.version } } }));
      return action;
    },
    onSuccess: (action) => {
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      const text = { submit: tNeeds.submittedDone, withdraw: tNeeds.withdrawn, delete: tNeeds.deleted }[action];
      onDone(fill(text, { title: need.title }), action === 'delete');
    },
  });
  const stale = act.error instanceof ApiError && (act.error.code === 'STALE_VERSION' || act.error.code === 'ILLEGAL_STATE');
  const decided = need.status === 'approved' || need.status === 'partially_approved' || need.status === 'rejected';
  return (
    <section className="panel" aria-labelledby="need-title">
      <h2 tabIndex={-1} id="need-title">{need.title}</h2>
      <dl className="facts">
        <dt>{tNeeds.status}</dt>
        <dd>
          <span className={`badge ${need.status === 'rejected' ? 'badge-danger' : decided ? 'badge-ok' : ''}`}>{label('needStatus', need.status)}</span>
        </dd>
        <dt>{tNeeds.category}</dt>
        <dd>{label('needCategory', need.category)}</dd>
        <dt>{tNeeds.quantity}</dt>
        <dd>{need.quantity}</dd>
        <dt>{tNeeds.cost}</dt>
        <dd>{formatEuro(need.estimatedCostCents)}</dd>
        <dt>{tNeeds.priority}</dt>
        <dd>{label('needPriority', need.priority)}</dd>
        <dt>{tNeeds.justification}</dt>
        <dd>{need.justification}</dd>
      </dl>
      {decided && (
        <>
          <h3>{tNeeds.decision}</h3>
          <dl className="facts decision">
            <dt>{tNeeds.decision}</dt>
            <dd>{label('needStatus', need.status)}</dd>
            {need.status !== 'rejected' && (
              <>
                <dt>{tNeeds.approvedQuantity}</dt>
                <dd>{need.approvedQuantity ?? need.quantity}</dd>
                <dt>{tNeeds.approvedAmount}</dt>
                <dd>{formatEuro(need.approvedCents ?? need.estimatedCostCents)}</dd>
              </>
            )}
            {need.decisionReason && (
              <>
                <dt>{tNeeds.reason}</dt>
                <dd>{need.decisionReason}</dd>
              </>
            )}
          </dl>
        </>
      )}
      <h3>{tNeeds.history}</h3>
      <ol className="history">
        <li>
          {tNeeds.created}: {formatDateTime(need.createdAt)}
        </li>
        {need.submittedAt && (
          <li>
            {tNeeds.submitted}: {formatDateTime(need.submittedAt)}
          </li>
        )}
        {need.decidedAt && (
          <li>
            {fill(tNeeds.decided, { status: label('needStatus', need.status) })}: {formatDateTime(need.decidedAt)}
          </li>
        )}
        {!need.decidedAt && need.updatedAt !== need.createdAt && (
          <li>
            {tNeeds.lastChanged}: {formatDateTime(need.updatedAt)}
          </li>
        )}
      </ol>
      {stale ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{tNeeds.stale}</p>
          <Button onPress={onReload}>{tNeeds.reloadNeed}</Button>
        </div>
      ) : (
        act.error && <ErrorNotice error={act.error} />
      )}
      {decided && <p>{fill(tNeeds.readOnly, { status: label('needStatus', need.status) })}</p>}
      <div className="actions">
        {need.status === 'draft' && (
          <>
            <Button variant="primary" onPress={() => act.mutate('submit')} isPending={act.isPending}>
              {tNeeds.submit}
            </Button>
            <Button onPress={onEdit}>{tNeeds.edit}</Button>
            {confirmDelete ? (
              <Button variant="danger" onPress={() => act.mutate('delete')} isPending={act.isPending}>
                {tNeeds.deleteConfirm}
              </Button>
            ) : (
              <Button variant="danger" onPress={() => setConfirmDelete(true)}>
                {tNeeds.delete}
              </Button>
            )}
          </>
        )}
        {need.status === 'submitted' && (
          <Button onPress={() => act.mutate('withdraw')} isPending={act.isPending}>
            {tNeeds.withdraw}
          </Button>
        )}
      </div>
    </section>
  );
}
