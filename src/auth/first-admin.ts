import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { onClient } from '../common/db';
import { hashPassword } from './passwords';

/** The first admin's email when ADMIN_EMAIL is unset: passes the login's email check (`admin@localhost` did not). */
export const DEFAULT_ADMIN_EMAIL = 'admin@inventar.local';

/** A login to show once on the console (never to a log). */
export interface OneTimeLogin {
  email: string;
  password: string;
}

// Serialises replicas that start at once, so only one of them creates the admin.
const FIRST_ADMIN_LOCK_KEY = 724_002;

const generatedPassword = () => randomBytes(18).toString('base64url');

/**
 * One transaction on a connection of its own: these run before the server's DataSource exists (or without a server),
 * so through a bare client, with the same helpers as everywhere (`onClient`, common/db.ts).
 */
async function withClient<T>(url: string, work: (db: ReturnType<typeof onClient>) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(onClient(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Once per start, before the server listens (src/server.ts `prepareDatabase`): without a platform admin, creates one from
 * ADMIN_EMAIL (default `admin@inventar.local`) and ADMIN_PASSWORD, or with a generated password. A generated password is
 * only returned, to be printed once the server is up; until somebody logs in with it, every start replaces it with a new
 * one and returns that, so a start that fails after creating the admin (a taken port) loses nothing and no password is
 * ever written to a file.
 */
export async function ensureFirstAdmin(url: string, config: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string }): Promise<OneTimeLogin | undefined> {
  return withClient(url, async (db) => {
    await db.rows('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK_KEY]);
    const pending = await db.one<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE role = 'admin' AND initial_password_pending ORDER BY created_at LIMIT 1`,
    );
    if (pending) {
      const password = generatedPassword();
      await db.exec(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [pending.id, await hashPassword(password)]);
      return { email: pending.email, password };
    }
    if (await db.one(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`)) return undefined;
    const email = config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    const password = config.ADMIN_PASSWORD ?? generatedPassword();
    await db.rows(
      `INSERT INTO users (email, display_name, role, password_hash, initial_password_pending) VALUES ($1, 'Plattform-Administration', 'admin', $2, $3)`,
      [email, await hashPassword(password), !config.ADMIN_PASSWORD],
    );
    return config.ADMIN_PASSWORD ? undefined : { email, password };
  });
}

export class UnknownUserError extends Error {}

/**
 * `npm run admin:reset-password -- EMAIL`: gives the user (any role) a new generated password, ends every session of
 * theirs and records it in the audit log (no actor: the command line). Returns the login to print.
 */
export async function resetPassword(url: string, email: string): Promise<OneTimeLogin & { active: boolean }> {
  return withClient(url, async (db) => {
    const password = generatedPassword();
    const { rows } = await db.exec<{ id: string; email: string; authority_id: string | null; active: boolean }>(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, initial_password_pending = false, updated_at = now()
        WHERE lower(email) = lower($1) RETURNING id, email, authority_id, active`,
      [email.trim(), await hashPassword(password)],
    );
    const user = rows[0];
    if (!user) throw new UnknownUserError(`Kein Benutzerkonto mit der E-Mail-Adresse ${email.trim()}.`);
    await db.rows(
      `INSERT INTO audit_log (authority_id, actor_id, action, entity_type, entity_id, changes)
       VALUES ($1, NULL, 'user.password_reset', 'user', $2, $3::jsonb)`,
      [user.authority_id, user.id, { meta: { via: 'command_line' } }],
    );
    return { email: user.email, password, active: user.active };
  });
}
