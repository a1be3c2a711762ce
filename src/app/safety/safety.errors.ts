import { AppError } from '../../core/errors/app-error.js';
import type { Language } from '../../core/model/index.js';

const TIMED_OUT_TEXT: Record<Language, (time: string) => string> = {
  nl: (time) => `Dit gesprek is gepauzeerd tot ${time}. Daarna kunt u weer berichten sturen.`,
  fr: (time) => `Cette conversation est en pause jusqu’à ${time}. Vous pourrez ensuite à nouveau envoyer des messages.`,
  en: (time) => `This conversation is paused until ${time}. You can send messages again after that.`,
};

// Neutral on purpose: it must not tell a caller that, or why, their number or device is blocked.
const BLOCKED_TEXT: Record<Language, string> = {
  nl: 'Het is op dit moment niet mogelijk om een gesprek te starten. Probeer het later opnieuw.',
  fr: 'Il n’est pas possible de démarrer une conversation pour le moment. Veuillez réessayer plus tard.',
  en: 'It is not possible to start a conversation right now. Please try again later.',
};

function clockTime(at: number, language: Language, timeZone: string): string {
  const locale = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[language];
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(new Date(at));
}

/** Errors of the agent-protection use cases; codes are listed in docs/errors.md. */
export const safetyErrors = {
  /** Retryable: the same message may be sent again once `until` has passed. */
  timedOut: (conversationId: string, until: number, language: Language, timeZone: string) =>
    new AppError('CONVERSATION_TIMED_OUT', `Conversation ${conversationId} is timed out until ${new Date(until).toISOString()}`, {
      status: 409,
      retryable: true,
      userMessage: TIMED_OUT_TEXT[language](clockTime(until, language, timeZone)),
    }),
  contactBlocked: (blockId: string, language: Language) =>
    new AppError('CONTACT_BLOCKED', `Contact is blocked (block ${blockId})`, { status: 403, userMessage: BLOCKED_TEXT[language] }),
  actionInvalid: (problems: readonly string[]) =>
    new AppError('SAFETY_ACTION_INVALID', `Safety action refused: ${problems.join('; ')}`, { status: 422 }),
};
