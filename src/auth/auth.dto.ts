import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../common/actor';
import { ApiProperty } from '@nestjs/swagger';

export class LoginDto {
  /** @example office@musterstadt.example */
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class TokenDto {
  /** The bearer token for the Authorization header. */
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime in seconds. */
  expiresIn: number;
}

export class MeDto {
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  authorityId: string | null;
  /** Schools assigned to a coordinator (empty for other roles). */
  schoolIds: string[];
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  /** At least 12 characters. */
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword: string;
}
