import { isLanguage, type Language } from './languages';

const STORAGE_KEY = 'gugus.language';

// Storage can be unavailable (private mode, blocked cookies); the interface then just forgets the choice.
export function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; failing to switch language is not.
  }
}
