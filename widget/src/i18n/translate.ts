import { CATALOGUES, UI_LANGUAGES, type MessageKey, type UiLanguage } from './messages.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns a translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(language: UiLanguage): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The widget's language: the embed's `data-language`, else the page's `<html lang>`, else the
 * line's first language; always one the line offers (Dutch when the line offers nothing we know).
 */
export function pickLanguage(offered: readonly string[], requested: string | undefined, pageLang: string | undefined): UiLanguage {
  const usable = offered.filter(isUiLanguage);
  for (const candidate of [requested, pageLang?.slice(0, 2).toLowerCase()]) {
    if (isUiLanguage(candidate) && usable.includes(candidate)) return candidate;
  }
  return usable[0] ?? 'nl';
}

/** A label localized per language (`{nl, fr?, en?}`), falling back to Dutch, then to any label. */
export function localized(label: Partial<Record<string, string>>, language: UiLanguage): string {
  return label[language] ?? label.nl ?? Object.values(label).find((v) => typeof v === 'string') ?? '';
}
