import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { fill, t } from '../i18n';
import { Button, ErrorNotice, PageHeading, QueryView, Select, TextField } from '../ui/components';
import { formatDate, formatDateTime } from '../ui/format';

/** Inventur: the stocktakings (open first), the schools due for a count, and starting one. */
export default function StocktakingsPage() {
  const { schoolId } = useSchool();
  const me = useMe();
  const canWrite = me.data?.role === 'coordinator' || me.data?.role === 'office';
  const list = useQuery({
    queryKey: ['stocktakings', 'list', schoolId],
    queryFn: () => unwrap(api.GET('/api/v1/stocktakings', { params: { query: { limit: 100, ...(schoolId ? { schoolId } : {}) } } })),
  });
  const due = useQuery({ queryKey: ['stocktakings', 'due'], queryFn: () => unwrap(api.GET('/api/v1/stocktakings/due')) });
  const items = [...(list.data?.items ?? [])].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
  return (
    <>
      <PageHeading title={t.stocktaking.title}>{t.stocktaking.title}</PageHeading>
      <p className="prose">{t.stocktaking.intro}</p>
      {!canWrite && <p className="notice">{t.stocktaking.readOnly}</p>}
      {canWrite && <StartForm openIds={items.filter((s) => s.status === 'open').map((s) => ({ id: s.id, schoolId: s.schoolId }))} />}
      <h2>{t.stocktaking.listTitle}</h2>
      <QueryView query={list} empty={<p>{t.stocktaking.empty}</p>}>
        {() => (
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">{t.stocktaking.listTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.stocktaking.school}</th>
                  <th scope="col">{t.stocktaking.rooms}</th>
                  <th scope="col">{t.stocktaking.status}</th>
                  <th scope="col">{t.stocktaking.startedAt}</th>
                  <th scope="col" className="num">{t.stocktaking.expected}</th>
                  <th scope="col" className="num">{t.stocktaking.found}</th>
                  <th scope="col" className="num">{t.stocktaking.missing}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.stocktaking.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t.stocktaking.school}>{s.schoolName}</td>
                    <td data-label={t.stocktaking.rooms}>{s.rooms?.length ? s.rooms.join(', ') : t.stocktaking.wholeSchool}</td>
                    <td data-label={t.stocktaking.status}>
                      <span className={`badge ${s.status === 'open' ? 'badge-warn' : 'badge-ok'}`}>{s.status === 'open' ? t.stocktaking.statusOpen : t.stocktaking.statusClosed}</span>
                    </td>
                    <td data-label={t.stocktaking.startedAt}>{formatDateTime(s.startedAt)}</td>
                    <td data-label={t.stocktaking.expected} className="num">{s.expected}</td>
                    <td data-label={t.stocktaking.found} className="num">{s.found}</td>
                    <td data-label={t.stocktaking.missing} className="num">{s.missing}</td>
                    <td>
                      <Link className="btn btn-secondary" to={`/inventur/${s.id}`} aria-label={`${t.stocktaking.open}: ${s.schoolName}, ${formatDateTime(s.startedAt)}`}>
                        {t.stocktaking.open}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <h2>{t.stocktaking.dueTitle}</h2>
      <QueryView query={due}>
        {(data) => (
          <>
            <p>{fill(t.stocktaking.dueIntro, { years: data.countIntervalYears })}</p>
            {data.schools.length === 0 ? (
              <p>{t.stocktaking.noneDue}</p>
            ) : (
              <div className="table-wrap">
                <table className="stack-table">
                  <caption className="visually-hidden">{t.stocktaking.dueTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.stocktaking.school}</th>
                      <th scope="col">{t.stocktaking.lastCount}</th>
                      <th scope="col">{t.stocktaking.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.schools.map((s) => (
                      <tr key={s.schoolId}>
                        <td data-label={t.stocktaking.school}>{s.schoolName}</td>
                        <td data-label={t.stocktaking.lastCount}>{s.lastCompleteCountOn ? formatDate(s.lastCompleteCountOn) : t.stocktaking.never}</td>
                        <td data-label={t.stocktaking.status}>
                          <span className={`badge ${s.countDue ? 'badge-warn' : 'badge-ok'}`}>{s.countDue ? t.stocktaking.due : t.stocktaking.notDue}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

/** Start a stocktaking of the chosen school, optionally for some rooms (one per line). */
function StartForm({ openIds }: { openIds: { id: string; schoolId: string }[] }) {
  const { schoolId, schools } = useSchool();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(schoolId ?? schools[0]?.id ?? '');
  const [rooms, setRooms] = useState('');
  const [note, setNote] = useState('');
  const start = useMutation({
    mutationFn: () => {
      const list = [...new Set(rooms.split('\n').map((r) => r.trim()).filter(Boolean))];
      return unwrap(api.POST('/api/v1/stocktakings', { body: { schoolId: target, ...(list.length ? { rooms: list } : {}), ...(note.trim() ? { note: note.trim() } : {}) } }));
    },
    onSuccess: (st) => {
      void queryClient.invalidateQueries({ queryKey: ['stocktakings'] });
      navigate(`/inventur/${st.id}`);
    },
  });
  const apiError = start.error instanceof ApiError ? start.error : null;
  const running = openIds.find((o) => o.schoolId === target);
  return (
    <section className="panel" aria-labelledby="start-title">
      <h2 id="start-title">{t.stocktaking.startTitle}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        {schools.length > 1 && (
          <Select label={t.stocktaking.school} selectedKey={target} onSelectionChange={(k) => setTarget(String(k))} options={schools.map((s) => ({ value: s.id, label: s.name }))} serverError={apiError?.fieldError('schoolId')} />
        )}
        <TextField label={t.stocktaking.startRooms} description={t.stocktaking.startRoomsHelp} value={rooms} onChange={setRooms} multiline serverError={apiError?.fieldError('rooms')} />
        <TextField label={t.stocktaking.note} value={note} onChange={setNote} serverError={apiError?.fieldError('note')} />
        {running ? (
          <p className="notice">
            {t.stocktaking.openExists} <Link to={`/inventur/${running.id}`}>{t.stocktaking.toOpen}</Link>
          </p>
        ) : (
          start.error && !apiError?.body.fieldErrors?.length && <ErrorNotice error={start.error} />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={start.isPending || !target || !!running}>
            {t.stocktaking.start}
          </Button>
        </div>
      </form>
    </section>
  );
}
