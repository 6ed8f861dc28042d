import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from './xlsx-format';

/** Documents a streamed Excel download in the OpenAPI document. */
export const ApiXlsxResponse = (description: string) =>
  applyDecorators(
    ApiProduces(XLSX_CONTENT_TYPE, 'application/json'),
    ApiOkResponse({
      description: `${description} Streamed; the file name (authority, subject, date) is in Content-Disposition.`,
      content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    }),
  );
