import { writeFileSync } from 'node:fs';
import { renderLoanAgreement } from '../src/loans/loan-agreement.pdf';
import { DEFAULT_AGREEMENT_CLAUSES } from '../src/loans/loan-settings';
it('debug', async () => {
  const pdf = await renderLoanAgreement({
    authorityName: 'Stadt Musterstadt', school: { name: 'Goethe-Gymnasium', schoolNumber: '165432', street: 'Schulstraße 4', postalCode: '45127', city: 'Musterstadt' },
    loanId: 'd97ec5cb-7f63-4459-a77f-1ccea0d5584d', borrowerKind: 'student', borrowerName: 'Jonas Müller', borrowerReference: 'S-2024-0815', borrowerClass: '9c', guardianName: 'Anke Müller',
    device: { type: 'tablet', manufacturer: 'Apple', model: 'iPad 10', inventoryNumber: 'MS-2025-00042', serialNumber: 'SN-ABC-777' }, accessories: ['charger','pen'],
    startedOn: '2025-09-01', dueOn: '2026-07-31', clauses: DEFAULT_AGREEMENT_CLAUSES, retentionDays: 365, printedOn: '2025-09-01' });
  writeFileSync('/tmp/agreement.pdf', pdf);
  const blank = await renderLoanAgreement({
    authorityName: 'Stadt Musterstadt', school: { name: 'Goethe-Gymnasium', schoolNumber: '165432', street: null, postalCode: null, city: null },
    loanId: 'd97ec5cb-7f63-4459-a77f-1ccea0d5584d', borrowerKind: 'teacher', borrowerName: null, borrowerReference: null, borrowerClass: null, guardianName: null,
    device: { type: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad L13', inventoryNumber: 'MS-1', serialNumber: null }, accessories: [],
    startedOn: '2025-09-01', dueOn: '2026-07-31', clauses: DEFAULT_AGREEMENT_CLAUSES, retentionDays: 365, printedOn: '2025-09-01' });
  writeFileSync('/tmp/agreement-blank.pdf', blank);
});
