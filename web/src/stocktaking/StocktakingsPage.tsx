import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { fill } from '../i18n';
import { tStocktaking } from '../i18n/stocktaking';
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
      <PageHeading title={tStocktaking.title}>{tStocktaking.title}</PageHeading>
      <p className="prose">{tStocktaking.intro}</p>
      {!canWrite && <p className="notice">{tStocktaking.readOnly}</p>}
      {canWrite && <StartForm openIds={items.filter((s) => s.status === 'open').map((s) => ({ id: s.id, schoolId: s.schoolId }))} />}
      <h2>{tStocktaking.listTitle}</h2>
      <QueryView query={list} empty={<p>{tStocktaking.empty}</p>}>
        {() => (
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">{tStocktaking.listTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tStocktaking.school}</th>
                  <th scope="col">{tStocktaking.rooms}</th>
                  <th scope="col">{tStocktaking.status}</th>
                  <th scope="col">{tStocktaking.startedAt}</th>
                  <th scope="col" className="num">{tStocktaking.expected}</th>
                  <th scope="col" className="num">{tStocktaking.found}</th>
                  <th scope="col" className="num">{tStocktaking.missing}</th>
                  <th scope="col">
                    <span className="visually-hidden">{tStocktaking.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td data-label={tStocktaking.school}>{s.schoolName}</td>
                    <td data-label={tStocktaking.rooms}>{s.rooms?.length ? s.rooms.join(', ') : tStocktaking.wholeSchool}</td>
                    <td data-label={tStocktaking.status}>
                      <span className={`badge ${s.status === 'open' ? 'badge-warn' : 'badge-ok'}`}>{s.status === 'open' ? tStocktaking.statusOpen : tStocktaking.statusClosed}</span>
                    </td>
                    <td data-label={tStocktaking.startedAt}>{formatDateTime(s.startedAt)}</td>
                    <td data-label={tStocktaking.expected} className="num">{s.expected}</td>
                    <td data-label={tStocktaking.found} className="num">{s.found}</td>
                    <td data-label={tStocktaking.missing} className="num">{s.missing}</td>
                    <td>
                      <Link className="btn btn-secondary" to={`/inventur/${s.id}`} aria-label={`${tStocktaking.open}: ${s.schoolName}, ${formatDateTime(s.startedAt)}`}>
                        {tStocktaking.open}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <h2>{tStocktaking.dueTitle}</h2>
      <QueryView query={due}>
        {(data) => (
          <>
            <p>{fill(tStocktaking.dueIntro, { years: data.countIntervalYears })}</p>
            {data.schools.length === 0 ? (
              <p>{tStocktaking.noneDue}</p>
            ) : (
              <div className="table-wrap">
                <table className="stack-table">
                  <caption className="visually-hidden">{tStocktaking.dueTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tStocktaking.school}</th>
                      <th scope="col">{tStocktaking.lastCount}</th>
                      <th scope="col">{tStocktaking.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.schools.map((s) => (
                      <tr key={s.schoolId}>
                        <td data-label={tStocktaking.school}>{s.schoolName}</td>
                        <td data-label={tStocktaking.lastCount}>{s.lastCompleteCountOn ? formatDate(s.lastCompleteCountOn) : tStocktaking.never}</td>
                        <td data-label={tStocktaking.status}>
                          <span className={`badge ${s.countDue ? 'badge-warn' : 'badge-ok'}`}>{s.countDue ? tStocktaking.due : tStocktaking.notDue}</span>
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
      <h2 id="start-title">{tStocktaking.startTitle}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        {schools.length > 1 && (
          <Select label={tStocktaking.school} selectedKey={target} onSelectionChange={(k) => setTarget(String(k))} options={schools.map((s) => ({ value: s.id, label: s.name }))} serverError={apiError?.fieldError('schoolId')} />
        )}
        <TextField label={tStocktaking.startRooms} description={tStocktaking.startRoomsHelp} value={rooms} onChange={setRooms} multiline serverError={apiError?.fieldError('rooms')} />
        <TextField label={tStocktaking.note} value={note} onChange={setNote} serverError={apiError?.fieldError('note')} />
        {running ? (
          <p className="notice">
            {tStocktaking.openExists} <Link to={`/inventur/${running.id}`}>{tStocktaking.toOpen}</Link>
          </p>
        ) : (
          start.error && !apiError?.body.fieldErrors?.length && <ErrorNotice error={start.error} />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={!target || !!running} isPending={start.isPending}>
            {tStocktaking.start}
          </Button>
        </div>
      </form>
    </section>
  );
}
