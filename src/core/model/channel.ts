export const CHANNELS = ['chat', 'voice', 'email', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text in the product's three languages; at least one is present. */
export type LocalizedText = Partial<Record<Language, string>>;

export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.nl ?? text.en ?? text.fr ?? '';
}
