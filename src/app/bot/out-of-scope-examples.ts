import type { Language } from '../../core/model/index.js';

/**
 * Messages that are no question the bot can answer: greetings, vague openers, small talk.
 * Trained as one extra intent, so a model that knows only eight questions does not force every
 * message onto one of them (with a handful of examples its confidences are otherwise too sure).
 */
export const OUT_OF_SCOPE_INTENT = '__out_of_scope__';

export const OUT_OF_SCOPE_EXAMPLES: Record<Language, readonly string[]> = {
  nl: ['hallo', 'goedemiddag', 'ik heb een vraag', 'ik heb een vraag over iets', 'kunt u mij helpen?', 'het weer is mooi vandaag', 'ok', 'dank je', 'ja', 'nee', 'ik heb een probleem', 'het gaat over mijn rekening', 'wie ben jij?', 'dat is niet wat ik bedoel', 'ik snap het niet', 'test'],
  fr: ['bonjour', 'bonsoir', "j'ai une question", "j'ai une question sur quelque chose", 'pouvez-vous m\'aider ?', 'il fait beau aujourd\'hui', 'ok', 'merci', 'oui', 'non', "j'ai un problème", "c'est au sujet de mon compte", 'qui êtes-vous ?', "ce n'est pas ce que je veux dire", 'je ne comprends pas', 'test'],
  en: ['hello', 'good afternoon', 'I have a question', 'I have a question about something', 'can you help me?', 'the weather is nice today', 'ok', 'thank you', 'yes', 'no', 'I have a problem', 'it is about my account', 'who are you?', 'that is not what I mean', 'I do not understand', 'test'],
};
