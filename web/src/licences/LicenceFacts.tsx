import type { Schemas } from '../api/client';
import { fill, t } from '../i18n';
import { formatEuro } from '../ui/format';

/** A school's licence figures of its coverage, as terms of a facts list: seats and yearly cost per student. */
export function LicenceFacts({ licences }: { licences: Schemas['SchoolLicencesDto'] }) {
  return (
    <>
      <dt>{t.licences.seatsPerStudent}</dt>
      <dd>
        {licences.seatsPerStudent == null ? '–' : fill(t.licences.seatsPerStudentValue, { value: licences.seatsPerStudent.toLocaleString('de-DE'), seats: licences.studentSeats.toLocaleString('de-DE'), products: licences.studentProducts })}
      </dd>
      <dt>{t.licences.costPerStudent}</dt>
      <dd>{licences.yearlyCostPerStudentCents == null ? '–' : fill(t.licences.costPerStudentValue, { cost: formatEuro(licences.yearlyCostPerStudentCents), total: formatEuro(licences.yearlyCostCents) })}</dd>
    </>
  );
}
