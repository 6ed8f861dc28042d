import { applyDecorators, HttpStatus, Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { AppError, badRequest, FieldError } from './errors';
function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global pipe: strips nothing silently (unknown fields are a 400), converts query strings to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const message = fieldErrors.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ');
      return new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message || 'Validation failed', fieldErrors);
    },
  });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2024-02-30). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A date without time, YYYY-MM-DD, stored in a `date` column. */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date as YYYY-MM-DD`, ...options },
      validator: { validate: isDateOnly },
    });
    ApiProperty({ type: String, format: 'date', example: '2025-08-01' })(target, propertyName as string);
  };
}

/** An integer from a query string ("50" -> 50); anything else fails validation instead of becoming NaN silently. */
export function QueryInt(options: { min?: number; max?: number; optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value)),
    ...(options.optional === false ? [] : [IsOptional()]),
    IsInt(),
    ...(options.min !== undefined ? [Min(options.min)] : []),
    ...(options.max !== undefined ? [Max(options.max)] : []),
    ApiPropertyOptional({ type: 'integer', minimum: options.min, maximum: options.max }),
  );
}

/** A boolean from a query string: only "true" / "false" are accepted. */
export function QueryBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsOptional(),
    IsBoolean(),
    ApiPropertyOptional({ type: Boolean }),
  );
}

/** An official school number: digits only (six in NRW, other states differ). */
export const IsSchoolNumber = () => Matches(/^\d{4,8}$/, { message: 'schoolNumber must be 4 to 8 digits' });

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => badRequest(`${name} must be a UUID`, name) }));
