import type { Language } from '../../core/model/channel.js';
import type { IvrInstruction, IvrPromptInstruction } from '../../core/ivr/index.js';
import type { TwimlPromptVerb, TwimlVerb } from './twiml.js';

/** The provider's speech language per product language. */
export const SAY_LANGUAGE: Readonly<Record<Language, string>> = { nl: 'nl-NL', fr: 'fr-FR', en: 'en-GB' };

/** Where the provider sends what happened next; the adapter builds these for one call. */
export interface IvrTwimlLinks {
  /** Gather action: receives `Digits`. */
  gather: string;
  /** Called after a gather heard nothing (the Redirect after `<Gather>`). */
  noInput: string;
  /** Record action: receives `RecordingUrl`, `RecordingDuration`. */
  record: string;
  /** Enqueue: the hold loop and where the call goes when it leaves the queue. */
  holdLoop: string;
  queueResult: string;
}

export function promptToTwiml(prompt: IvrPromptInstruction): TwimlPromptVerb {
  switch (prompt.kind) {
    case 'say':
      return prompt.voice ? { verb: 'Say', text: prompt.text, voice: prompt.voice, language: SAY_LANGUAGE[prompt.language] } : { verb: 'Say', text: prompt.text, language: SAY_LANGUAGE[prompt.language] };
    case 'play':
      return { verb: 'Play', url: prompt.url };
    case 'pause':
      return { verb: 'Pause', length: prompt.seconds };
  }
}

/**
 * One IVR step as TwiML verbs. `callback` instructions are carried out by the adapter, not the provider,
 * so they render nothing. A gather is followed by a Redirect: the provider falls through to it when the
 * caller stays silent, which the engine hears as `{ timeout }`.
 */
export function ivrInstructionsToTwiml(instructions: readonly IvrInstruction[], links: IvrTwimlLinks): TwimlVerb[] {
  const verbs: TwimlVerb[] = [];
  for (const instruction of instructions) {
    switch (instruction.kind) {
      case 'say':
      case 'play':
      case 'pause':
        verbs.push(promptToTwiml(instruction));
        break;
      case 'gather':
        verbs.push({
          verb: 'Gather',
          action: links.gather,
          input: 'dtmf',
          timeout: instruction.timeoutSeconds,
          finishOnKey: instruction.finishOnKey,
          ...(instruction.numDigits !== undefined ? { numDigits: instruction.numDigits } : {}),
          children: instruction.prompts.map(promptToTwiml),
        });
        verbs.push({ verb: 'Redirect', url: links.noInput });
        break;
      case 'record':
        verbs.push({ verb: 'Record', action: links.record, maxLength: instruction.maxSeconds, finishOnKey: instruction.finishOnKey, playBeep: instruction.playBeep, timeout: 5 });
        // A caller who hangs up or stays silent still reaches the record action; this covers a provider that falls through.
        verbs.push({ verb: 'Redirect', url: links.noInput });
        break;
      case 'enqueue':
        verbs.push({ verb: 'Enqueue', queueName: instruction.queueId, waitUrl: links.holdLoop, action: links.queueResult });
        break;
      case 'callback':
        break;
      case 'dial':
        verbs.push({ verb: 'Dial', target: { noun: 'Number', number: instruction.number }, timeout: instruction.timeoutSeconds });
        verbs.push({ verb: 'Hangup' });
        break;
      case 'hangup':
        verbs.push({ verb: 'Hangup' });
        break;
    }
  }
  return verbs;
}
