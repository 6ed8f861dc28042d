/**
 * Friendly messages for database constraint violations, by constraint name.
 * Features add their constraints here so a violation reads as a sentence with the field it concerns.
 */
export const CONSTRAINT_MESSAGES: Record<string, { field?: string; message: string }> = {
  uq_schools_authority_number: { field: 'schoolNumber', message: 'A school with this school number already exists in this authority' },
  uq_users_email: { field: 'email', message: 'A user with this email already exists' },
  uq_authorities_slug: { field: 'slug', message: 'An authority with this slug already exists' },
};

export function registerConstraintMessages(messages: Record<string, { field?: string; message: string }>): void {
  Object.assign(CONSTRAINT_MESSAGES, messages);
}
