import type { FieldCode, ReasonCode } from '../i18n/messages';

/** What a violated constraint answers: an English message, its reason (German text in src/i18n/messages.ts) and the field it concerns. */
export interface ConstraintMessage {
  message: string;
  reason?: ReasonCode;
  field?: string;
  /** The field error's code; by default `taken` (unique), `unknownRecord` (foreign key) or `invalid` (check). */
  code?: FieldCode;
}

/** A constraint's answers: for the row written, and (`referenced`) for deleting a row a foreign key still points at. */
export interface ConstraintEntry extends Partial<ConstraintMessage> {
  referenced?: ConstraintMessage;
}

/**
 * Friendly messages for database constraint violations, by constraint name.
 * Features add their constraints here so a violation reads as a sentence with the field it concerns.
 */
export const CONSTRAINT_MESSAGES: Record<string, ConstraintEntry> = {
  uq_schools_authority_number: { field: 'schoolNumber', reason: 'SCHOOL_NUMBER_TAKEN', message: 'A school with this school number already exists in this authority' },
  uq_users_email: { field: 'email', reason: 'EMAIL_TAKEN', message: 'A user with this email already exists' },
  uq_authorities_slug: { field: 'slug', reason: 'SLUG_TAKEN', message: 'An authority with this slug already exists' },
};

/** Adds (or completes) the answers of constraints; two features may describe the two sides of one foreign key. */
export function registerConstraintMessages(messages: Record<string, ConstraintEntry>): void {
  for (const [name, entry] of Object.entries(messages)) CONSTRAINT_MESSAGES[name] = { ...CONSTRAINT_MESSAGES[name], ...entry };
}
