import { Module } from '@nestjs/common';
import { SiteController } from './site.controller';

/** The public facts about this installation the web app shows on every page; the web app's files are served by serveWebApp. */
@Module({ controllers: [SiteController] })
export class SiteModule {}
