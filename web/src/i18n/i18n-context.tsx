import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language, LocalizedText } from '../api/api-types.js';
import { dictionaries, type MessageKey } from './dictionaries.js';
import { format, pickText } from './format.js';

const STORAGE_KEY = 'centraal.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The UI text for a key, with `{name}` placeholders filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Text the API gives in several languages (taxonomy, phases, wrap-up codes). */
  pick(text: LocalizedText | undefined): string;
  time(iso: string | number): string;
  dateTime(iso: string | number): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked (private mode); Dutch is the default.
  }
  return 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched for this session.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = language === 'nl' ? 'nl-BE' : language === 'fr' ? 'fr-BE' : 'en-GB';
    const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      setLanguage,
      t: (key, values) => format(dictionaries[language][key], values),
      pick: (text) => (text ? pickText(text, language) : ''),
      time: (at) => timeFormat.format(new Date(at)),
      dateTime: (at) => dateTimeFormat.format(new Date(at)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
