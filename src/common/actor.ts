/** The roles of a user: the platform admin, and per authority the education office, school coordinators and viewers. */
export const ROLES = ['admin', 'office', 'coordinator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, read from the database (reused for at most AUTH_CACHE_SECONDS). */
export interface Actor {
  id: string;
  role: Role;
  /** Null only for platform admins. */
  authorityId: string | null;
  /** For coordinators: the schools assigned to them. Empty for other roles. */
  schoolIds: string[];
}

/** An actor who belongs to an authority (everyone but the platform admin). */
export type TenantActor = Actor & { authorityId: string };
