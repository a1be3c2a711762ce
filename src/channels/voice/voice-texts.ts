import type { Language } from '../../core/model/channel.js';

/** What the caller hears outside the line's own IVR prompts, in the call's language. */
export function positionText(language: Language, position: number, expectedWaitSeconds: number): string {
  const minutes = Math.max(1, Math.round(expectedWaitSeconds / 60));
  switch (language) {
    case 'nl':
      return `U bent nummer ${position} in de wachtrij. De verwachte wachttijd is ongeveer ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}.`;
    case 'fr':
      return `Vous êtes numéro ${position} dans la file. Le temps d'attente estimé est d'environ ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    case 'en':
      return `You are number ${position} in the queue. The expected wait is about ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
}

export const VOICE_TEXTS = {
  callbackOffer: { nl: 'Druk 1 om teruggebeld te worden; u houdt uw plaats in de wachtrij.', fr: 'Appuyez sur 1 pour être rappelé; vous gardez votre place dans la file.', en: 'Press 1 to be called back; you keep your place in the queue.' },
  callbackTaken: { nl: 'We bellen u terug zodra een medewerker vrij is. Tot straks.', fr: "Nous vous rappelons dès qu'un conseiller est libre. À bientôt.", en: 'We will call you back as soon as an agent is free. Goodbye.' },
  callbackNoNumber: { nl: 'Uw nummer is niet zichtbaar; terugbellen is niet mogelijk. U blijft in de wachtrij.', fr: "Votre numéro est masqué; le rappel n'est pas possible. Vous restez dans la file.", en: 'Your number is hidden, so we cannot call you back. You stay in the queue.' },
  connecting: { nl: 'U wordt verbonden met een medewerker.', fr: 'Nous vous mettons en relation avec un conseiller.', en: 'Connecting you to an agent.' },
  ended: { nl: 'Dit gesprek is beëindigd. Tot ziens.', fr: 'Cet appel est terminé. Au revoir.', en: 'This call has ended. Goodbye.' },
  unavailable: { nl: 'Deze lijn is niet bereikbaar. Probeer later opnieuw.', fr: 'Cette ligne est indisponible. Réessayez plus tard.', en: 'This line is not available. Please try again later.' },
} as const satisfies Record<string, Record<Language, string>>;
