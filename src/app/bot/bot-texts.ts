import type { HandoverReason } from '../../core/bot/index.js';
import type { Language } from '../../core/model/index.js';

/** What the bot says when it is not giving an answer, per language. */
const HANDOVER: Record<Language, string> = {
  nl: 'Ik verbind je door met een medewerker.',
  fr: 'Je vous mets en relation avec un conseiller.',
  en: 'I am connecting you with an agent.',
};

const CLARIFY: Record<Language, (a: string, b: string) => string> = {
  nl: (a, b) => `Bedoel je ${a} of ${b}?`,
  fr: (a, b) => `Voulez-vous dire ${a} ou ${b} ?`,
  en: (a, b) => `Do you mean ${a} or ${b}?`,
};

export function handoverText(language: Language, _reason: HandoverReason): string {
  return HANDOVER[language];
}

export function clarifyText(language: Language, a: string, b: string): string {
  return CLARIFY[language](a, b);
}

export const DEFAULT_BOT_NAME = 'Bot';
