import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { nextMonthDay } from '../ui/format';

export type Device = Schemas['DeviceDetailDto'];
export type Loan = Schemas['LoanDto'];
export type BulkResult = Schemas['BulkResultDto'];
export type ReturnCondition = Schemas['ReturnLoanDto']['condition'];
export type BorrowerKind = Schemas['CreateLoanDto']['borrowerKind'];

/** What a scanner typed: trimmed (scanners add spaces or a tab), compared case-insensitively by the server. */
export const normaliseScan = (raw: string) => raw.trim();

/** The device with this inventory or serial number, or null. Tries the code as typed, then in capitals (labels print them so). */
export async function lookupDevice(code: string): Promise<Device | null> {
  for (const tag of new Set([code, code.toUpperCase()])) {
    try {
      return await unwrap(api.GET('/api/v1/devices/by-tag/{tag}', { params: { path: { tag } } }));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  return null;
}

/** The device's open loan (not yet returned), if any. */
export async function currentLoan(deviceId: string): Promise<Loan | null> {
  const page = await unwrap(api.GET('/api/v1/loans', { params: { query: { deviceId, limit: 5 } } }));
  return page.items.find((l) => !l.returnedOn) ?? null;
}

/** The end of the school year from the loan settings: the default due date. */
export async function defaultDueDate(): Promise<string> {
  const settings = await unwrap(api.GET('/api/v1/loans/settings'));
  return nextMonthDay(settings.defaultDueMonthDay);
}

export const agreementUrl = (loanId: string) => `/api/v1/loans/${encodeURIComponent(loanId)}/agreement.pdf`;

/** Whether the refusal asks for the earmarking confirmation (a funded device written off inside its period). */
export const needsEarmarkingConfirmation = (e: unknown) => e instanceof ApiError && e.body.details?.confirmation === 'earmarkingBreach';
