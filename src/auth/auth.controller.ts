import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from './actor';
import { ChangePasswordDto, LoginDto, MeDto, TokenDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Authenticated, CurrentActor, Public } from './decorators';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges email and password for a bearer token. Rate-limited per client IP. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  login(@Body() dto: LoginDto): Promise<TokenDto> {
    return this.auth.login(dto);
  }

  /** The caller: role, authority and (for coordinators) schools. */
  @Get('me')
  @Authenticated()
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  /** Changes the caller's own password. */
  @Post('password')
  @HttpCode(204)
  @Authenticated()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }
}
