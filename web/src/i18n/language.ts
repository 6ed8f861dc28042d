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
