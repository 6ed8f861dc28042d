export const AUTH_SQL = {
  /** $1 email (any case). */
  loginUser: `SELECT id, password_hash, active, token_version FROM users WHERE lower(email) = lower($1)`,
  /** $1 user. The first login with the first start's generated password ends its reprinting at every start (first-admin.ts). */
  loggedIn: `UPDATE users SET last_login_at = now(), initial_password_pending = false WHERE id = $1`,
  endSessions: `UPDATE users SET token_version = token_version + 1 WHERE id = $1`,
  /** $1 user: an active user with their role, authority, schools (coordinators only) and token version. */
  caller: `SELECT u.id, u.role, u.authority_id, u.token_version,
              coalesce(array_agg(us.school_id) FILTER (WHERE us.school_id IS NOT NULL AND u.role = 'coordinator'), '{}') AS school_ids
         FROM users u LEFT JOIN user_schools us ON us.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
  me: `SELECT email, display_name FROM users WHERE id = $1`,
  passwordOf: `SELECT password_hash, email, display_name FROM users WHERE id = $1`,
  /** $1 user, $2 hash. */
  setPassword: `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`,
} as const;
