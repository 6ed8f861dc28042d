import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor';
import { ChangePasswordDto, LoginDto, MeDto, TokenDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Authenticated, CurrentActor, Public } from './decorators';
import { RateLimited } from './rate-limits';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Exchanges email and password for a bearer token. Rate-limited per client IP and per account
   * (429 with `Retry-After` in seconds).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimited('login')
  login(@Body() dto: LoginDto): Promise<TokenDto> {
    return this.auth.login(dto);
  }

  /** The caller: role, authority and (for coordinators) schools. */
  @Get('me')
  @Authenticated()
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  /**
   * Changes the caller's own password and ends all their sessions, this one included: log in again with the new one.
   * Rate-limited per user (429 with `Retry-After`).
   */
  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @RateLimited('password')
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }

  /** Ends the caller's sessions: this token and every other token of the same user stop working at once. */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }
}
