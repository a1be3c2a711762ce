import type { Language, LocalizedText } from '../api/api-types.js';

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The label in the UI language, else Dutch, English, French (the server's own fallback order). */
export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.nl ?? text.en ?? text.fr ?? '';
}
