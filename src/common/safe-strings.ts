import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidField } from './errors';

// A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its partner (no valid UTF-8 exists for it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored or compared, or undefined when it is fine. */
export function unsafeStringReason(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone surrogate)';
  return undefined;
}

/** The dotted path of the first string (value or key) in `value` that cannot be stored, with the reason. */
function findUnsafe(value: unknown, path: string, depth = 0): { field: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unsafeStringReason(value);
    return reason ? { field: path, reason } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > 20 || Buffer.isBuffer(value)) return undefined;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, item] of entries) {
    const field = path ? `${path}.${key}` : key;
    const keyReason = unsafeStringReason(key);
    if (keyReason) return { field: path || 'body', reason: `has a field name that ${keyReason}` };
    const found = findUnsafe(item, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The global first pipe: every body, query and path parameter of every route is checked here, before validation,
 * for NUL bytes and lone surrogates, which PostgreSQL refuses (a 500 once) and which no field may hold.
 * 400 naming the field.
 */
@Injectable()
export class SafeStringsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = findUnsafe(value, metadata.data ?? '');
    if (found) {
      const field = found.field || metadata.data || metadata.type;
      throw invalidField(field, 'unsafeText', `${field} ${found.reason}`);
    }
    return value;
  }
}
