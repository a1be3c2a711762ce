/**
 * The demo lines' IVR flows (validated by `parseIvrFlow` when the server loads them; a unit test checks
 * them too). Kinderlijn: Dutch only, anonymous, no callback (that would need the child's number).
 * Bank Zuid: language choice, opening hours, a menu with cards / other / callback, a customer number.
 */
export function demoIvrFlows(lines: { kinderlijn: string; bank: string }): Array<{ lineId: string; flow: Record<string, unknown> }> {
  return [
    {
      lineId: lines.kinderlijn,
      flow: {
        languages: ['nl'],
        defaultLanguage: 'nl',
        start: 'welkom',
        nodes: {
          welkom: { type: 'message', prompt: { nl: 'Hoi, je belt met de Kinderlijn. Wat je vertelt, blijft tussen ons. Je hoeft je naam niet te zeggen.' }, next: 'open' },
          open: { type: 'hours', open: 'keuze', closed: 'gesloten' },
          keuze: {
            type: 'menu',
            prompt: { nl: 'Wil je met iemand praten? Druk dan op 1. Wil je eerst weten hoe de Kinderlijn werkt? Druk op 2.' },
            choices: { '1': 'praten', '2': 'uitleg' },
            noInputPrompt: { nl: 'Je hoeft niets te kiezen. We verbinden je zo met iemand.' },
            maxRetries: 0,
            fallback: 'praten',
          },
          uitleg: { type: 'message', prompt: { nl: 'Bij de Kinderlijn praat je met een vrijwilliger. Het is gratis en je mag altijd ophangen.' }, next: 'keuze' },
          praten: { type: 'enqueue', prompt: { nl: 'Fijn dat je belt. Even wachten, zo praat je met iemand.' } },
          gesloten: { type: 'hangup', prompt: { nl: 'We zijn nu gesloten. Je kunt ons ook chatten via de website. Ben je in gevaar? Bel dan 112.' } },
        },
      },
    },
    {
      lineId: lines.bank,
      flow: {
        languages: ['nl', 'fr', 'en'],
        defaultLanguage: 'nl',
        start: 'welcome',
        nodes: {
          welcome: { type: 'message', prompt: { nl: 'Welkom bij Bank Zuid.', fr: 'Bienvenue chez Bank Zuid.', en: 'Welcome to Bank Zuid.' }, next: 'language' },
          language: {
            type: 'language',
            prompt: { nl: 'Voor Nederlands, druk 1.', fr: 'Pour le français, appuyez sur 2.', en: 'For English, press 3.' },
            choices: { '1': 'nl', '2': 'fr', '3': 'en' },
            next: 'hours',
          },
          hours: { type: 'hours', open: 'menu', closed: 'closed' },
          menu: {
            type: 'menu',
            prompt: {
              nl: 'Voor uw bankkaart, druk 1. Voor een andere vraag, druk 2. Wilt u teruggebeld worden, druk 3.',
              fr: 'Pour votre carte bancaire, appuyez sur 1. Pour une autre question, appuyez sur 2. Pour être rappelé, appuyez sur 3.',
              en: 'For your bank card, press 1. For another question, press 2. To be called back, press 3.',
            },
            choices: { '1': 'customerNumber', '2': 'general', '3': 'callback' },
            invalidPrompt: { nl: 'Die keuze kennen we niet.', fr: 'Ce choix est inconnu.', en: 'We do not know that choice.' },
            fallback: 'general',
          },
          customerNumber: {
            type: 'collect',
            prompt: { nl: 'Toets uw klantnummer van acht cijfers.', fr: 'Composez votre numéro client à huit chiffres.', en: 'Enter your eight-digit customer number.' },
            variable: 'customerNumber',
            minLength: 8,
            maxLength: 8,
            maxRetries: 1,
            next: 'cards',
            fallback: 'cards',
          },
          cards: { type: 'set', priority: 2, next: 'cardsQueue' },
          cardsQueue: { type: 'enqueue', queueId: 'qu_bank_kaart', prompt: { nl: 'We verbinden u met de kaartendienst.', fr: 'Nous vous mettons en relation avec le service cartes.', en: 'Connecting you to the card service.' } },
          general: { type: 'enqueue', queueId: 'qu_bank', prompt: { nl: 'Een ogenblik geduld.', fr: 'Un instant, s\'il vous plaît.', en: 'One moment, please.' } },
          callback: {
            type: 'callback',
            queueId: 'qu_bank',
            confirmation: { nl: 'We bellen u terug op dit nummer zodra een medewerker vrij is.', fr: 'Nous vous rappelons à ce numéro dès qu\'un conseiller est libre.', en: 'We will call you back on this number as soon as an agent is free.' },
            next: 'goodbye',
          },
          closed: { type: 'voicemail', prompt: { nl: 'We zijn gesloten. Spreek na de toon een bericht in.', fr: 'Nous sommes fermés. Laissez un message après le bip.', en: 'We are closed. Leave a message after the tone.' }, maxSeconds: 120, next: 'goodbye' },
          goodbye: { type: 'hangup', prompt: { nl: 'Bedankt voor uw oproep. Tot ziens.', fr: 'Merci pour votre appel. Au revoir.', en: 'Thank you for calling. Goodbye.' } },
        },
      },
    },
  ];
}
