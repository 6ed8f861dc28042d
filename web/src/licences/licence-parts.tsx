import type { Schemas } from '../api/client';
import { fill, label } from '../i18n';
import { tLicences } from '../i18n/licences';
import { formatDate } from '../ui/format';

export type Contract = Schemas['ContractDto'];
export type Warning = Schemas['LicenceWarningDto'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A warning in German: its text from the code and params (dates as dd.mm.yyyy), the school named where it has one. */
export function warningText(w: Warning, schoolName: (id: string) => string | undefined): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(w.params ?? {})) params[k] = typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) : typeof v === 'number' ? v.toLocaleString('de-DE') : String(v);
  params.school = (w.schoolId && schoolName(w.schoolId)) || tLicences.school;
  return fill(tLicences.warning[w.code], params);
}

/** The warnings as a list of notices (title from the label table, text from the params). */
export function WarningsList({ warnings, schoolName }: { warnings: Warning[]; schoolName: (id: string) => string | undefined }) {
  if (warnings.length === 0) return <p>{tLicences.noWarnings}</p>;
  return (
    <ul className="warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.contractId ?? w.productId}-${w.schoolId ?? ''}-${i}`} className="notice notice-warning">
          <p className="notice-title">{label('licenceWarning', w.code)}</p>
          <p>{warningText(w, schoolName)}</p>
        </li>
      ))}
    </ul>
  );
}

/** The contract's term and its last day to cancel, flagged when a warning says the deadline is near. */
export function Deadline({ contract, due }: { contract: Contract; due: boolean }) {
  return (
    <>
      {fill(tLicences.termUntil, { date: formatDate(contract.currentTermEnd) })}
      <br />
      {contract.lastDayToCancel ? (
        due ? (
          <span className="badge badge-warn">{fill(tLicences.cancelSoon, { date: formatDate(contract.lastDayToCancel) })}</span>
        ) : (
          <>
            {tLicences.lastDayToCancel}: {formatDate(contract.lastDayToCancel)}
          </>
        )
      ) : (
        tLicences.noRenewal
      )}
    </>
  );
}

/** "1.200 gekauft · 900 zugewiesen · 640 genutzt" (without the seats bought: a school's share). */
export function seatsText(c: { seatsBought?: number; seatsAssigned: number; seatsInUse: number | null }): string {
  const n = (v: number) => v.toLocaleString('de-DE');
  const values = { assigned: n(c.seatsAssigned), inUse: c.seatsInUse == null ? tLicences.notReported : n(c.seatsInUse) };
  return c.seatsBought == null ? fill(tLicences.schoolSeatsValue, values) : fill(tLicences.seatsValue, { ...values, bought: n(c.seatsBought) });
}

/** A whole number of seats from a text field, or null. */
export const parseSeats = (v: string): number | null => (/^\d{1,8}$/.test(v.trim()) ? Number(v.trim()) : null);
