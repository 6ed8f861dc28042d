import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { ROLES, type Role } from '../common/actor';

export class CreateUserDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  /** At least 12 characters. */
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  /** Platform admins only: the authority of the new user (required unless the role is admin). Office users always create in their own. */
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  /** For coordinators: the schools they look after. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  schoolIds?: string[];
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Deactivated users can no longer log in; their existing tokens stop working at once. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Sets a new password (at least 12 characters). */
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
}

export class SetUserSchoolsDto {
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  schoolIds: string[];
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Platform admins only: users of one authority. */
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}

export class UserDto {
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  authorityId: string | null;
  active: boolean;
  schoolIds: string[];
  lastLoginAt: Date | null;
  createdAt: Date;
}

export class UserPageDto {
  items: UserDto[];
  nextCursor: string | null;
}
