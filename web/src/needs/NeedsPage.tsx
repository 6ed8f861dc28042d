import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill, label, t } from '../i18n';
import { tNeeds } from '../i18n/needs';
import { Button, LiveRegion, PageHeading, QueryView } from '../ui/components';
import { useFocusOnSwap } from '../ui/focus';
import { formatEuro } from '../ui/format';
import { NeedDetail } from './NeedDetail';
import { NeedForm } from './NeedForm';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'show'; id: string } | { kind: 'edit'; id: string };

/** Bedarfsmeldungen of the coordinator's school: list, create, edit, submit, withdraw; the office's decisions. */
export default function NeedsPage() {
  const { schoolId } = useSchool();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [announcement, setAnnouncement] = useState('');
  const needs = useQuery({
    queryKey: ['needs', 'school', schoolId],
    queryFn: () => unwrap(api.GET('/api/v1/needs', { params: { query: { schoolId: schoolId ?? undefined, limit: 200 } } })),
    enabled: !!schoolId,
  });
  const items = needs.data?.items ?? [];
  const current = 'id' in view ? items.find((n) => n.id === view.id) : undefined;
  const reload = () => void needs.refetch();
  // A new panel takes the focus at its heading; back at the list, "Neue Bedarfsmeldung" has it.
  const panels = useRef<HTMLDivElement>(null);
  // (A submitted or withdrawn request is shown anew, with its new version: focus to its heading again.)
  useFocusOnSwap('id' in view ? `${view.kind}:${view.id}:${current?.version ?? ''}` : view.kind, () => panels.current?.querySelector('h2, [data-create-need]'));

  return (
    <>
      <PageHeading title={tNeeds.title}>{tNeeds.title}</PageHeading>
      <p className="prose">{tNeeds.intro}</p>
      <LiveRegion message={announcement} />
      <div ref={panels}>
      {view.kind === 'list' && (
        <div className="actions">
          <Button variant="primary" data-create-need onPress={() => setView({ kind: 'new' })}>
            {tNeeds.create}
          </Button>
        </div>
      )}
      {view.kind === 'new' && schoolId && (
        <NeedForm
          schoolId={schoolId}
          onSaved={(n) => {
            setAnnouncement(fill(tNeeds.saved, { title: n.title }));
            setView({ kind: 'show', id: n.id });
          }}
          onCancel={() => setView({ kind: 'list' })}
          onReload={reload}
        />
      )}
      {view.kind === 'edit' && current && schoolId && (
        <NeedForm
          key={current.version}
          schoolId={schoolId}
          need={current}
          onSaved={(n) => {
            setAnnouncement(fill(tNeeds.saved, { title: n.title }));
            setView({ kind: 'show', id: n.id });
          }}
          onCancel={() => setView({ kind: 'show', id: current.id })}
          onReload={reload}
        />
      )}
      {view.kind === 'show' && current && (
        <NeedDetail
          key={current.version}
          need={current}
          onEdit={() => setView({ kind: 'edit', id: current.id })}
          onDone={(message, deleted) => {
            setAnnouncement(message);
            if (deleted) setView({ kind: 'list' });
          }}
          onReload={reload}
        />
      )}
      {view.kind !== 'list' && (
        <div className="actions">
          <Button onPress={() => setView({ kind: 'list' })}>{t.back}</Button>
        </div>
      )}
      </div>
      <h2>{tNeeds.title}</h2>
      <QueryView query={needs} onRetry={reload} empty={<p>{tNeeds.empty}</p>}>
        {() => (
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">{tNeeds.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tNeeds.titleField}</th>
                  <th scope="col">{tNeeds.category}</th>
                  <th scope="col" className="num">{tNeeds.quantity}</th>
                  <th scope="col" className="num">{tNeeds.cost}</th>
                  <th scope="col">{tNeeds.status}</th>
                  <th scope="col">{tNeeds.decision}</th>
                  <th scope="col">
                    <span className="visually-hidden">{tNeeds.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id} aria-current={current?.id === n.id ? 'true' : undefined}>
                    <td data-label={tNeeds.titleField}>{n.title}</td>
                    <td data-label={tNeeds.category}>{label('needCategory', n.category)}</td>
                    <td data-label={tNeeds.quantity} className="num">{n.quantity}</td>
                    <td data-label={tNeeds.cost} className="num">{formatEuro(n.estimatedCostCents)}</td>
                    <td data-label={tNeeds.status}>{label('needStatus', n.status)}</td>
                    <td data-label={tNeeds.decision}>
                      {n.decidedAt ? (n.status === 'rejected' ? (n.decisionReason ?? '–') : fill(tNeeds.approvedShort, { quantity: n.approvedQuantity ?? n.quantity, amount: formatEuro(n.approvedCents ?? n.estimatedCostCents) })) : '–'}
                    </td>
                    <td>
                      <Button onPress={() => setView({ kind: 'show', id: n.id })} aria-label={`${tNeeds.open}: ${n.title}`}>
                        {tNeeds.open}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </>
  );
}
