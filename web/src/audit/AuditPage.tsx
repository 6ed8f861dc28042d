import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { t } from '../i18n';
import { tAudit } from '../i18n/audit';
import { Button, ErrorNotice, Loading, PageHeading, Select, TextField } from '../ui/components';
import { formatDateTime, parseGermanDate } from '../ui/format';

type Entry = Schemas['AuditEntryDto'];
const ENTITY_TYPES = Object.keys(tAudit.entities) as (keyof typeof tAudit.entities)[];
const actionLabel = (a: string) => (tAudit.actions as Record<string, string>)[a] ?? a;
const show = (v: unknown) => (v == null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function Changes({ entry }: { entry: Entry }) {
  const fields = Object.entries((entry.changes?.fields ?? {}) as Record<string, { before: unknown; after: unknown }>);
  if (fields.length === 0) return <>–</>;
  return (
    <ul className="diff">
      {fields.map(([name, c]) => (
        <li key={name}>
          <strong>{name}</strong>: <span className="visually-hidden">{tAudit.before} </span>
          <del>{show(c.before)}</del> → <span className="visually-hidden">{tAudit.after} </span>
          <ins>{show(c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The audit log (office only): filter by area, action, user and period; each change with its before and after. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('bereich') ?? '';
  const action = params.get('aktion') ?? '';
  const actorId = params.get('benutzer') ?? '';
  const from = params.get('von') ?? '';
  const to = params.get('bis') ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const users = useQuery({ queryKey: ['users', 'list'], queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })) });
  // The period is filtered by the API in Berlin days; an unreadable date or an end before the start asks nothing.
  const [fromIso, toIso] = [from ? parseGermanDate(from) : null, to ? parseGermanDate(to) : null];
  const fromError = from && !fromIso ? t.typed.date : undefined;
  const toError = to && !toIso ? t.typed.date : fromIso && toIso && toIso < fromIso ? tAudit.toBeforeFrom : undefined;
  const periodValid = !fromError && !toError;
  const query = {
    ...(entityType ? { entityType } : {}),
    ...(action ? { action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(fromIso ? { from: fromIso } : {}),
    ...(toIso ? { to: toIso } : {}),
  };
  const log = useInfiniteQuery({
    enabled: periodValid,
    queryKey: ['audit', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading title={tAudit.title}>{tAudit.title}</PageHeading>
      <p>{tAudit.intro}</p>
      <div className="filters">
        <Select label={tAudit.entityType} selectedKey={entityType || 'all'} onSelectionChange={(k) => set('bereich', k === 'all' ? '' : String(k))} options={[{ value: 'all', label: tAudit.all }, ...ENTITY_TYPES.map((e) => ({ value: e, label: tAudit.entities[e] }))]} />
        <Select
          label={tAudit.action}
          selectedKey={action || 'all'}
          onSelectionChange={(k) => set('aktion', k === 'all' ? '' : String(k))}
          options={[{ value: 'all', label: tAudit.all }, ...Object.keys(tAudit.actions).filter((a) => !entityType || a.startsWith(`${entityType}.`) || (entityType === 'expenditure' && a.startsWith('grant.expenditure'))).map((a) => ({ value: a, label: actionLabel(a) }))]}
        />
        <Select label={tAudit.user} selectedKey={actorId || 'all'} onSelectionChange={(k) => set('benutzer', k === 'all' ? '' : String(k))} options={[{ value: 'all', label: tAudit.all }, ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))]} />
        <TextField label={tAudit.from} value={from} onChange={(v) => set('von', v)} serverError={fromError} />
        <TextField label={tAudit.to} value={to} onChange={(v) => set('bis', v)} serverError={toError} />
      </div>
      {!periodValid ? null : log.isPending ? (
        <Loading />
      ) : log.error ? (
        <ErrorNotice error={log.error} onRetry={() => log.refetch()} />
      ) : items.length === 0 ? (
        <p>{tAudit.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">{tAudit.title}</caption>
            <thead>
              <tr>
                <th scope="col">{tAudit.when}</th>
                <th scope="col">{tAudit.user}</th>
                <th scope="col">{tAudit.action}</th>
                <th scope="col">{tAudit.what}</th>
                <th scope="col">{tAudit.changes}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td>{e.actorEmail ?? tAudit.system}</td>
                  <th scope="row">{actionLabel(e.action)}</th>
                  <td>
                    {(tAudit.entities as Record<string, string>)[e.entityType] ?? e.entityType}
                    {e.entityId && <span className="muted"> {e.entityId.slice(0, 8)}</span>}
                  </td>
                  <td>
                    <Changes entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <Button onPress={() => log.fetchNextPage()} isDisabled={log.isFetchingNextPage}>
          {t.loadMore}
        </Button>
      )}
    </>
  );
}
