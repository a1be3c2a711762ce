import type { Language } from '../../core/model/channel.js';
import { SAY_LANGUAGE } from './ivr-twiml.js';
import type { TwimlVerb } from './twiml.js';
import { positionText, VOICE_TEXTS } from './voice-texts.js';

export interface HoldLoopInput {
  language: Language;
  /** From the routing engine's queue position; absent while the engine has not placed the call yet. */
  position?: { position: number; expectedWaitSeconds: number };
  musicUrl: string;
  /** Offer a callback on key 1 (the caller's number is known and the call is still waiting). */
  offerCallback: boolean;
  /** Gather action for the callback key. */
  callbackAction: string;
  /** This same hold loop: the provider fetches it again when the music ends. */
  loopUrl: string;
}

/**
 * The waiting caller's loop (the Enqueue's waitUrl): place and expected wait, the callback offer, hold
 * music inside a Gather so a key press interrupts it, then a Redirect back here.
 */
export function holdLoopTwiml(input: HoldLoopInput): TwimlVerb[] {
  const language = SAY_LANGUAGE[input.language];
  const verbs: TwimlVerb[] = [];
  if (input.position) verbs.push({ verb: 'Say', text: positionText(input.language, input.position.position, input.position.expectedWaitSeconds), language });
  if (input.offerCallback) {
    verbs.push({
      verb: 'Gather',
      action: input.callbackAction,
      input: 'dtmf',
      numDigits: 1,
      timeout: 1,
      finishOnKey: '',
      children: [
        { verb: 'Say', text: VOICE_TEXTS.callbackOffer[input.language], language },
        { verb: 'Play', url: input.musicUrl },
      ],
    });
  } else {
    verbs.push({ verb: 'Play', url: input.musicUrl });
  }
  verbs.push({ verb: 'Redirect', url: input.loopUrl });
  return verbs;
}

/** The caller leaves the queue: to the agent's softphone client, or with a spoken reason and a hang-up. */
export function connectToAgentTwiml(language: Language, clientIdentity: string, action?: string): TwimlVerb[] {
  return [
    { verb: 'Say', text: VOICE_TEXTS.connecting[language], language: SAY_LANGUAGE[language] },
    { verb: 'Dial', target: { noun: 'Client', identity: clientIdentity }, ...(action ? { action } : {}) },
    { verb: 'Hangup' },
  ];
}

export function sayAndHangUpTwiml(language: Language, text: string): TwimlVerb[] {
  return [{ verb: 'Say', text, language: SAY_LANGUAGE[language] }, { verb: 'Hangup' }];
}

/** Leaves the Enqueue (its action URL decides what follows). */
export function leaveQueueTwiml(language: Language, text?: string): TwimlVerb[] {
  return [...(text ? [{ verb: 'Say' as const, text, language: SAY_LANGUAGE[language] }] : []), { verb: 'Leave' }];
}
