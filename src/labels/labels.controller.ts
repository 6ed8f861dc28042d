import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { LABEL_FORMAT_IDS, LABEL_FORMATS } from './label-formats';
import { LabelFormatDto, LabelsRequestDto } from './labels.dto';
import { LabelsService } from './labels.service';

@ApiTags('labels')
@Authenticated()
@Controller({ version: '1' })
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  /** The label stock the PDF can be printed on (sizes in mm). */
  @Get('labels/formats')
  @Roles('office', 'coordinator', 'viewer')
  formats(): LabelFormatDto[] {
    return LABEL_FORMAT_IDS.map((id) => ({ id, ...LABEL_FORMATS[id] }));
  }

  /**
   * Labels as a PDF (Etiketten drucken): per device its inventory number as text, QR code and Code 128, the owner
   * ("Eigentum der Stadt …") and the school. For device ids or the device list's filters; the devices are then
   * marked as labelled (`labelledAt`). At most 10,000 labels per PDF.
   */
  @Post('labels.pdf')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  pdf(@CurrentActor() actor: Actor, @Body() request: LabelsRequestDto, @Res() res: Response): Promise<void> {
    return this.labels.pdf(actor, request, res);
  }
}
