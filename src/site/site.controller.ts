import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { AppConfig } from '../config/app-config';
import { SiteDto } from './site.dto';

@ApiTags('site')
@Controller({ path: 'site', version: '1' })
export class SiteController {
  constructor(private readonly config: AppConfig) {}

  /** The installation's contact for accessibility feedback and its legal links. No login needed. */
  @Public()
  @Get()
  site(): SiteDto {
    const c = this.config;
    return {
      accessibilityContactName: c.ACCESSIBILITY_CONTACT_NAME ?? null,
      accessibilityContactEmail: c.ACCESSIBILITY_CONTACT_EMAIL ?? null,
      privacyUrl: c.PRIVACY_URL ?? null,
      imprintUrl: c.IMPRINT_URL ?? null,
    };
  }
}
