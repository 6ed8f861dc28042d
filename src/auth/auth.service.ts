import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AppError, invalidField } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import type { Role } from '../common/actor';
import type { Actor } from '../common/actor';
import { ChangePasswordDto, LoginDto, MeDto, TokenDto } from './auth.dto';
import { Caller, CallerCache } from './caller-cache';
import { assertStrongPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { exec, one, transaction } from '../common/db';
import { AUTH_SQL } from './auth.queries';

interface TokenPayload {
  sub: string;
  /** The user's token_version when the token was issued; a token of an older version is refused. Absent means 0. */
  ver?: number;
}

/** At most this many verified tokens are remembered (one per recently active session); then the memory starts afresh. */
const VERIFIED_TOKENS_KEPT = 10_000;

const invalidCredentials = () => new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'Email or password is wrong', undefined, undefined, 'LOGIN_FAILED');

export function durationToSeconds(value: string): number {
  const amount = Number(value.slice(0, -1));
  const unit = value.slice(-1);
  return amount * { s: 1, m: 60, h: 3600, d: 86400 }[unit as 's' | 'm' | 'h' | 'd'];
}

@Injectable()
export class AuthService {
  // Verifying against a real hash when the email is unknown keeps the response time the same.
  private dummyHash?: Promise<string>;
  // Tokens whose signature was checked, with the moment they expire (see verifiedPayload).
  private readonly verified = new Map<string, { payload: TokenPayload; expiresAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly callers: CallerCache,
  ) {}

  async login(dto: LoginDto): Promise<TokenDto> {
    const em = this.dataSource.manager;
    const user = await one<{ id: string; password_hash: string; active: boolean; token_version: number }>(em, AUTH_SQL.loginUser, [dto.email]);
    if (!user) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(await this.dummyHash, dto.password);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(user.password_hash, dto.password)) || !user.active) throw invalidCredentials();
    await exec(em, AUTH_SQL.loggedIn, [user.id]);
    const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.token_version } satisfies TokenPayload);
    return { accessToken, tokenType: 'Bearer', expiresIn: durationToSeconds(this.config.JWT_EXPIRES_IN) };
  }

  /** Verifies a bearer token and loads the caller with their current role and schools; null when either fails. */
  async authenticate(token: string): Promise<Actor | null> {
    const payload = await this.verifiedPayload(token);
    if (!payload) return null;
    const caller = await this.callers.get(payload.sub, (userId) => this.loadCaller(userId));
    // A token issued before the user's sessions were ended (password, deactivation, role, logout) is refused.
    if (!caller || caller.tokenVersion !== (payload.ver ?? 0)) return null;
    return caller.actor;
  }

  /**
   * The token's payload when its signature holds and it has not expired, else undefined. A token verified before is
   * not checked again until it expires (the same string carries the same valid signature): the HMAC and the JSON
   * parsing were about a twentieth of a simple request's CPU (profiled, bench/RESULTS.md #16). Whether its user is
   * still active, and its version current, is still asked on every request (`callers`).
   */
  private async verifiedPayload(token: string): Promise<TokenPayload | undefined> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (now < known.expiresAt) return known.payload;
      this.verified.delete(token);
    }
    let payload: TokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<TokenPayload & { exp?: number }>(token);
    } catch {
      return undefined;
    }
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
      this.verified.set(token, { payload, expiresAt: payload.exp * 1000 });
    }
    return payload;
  }

  /** Call after a change to a user's role, activity, schools or sessions has committed, so it takes effect at once everywhere. */
  forget(userId: string): Promise<void> {
    return this.callers.forget(userId);
  }

  /**
   * Ends every session of the user: each token issued so far stops working (inside the caller's transaction;
   * call `forget` after it commits).
   */
  async endSessions(em: EntityManager, userId: string): Promise<void> {
    await exec(em, AUTH_SQL.endSessions, [userId]);
  }

  /** Logs out: ends the caller's sessions (this token and every other one of the same user). */
  async logout(actor: Actor): Promise<void> {
    await transaction(this.dataSource, (em) => this.endSessions(em, actor.id));
    await this.forget(actor.id);
  }

  private async loadCaller(userId: string): Promise<Caller | null> {
    const row = await one<{ id: string; role: Role; authority_id: string | null; school_ids: string[]; token_version: number }>(this.dataSource.manager, AUTH_SQL.caller, [userId]);
    if (!row) return null;
    return { actor: { id: row.id, role: row.role, authorityId: row.authority_id, schoolIds: row.school_ids }, tokenVersion: row.token_version };
  }

  async me(actor: Actor): Promise<MeDto> {
    const row = (await one<{ email: string; display_name: string }>(this.dataSource.manager, AUTH_SQL.me, [actor.id]))!;
    return { id: actor.id, email: row.email, displayName: row.display_name, role: actor.role, authorityId: actor.authorityId, schoolIds: actor.schoolIds };
  }

  /** Sets a new password and ends every session of the caller, this one included. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const row = (await one<{ password_hash: string; email: string; display_name: string }>(this.dataSource.manager, AUTH_SQL.passwordOf, [actor.id]))!;
    if (!(await verifyPassword(row.password_hash, dto.currentPassword))) {
      throw invalidField('currentPassword', 'passwordWrong', 'The current password is wrong');
    }
    assertStrongPassword(dto.newPassword, 'newPassword', { email: row.email, displayName: row.display_name });
    const hash = await hashPassword(dto.newPassword);
    await transaction(this.dataSource, async (em) => {
      await exec(em, AUTH_SQL.setPassword, [actor.id, hash]);
      await this.endSessions(em, actor.id);
      await this.audit.record(em, actor, { action: 'user.password_changed', entityType: 'user', entityId: actor.id });
    });
    await this.forget(actor.id);
  }
}
