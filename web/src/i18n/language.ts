export type Language = 'de' | 'en';

const STORAGE_KEY = 'inventar.language';

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

/** The chosen language, read once at start. */
export const language: Language = storedLanguage();

/** Switching reloads the page: every text is read once at start. */
export function switchLanguage(): void {
  localStorage.setItem(STORAGE_KEY, language === 'en' ? 'de' : 'en');
  location.reload();
}

/** The shape every language provides (strings, not the German literals). */
export type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object') return (over as T) ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = typeof v === 'object' ? merge(out[k], v) : v;
  return out as T;
}

/** Texts in the chosen language: the German ones, in English mode with the English ones over them (German where none exists). */
export function inLanguage<T>(de: T, en?: DeepPartial<Widen<T>>): Widen<T> {
  return (language === 'en' && en ? merge(de, en) : de) as Widen<T>;
}
