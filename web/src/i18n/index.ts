import { de, type Texts } from './de';
import { en } from './en';
import { inLanguage } from './language';

export type { Texts };
export { type Language, language, switchLanguage } from './language';
export { accessoryLabel, label, labels } from './labels';

/**
 * The texts of the shell and the counter in the chosen language (German unless the user switched; then English with German
 * where none exists). Each other screen area's texts come from its own module, `./<area>.ts` (tDevices, tLoans …).
 */
export const t: Texts = inLanguage(de, en);

/** A text with its {placeholders} filled in: fill(t.counter.lent, { name }). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
