import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A TwiML checker written as a table of rules (after Twilio's TwiML reference): which verbs may stand in
 * `<Response>`, which attributes each verb takes with which values, what it may contain.
 * `checkTwiml(xml)` returns one line per broken rule; an empty list means the document follows them.
 */

type ValueRule = { describe: string; test: (value: string) => boolean };
const url: ValueRule = { describe: 'an absolute URL or a path', test: (v) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(v) };
const method: ValueRule = { describe: 'GET or POST', test: (v) => v === 'GET' || v === 'POST' };
const bool: ValueRule = { describe: 'true or false', test: (v) => v === 'true' || v === 'false' };
const int = (min: number, max: number): ValueRule => ({ describe: `a whole number ${min}–${max}`, test: (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max });
const oneOf = (...values: string[]): ValueRule => ({ describe: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, test: (v) => values.includes(v) });
const pattern = (re: RegExp, describe: string): ValueRule => ({ describe, test: (v) => re.test(v) });
const SAY_LANGUAGES = ['nl-NL', 'nl-BE', 'fr-FR', 'fr-BE', 'fr-CA', 'en-GB', 'en-US', 'en-AU', 'en-IN', 'de-DE'];

interface VerbRule {
  attributes: Record<string, ValueRule>;
  /** Elements allowed inside. */
  children: readonly string[];
  text: 'required' | 'forbidden' | 'optional';
  textRule?: ValueRule;
}

const RULES: Record<string, VerbRule> = {
  Response: { attributes: {}, children: ['Say', 'Play', 'Pause', 'Gather', 'Record', 'Enqueue', 'Dial', 'Redirect', 'Leave', 'Hangup', 'Reject'], text: 'forbidden' },
  Say: { attributes: { voice: pattern(/^[A-Za-z]+(\.[A-Za-z0-9-]+)?$/, 'a voice name'), language: oneOf(...SAY_LANGUAGES), loop: int(0, 1000) }, children: [], text: 'required', textRule: pattern(/\S/, 'text to speak') },
  Play: { attributes: { loop: int(0, 1000), digits: pattern(/^[0-9*#wW]+$/, 'DTMF digits') }, children: [], text: 'required', textRule: url },
  Pause: { attributes: { length: int(1, 600) }, children: [], text: 'forbidden' },
  Gather: {
    attributes: {
      input: oneOf('dtmf', 'speech', 'dtmf speech'),
      action: url,
      method,
      numDigits: int(1, 64),
      timeout: int(1, 600),
      finishOnKey: pattern(/^[0-9*#]?$/, 'one key or empty'),
      actionOnEmptyResult: bool,
      language: oneOf(...SAY_LANGUAGES),
    },
    children: ['Say', 'Play', 'Pause'],
    text: 'forbidden',
  },
  Record: { attributes: { action: url, method, maxLength: int(1, 14400), finishOnKey: pattern(/^[0-9*#]*$/, 'keys'), playBeep: bool, timeout: int(0, 600), trim: oneOf('trim-silence', 'do-not-trim') }, children: [], text: 'forbidden' },
  Enqueue: { attributes: { action: url, method, waitUrl: url, waitUrlMethod: method, workflowSid: pattern(/^WW[0-9a-f]{32}$/, 'a workflow sid') }, children: [], text: 'required', textRule: pattern(/^[^\s].{0,63}$/, 'a queue name') },
  Dial: { attributes: { action: url, method, timeout: int(5, 600), callerId: pattern(/^(\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_-]+)$/, 'E.164 or client:'), record: oneOf('do-not-record', 'record-from-answer', 'record-from-ringing'), timeLimit: int(1, 86400) }, children: ['Number', 'Client', 'Queue', 'Conference'], text: 'optional', textRule: pattern(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number') },
  Number: { attributes: { sendDigits: pattern(/^[0-9*#wW]+$/, 'DTMF digits') }, children: [], text: 'required', textRule: pattern(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number') },
  Client: { attributes: {}, children: [], text: 'required', textRule: pattern(/^[A-Za-z0-9_-]{1,121}$/, 'a client identity') },
  Queue: { attributes: { url, method }, children: [], text: 'required' },
  Conference: {
    attributes: {
      muted: bool,
      beep: oneOf('true', 'false', 'onEnter', 'onExit'),
      startConferenceOnEnter: bool,
      endConferenceOnExit: bool,
      waitUrl: url,
      waitMethod: method,
      maxParticipants: int(2, 250),
      record: oneOf('do-not-record', 'record-from-start'),
    },
    children: [],
    text: 'required',
    textRule: pattern(/^[A-Za-z0-9_-]{1,128}$/, 'a conference room name'),
  },
  Redirect: { attributes: { method }, children: [], text: 'required', textRule: url },
  Leave: { attributes: {}, children: [], text: 'forbidden' },
  Hangup: { attributes: {}, children: [], text: 'forbidden' },
  Reject: { attributes: { reason: oneOf('rejected', 'busy') }, children: [], text: 'forbidden' },
};

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false });

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@') as string;
}

function checkElement(node: OrderedNode, path: string, problems: string[]): void {
  const name = nameOf(node);
  const rule = RULES[name];
  if (!rule) {
    problems.push(`${path}: <${name}> is not a TwiML verb or noun`);
    return;
  }
  for (const [attribute, value] of Object.entries(node[':@'] ?? {})) {
    const valueRule = rule.attributes[attribute];
    if (!valueRule) problems.push(`${path}: <${name}> has no attribute "${attribute}"`);
    else if (!valueRule.test(value)) problems.push(`${path}: <${name} ${attribute}="${value}"> must be ${valueRule.describe}`);
  }
  const content = (node[name] as OrderedNode[]) ?? [];
  const text = content.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
  const elements = content.filter((c) => !('#text' in c));
  if (rule.text === 'forbidden' && text.trim() !== '') problems.push(`${path}: <${name}> takes no text`);
  if (rule.text === 'required' && text.trim() === '') problems.push(`${path}: <${name}> needs text`);
  if (rule.textRule && text.trim() !== '' && !rule.textRule.test(text)) problems.push(`${path}: <${name}> text "${text}" must be ${rule.textRule.describe}`);
  if (name === 'Dial' && text.trim() === '' && elements.length !== 1) problems.push(`${path}: <Dial> needs one number, client or queue`);
  elements.forEach((child, i) => {
    const childName = nameOf(child);
    if (!RULES[childName]) problems.push(`${path}: <${childName}> is not a TwiML verb or noun`);
    else if (!rule.children.includes(childName)) problems.push(`${path}/${childName}[${i}]: <${childName}> may not stand inside <${name}>`);
    else checkElement(child, `${path}/${childName}[${i}]`, problems);
  });
}

export function checkTwiml(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const roots = (parser.parse(xml) as OrderedNode[]).filter((n) => nameOf(n) !== '?xml');
  if (roots.length !== 1 || nameOf(roots[0] as OrderedNode) !== 'Response') return ['the root element must be one <Response>'];
  const problems: string[] = [];
  checkElement(roots[0] as OrderedNode, 'Response', problems);
  return problems;
}

/** The verbs of a TwiML document in order, for assertions: `[{ name, attributes, text, children }]`. */
export interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: TwimlElement[];
}
export function readTwiml(xml: string): TwimlElement[] {
  const toElement = (node: OrderedNode): TwimlElement => {
    const name = nameOf(node);
    const content = (node[name] as OrderedNode[]) ?? [];
    return {
      name,
      attributes: node[':@'] ?? {},
      text: content.filter((c) => '#text' in c).map((c) => String(c['#text'])).join(''),
      children: content.filter((c) => !('#text' in c)).map(toElement),
    };
  };
  const root = (parser.parse(xml) as OrderedNode[]).find((n) => nameOf(n) === 'Response');
  return root ? toElement(root).children : [];
}
