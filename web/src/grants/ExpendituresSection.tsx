import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, label } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { useAllSchools } from '../schools/all-schools';
import { Button, ErrorNotice, Loading } from '../ui/components';
import { useReturnFocus } from '../ui/focus';
import { formatDate, formatEuro } from '../ui/format';
import { ExpenditureForm } from './ExpenditureForm';

type Expenditure = Schemas['ExpenditureDto'];

/** A part of a cell that breaks only at its edges (a date never splits from its word). */
const Line = ({ children }: { children: string }) => <span className="nowrap">{children}</span>;

/**
 * A grant's orders and invoices; the office adds, edits and deletes them (devices linked by scanning). Order, invoice and
 * payment share one column, so the table fits 1280 px without scrolling sideways (at 375 px it scrolls inside its box).
 */
export function ExpendituresSection({ grantId, canWrite }: { grantId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const schools = useAllSchools();
  const list = useQuery({
    queryKey: ['grants', grantId, 'expenditures'],
    queryFn: () => unwrap(api.GET('/api/v1/grants/{grantId}/expenditures', { params: { path: { grantId }, query: { limit: 200 } } })),
  });
  const [editing, setEditing] = useState<Expenditure | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const focus = useReturnFocus();
  const section = useRef<HTMLElement>(null);
  // Where focus goes when a form closes or a row is deleted: the button that opened it, else "erfassen".
  const addButton = () => section.current?.querySelector<HTMLElement>('[data-add-expenditure]');
  const remove = useMutation({
    mutationFn: (e: Expenditure) => unwrap(api.DELETE('/api/v1/grants/{grantId}/expenditures/{id}', { params: { path: { grantId, id: e.id } } })),
    onSuccess: (_, e) => {
      setMessage(fill(tGrantEdit.deleted, { what: e.description }));
      setConfirming(null);
      focus.closed({ toOpener: false }, addButton);
      void queryClient.invalidateQueries({ queryKey: ['grants', grantId] });
    },
  });
  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name ?? '…';
  const done = (what: string) => {
    setEditing(null);
    setMessage(what ? fill(tGrantEdit.saved, { what }) : '');
    focus.closed({}, addButton);
  };
  return (
    <section aria-labelledby="grant-expenditures" ref={section}>
      <h2 id="grant-expenditures">{tGrantEdit.expendituresTitle}</h2>
      <p>{tGrantEdit.expendituresIntro}</p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{tGrantEdit.noExpenditures}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{tGrantEdit.expendituresTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{tGrantEdit.description}</th>
                <th scope="col">{tGrantEdit.school}</th>
                <th scope="col">{tGrantEdit.documents}</th>
                <th scope="col" className="num">{tGrantEdit.grossShort}</th>
                <th scope="col" className="num">{tGrantEdit.devices}</th>
                {canWrite && <td />}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.description}
                    <br />
                    <span className="muted">
                      {label('expenditureCategory', e.category)} · {e.vendor}
                    </span>
                  </th>
                  <td>{schoolName(e.schoolId)}</td>
                  <td>
                    <Line>{fill(tGrantEdit.orderedOn, { date: formatDate(e.orderDate) })}</Line>
                    <br />
                    {e.invoiceNumber ? (
                      <>
                        <Line>{fill(tGrantEdit.invoiceNumbered, { number: e.invoiceNumber })}</Line> <Line>{fill(tGrantEdit.invoiceOf, { date: formatDate(e.invoiceDate) })}</Line>
                      </>
                    ) : (
                      <Line>{tGrantEdit.noInvoice}</Line>
                    )}
                    <br />
                    <Line>{e.paidOn ? fill(tGrantEdit.paidOnDate, { date: formatDate(e.paidOn) }) : tGrantEdit.notPaid}</Line>
                  </td>
                  <td className="num">{formatEuro(e.grossCents)}</td>
                  <td className="num">{e.deviceIds.length}</td>
                  {canWrite && (
                    <td>
                      <div className="row-actions">
                        <Button aria-label={fill(tGrantEdit.editLabel, { what: e.description })} onPress={(press) => (focus.opened(press.target), setEditing(e))}>
                          {tGrantEdit.edit}
                        </Button>
                        {confirming === e.id ? (
                          <Button variant="danger" onPress={() => remove.mutate(e)} isPending={remove.isPending}>
                            {fill(tGrantEdit.confirmDelete, { what: e.description })}
                          </Button>
                        ) : (
                          <Button variant="danger" aria-label={fill(tGrantEdit.deleteLabel, { what: e.description })} onPress={() => setConfirming(e.id)}>
                            {tGrantEdit.delete}
                          </Button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
      <p role="status">{message}</p>
      {canWrite &&
        (editing ? (
          <div className="panel">
            <h3>{editing === 'new' ? tGrantEdit.addExpenditure : tGrantEdit.editExpenditure}</h3>
            <ExpenditureForm key={editing === 'new' ? 'new' : editing.id} grantId={grantId} expenditure={editing === 'new' ? undefined : editing} schools={schools.data ?? []} onDone={done} />
          </div>
        ) : (
          <Button variant="primary" data-add-expenditure onPress={() => setEditing('new')}>
            {tGrantEdit.addExpenditure}
          </Button>
        ))}
    </section>
  );
}
