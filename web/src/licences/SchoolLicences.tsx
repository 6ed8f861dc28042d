import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, explainError, unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { tLicences } from '../i18n/licences';
import { Button, QueryView, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatEuro, todayInBerlin } from '../ui/format';
import { type Contract, Deadline, parseSeats, seatsText, WarningsList } from './licence-parts';

/** A school's licences (its seats of each contract) and the form to enter the seats in use; viewers only read. */
export function SchoolLicences({ schoolId, schoolName, canEnterUse }: { schoolId: string; schoolName: string; canEnterUse: boolean }) {
  const contracts = useQuery({ queryKey: ['licences', 'contracts', schoolId], queryFn: () => unwrap(api.GET('/api/v1/licences/contracts', { params: { query: { schoolId, limit: 200 } } })) });
  const warnings = useQuery({ queryKey: ['licences', 'warnings', schoolId], queryFn: () => unwrap(api.GET('/api/v1/licences/warnings', { params: { query: { schoolId } } })) });
  const [saved, setSaved] = useState<string | null>(null);
  const dueContracts = new Set((warnings.data?.items ?? []).filter((w) => w.code === 'cancellation_due').map((w) => w.contractId));
  return (
    <>
      <section aria-labelledby="school-licence-warnings">
        <h2 id="school-licence-warnings">{tLicences.warningsTitle}</h2>
        <QueryView query={warnings}>
          {(data) => (
            <WarningsList warnings={data.items} schoolName={(id) => (id === schoolId ? schoolName : undefined)} />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="school-licences">
        <h2 id="school-licences">{tLicences.contractsTitle}</h2>
        {saved && (
          <p className="notice notice-success" role="status">
            {fill(tLicences.useSaved, { product: saved })}
          </p>
        )}
        <QueryView query={contracts} empty={<p>{tLicences.noContracts}</p>}>
          {(data) => (
            <div>
              {data.items.map((c) => (
                <article key={c.id} className="panel" aria-labelledby={`licence-${c.id}`}>
                  <h3 id={`licence-${c.id}`}>{c.productName}</h3>
                  <dl className="facts">
                    <dt>{tLicences.vendor}</dt>
                    <dd>{c.vendor}</dd>
                    <dt>{tLicences.model}</dt>
                    <dd>{label('licenceModel', c.licenceModel)}</dd>
                    <dt>{tLicences.term}</dt>
                    <dd>
                      <Deadline contract={c} due={dueContracts.has(c.id)} />
                    </dd>
                    <dt>{tLicences.seats}</dt>
                    <dd>{seatsText({ seatsAssigned: c.seatsAssigned, seatsInUse: c.seatsInUse })}</dd>
                    <dt>{tLicences.yearlyCost}</dt>
                    <dd>{formatEuro(c.yearlyCents)}</dd>
                  </dl>
                  {canEnterUse && <UseForm contract={c} schoolId={schoolId} onSaved={() => setSaved(c.productName)} />}
                </article>
              ))}
            </div>
          )}
        </QueryView>
      </section>
    </>
  );
}

function UseForm({ contract, schoolId, onSaved }: { contract: Contract; schoolId: string; onSaved: () => void }) {
  const client = useQueryClient();
  const [value, setValue] = useState(contract.seatsInUse == null ? '' : String(contract.seatsInUse));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { ref, refused } = useFocusOnRefusal();
  const save = useMutation({
    mutationFn: (seatsInUse: number) =>
      unwrap(api.PUT('/api/v1/licences/contracts/{id}/seats/{schoolId}/use', { params: { path: { id: contract.id, schoolId } }, body: { seatsInUse, inUseOn: todayInBerlin() } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['licences'] });
      onSaved();
    },
    onError: (e) => (setFieldError((e instanceof ApiError && e.fieldError('seatsInUse')) || explainError(e).title), refused()),
  });
  return (
    <form
      ref={ref}
      className="form"
      aria-label={fill(tLicences.enterUse, { product: contract.productName })}
      onSubmit={(e) => {
        e.preventDefault();
        const n = parseSeats(value);
        if (n === null) return (setFieldError(tLicences.wholeNumber), refused());
        setFieldError(undefined);
        save.mutate(n);
      }}
    >
      <TextField
        label={fill(tLicences.inUseLabel, { product: contract.productName })}
        value={value}
        onChange={(v) => {
          setValue(v);
          setFieldError(undefined);
        }}
        inputMode="numeric"
        serverError={fieldError}
        description={contract.seatsInUse == null ? tLicences.notReported : undefined}
      />
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
