import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/openapi';
import type { Actor } from '../common/actor';
import { ChangePasswordDto, LoginDto, MeDto, TokenDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Authenticated, CurrentActor, Public } from './decorators';
import { RateLimited } from './rate-limits';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Exchanges email and password for a bearer token. Rate-limited per client IP and per account
   * (429 with `Retry-After` in seconds). For the web app it also sets the session as an HttpOnly, SameSite=Strict
   * cookie (Secure over https); writes with that cookie need the `X-Requested-With` header.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimited('login')
  @ApiError(HttpStatus.UNAUTHORIZED, 'Wrong email or password, or the account is deactivated')
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenDto> {
    const token = await this.auth.login(dto);
    setSessionCookie(req, res, token.accessToken, token.expiresIn);
    return token;
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

  /**
   * Ends the caller's sessions: this token and every other token of the same user stop working at once.
   * Also clears the web app's session cookie.
   */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  async logout(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookie(req, res);
  }
}
