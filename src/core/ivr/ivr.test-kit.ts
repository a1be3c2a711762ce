import type { OpeningHours } from '../model/line.js';
import type { IvrContext } from './ivr.types.js';

export const weekdays9to17: OpeningHours = {
  timeZone: 'Europe/Brussels',
  slots: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  closedDates: ['2026-12-25'],
};

/** Thursday 26 Nov 2026, 10:00 in Brussels (UTC+1): open. */
export const OPEN_AT = Date.parse('2026-11-26T09:00:00Z');

export function context(overrides: Partial<IvrContext> = {}): IvrContext {
  return { now: OPEN_AT, openingHours: weekdays9to17, defaultQueueId: 'q_default', callerNumber: '+32470000001', ...overrides };
}

/** A flow with every node type, in NL/FR/EN. */
export function fullFlow(): Record<string, unknown> {
  return {
    languages: ['nl', 'fr', 'en'],
    defaultLanguage: 'nl',
    start: 'welcome',
    voices: { nl: 'Polly.Lotte' },
    nodes: {
      welcome: { type: 'message', prompt: { nl: 'Welkom bij Bank Zuid.', fr: 'Bienvenue chez Bank Zuid.', en: 'Welcome to Bank Zuid.' }, next: 'lang' },
      lang: {
        type: 'language',
        prompt: { nl: 'Voor Nederlands, druk 1.', fr: 'Pour le français, appuyez sur 2.', en: 'For English, press 3.' },
        choices: { '1': 'nl', '2': 'fr', '3': 'en' },
        next: 'hours',
      },
      hours: { type: 'hours', open: 'main', closed: 'closedMsg' },
      closedMsg: { type: 'message', prompt: { audio: { nl: 'https://audio.example/gesloten-nl.mp3', fr: 'https://audio.example/ferme-fr.mp3', en: 'https://audio.example/closed-en.mp3' } }, next: 'voicemail' },
      voicemail: { type: 'voicemail', prompt: { nl: 'Spreek na de toon.', fr: 'Parlez après le bip.', en: 'Speak after the tone.' }, maxSeconds: 60, next: 'bye' },
      main: {
        type: 'menu',
        prompt: { nl: 'Kaart blokkeren: 1. Andere vraag: 2. Teruggebeld worden: 3. Fraude: #.', fr: 'Bloquer la carte: 1. Autre: 2. Rappel: 3. Fraude: #.', en: 'Block card: 1. Other: 2. Callback: 3. Fraud: #.' },
        choices: { '1': 'account', '2': 'general', '3': 'callback', '#': 'fraudLine' },
        invalidPrompt: { nl: 'Ongeldige keuze.', fr: 'Choix invalide.', en: 'Invalid choice.' },
        maxRetries: 2,
        fallback: 'general',
      },
      account: {
        type: 'collect',
        prompt: { nl: 'Geef uw klantnummer, gevolgd door hekje.', fr: 'Votre numéro client, suivi de dièse.', en: 'Your customer number, then hash.' },
        variable: 'customerNumber',
        minLength: 6,
        maxLength: 8,
        pattern: '[1-9][0-9]*',
        maxRetries: 1,
        next: 'urgent',
        fallback: 'general',
      },
      urgent: { type: 'set', skills: ['cards'], priority: 10, next: 'cardsQueue' },
      cardsQueue: { type: 'enqueue', queueId: 'q_cards', prompt: { nl: 'Even geduld.', fr: 'Un instant.', en: 'One moment.' } },
      general: { type: 'enqueue' },
      callback: { type: 'callback', confirmation: { nl: 'We bellen u terug.', fr: 'Nous vous rappelons.', en: 'We will call you back.' }, next: 'bye' },
      fraudLine: { type: 'transfer', number: '+3225550199', prompt: { nl: 'U wordt doorverbonden.', fr: 'Nous vous transférons.', en: 'Transferring you.' } },
      bye: { type: 'hangup', prompt: { nl: 'Tot ziens.', fr: 'Au revoir.', en: 'Goodbye.' } },
    },
  };
}
