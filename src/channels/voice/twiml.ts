/**
 * TwiML: the XML a Twilio-style telephony provider runs for a call. Verbs are plain data; `renderTwiml`
 * writes them as one `<Response>` document with every text and attribute escaped.
 */

export type TwimlPromptVerb =
  | { verb: 'Say'; text: string; voice?: string; language?: string; loop?: number }
  | { verb: 'Play'; url: string; loop?: number }
  | { verb: 'Pause'; length: number };

/**
 * A named conference room (warm transfer): the caller waits in it with `waitUrl` (hold music) until someone
 * with `startConferenceOnEnter` joins; `endConferenceOnExit` ends it for everyone when that participant leaves.
 */
export type TwimlConference = { noun: 'Conference'; name: string; startConferenceOnEnter: boolean; endConferenceOnExit: boolean; beep?: boolean; waitUrl?: string; waitMethod?: 'POST' | 'GET' };

export type TwimlDialTarget = { noun: 'Number'; number: string } | { noun: 'Client'; identity: string } | TwimlConference;

export type TwimlVerb =
  | TwimlPromptVerb
  | {
      verb: 'Gather';
      action: string;
      method?: 'POST' | 'GET';
      input?: 'dtmf';
      numDigits?: number;
      timeout: number;
      finishOnKey?: string;
      actionOnEmptyResult?: boolean;
      children: TwimlPromptVerb[];
    }
  | { verb: 'Record'; action: string; method?: 'POST' | 'GET'; maxLength: number; finishOnKey?: string; playBeep?: boolean; timeout?: number }
  | { verb: 'Enqueue'; queueName: string; waitUrl: string; waitUrlMethod?: 'POST' | 'GET'; action: string; method?: 'POST' | 'GET' }
  | { verb: 'Dial'; target: TwimlDialTarget; timeout?: number; action?: string; method?: 'POST' | 'GET'; callerId?: string }
  | { verb: 'Redirect'; url: string; method?: 'POST' | 'GET' }
  | { verb: 'Leave' }
  | { verb: 'Hangup' };

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

function element(name: string, attributes: Record<string, string | number | boolean | undefined>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

function renderVerb(verb: TwimlVerb): string {
  switch (verb.verb) {
    case 'Say':
      return element('Say', { voice: verb.voice, language: verb.language, loop: verb.loop }, escapeXml(verb.text));
    case 'Play':
      return element('Play', { loop: verb.loop }, escapeXml(verb.url));
    case 'Pause':
      return element('Pause', { length: verb.length });
    case 'Gather':
      return element(
        'Gather',
        {
          input: verb.input ?? 'dtmf',
          action: verb.action,
          method: verb.method ?? 'POST',
          numDigits: verb.numDigits,
          timeout: verb.timeout,
          finishOnKey: verb.finishOnKey,
          actionOnEmptyResult: verb.actionOnEmptyResult,
        },
        verb.children.map(renderVerb).join(''),
      );
    case 'Record':
      return element('Record', { action: verb.action, method: verb.method ?? 'POST', maxLength: verb.maxLength, finishOnKey: verb.finishOnKey, playBeep: verb.playBeep, timeout: verb.timeout });
    case 'Enqueue':
      return element('Enqueue', { action: verb.action, method: verb.method ?? 'POST', waitUrl: verb.waitUrl, waitUrlMethod: verb.waitUrlMethod ?? 'POST' }, escapeXml(verb.queueName));
    case 'Dial': {
      const target = renderDialTarget(verb.target);
      return element('Dial', { action: verb.action, method: verb.action ? (verb.method ?? 'POST') : undefined, timeout: verb.timeout, callerId: verb.callerId }, target);
    }
    case 'Redirect':
      return element('Redirect', { method: verb.method ?? 'POST' }, escapeXml(verb.url));
    case 'Leave':
      return element('Leave', {});
    case 'Hangup':
      return element('Hangup', {});
  }
}

function renderDialTarget(target: TwimlDialTarget): string {
  switch (target.noun) {
    case 'Number':
      return element('Number', {}, escapeXml(target.number));
    case 'Client':
      return element('Client', {}, escapeXml(target.identity));
    case 'Conference':
      return element(
        'Conference',
        { startConferenceOnEnter: target.startConferenceOnEnter, endConferenceOnExit: target.endConferenceOnExit, beep: target.beep, waitUrl: target.waitUrl, waitMethod: target.waitUrl ? (target.waitMethod ?? 'GET') : undefined },
        escapeXml(target.name),
      );
  }
}

export function renderTwiml(verbs: readonly TwimlVerb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element('Response', {}, verbs.map(renderVerb).join(''))}`;
}
