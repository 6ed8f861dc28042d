/** The columns of a UserDto, over alias `u`. */
const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.authority_id AS "authorityId", u.active,
  coalesce((SELECT array_agg(us.school_id ORDER BY us.school_id) FROM user_schools us WHERE us.user_id = u.id), '{}') AS "schoolIds",
  u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt"`;

export const USER_SQL = {
  /** The filters' parameters, the limit last. */
  list: (where: string[], limitParam: number) => `SELECT ${USER_COLUMNS} FROM users u ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(u.email), u.id LIMIT $${limitParam}`,
  byId: `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`,
  lock: `SELECT 1 FROM users WHERE id = $1 FOR UPDATE`,
  /** $1 authority, $2 email, $3 display name, $4 role, $5 password hash. */
  insert: `INSERT INTO users (authority_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
  /** $1 id, then display name, role, active, password hash (null: unchanged). */
  update: `UPDATE users SET display_name = coalesce($2, display_name), role = coalesce($3, role), active = coalesce($4, active),
                password_hash = coalesce($5, password_hash), updated_at = now() WHERE id = $1`,
  /** $1 authority, $2 school ids. */
  schoolsOfAuthority: `SELECT id FROM schools WHERE authority_id = $1 AND id = ANY($2::uuid[])`,
  unassignSchools: `DELETE FROM user_schools WHERE user_id = $1`,
  /** $1 user, $2 authority, $3 school ids. */
  assignSchools: `INSERT INTO user_schools (user_id, school_id, authority_id) SELECT $1, s, $2 FROM unnest($3::uuid[]) AS s`,
  lockAuthority: `SELECT 1 FROM authorities WHERE id = $1 FOR UPDATE`,
  /** $1 authority: office users who have logged in. */
  activeOffices: `SELECT count(*)::int AS offices FROM users WHERE authority_id = $1 AND role = 'office' AND last_login_at IS NOT NULL`,
} as const;
