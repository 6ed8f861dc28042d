import type { AuthorityKind } from './authority.entity';

/** An authority's row (what the audit log keeps of it). */
export interface AuthorityRow {
  id: string;
  name: string;
  slug: string;
  kind: AuthorityKind;
  state: string | null;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const AUTHORITY_COLUMNS = `a.id, a.name, a.slug, a.kind, a.state, a.settings, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export const AUTHORITY_SQL = {
  list: `SELECT ${AUTHORITY_COLUMNS} FROM authorities a ORDER BY a.name`,
  byId: (lock: boolean) => `SELECT ${AUTHORITY_COLUMNS} FROM authorities a WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
  /** $1 name, $2 slug, $3 kind, $4 state. */
  insert: `INSERT INTO authorities AS a (name, slug, kind, state, settings) VALUES ($1, $2, $3, $4, '{}'::jsonb) RETURNING ${AUTHORITY_COLUMNS}`,
  /** $1 id, $2 name, $3 kind, $4 state. */
  update: `UPDATE authorities AS a SET name = $2, kind = $3, state = $4, updated_at = now() WHERE a.id = $1 RETURNING ${AUTHORITY_COLUMNS}`,
  /** $1 id. */
  lockSettings: `SELECT settings FROM authorities WHERE id = $1 FOR UPDATE`,
  /** $1 id, $2 the section's path (`{section}`), $3 its JSON. */
  setSettingsSection: `UPDATE authorities SET settings = jsonb_set(settings, $2, $3::jsonb), updated_at = now() WHERE id = $1`,
  /** $1 id, $2 section. */
  settingsSection: `SELECT settings -> $2 AS section FROM authorities WHERE id = $1`,
} as const;
