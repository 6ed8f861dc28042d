import { applyDecorators, type ArgumentMetadata, HttpStatus, Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsArray, IsBoolean, IsInt, IsObject, IsOptional, Matches, Max, Min, registerDecorator, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { fieldTemplate } from '../i18n/messages';
import { AppError, FieldCode, FieldError, invalidField, MessageParams } from './errors';
import { ApiError } from './openapi';
/** Type checks come first: "not a number" explains more than "must not be less than 1" for the same value. */
const TYPE_CHECKS = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isUuid', 'isDateOnly', 'isEmail', 'isUrl', 'isArray', 'isObject', 'isIn'];

/** The values a constraint's text needs, from the decorator's own arguments (e.g. `@MaxLength(200)` → `{ max: 200 }`). */
function constraintParams(target: object | undefined, property: string, name: string): MessageParams | undefined {
  if (!target) return undefined;
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  const first: unknown = meta?.constraints?.[0];
  if (name === 'maxLength' || name === 'max' || name === 'arrayMaxSize') return { max: first as number };
  if (name === 'minLength' || name === 'min' || name === 'arrayMinSize') return { min: first as number };
  if (name === 'isIn' && Array.isArray(first)) return { values: first as string[] };
  return undefined;
}

/** The one code of a field's failed constraints a person is told about: a missing value first, then its type. */
function fieldCode(e: ValidationError, names: string[]): { code: FieldCode; params?: MessageParams } {
  if (names.includes('whitelistValidation')) return { code: 'whitelistValidation' };
  const empty = e.value === undefined || e.value === null || (typeof e.value === 'string' && e.value.trim() === '');
  if (empty) return { code: 'isNotEmpty' };
  const name = names.find((n) => TYPE_CHECKS.includes(n)) ?? names[0];
  // A decorator may name a code of its own: `@Matches(re, { context: { code: 'isSchoolNumber' } })`.
  const own = (e.contexts?.[name] as { code?: string } | undefined)?.code;
  const candidate = own ?? name;
  const code = (fieldTemplate(candidate) !== undefined ? candidate : 'invalid') as FieldCode;
  const params = constraintParams(e.target, e.property, name);
  return { code, ...(params ? { params } : {}) };
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints ? [{ field, messages: Object.values(e.constraints), ...fieldCode(e, Object.keys(e.constraints)) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

type MetadataReader = Pick<MetadataStorage, 'getTargetValidationMetadatas' | 'groupByPropertyName'>;

/**
 * class-validator works out a class's validation metadata anew on every validation: it walks the metadata of every
 * decorated class for inherited rules and regroups them by property (profiled on the stocktaking scan:
 * bench/RESULTS.md #16). The answer changes only when a decorator registers more metadata (at module
 * load), so it is remembered per class and options until then. The validator only reads what it gets.
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [REMEMBERED]?: true };
  if (marked[REMEMBERED]) return;
  marked[REMEMBERED] = true;
  const read: MetadataReader = { getTargetValidationMetadatas: storage.getTargetValidationMetadatas.bind(storage), groupByPropertyName: storage.groupByPropertyName.bind(storage) };
  let targets = new Map<Function, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], ReturnType<MetadataStorage['groupByPropertyName']>>();
  const forget = () => {
    targets = new Map();
    grouped = new WeakMap();
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[method] as (arg: never) => void).bind(storage);
    (storage as unknown as Record<string, (arg: never) => void>)[method] = (arg) => {
      forget();
      add(arg);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? JSON.stringify(groups) : ''}`;
    let byOptions = targets.get(target);
    if (!byOptions) targets.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = read.getTargetValidationMetadatas(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = read.groupByPropertyName(metadata)));
    return found;
  };
}
const REMEMBERED = Symbol('rememberValidationMetadata');

/**
 * UUIDs as PostgreSQL writes them, in lower case, in a validated DTO and the DTOs nested in it. PostgreSQL compares uuids
 * in any case, the services compare ids as strings (a school of a list, a device already linked): an id sent in upper
 * case matched in the database and missed in the code.
 */
function lowerCaseUuids(dto: object): void {
  for (const meta of uuidAndNestedFields(dto.constructor)) {
    const record = dto as Record<string, unknown>;
    const value = record[meta.propertyName];
    if (meta.name === 'isUuid') {
      if (typeof value === 'string') record[meta.propertyName] = value.toLowerCase();
      else if (Array.isArray(value)) record[meta.propertyName] = value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v));
    } else if (meta.type === 'nestedValidation' && value !== null && typeof value === 'object') {
      for (const nested of Array.isArray(value) ? value : [value]) if (nested !== null && typeof nested === 'object') lowerCaseUuids(nested as object);
    }
  }
}

/** Per DTO class, its UUID and nested fields (most classes have none: the walk then costs a map lookup). */
const uuidFields = new WeakMap<Function, ValidationMetadata[]>();
function uuidAndNestedFields(target: Function): ValidationMetadata[] {
  let found = uuidFields.get(target);
  if (!found) {
    found = getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false)
      .filter((m) => m.name === 'isUuid' || m.type === 'nestedValidation');
    uuidFields.set(target, found);
  }
  return found;
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (result !== null && typeof result === 'object' && metadata.metatype && result instanceof metadata.metatype) lowerCaseUuids(result);
    return result;
  }
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400), converts query strings to the DTO's types, writes
 * UUIDs in lower case.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target and value let the field errors name their constraint's arguments and tell a missing value apart; neither is sent.
    validationError: { target: true, value: true },
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

/**
 * A body field that may be left out but not sent as null: its checks run on every value except `undefined`, so a null is
 * a 400 naming the field (`@IsOptional()` lets null through too, and a null then reached a NOT NULL column, a settings
 * section or the service's code). Fields whose null means "none" (a room, a note) keep `@IsOptional()`.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value: unknown) => value !== undefined);

/**
 * A list of objects of one DTO class, each validated. Each element must be an object: `@ValidateNested({ each: true })`
 * alone passes a nested array (`[[]]`, an array is "nested" too) without looking inside, and the service then read fields
 * of an array.
 */
export function NestedList(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

/**
 * The fields of a DTO that the request sent. A DTO class declares its fields, so every instance has them all, unsent ones
 * as `undefined`: a spread of the DTO over stored values (`{ ...stored, ...dto }`) would erase what the request left out.
 */
export function sentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Leading and trailing spaces are not part of a text (a title of only spaces is then empty, and fails its length check). */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

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
export const IsSchoolNumber = () => Matches(/^\d{4,8}$/, { message: 'schoolNumber must be 4 to 8 digits', context: { code: 'isSchoolNumber' } });

/** A UUID path parameter; anything else is a 400 naming the parameter, an id outside the caller's view a 404 (both documented). */
export const IdParam = (name = 'id'): ParameterDecorator => {
  // In lower case, as PostgreSQL writes it (see lowerCaseUuids).
  const param = Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => invalidField(name, 'isUuid', `${name} must be a UUID`) }), { transform: (id: string) => id.toLowerCase() });
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiError(HttpStatus.BAD_REQUEST, `Invalid input: \`fieldErrors\` names the fields (\`${name}\` must be a UUID)`)(target, key!, descriptor);
    ApiError(HttpStatus.NOT_FOUND, 'Not found, or outside what the caller may see')(target, key!, descriptor);
  };
};
