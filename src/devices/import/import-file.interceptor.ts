import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { tooLarge } from './import-reader';
import { IMPORT_LIMITS } from './device-import.service';

const MultipartFile = FileInterceptor('file', { limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 10 } });

/** Reads the upload into memory (at most IMPORT_LIMITS.maxBytes) and says plainly when it is too large. */
@Injectable()
export class ImportFileInterceptor extends MultipartFile {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        const maxMb = IMPORT_LIMITS.maxBytes / 1024 / 1024;
        throw tooLarge(`The file is larger than ${maxMb} MB; split the list`, { maxMb }, 'IMPORT_FILE_TOO_LARGE');
      }
      throw error;
    }
  }
}
