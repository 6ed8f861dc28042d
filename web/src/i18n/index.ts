import { de, type Texts } from './de';
import { en } from './en';

export type { Texts };
export type Language = 'de' | 'en';

const STORAGE_KEY = 'inventar.language';

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object') return (over as T) ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = typeof v === 'object' ? merge(out[k], v) : v;
  return out as T;
}

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export const language: Language = storedLanguage();

/** The texts of the chosen language (German unless the user switched; then English with German where none exists). */
export const t: Texts = language === 'en' ? merge<Texts>(de, en) : de;

/** Switching reloads the page: every text is read once at start. */
export function switchLanguage(): void {
  localStorage.setItem(STORAGE_KEY, language === 'en' ? 'de' : 'en');
  location.reload();
}

/** A text with its {placeholders} filled in: fill(t.counter.lent, { name }). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
