import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, t } from '../i18n';
import { tStocktaking } from '../i18n/stocktaking';
import { Button, ErrorNotice, Loading, PageHeading } from '../ui/components';
import { useFocusOnSwap } from '../ui/focus';
import { formatDateTime } from '../ui/format';
import { allMissing, ClosePanel } from './ClosePanel';
import { CountingPanel } from './CountingPanel';
import { ProgressTable } from './ProgressTable';

/** One stocktaking: counting while open (coordinator, office), read-only when closed or for viewers; the Inventurliste. */
export default function StocktakingPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const canWrite = me.data?.role === 'coordinator' || me.data?.role === 'office';
  const detail = useQuery({ queryKey: ['stocktakings', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/stocktakings/{id}', { params: { path: { id } } })) });
  const [room, setRoom] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [closedLost, setClosedLost] = useState<number | null>(null);
  // The closing panel opens with focus at its heading; cancelled, back to "Abschluss vorbereiten"; closed, to the result.
  useFocusOnSwap(closing, () =>
    document.querySelector(closing ? '#close-title' : closedLost !== null ? '[data-closed-result]' : '[data-close-start]'),
  );
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={() => detail.refetch()} />;
  const st = detail.data;
  const title = fill(tStocktaking.countTitle, { school: st.schoolName });
  const open = st.status === 'open';
  const currentRoom = room ?? st.progress[0]?.room ?? '';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/inventur">{tStocktaking.back}</Link>
      </p>
      <dl className="facts">
        <dt>{tStocktaking.status}</dt>
        <dd>{open ? tStocktaking.statusOpen : tStocktaking.statusClosed}</dd>
        <dt>{tStocktaking.rooms}</dt>
        <dd>{st.rooms?.length ? st.rooms.map((r) => r || tStocktaking.noRoom).join(', ') : tStocktaking.wholeSchool}</dd>
        <dt>{tStocktaking.startedAt}</dt>
        <dd>{formatDateTime(st.startedAt)}</dd>
        {st.closedAt && (
          <>
            <dt>{tStocktaking.closedAt}</dt>
            <dd>{formatDateTime(st.closedAt)}</dd>
            <dt>{tStocktaking.markedLost}</dt>
            <dd>{st.markedLost}</dd>
          </>
        )}
        {st.note && (
          <>
            <dt>{tStocktaking.note}</dt>
            <dd>{st.note}</dd>
          </>
        )}
      </dl>
      {closedLost !== null && (
        <p className="notice notice-success" role="status" data-closed-result tabIndex={-1}>
          {fill(tStocktaking.closed, { lost: closedLost })}
        </p>
      )}
      {!open && <p className="notice">{tStocktaking.closedNote}</p>}
      {open && !canWrite && <p className="notice">{tStocktaking.readOnly}</p>}
      {open && canWrite && !closing && <CountingPanel stocktaking={st} room={currentRoom} onRoom={setRoom} />}
      <h2 id="progress-title">{tStocktaking.progressTitle}</h2>
      <ProgressTable stocktaking={st} currentRoom={open && canWrite ? currentRoom : undefined} />
      <div className="actions">
        <a className="btn btn-secondary" href={`/api/v1/stocktakings/${encodeURIComponent(st.id)}/export.xlsx`} download>
          {tStocktaking.download}
        </a>
        {open && canWrite && !closing && (
          <Button variant="primary" data-close-start onPress={() => setClosing(true)}>
            {tStocktaking.closeStart}
          </Button>
        )}
      </div>
      {open && canWrite && closing && (
        <ClosePanel
          stocktakingId={st.id}
          onCancel={() => setClosing(false)}
          onClosed={(lost) => {
            setClosing(false);
            setClosedLost(lost);
          }}
        />
      )}
      {!open && <MissingResolved id={st.id} />}
    </>
  );
}

function resolutionText(resolution: 'lost' | 'kept_open' | null): string {
  if (resolution === 'lost') return tStocktaking.resolvedLost;
  if (resolution === 'kept_open') return tStocktaking.resolvedOpen;
  return '–';
}

/** A closed stocktaking's missing devices and what was decided for each. */
function MissingResolved({ id }: { id: string }) {
  const missing = useQuery({ queryKey: ['stocktakings', 'missing', id, 'closed'], queryFn: () => allMissing(id) });
  if (missing.isPending) return <Loading />;
  if (missing.error) return <ErrorNotice error={missing.error} onRetry={() => missing.refetch()} />;
  return (
    <section aria-labelledby="missing-title">
      <h2 id="missing-title">{tStocktaking.missing}</h2>
      {missing.data.length === 0 ? (
        <p>{tStocktaking.noneMissing}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">{tStocktaking.missing}</caption>
            <thead>
              <tr>
                <th scope="col">{t.counter.inventoryNumber}</th>
                <th scope="col">{tStocktaking.model}</th>
                <th scope="col">{tStocktaking.rooms}</th>
                <th scope="col">{tStocktaking.resolution}</th>
              </tr>
            </thead>
            <tbody>
              {missing.data.map((m) => (
                <tr key={m.deviceId}>
                  <td data-label={t.counter.inventoryNumber}>{m.inventoryNumber}</td>
                  <td data-label={tStocktaking.model}>{m.model}</td>
                  <td data-label={tStocktaking.rooms}>{m.room || tStocktaking.noRoom}</td>
                  <td data-label={tStocktaking.resolution}>{resolutionText(m.resolution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
