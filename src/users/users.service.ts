import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuthService } from '../auth/auth.service';
import { assertStrongPassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { AuditService } from '../audit/audit.service';
import { exec, one, rows, transaction } from '../common/db';
import { forbidden, invalidField, notFound } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { CreateUserDto, ListUsersQueryDto, SetUserSchoolsDto, UpdateUserDto, UserDto } from './users.dto';
import type { Role } from '../common/actor';
import { USER_SQL } from './users.queries';

/**
 * User management. An office user manages the non-admin users of their own authority. The platform admin manages
 * platform admins and may start an authority: create its first office users until one of them has logged in, and
 * deactivate or rename office users; everything below the office (coordinators, viewers, passwords, schools) is the
 * office's, so that no path leads the admin to school data. What the admin does in an authority is audited there,
 * visible to its office. Other roles never reach this service (controller @Roles).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async list(actor: Actor, query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where: string[] = [];
    if (actor.role === 'admin') {
      if (query.authorityId) where.push(`u.authority_id = $${params.push(query.authorityId)}`);
    } else {
      where.push(`u.authority_id = $${params.push(actor.authorityId)}`);
    }
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.cursor) {
      const [email, id] = decodeCursor(query.cursor, 2);
      where.push(`(lower(u.email), u.id) > ($${params.push(email)}, $${params.push(id)}::uuid)`);
    }
    params.push(limit + 1);
    const users = await rows<UserDto>(this.dataSource.manager, USER_SQL.list(where, params.length), params);
    return toPage(users, limit, (r) => [r.email.toLowerCase(), r.id], (r) => r);
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One user the caller manages, inside the caller's transaction; others are 404. */
  private async getIn(em: EntityManager, actor: Actor, id: string): Promise<UserDto> {
    const user = await one<UserDto>(em, USER_SQL.byId, [id]);
    if (!user || !this.canManage(actor, user)) throw notFound('User');
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    const authorityId = this.targetAuthority(actor, dto);
    assertStrongPassword(dto.password, 'password', dto);
    const hash = await hashPassword(dto.password);
    return transaction(this.dataSource, async (em) => {
      if (actor.role === 'admin' && authorityId) await this.assertAuthorityWithoutOffice(em, authorityId);
      const { id } = (await one<{ id: string }>(em, USER_SQL.insert, [authorityId, dto.email, dto.displayName, dto.role, hash]))!;
      if (dto.schoolIds?.length) await this.replaceSchools(em, id, dto.role, authorityId, dto.schoolIds);
      const user = await this.getIn(em, actor, id);
      await this.audit.record(em, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        authorityId,
        before: null,
        after: { email: user.email, displayName: user.displayName, role: user.role, schoolIds: user.schoolIds },
      });
      return user;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    // One's own password only with the current one (POST /auth/password, rate-limited): a taken-over session must not set it.
    if (actor.id === id && dto.password !== undefined) throw invalidField('password', 'ownPassword', 'Change your own password with POST /auth/password (it needs the current one)');
    if (dto.password) {
      const user = await this.get(actor, id);
      this.assertAdminMayChange(actor, user, dto);
      assertStrongPassword(dto.password, 'password', user);
    }
    const hash = dto.password ? await hashPassword(dto.password) : undefined;
    const updated = await transaction(this.dataSource, async (em) => {
      const before = await this.lockForChange(em, actor, id);
      this.assertAdminMayChange(actor, before, dto);
      if (dto.role) this.assertAssignableRole(actor, dto.role);
      if (dto.role && (dto.role === 'admin') !== (before.role === 'admin')) {
        throw invalidField('role', 'adminRoleSwitch', 'A platform admin cannot become an authority user or the other way round');
      }
      if (actor.id === id && (dto.active === false || (dto.role && dto.role !== before.role))) {
        throw invalidField(dto.active === false ? 'active' : 'role', 'notYourself', 'You cannot deactivate yourself or change your own role');
      }
      await exec(em, USER_SQL.update, [id, dto.displayName ?? null, dto.role ?? null, dto.active ?? null, hash ?? null]);
      if (dto.role && dto.role !== 'coordinator') await exec(em, USER_SQL.unassignSchools, [id]);
      // A new password, a deactivation or another role ends every session the user has.
      if (hash || dto.active === false || (dto.role && dto.role !== before.role)) await this.auth.endSessions(em, id);
      const after = await this.getIn(em, actor, id);
      await this.audit.record(em, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        authorityId: before.authorityId,
        before: { displayName: before.displayName, role: before.role, active: before.active, schoolIds: before.schoolIds },
        after: { displayName: after.displayName, role: after.role, active: after.active, schoolIds: after.schoolIds },
        meta: hash ? { passwordChanged: true } : undefined,
      });
      return after;
    });
    await this.auth.forget(id);
    return updated;
  }

  /** Replaces a coordinator's school assignments. */
  async setSchools(actor: Actor, id: string, dto: SetUserSchoolsDto): Promise<UserDto> {
    const updated = await transaction(this.dataSource, async (em) => {
      const before = await this.lockForChange(em, actor, id);
      if (actor.role === 'admin') throw forbidden('SCHOOLS_ASSIGNED_BY_OFFICE', "Assigning schools is the authority's office's task");
      await this.replaceSchools(em, id, before.role, before.authorityId, dto.schoolIds);
      const after = await this.getIn(em, actor, id);
      await this.audit.record(em, actor, {
        action: 'user.schools_assigned',
        entityType: 'user',
        entityId: id,
        authorityId: before.authorityId,
        before: { schoolIds: before.schoolIds },
        after: { schoolIds: after.schoolIds },
      });
      return after;
    });
    await this.auth.forget(id);
    return updated;
  }

  private async lockForChange(em: EntityManager, actor: Actor, id: string): Promise<UserDto> {
    await rows(em, USER_SQL.lock, [id]);
    return this.getIn(em, actor, id);
  }

  private async replaceSchools(em: EntityManager, userId: string, role: Role, authorityId: string | null, schoolIds: string[]): Promise<void> {
    if (role !== 'coordinator' && schoolIds.length > 0) throw invalidField('schoolIds', 'coordinatorsOnly', 'Only coordinators are assigned to schools');
    const unique = [...new Set(schoolIds)];
    const found = await rows<{ id: string }>(em, USER_SQL.schoolsOfAuthority, [authorityId, unique]);
    const missing = unique.filter((s) => !found.some((f) => f.id === s));
    if (missing.length) throw invalidField('schoolIds', 'unknownSchools', `Unknown schools: ${missing.join(', ')}`, { count: missing.length });
    await exec(em, USER_SQL.unassignSchools, [userId]);
    await exec(em, USER_SQL.assignSchools, [userId, authorityId, unique]);
  }

  private canManage(actor: Actor, user: { role: Role; authorityId: string | null }): boolean {
    if (actor.role === 'admin') return true;
    return actor.role === 'office' && user.authorityId === actor.authorityId && user.role !== 'admin';
  }

  /** The admin changes platform admins freely; of an authority's users only an office user's name and activity. */
  private assertAdminMayChange(actor: Actor, user: UserDto, dto: UpdateUserDto): void {
    if (actor.role !== 'admin' || user.role === 'admin') return;
    if (user.role !== 'office' || dto.password !== undefined || dto.role !== undefined) {
      throw forbidden('USERS_MANAGED_BY_OFFICE', "The authority's office manages its users; the platform admin may only rename or (de)activate office users");
    }
  }

  /**
   * The admin starts an authority: office users may be created until one of them has logged in, i.e. until the office
   * has taken over. Deactivated office users count, so deactivating the office and creating a new one is no way in.
   * The authority row is locked against a concurrent login check racing a second creation.
   */
  private async assertAuthorityWithoutOffice(em: EntityManager, authorityId: string): Promise<void> {
    if (!(await one(em, USER_SQL.lockAuthority, [authorityId]))) throw notFound('Authority');
    const { offices } = (await one<{ offices: number }>(em, USER_SQL.activeOffices, [authorityId]))!;
    if (offices > 0) throw forbidden('AUTHORITY_HAS_OFFICE', 'The authority has an office; its office creates further users');
  }

  private assertAssignableRole(actor: Actor, role: Role): void {
    if (actor.role !== 'admin' && role === 'admin') throw forbidden('ADMIN_CREATES_ADMINS_ONLY', 'Only platform admins can create platform admins');
  }

  private targetAuthority(actor: Actor, dto: CreateUserDto): string | null {
    this.assertAssignableRole(actor, dto.role);
    if (actor.role !== 'admin') {
      if (dto.authorityId && dto.authorityId !== actor.authorityId) throw notFound('Authority');
      return actor.authorityId;
    }
    if (dto.role === 'admin') {
      if (dto.authorityId) throw invalidField('authorityId', 'adminHasNoAuthority', 'Platform admins belong to no authority');
      return null;
    }
    if (!dto.authorityId) throw invalidField('authorityId', 'authorityRequired', 'authorityId is required for users of an authority');
    if (dto.role !== 'office') throw forbidden('ADMIN_CREATES_FIRST_OFFICE_ONLY', "The platform admin creates only an authority's first office users; the office creates the others");
    return dto.authorityId;
  }
}
