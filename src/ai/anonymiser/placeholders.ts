import type { Language } from '../text/index.js';
import type { PiiKind } from './anonymiser.types.js';

/**
 * The text that replaces each kind, per language. Agents read these, so they are in the
 * line's language; without a language the English set is the neutral one.
 */
export const PLACEHOLDERS: Readonly<Record<Language, Readonly<Record<PiiKind, string>>>> = {
  nl: {
    name: '[NAAM]',
    phone: '[TELEFOON]',
    email: '[E-MAIL]',
    iban: '[IBAN]',
    card: '[KAART]',
    national_id: '[RIJKSREGISTERNUMMER]',
    bsn: '[BSN]',
    address: '[ADRES]',
    ip: '[IP]',
  },
  fr: {
    name: '[NOM]',
    phone: '[TELEPHONE]',
    email: '[E-MAIL]',
    iban: '[IBAN]',
    card: '[CARTE]',
    national_id: '[NUMERO_NATIONAL]',
    bsn: '[BSN]',
    address: '[ADRESSE]',
    ip: '[IP]',
  },
  en: {
    name: '[NAME]',
    phone: '[PHONE]',
    email: '[EMAIL]',
    iban: '[IBAN]',
    card: '[CARD]',
    national_id: '[NATIONAL_ID]',
    bsn: '[BSN]',
    address: '[ADDRESS]',
    ip: '[IP]',
  },
};

/** Matches any placeholder we write, so a second pass leaves earlier redactions alone. */
export const PLACEHOLDER_PATTERN = /\[[A-Z_-]+\]/g;
