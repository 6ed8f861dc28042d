import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, explainError, unwrap } from '../api/errors';
import { fill, t } from '../i18n';
import { tLicences } from '../i18n/licences';
import { Button, QueryView, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatDate } from '../ui/format';
import { type Contract, parseSeats, seatsText } from './licence-parts';

type Seat = Schemas['SeatDto'];

/** The seats of one contract per school; the office changes a school's assigned seats, viewers read. */
export function ContractSeats({ contract, canWrite, onClose }: { contract: Contract; canWrite: boolean; onClose: () => void }) {
  const seats = useQuery({ queryKey: ['licences', 'seats', contract.id], queryFn: () => unwrap(api.GET('/api/v1/licences/contracts/{id}/seats', { params: { path: { id: contract.id } } })) });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const title = fill(tLicences.seatsTitle, { product: contract.productName });
  return (
    <section aria-labelledby="licence-seats" className="panel">
      <h2 id="licence-seats">{title}</h2>
      <p>{seatsText(contract)}</p>
      {saved && (
        <p className="notice notice-success" role="status">
          {fill(tLicences.seatsSaved, { school: saved })}
        </p>
      )}
      <QueryView query={seats} empty={<p>{tLicences.noSeats}</p>}>
        {(data) => (
          <div className="table-wrap">
            <table aria-labelledby="licence-seats">
              <thead>
                <tr>
                  <th scope="col">{tLicences.school}</th>
                  <th scope="col" className="num">{tLicences.seatsAssigned}</th>
                  <th scope="col" className="num">{tLicences.seatsInUse}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((s) => (
                  <tr key={s.schoolId}>
                    <th scope="row">{s.schoolName}</th>
                    <td className="num">
                      {editing === s.schoolId ? (
                        <SeatsForm
                          contractId={contract.id}
                          seat={s}
                          onDone={(ok) => {
                            setEditing(null);
                            setSaved(ok ? s.schoolName : null);
                          }}
                        />
                      ) : (
                        <>
                          {s.seatsAssigned.toLocaleString('de-DE')}
                          {canWrite && (
                            <>
                              {' '}
                              <Button variant="quiet" onPress={() => { setSaved(null); setEditing(s.schoolId); }} aria-label={fill(tLicences.editSeats, { school: s.schoolName })}>
                                {tLicences.edit}
                              </Button>
                            </>
                          )}
                        </>
                      )}
                    </td>
                    <td className="num">
                      {s.seatsInUse == null ? tLicences.notReported : s.seatsInUse.toLocaleString('de-DE')}
                      {s.inUseOn && (
                        <>
                          <br />
                          <small>{fill(tLicences.countedOn, { date: formatDate(s.inUseOn) })}</small>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <div className="actions">
        <Button onPress={onClose}>{tLicences.closeSeats}</Button>
      </div>
    </section>
  );
}

function SeatsForm({ contractId, seat, onDone }: { contractId: string; seat: Seat; onDone: (ok: boolean) => void }) {
  const client = useQueryClient();
  const [value, setValue] = useState(String(seat.seatsAssigned));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { ref, refused } = useFocusOnRefusal();
  const save = useMutation({
    mutationFn: (seatsAssigned: number) => unwrap(api.PUT('/api/v1/licences/contracts/{id}/seats/{schoolId}', { params: { path: { id: contractId, schoolId: seat.schoolId } }, body: { seatsAssigned } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['licences'] });
      onDone(true);
    },
    onError: (e) => (setFieldError((e instanceof ApiError && e.fieldError('seatsAssigned')) || explainError(e).title), refused()),
  });
  return (
    <form
      ref={ref}
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        const n = parseSeats(value);
        if (n === null) return (setFieldError(tLicences.wholeNumber), refused());
        setFieldError(undefined);
        save.mutate(n);
      }}
    >
      <TextField label={fill(tLicences.seatsAssignedLabel, { school: seat.schoolName })} value={value} onChange={(v) => { setValue(v); setFieldError(undefined); }} inputMode="numeric" serverError={fieldError} autoFocus />
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.cancel}</Button>
      </div>
    </form>
  );
}
