import type { VoiceIvrFlow } from '../../core/model/index.js';

/** Bank Zuid's call menu: cards (priority queue) or everything else; no answer → the general queue. */
export function demoBankIvr(): VoiceIvrFlow {
  return {
    languages: ['nl', 'fr', 'en'],
    defaultLanguage: 'nl',
    start: 'welcome',
    nodes: {
      welcome: {
        type: 'message',
        prompt: { nl: 'Welkom bij Bank Zuid.', fr: 'Bienvenue chez Banque Sud.', en: 'Welcome to Bank Zuid.' },
        next: 'menu',
      },
      menu: {
        type: 'menu',
        prompt: {
          nl: 'Voor je bankkaart, druk 1. Voor alle andere vragen, druk 2.',
          fr: 'Pour votre carte bancaire, appuyez sur 1. Pour toute autre question, appuyez sur 2.',
          en: 'For your bank card, press 1. For anything else, press 2.',
        },
        choices: { '1': 'cards', '2': 'general' },
        timeoutSeconds: 10,
        maxRetries: 2,
        fallback: 'general',
      },
      cards: { type: 'set', skills: ['topic:kaart'], next: 'cardsQueue' },
      cardsQueue: { type: 'enqueue', queueId: 'qu_bank_kaart', prompt: { nl: 'Je wordt doorverbonden met een kaartspecialist.', fr: 'Nous vous passons un spécialiste des cartes.', en: 'We are putting you through to a card specialist.' } },
      general: { type: 'enqueue', queueId: 'qu_bank', prompt: { nl: 'Even geduld, we verbinden je door.', fr: 'Un instant, nous vous mettons en relation.', en: 'One moment, we are putting you through.' } },
    },
  };
}
