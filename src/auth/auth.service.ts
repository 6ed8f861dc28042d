import { HttpStatus, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import type { Role } from '../users/user.entity';
import type { Actor } from './actor';
import { ChangePasswordDto, LoginDto, MeDto, TokenDto } from './auth.dto';
import { hashPassword, verifyPassword } from './passwords';

interface TokenPayload {
  sub: string;
}

const invalidCredentials = () => new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'Email or password is wrong');

export function durationToSeconds(value: string): number {
  const amount = Number(value.slice(0, -1));
  const unit = value.slice(-1);
  return amount * { s: 1, m: 60, h: 3600, d: 86400 }[unit as 's' | 'm' | 'h' | 'd'];
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  // Verifying against a real hash when the email is unknown keeps the response time the same.
  private dummyHash?: Promise<string>;
  // The caller's role and schools for AUTH_CACHE_SECONDS: saves a query per request on hot paths (the counter, lists).
  private readonly actors = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  /** On an empty installation, create the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated password printed once. */
  async ensureFirstAdmin(): Promise<void> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    if (count > 0) return;
    const email = this.config.ADMIN_EMAIL ?? 'admin@localhost';
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
    const inserted = await this.dataSource.query(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'Platform admin', 'admin', $2)
       ON CONFLICT DO NOTHING RETURNING id`,
      [email, await hashPassword(password)],
    );
    if (inserted.length === 0) return;
    if (this.config.ADMIN_PASSWORD) {
      this.logger.log(`Created the first admin user ${email} (password from ADMIN_PASSWORD)`);
    } else {
      // Printed once, on purpose to stdout and not to the log stream: it is never shown again.
      process.stdout.write(`\n  First start: created admin user\n    email:    ${email}\n    password: ${password}\n  Change it after the first login (POST /api/v1/auth/password).\n\n`);
    }
  }

  async login(dto: LoginDto): Promise<TokenDto> {
    const rows: { id: string; password_hash: string; active: boolean }[] = await this.dataSource.query(
      `SELECT id, password_hash, active FROM users WHERE lower(email) = lower($1)`,
      [dto.email],
    );
    const user = rows[0];
    if (!user) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(await this.dummyHash, dto.password);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(user.password_hash, dto.password)) || !user.active) throw invalidCredentials();
    await this.dataSource.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id]);
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenPayload);
    return { accessToken, tokenType: 'Bearer', expiresIn: durationToSeconds(this.config.JWT_EXPIRES_IN) };
  }

  /** Verifies a bearer token and loads the caller with their current role and schools; null when either fails. */
  async authenticate(token: string): Promise<Actor | null> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    return this.cachedActor(payload.sub);
  }

  private async cachedActor(userId: string): Promise<Actor | null> {
    const ttl = this.config.AUTH_CACHE_SECONDS * 1000;
    if (ttl === 0) return this.loadActor(userId);
    const now = Date.now();
    const hit = this.actors.get(userId);
    if (hit && hit.until > now) return hit.actor;
    const actor = await this.loadActor(userId);
    if (this.actors.size >= 10_000) this.actors.clear(); // bounded: at most one entry per recently active user
    this.actors.set(userId, { actor, until: now + ttl });
    return actor;
  }

  /** Call after a change to a user's role, activity or schools has committed, so it takes effect at once. */
  forget(userId: string): void {
    this.actors.delete(userId);
  }

  async loadActor(userId: string): Promise<Actor | null> {
    const rows: { id: string; role: Role; authority_id: string | null; school_ids: string[] }[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.authority_id,
              coalesce(array_agg(us.school_id) FILTER (WHERE us.school_id IS NOT NULL AND u.role = 'coordinator'), '{}') AS school_ids
         FROM users u LEFT JOIN user_schools us ON us.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
      [userId],
    );
    const row = rows[0];
    return row ? { id: row.id, role: row.role, authorityId: row.authority_id, schoolIds: row.school_ids } : null;
  }

  async me(actor: Actor): Promise<MeDto> {
    const [row] = await this.dataSource.query(`SELECT email, display_name FROM users WHERE id = $1`, [actor.id]);
    return { id: actor.id, email: row.email, displayName: row.display_name, role: actor.role, authorityId: actor.authorityId, schoolIds: actor.schoolIds };
  }

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [actor.id]);
    if (!(await verifyPassword(row.password_hash, dto.currentPassword))) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The current password is wrong', [
        { field: 'currentPassword', messages: ['The current password is wrong'] },
      ]);
    }
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [actor.id, hash]);
      await this.audit.record(em, actor, { action: 'user.password_changed', entityType: 'user', entityId: actor.id });
    });
  }
}
