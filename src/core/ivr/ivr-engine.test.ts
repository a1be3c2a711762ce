import { describe, expect, it } from 'vitest';
import { continueIvr, IvrStateError, parseIvrFlow, startIvr, type IvrInput, type IvrStep } from './index.js';
import { context, fullFlow, OPEN_AT } from './ivr.test-kit.js';

const flow = parseIvrFlow(fullFlow());
const ctx = context();

/** Feeds answers in order, each through a JSON round trip of the state (as the adapter stores it). */
function call(...inputs: IvrInput[]): IvrStep {
  let step = startIvr(flow, ctx);
  for (const input of inputs) step = continueIvr(flow, JSON.parse(JSON.stringify(step.state)), input, ctx);
  return step;
}
const kinds = (step: IvrStep) => step.instructions.map((i) => i.kind);

describe('IVR engine', () => {
  it('starts with the welcome message and a language choice spoken in every language', () => {
    const step = startIvr(flow, ctx);
    expect(step.waitingFor).toBe('digits');
    expect(step.state.waitingAt).toBe('lang');
    expect(step.instructions[0]).toEqual({ kind: 'say', text: 'Welkom bij Bank Zuid.', language: 'nl', voice: 'Polly.Lotte' });
    const gather = step.instructions[1];
    expect(gather?.kind === 'gather' && gather.prompts.map((p) => (p.kind === 'say' ? p.language : ''))).toEqual(['nl', 'fr', 'en']);
    expect(gather).toMatchObject({ numDigits: 1, finishOnKey: '', timeoutSeconds: 5 });
    expect(step.trace.map((t) => `${t.nodeId}:${t.event}`)).toEqual(['welcome:entered', 'lang:entered']);
  });

  it('takes the chosen language for every prompt after it', () => {
    const step = call({ digits: '2' });
    expect(step.data.language).toBe('fr');
    expect(step.state.waitingAt).toBe('main');
    const gather = step.instructions.at(-1);
    expect(gather?.kind === 'gather' && gather.prompts[0]).toEqual({ kind: 'say', text: 'Bloquer la carte: 1. Autre: 2. Rappel: 3. Fraude: #.', language: 'fr' });
    expect(step.trace.map((t) => `${t.nodeId}:${t.event}`)).toEqual(['lang:language', 'hours:entered', 'hours:open', 'main:entered']);
  });

  it('keeps the default language when the language choice gets no valid answer', () => {
    const retried = call({ digits: '7' });
    expect(retried.state).toMatchObject({ waitingAt: 'lang', attempts: 1 });
    expect(retried.instructions.slice(0, 3)).toEqual([
      { kind: 'say', text: 'Dat is geen geldige keuze.', language: 'nl', voice: 'Polly.Lotte' },
      { kind: 'say', text: "Ce choix n'est pas valide.", language: 'fr' },
      { kind: 'say', text: 'That is not a valid choice.', language: 'en' },
    ]);
    expect(kinds(retried)).toEqual(['say', 'say', 'say', 'gather']);
    const step = call({ digits: '7' }, { timeout: true }, { timeout: true });
    expect(step.data.language).toBe('nl');
    expect(step.state.waitingAt).toBe('main');
    expect(step.trace.map((t) => t.event).slice(0, 2)).toEqual(['no_input', 'fallback']);
  });

  it('menu: a valid key goes to its node; "#" can be a choice', () => {
    const step = call({ digits: '1' }, { digits: '2' });
    expect(step.data.choices).toEqual({ main: '2' });
    expect(step.waitingFor).toBeNull();
    expect(step.instructions).toEqual([{ kind: 'enqueue', queueId: 'q_default', skills: [], priority: null, language: 'nl' }]);
    const fraud = call({ digits: '1' }, { digits: '#' });
    expect(fraud.instructions).toEqual([
      { kind: 'say', text: 'U wordt doorverbonden.', language: 'nl', voice: 'Polly.Lotte' },
      { kind: 'dial', number: '+3225550199', timeoutSeconds: 30 },
    ]);
  });

  it('menu: invalid input says the invalid prompt and asks again; after the retries it falls back', () => {
    const first = call({ digits: '1' }, { digits: '9' });
    expect(first.state).toMatchObject({ waitingAt: 'main', attempts: 1 });
    expect(kinds(first)).toEqual(['say', 'gather']);
    expect(first.instructions[0]).toMatchObject({ text: 'Ongeldige keuze.' });
    const second = call({ digits: '1' }, { digits: '9' }, { digits: '8' });
    expect(second.state).toMatchObject({ waitingAt: 'main', attempts: 2 });
    const third = call({ digits: '1' }, { digits: '9' }, { digits: '8' }, { digits: '0' });
    expect(third.state.waitingAt).toBeNull();
    expect(third.trace.map((t) => `${t.nodeId}:${t.event}`)).toEqual(['main:invalid', 'main:fallback', 'general:entered', 'general:enqueued']);
    // A valid answer after one invalid one still counts.
    expect(call({ digits: '1' }, { digits: '9' }, { digits: '3' }).data.callback).toEqual({ number: '+32470000001', queueId: 'q_default' });
  });

  it('menu: silence uses the default no-input text in the caller language, then falls back', () => {
    const first = call({ digits: '3' }, { timeout: true });
    expect(first.instructions[0]).toEqual({ kind: 'say', text: 'We did not hear a choice.', language: 'en' });
    expect(first.trace[0]).toMatchObject({ nodeId: 'main', event: 'no_input' });
    const empty = call({ digits: '3' }, { digits: '' });
    expect(empty.trace[0]).toMatchObject({ event: 'no_input' });
    const last = call({ digits: '3' }, { timeout: true }, { timeout: true }, { timeout: true });
    expect(last.instructions.at(-1)).toMatchObject({ kind: 'enqueue', language: 'en' });
  });

  it('collect: a variable-length number ends on the finishing key, is validated and routes with skill and priority', () => {
    const asked = call({ digits: '1' }, { digits: '1' });
    expect(asked.instructions.at(-1)).toMatchObject({ kind: 'gather', finishOnKey: '#', timeoutSeconds: 5 });
    expect(asked.instructions.at(-1)).not.toHaveProperty('numDigits');
    const step = call({ digits: '1' }, { digits: '1' }, { digits: '1234567#' });
    expect(step.data.variables).toEqual({ customerNumber: '1234567' });
    expect(step.data.skills).toEqual(['cards']);
    expect(step.instructions).toEqual([
      { kind: 'say', text: 'Even geduld.', language: 'nl', voice: 'Polly.Lotte' },
      { kind: 'enqueue', queueId: 'q_cards', skills: ['cards'], priority: 10, language: 'nl' },
    ]);
    expect(step.trace.find((t) => t.event === 'collected')?.detail).toBe('customerNumber (7 digits)');
  });

  it('collect: too short, too long or off-pattern digits are invalid; then the fallback', () => {
    for (const digits of ['12345#', '123456789#', '0123456#', '12*456#']) {
      const step = call({ digits: '1' }, { digits: '1' }, { digits });
      expect(step.state, digits).toMatchObject({ waitingAt: 'account', attempts: 1 });
      expect(step.data.variables).toEqual({});
    }
    const fallback = call({ digits: '1' }, { digits: '1' }, { digits: '1#' }, { timeout: true });
    expect(fallback.trace.map((t) => t.event)).toEqual(['no_input', 'fallback', 'entered', 'enqueued']);
    expect(fallback.instructions.at(-1)).toMatchObject({ kind: 'enqueue', queueId: 'q_default' });
  });

  it('collect: a fixed length asks for exactly that many keys', () => {
    const fixed = parseIvrFlow({
      languages: ['en'],
      defaultLanguage: 'en',
      start: 'pin',
      nodes: {
        pin: { type: 'collect', prompt: { en: 'Your PIN.' }, variable: 'pin', minLength: 4, maxLength: 4, next: 'done', fallback: 'done' },
        done: { type: 'hangup' },
      },
    });
    const step = startIvr(fixed, ctx);
    expect(step.instructions[0]).toMatchObject({ kind: 'gather', numDigits: 4, finishOnKey: '#' });
    expect(continueIvr(fixed, step.state, { digits: '4321' }, ctx).data.variables).toEqual({ pin: '4321' });
  });

  it('callback: takes the caller number, confirms and hangs up', () => {
    const step = call({ digits: '1' }, { digits: '3' });
    expect(step.instructions).toEqual([
      { kind: 'callback', queueId: 'q_default', number: '+32470000001', skills: [], priority: null, language: 'nl' },
      { kind: 'say', text: 'We bellen u terug.', language: 'nl', voice: 'Polly.Lotte' },
      { kind: 'say', text: 'Tot ziens.', language: 'nl', voice: 'Polly.Lotte' },
      { kind: 'hangup' },
    ]);
    const hidden = startIvr(flow, context({ callerNumber: null }));
    expect(continueIvr(flow, continueIvr(flow, hidden.state, { digits: '1' }, context({ callerNumber: null })).state, { digits: '3' }, context({ callerNumber: null })).data.callback).toEqual({ number: null, queueId: 'q_default' });
  });

  it('closed: plays the recorded message, records a voicemail and says goodbye', () => {
    const closed = context({ now: Date.parse('2026-11-28T10:00:00Z') }); // a Saturday
    const step = continueIvr(flow, startIvr(flow, closed).state, { digits: '3' }, closed);
    expect(step.trace.map((t) => `${t.nodeId}:${t.event}`)).toContain('hours:closed');
    expect(step.instructions).toEqual([
      { kind: 'play', url: 'https://audio.example/closed-en.mp3' },
      { kind: 'say', text: 'Speak after the tone.', language: 'en' },
      { kind: 'record', maxSeconds: 60, finishOnKey: '#', playBeep: true },
    ]);
    expect(step.waitingFor).toBe('recording');
    const left = continueIvr(flow, step.state, { recording: { url: 'https://rec.example/r1', seconds: 14 } }, closed);
    expect(left.data.voicemail).toEqual({ url: 'https://rec.example/r1', seconds: 14 });
    expect(kinds(left)).toEqual(['say', 'hangup']);
    const silent = continueIvr(flow, step.state, { timeout: true }, closed);
    expect(silent.data.voicemail).toBeNull();
    expect(silent.trace[0]).toMatchObject({ nodeId: 'voicemail', event: 'no_input' });
  });

  it('refuses a state that does not wait or waits at a node the flow lacks', () => {
    const done = call({ digits: '1' }, { digits: '2' });
    expect(() => continueIvr(flow, done.state, { digits: '1' }, ctx)).toThrow(IvrStateError);
    expect(() => continueIvr(flow, { ...done.state, waitingAt: 'welcome' }, { digits: '1' }, ctx)).toThrow(/not a node that waits/);
    expect(() => continueIvr(flow, { ...done.state, waitingAt: 'nope' }, { digits: '1' }, ctx)).toThrow(IvrStateError);
  });

  it('does not change the state it was given', () => {
    const before = startIvr(flow, ctx).state;
    const copy = JSON.parse(JSON.stringify(before));
    continueIvr(flow, before, { digits: '2' }, ctx);
    expect(before).toEqual(copy);
  });

  it('starts in the language asked for when the flow has it', () => {
    expect(startIvr(flow, ctx, { language: 'fr' }).instructions[0]).toMatchObject({ language: 'fr', text: 'Bienvenue chez Bank Zuid.' });
    expect(startIvr(parseIvrFlow({ ...fullFlow(), languages: ['nl', 'fr', 'en'] }), ctx, { language: 'en' }).data.language).toBe('en');
  });
});

describe('IVR opening hours check', () => {
  const hoursFlow = parseIvrFlow({
    languages: ['nl'],
    defaultLanguage: 'nl',
    start: 'hours',
    nodes: { hours: { type: 'hours', open: 'q', closed: 'bye' }, q: { type: 'enqueue' }, bye: { type: 'hangup', prompt: { nl: 'We zijn gesloten.' } } },
  });
  const at = (iso: string) => startIvr(hoursFlow, context({ now: Date.parse(iso) })).trace[1]?.event;

  it('opens at 09:00 Brussels time to the minute and closes at 17:00', () => {
    // Thursday 26 Nov 2026, UTC+1.
    expect(at('2026-11-26T07:59:00Z')).toBe('closed');
    expect(at('2026-11-26T08:00:00Z')).toBe('open');
    expect(at('2026-11-26T08:01:00Z')).toBe('open');
    expect(at('2026-11-26T15:59:00Z')).toBe('open');
    expect(at('2026-11-26T16:00:00Z')).toBe('closed');
    expect(at('2026-11-26T16:01:00Z')).toBe('closed');
  });

  it('follows the change to summer time (29 March 2026) and back (25 October 2026)', () => {
    // Friday 27 March: still UTC+1, 09:00 local is 08:00Z.
    expect(at('2026-03-27T07:59:00Z')).toBe('closed');
    expect(at('2026-03-27T08:00:00Z')).toBe('open');
    // Monday 30 March: UTC+2, 09:00 local is 07:00Z; 08:00Z is already 10:00.
    expect(at('2026-03-30T06:59:00Z')).toBe('closed');
    expect(at('2026-03-30T07:00:00Z')).toBe('open');
    expect(at('2026-03-30T14:59:00Z')).toBe('open');
    expect(at('2026-03-30T15:00:00Z')).toBe('closed');
    // Monday 26 October: back to UTC+1.
    expect(at('2026-10-26T07:59:00Z')).toBe('closed');
    expect(at('2026-10-26T08:00:00Z')).toBe('open');
  });

  it('is closed on a closed date and always open without hours', () => {
    expect(at('2026-12-25T10:00:00Z')).toBe('closed');
    expect(startIvr(hoursFlow, context({ openingHours: null, now: OPEN_AT + 1e9 })).trace[1]?.event).toBe('open');
  });
});
