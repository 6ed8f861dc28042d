import type { Schemas } from '../api/client';
import { fill } from '../i18n';
import { tLicences } from '../i18n/licences';
import { formatEuro } from '../ui/format';

/** A school's licence figures of its coverage, as terms of a facts list: seats and yearly cost per student. */
export function LicenceFacts({ licences }: { licences: Schemas['SchoolLicencesDto'] }) {
  return (
    <>
      <dt>{tLicences.seatsPerStudent}</dt>
      <dd>
        {licences.seatsPerStudent == null ? '–' : fill(tLicences.seatsPerStudentValue, { value: licences.seatsPerStudent.toLocaleString('de-DE'), seats: licences.studentSeats.toLocaleString('de-DE'), products: licences.studentProducts })}
      </dd>
      <dt>{tLicences.costPerStudent}</dt>
      <dd>{licences.yearlyCostPerStudentCents == null ? '–' : fill(tLicences.costPerStudentValue, { cost: formatEuro(licences.yearlyCostPerStudentCents), total: formatEuro(licences.yearlyCostCents) })}</dd>
    </>
  );
}
