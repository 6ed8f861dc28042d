/** The kinds of a school authority (Schulträger). Authorities are read and written with SQL: authorities.queries.ts. */
export const AUTHORITY_KINDS = ['city', 'district', 'other'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
