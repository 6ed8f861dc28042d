import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { tLicences } from '../i18n/licences';
import { useAllSchools } from '../schools/all-schools';
import { Button, QueryView } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { ContractSeats } from './ContractSeats';
import { Deadline, seatsText, WarningsList } from './licence-parts';

/** The office's (and viewers') licences: warnings, contracts with deadlines and costs, seats per school, the catalogue. */
export function OfficeLicences({ canWrite }: { canWrite: boolean }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const warnings = useQuery({ queryKey: ['licences', 'warnings'], queryFn: () => unwrap(api.GET('/api/v1/licences/warnings')) });
  const contracts = useQuery({ queryKey: ['licences', 'contracts'], queryFn: () => unwrap(api.GET('/api/v1/licences/contracts', { params: { query: { limit: 200 } } })) });
  const products = useQuery({ queryKey: ['licences', 'products'], queryFn: () => unwrap(api.GET('/api/v1/licences/products')) });
  const schools = useAllSchools();
  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name;
  const dueContracts = new Set((warnings.data?.items ?? []).filter((w) => w.code === 'cancellation_due' && w.contractId).map((w) => w.contractId));
  const open = contracts.data?.items.find((c) => c.id === openId);
  return (
    <>
      <section aria-labelledby="licence-warnings">
        <h2 id="licence-warnings">{tLicences.warningsTitle}</h2>
        <QueryView query={warnings}>{(data) => <WarningsList warnings={data.items} schoolName={schoolName} />}</QueryView>
      </section>
      <section aria-labelledby="licence-contracts">
        <h2 id="licence-contracts">{tLicences.contractsTitle}</h2>
        <QueryView query={contracts} empty={<p>{tLicences.noContracts}</p>}>
          {(data) => (
            <div className="table-wrap">
              <table aria-labelledby="licence-contracts">
                <thead>
                  <tr>
                    <th scope="col">{tLicences.product}</th>
                    <th scope="col">{tLicences.term}</th>
                    <th scope="col">{tLicences.seats}</th>
                    <th scope="col" className="num">{tLicences.yearlyCost}</th>
                    <th scope="col">{tLicences.grant}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        {c.productName}
                        <br />
                        <small>
                          {c.vendor} · {label('licenceModel', c.licenceModel)}
                        </small>
                        <br />
                        <Button variant="quiet" onPress={() => setOpenId(c.id)} aria-label={fill(tLicences.showSeats, { product: c.productName })}>
                          {tLicences.seats}
                        </Button>
                      </th>
                      <td>
                        <Deadline contract={c} due={dueContracts.has(c.id)} />
                      </td>
                      <td>{seatsText(c)}</td>
                      <td className="num">
                        {formatEuro(c.yearlyCents)}
                        {c.oneOffCents > 0 && (
                          <>
                            <br />
                            <small>
                              {tLicences.oneOffCost}: {formatEuro(c.oneOffCents)}
                            </small>
                          </>
                        )}
                      </td>
                      <td>{c.grantTitle ? `${c.grantTitle}${c.expenditureInvoiceNumber ? ` (${c.expenditureInvoiceNumber})` : ''}` : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </section>
      {open && <ContractSeats key={open.id} contract={open} canWrite={canWrite} onClose={() => setOpenId(null)} />}
      <section aria-labelledby="licence-catalogue">
        <h2 id="licence-catalogue">{tLicences.catalogueTitle}</h2>
        <QueryView query={products} empty={<p>{tLicences.noProducts}</p>}>
          {(data) => (
            <div className="table-wrap">
              <table aria-labelledby="licence-catalogue">
                <thead>
                  <tr>
                    <th scope="col">{tLicences.product}</th>
                    <th scope="col">{tLicences.studentData}</th>
                    <th scope="col">{tLicences.dpa}</th>
                    <th scope="col">{tLicences.hosting}</th>
                    <th scope="col">{tLicences.approved}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        {p.name}
                        <br />
                        <small>
                          {p.vendor} · {label('licenceProductKind', p.kind)}
                        </small>
                      </th>
                      <td>{p.processesStudentData ? t.yes : t.no}</td>
                      <td>
                        {p.dpaSignedOn ? (
                          fill(tLicences.dpaSigned, { date: formatDate(p.dpaSignedOn) })
                        ) : p.processesStudentData ? (
                          <span className="badge badge-danger">{tLicences.dpaMissing}</span>
                        ) : (
                          tLicences.notNeeded
                        )}
                        {p.dpiaDone && (
                          <>
                            <br />
                            <small>{tLicences.dpia}</small>
                          </>
                        )}
                      </td>
                      <td>{p.hosting ? label('licenceHosting', p.hosting) : '–'}</td>
                      <td>{p.approved ? <span className="badge badge-ok">{tLicences.approved}</span> : <span className="badge badge-warn">{tLicences.notApproved}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </section>
    </>
  );
}
