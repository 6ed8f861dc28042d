import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { agreementUrl } from '../counter/counter-api';
import { fill, label, t } from '../i18n';
import { tLoans } from '../i18n/loans';
import { Button, DateInput, ErrorNotice } from '../ui/components';
import { useFocusOnSwap } from '../ui/focus';
import { useInAppLinks } from '../ui/links';
import { formatDate } from '../ui/format';

type Loan = Schemas['LoanDto'];

function borrowerOf(l: Loan): string {
  if (l.personalDataErased) return tLoans.erased;
  if (!l.personalDataVisible) return tLoans.borrowerHidden;
  return `${l.borrowerName ?? '–'}${l.borrowerClass ? `, ${l.borrowerClass}` : ''}`;
}

/** The loans with their actions: extend, mark the agreement signed, print it again. */
export function LoanTable({ loans, showSchool, canWrite }: { loans: Loan[]; showSchool: boolean; canWrite: boolean }) {
  const [extending, setExtending] = useState<string | null>(null);
  const [done, setDone] = useState('');
  // Focus follows the row's panel: into the date when "Verlängern" opens it, back to "Verlängern" when it closes; after
  // "als unterschrieben markieren" (the button goes) to the row's agreement link.
  const box = useRef<HTMLDivElement>(null);
  const lastExtended = useRef<string | null>(null);
  if (extending) lastExtended.current = extending;
  const [signedRow, setSignedRow] = useState<string | null>(null);
  useFocusOnSwap(extending, () =>
    extending ? box.current?.querySelector('.row-panel [role=spinbutton]') : box.current?.querySelector(`[data-extend="${lastExtended.current}"]`),
  );
  useFocusOnSwap(signedRow, () => box.current?.querySelector(`[data-agreement="${signedRow}"]`));
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['loans'] });
  const sign = useMutation({
    mutationFn: (l: Loan) => unwrap(api.POST('/api/v1/loans/{id}/agreement-signed', { params: { path: { id: l.id } }, body: { version: l.version } })),
    onSuccess: (l) => {
      setDone(fill(tLoans.markedSigned, { agreement: l.agreementNumber }));
      setSignedRow(l.id);
      void refresh();
    },
  });
  const columns = 7 + (showSchool ? 1 : 0);
  // The devices' links are plain anchors, navigating through one listener on the table (see useInAppLinks).
  const links = useInAppLinks();
  return (
    <>
      {sign.error && <ErrorNotice error={sign.error} />}
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      <div className="table-wrap" ref={box}>
        <table ref={links} className="stack-table loan-table">
          <caption className="visually-hidden">{tLoans.title}</caption>
          <thead>
            <tr>
              <th scope="col">{tLoans.agreementNumber}</th>
              <th scope="col">{tLoans.device}</th>
              <th scope="col">{tLoans.borrower}</th>
              {showSchool && <th scope="col">{tLoans.school}</th>}
              <th scope="col">{tLoans.startedOn}</th>
              <th scope="col">{tLoans.dueOn}</th>
              <th scope="col">{tLoans.signedShort}</th>
              <th scope="col">{tLoans.actions}</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((l) => (
              <Fragment key={l.id}>
                <tr className={l.state === 'overdue' ? 'overdue' : undefined} data-loan={l.id}>
                  <td data-label={tLoans.agreementNumber}>{l.agreementNumber}</td>
                  <td data-label={tLoans.device}>
                    <a href={`/geraete/${l.device.id}`}>{l.device.inventoryNumber}</a> <span>{label('deviceType', l.device.type)}</span>
                  </td>
                  <td data-label={tLoans.borrower}>{borrowerOf(l)}</td>
                  {showSchool && <td data-label={tLoans.school}>{l.schoolName}</td>}
                  <td data-label={tLoans.startedOn}>{formatDate(l.startedOn)}</td>
                  <td data-label={l.returnedOn ? tLoans.returnedOn : tLoans.dueOn}>
                    {l.returnedOn ? formatDate(l.returnedOn) : formatDate(l.dueOn)} {l.state === 'overdue' && <span className="badge badge-danger">{tLoans.overdue}</span>}
                  </td>
                  <td data-label={tLoans.signedShort}>{l.agreementSigned ? t.yes : t.no}</td>
                  <td data-label={tLoans.actions}>
                    <span className="loan-actions">
                      {canWrite && !l.returnedOn && (
                        <Button data-extend={l.id} onPress={() => setExtending(extending === l.id ? null : l.id)} aria-label={fill(tLoans.extendFor, { agreement: l.agreementNumber })} aria-expanded={extending === l.id}>
                          {tLoans.extend}
                        </Button>
                      )}
                      {canWrite && !l.agreementSigned && !l.personalDataErased && (
                        <Button onPress={() => sign.mutate(l)} isPending={sign.isPending} aria-label={fill(tLoans.markSignedFor, { agreement: l.agreementNumber })}>
                          {tLoans.markSigned}
                        </Button>
                      )}
                      <a data-agreement={l.id} href={agreementUrl(l.id)} target="_blank" rel="noopener" aria-label={fill(tLoans.printAgreementFor, { agreement: l.agreementNumber })}>
                        {tLoans.printAgreement}
                      </a>
                    </span>
                  </td>
                </tr>
                {extending === l.id && (
                  <tr className="row-panel">
                    <td colSpan={columns}>
                      <ExtendForm
                        loan={l}
                        onDone={(due) => {
                          setExtending(null);
                          setDone(fill(tLoans.extended, { due: formatDate(due) }));
                          void refresh();
                        }}
                        onCancel={() => setExtending(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ExtendForm({ loan, onDone, onCancel }: { loan: Loan; onDone: (due: string) => void; onCancel: () => void }) {
  const [dueOn, setDueOn] = useState<string | null>(loan.dueOn);
  const extend = useMutation({
    mutationFn: (due: string) => unwrap(api.POST('/api/v1/loans/{id}/extend', { params: { path: { id: loan.id } }, body: { dueOn: due } })),
    onSuccess: (l) => onDone(l.dueOn),
  });
  return (
    <form
      className="form"
      aria-label={fill(tLoans.extendFor, { agreement: loan.agreementNumber })}
      onSubmit={(e) => {
        e.preventDefault();
        if (dueOn) extend.mutate(dueOn);
      }}
    >
      <DateInput label={tLoans.newDueOn} value={dueOn} onChange={setDueOn} isRequired serverError={extend.error instanceof ApiError ? extend.error.fieldError('dueOn') : undefined} />
      {extend.error && <ErrorNotice error={extend.error} />}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={!dueOn} isPending={extend.isPending}>
          {tLoans.extendSave}
        </Button>
        <Button onPress={onCancel}>{t.cancel}</Button>
      </div>
    </form>
  );
}
