import { fill, t } from '../i18n';
import { formatCount, formatEuro, parseEuroToCents, parseGermanDate } from './format';

/**
 * What a form's fields hold, read as the API wants it (cents, 'YYYY-MM-DD', integers, trimmed text) and checked as the
 * API checks it, with a German message for each field that is not right:
 *
 *   const read = new TypedValues<'gross' | 'orderDate'>();
 *   const grossCents = read.euro('gross', v.gross, { aboveZero: true });
 *   const orderDate = read.date('orderDate', v.orderDate, { required: true });
 *   setInvalid(read.errors);
 *   if (read.ok) save.mutate({ grossCents: grossCents!, orderDate: orderDate! });
 *
 * A reader answers null for a field that is empty (where allowed) or wrong; `ok` says whether every field was right.
 */
export class TypedValues<F extends string> {
  readonly errors: Partial<Record<F, string>> = {};

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Marks a field wrong (the first message a field gets stays). */
  refuse(field: F, message: string): void {
    this.errors[field] ??= message;
  }

  /** Euros as typed ("1.234,56", "12 €") → cents; not negative, with `aboveZero` more than 0, at most `maxCents`. */
  euro(field: F, text: string, options: { optional?: boolean; aboveZero?: boolean; maxCents?: number } = {}): number | null {
    if (!text.trim()) return options.optional ? null : this.fail(field, t.typed.amount);
    const cents = parseEuroToCents(text);
    if (cents === null) return this.fail(field, t.typed.amount);
    if (cents < 0) return this.fail(field, t.typed.amountNegative);
    if (options.aboveZero && cents === 0) return this.fail(field, t.typed.amountZero);
    if (options.maxCents !== undefined && cents > options.maxCents) return this.fail(field, fill(t.typed.amountAbove, { max: formatEuro(options.maxCents) }));
    return cents;
  }

  /** A date as TT.MM.JJJJ → 'YYYY-MM-DD'; only days of the calendar. */
  date(field: F, text: string, options: { required?: boolean } = {}): string | null {
    if (!text.trim()) return options.required ? this.fail(field, t.typed.dateMissing) : null;
    return parseGermanDate(text) ?? this.fail(field, t.typed.date);
  }

  /** A whole number from `min` to `max` (digits only: "2,5", "1e3" and "-1" are no count). */
  wholeNumber(field: F, text: string, { min, max, optional = false }: { min: number; max: number; optional?: boolean }): number | null {
    const digits = text.trim();
    if (!digits && optional) return null;
    const n = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
    return n >= min && n <= max ? n : this.fail(field, fill(t.typed.wholeNumber, { min: formatCount(min), max: formatCount(max) }));
  }

  /** A percentage above 0 and at most 100, with up to two decimals after a comma ("90", "87,5"). */
  percent(field: F, text: string): number | null {
    const typed = text.trim().replace(/\s?%$/, '');
    const n = /^\d{1,3}(,\d{1,2})?$/.test(typed) ? Number(typed.replace(',', '.')) : NaN;
    return n > 0 && n <= 100 ? n : this.fail(field, t.typed.percent);
  }

  /** Text without its outer spaces, at least `min` and at most `max` characters. */
  text(field: F, text: string, { min = 1, max }: { min?: number; max?: number } = {}): string {
    const trimmed = text.trim();
    if (trimmed.length < min) this.refuse(field, trimmed ? fill(t.typed.textShort, { min }) : t.typed.textMissing);
    if (max !== undefined && trimmed.length > max) this.refuse(field, fill(t.typed.textLong, { max: formatCount(max) }));
    return trimmed;
  }

  /** A later date (`field`) not before an earlier one, whose field is labelled `earlierLabel`; both read already. */
  notBefore(field: F, later: string | null, earlier: string | null, earlierLabel: string): void {
    if (later && earlier && later < earlier) this.refuse(field, fill(t.typed.dateBefore, { other: earlierLabel }));
  }

  private fail(field: F, message: string): null {
    this.refuse(field, message);
    return null;
  }
}
