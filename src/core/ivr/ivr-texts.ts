import type { LocalizedText } from '../model/channel.js';

/** Used when a node has no own text for these moments. */
export const DEFAULT_INVALID_TEXT: LocalizedText = {
  nl: 'Dat is geen geldige keuze.',
  fr: "Ce choix n'est pas valide.",
  en: 'That is not a valid choice.',
};

export const DEFAULT_NO_INPUT_TEXT: LocalizedText = {
  nl: 'We hebben geen keuze gehoord.',
  fr: "Nous n'avons pas entendu de choix.",
  en: 'We did not hear a choice.',
};
