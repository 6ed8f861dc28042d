import { de, type Texts } from './de';
import { en } from './en';
import { language } from './language';

export type { Texts };
export { type Language, language, switchLanguage } from './language';
export { accessoryLabel, label, labels } from './labels';

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object') return (over as T) ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = typeof v === 'object' ? merge(out[k], v) : v;
  return out as T;
}

/** The texts of the chosen language (German unless the user switched; then English with German where none exists). */
export const t: Texts = language === 'en' ? merge<Texts>(de, en) : de;

/** A text with its {placeholders} filled in: fill(t.counter.lent, { name }). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
