import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { tenantOf } from '../common/access';
import { badRequest, invalidField, notFound } from '../common/errors';
import { transaction } from '../common/db';
import { labelOf } from '../i18n/labels';
import { contentDisposition } from '../exports/xlsx-download';
import { LABEL_FORMATS, labelsPerPage } from './label-formats';
import { LabelSheetWriter, ownerLine } from './label-sheet.pdf';
import { LabelsRequestDto, MAX_LABELS } from './labels.dto';
import { DevicesService } from '../devices/devices.service';
import { authorityNameOf, labelDevices } from './labels.queries';

/** Pause rendering while this much PDF waits for a slow client (memory stays flat). */
const MAX_PENDING_BYTES = 1024 * 1024;

@Injectable()
export class LabelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly devicesService: DevicesService,
  ) {}

  /**
   * Streams the labels PDF. Everything that can fail with a JSON error (access, validation, too many devices) happens
   * before the first byte; the devices are marked labelled (and the print audited) once every label is rendered
   * and the client is still there.
   */
  async pdf(actor: Actor, request: LabelsRequestDto, res: Response): Promise<void> {
    const authorityId = tenantOf(actor);
    const format = LABEL_FORMATS[request.format];
    const startAt = request.startAt ?? 1;
    if (startAt > labelsPerPage(format)) throw invalidField('startAt', 'startAtRange', `startAt must be between 1 and ${labelsPerPage(format)} for this format`, { max: labelsPerPage(format) });
    const em = this.dataSource.manager;
    const devices = await labelDevices(em, actor, request, MAX_LABELS + 1);
    if (request.deviceIds && devices.length < new Set(request.deviceIds).size) throw notFound('Device');
    if (devices.length > MAX_LABELS) {
      throw badRequest('TOO_MANY_LABELS', `More than ${MAX_LABELS} devices match; narrow the filters`, { maxLabels: MAX_LABELS });
    }
    if (devices.length === 0) throw invalidField('deviceIds', 'nothingToPrint', 'No device matches; nothing to print');
    const authority = (await authorityNameOf(em, actor)) ?? '';

    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(`Etiketten_${request.format}.pdf`));
    res.setHeader('Cache-Control', 'no-store');
    const writer = new LabelSheetWriter(res, format, ownerLine(authority), startAt, { title: `Etiketten (${format.name})`, author: authority });
    for (const d of devices) {
      writer.add({
        inventoryNumber: d.inventoryNumber,
        schoolName: d.schoolName,
        detail: request.showModel ? `${labelOf('deviceType', d.type)} · ${d.manufacturer} ${d.model}` : null,
      });
      if (writer.pendingBytes() > MAX_PENDING_BYTES) await drained(res, writer);
      if (res.destroyed) return;
    }
    await transaction(this.dataSource, async (tx) => {
      await this.devicesService.markLabelled(tx, authorityId, devices.map((d) => d.id));
      await this.audit.record(tx, actor, {
        action: 'labels.printed',
        entityType: 'device',
        meta: { format: request.format, startAt, count: devices.length, ...(devices.length <= 50 ? { deviceIds: devices.map((d) => d.id) } : {}) },
      });
    });
    await writer.end();
  }
}

/** Waits until the client has taken the PDF rendered so far (or went away). */
async function drained(res: Response, writer: LabelSheetWriter): Promise<void> {
  while (writer.pendingBytes() > MAX_PENDING_BYTES && !res.destroyed) {
    if (res.writableNeedDrain) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    else await new Promise((resolve) => setImmediate(resolve));
  }
}
