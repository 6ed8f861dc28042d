/** The school types (the database's `school_type`). Schools are read and written with SQL: schools.queries.ts. */
export const SCHOOL_TYPES = [
  'grundschule',
  'hauptschule',
  'realschule',
  'sekundarschule',
  'gesamtschule',
  'gymnasium',
  'foerderschule',
  'berufskolleg',
  'other',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
