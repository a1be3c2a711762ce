import { describe, expect, it } from 'vitest';
import { checkTwiml, readTwiml } from '../../../test/support/twiml-rules.js';
import { continueIvr, parseIvrFlow, startIvr, type IvrInput, type IvrStep } from '../../core/ivr/index.js';
import { context, fullFlow } from '../../core/ivr/ivr.test-kit.js';
import { connectToAgentTwiml, holdLoopTwiml, ivrInstructionsToTwiml, leaveQueueTwiml, renderTwiml, sayAndHangUpTwiml, type IvrTwimlLinks } from './index.js';

const links: IvrTwimlLinks = {
  gather: 'https://centraal.example/api/voice/twilio/ln_bankzuid/gather',
  noInput: 'https://centraal.example/api/voice/twilio/ln_bankzuid/gather?timeout=1',
  record: 'https://centraal.example/api/voice/twilio/ln_bankzuid/record',
  holdLoop: 'https://centraal.example/api/voice/twilio/ln_bankzuid/hold',
  queueResult: 'https://centraal.example/api/voice/twilio/ln_bankzuid/queue-result',
};
const flow = parseIvrFlow(fullFlow());
const ctx = context();
function call(...inputs: IvrInput[]): IvrStep {
  let step = startIvr(flow, ctx);
  for (const input of inputs) step = continueIvr(flow, step.state, input, ctx);
  return step;
}
function twimlOf(step: IvrStep): string {
  const xml = renderTwiml(ivrInstructionsToTwiml(step.instructions, links));
  expect(checkTwiml(xml), xml).toEqual([]);
  return xml;
}
const names = (xml: string) => readTwiml(xml).map((e) => e.name);

describe('TwiML checker (the rules table)', () => {
  it('accepts a plain document and refuses each broken rule', () => {
    expect(checkTwiml('<?xml version="1.0"?><Response><Say language="nl-NL">Hallo</Say><Hangup/></Response>')).toEqual([]);
    expect(checkTwiml('<Response><Say>Hallo</Response>')[0]).toMatch(/not well-formed/);
    expect(checkTwiml('<Reply><Hangup/></Reply>')).toEqual(['the root element must be one <Response>']);
    expect(checkTwiml('<Response><Teleport/></Response>')).toEqual(['Response: <Teleport> is not a TwiML verb or noun']);
    expect(checkTwiml('<Response><Gather action="/g"><Gather/></Gather></Response>')).toEqual(['Response/Gather[0]/Gather[0]: <Gather> may not stand inside <Gather>']);
    expect(checkTwiml('<Response><Gather action="/g"><Dial>+3225550100</Dial></Gather></Response>')).toEqual(['Response/Gather[0]/Dial[0]: <Dial> may not stand inside <Gather>']);
    expect(checkTwiml('<Response><Number>+3225550100</Number></Response>')).toEqual(['Response/Number[0]: <Number> may not stand inside <Response>']);
    expect(checkTwiml('<Response><Gather numDigits="0" method="PUT" colour="red"/></Response>')).toEqual([
      'Response/Gather[0]: <Gather numDigits="0"> must be a whole number 1–64',
      'Response/Gather[0]: <Gather method="PUT"> must be GET or POST',
      'Response/Gather[0]: <Gather> has no attribute "colour"',
    ]);
    expect(checkTwiml('<Response><Say language="xx-YY"> </Say><Pause length="2">x</Pause></Response>')).toEqual([
      'Response/Say[0]: <Say language="xx-YY"> must be one of "nl-NL", "nl-BE", "fr-FR", "fr-BE", "fr-CA", "en-GB", "en-US", "en-AU", "en-IN", "de-DE"',
      'Response/Say[0]: <Say> needs text',
      'Response/Pause[1]: <Pause> takes no text',
    ]);
    expect(checkTwiml('<Response><Dial><Number>0470123456</Number></Dial><Redirect>not a url</Redirect></Response>')).toEqual([
      'Response/Dial[0]/Number[0]: <Number> text "0470123456" must be an E.164 number',
      'Response/Redirect[1]: <Redirect> text "not a url" must be an absolute URL or a path',
    ]);
  });

  it('a conference room in a Dial: rendered with its attributes, and the checker refuses a bad one', () => {
    const caller = renderTwiml([
      { verb: 'Dial', target: { noun: 'Conference', name: 'consult-cv_1', startConferenceOnEnter: false, endConferenceOnExit: true, beep: false, waitUrl: 'https://centraal.example/voice/hold-music.wav' } },
      { verb: 'Hangup' },
    ]);
    expect(checkTwiml(caller), caller).toEqual([]);
    expect(readTwiml(caller)[0]).toEqual({
      name: 'Dial',
      attributes: {},
      text: '',
      children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'false', endConferenceOnExit: 'true', beep: 'false', waitUrl: 'https://centraal.example/voice/hold-music.wav', waitMethod: 'GET' }, text: 'consult-cv_1', children: [] }],
    });
    expect(checkTwiml('<Response><Dial><Conference startConferenceOnEnter="yes" colour="red">room one</Conference></Dial><Conference>x</Conference></Response>')).toEqual([
      'Response/Dial[0]/Conference[0]: <Conference startConferenceOnEnter="yes"> must be true or false',
      'Response/Dial[0]/Conference[0]: <Conference> has no attribute "colour"',
      'Response/Dial[0]/Conference[0]: <Conference> text "room one" must be a conference room name',
      'Response/Conference[1]: <Conference> may not stand inside <Response>',
    ]);
  });
});

describe('IVR step → TwiML', () => {
  it('message + language choice: Say with voice and language, a Gather of one key holding one Say per language, then a Redirect for silence', () => {
    const xml = twimlOf(startIvr(flow, ctx));
    const [say, gather, redirect] = readTwiml(xml);
    expect(say).toEqual({ name: 'Say', attributes: { voice: 'Polly.Lotte', language: 'nl-NL' }, text: 'Welkom bij Bank Zuid.', children: [] });
    expect(gather?.attributes).toEqual({ input: 'dtmf', action: links.gather, method: 'POST', numDigits: '1', timeout: '5', finishOnKey: '' });
    expect(gather?.children.map((c) => c.attributes.language)).toEqual(['nl-NL', 'fr-FR', 'en-GB']);
    expect(redirect).toMatchObject({ name: 'Redirect', attributes: { method: 'POST' }, text: links.noInput });
  });

  it('menu: a Gather in the chosen language; invalid input says the invalid prompt first', () => {
    expect(names(twimlOf(call({ digits: '2' })))).toEqual(['Gather', 'Redirect']);
    const retry = readTwiml(twimlOf(call({ digits: '1' }, { digits: '9' })));
    expect(retry.map((e) => e.name)).toEqual(['Say', 'Gather', 'Redirect']);
    expect(retry[0]?.text).toBe('Ongeldige keuze.');
  });

  it('collect: finishes on # without a fixed number of digits', () => {
    const gather = readTwiml(twimlOf(call({ digits: '1' }, { digits: '1' }))).find((e) => e.name === 'Gather');
    expect(gather?.attributes.finishOnKey).toBe('#');
    expect(gather?.attributes.numDigits).toBeUndefined();
  });

  it('enqueue: Say then Enqueue with the hold loop as waitUrl', () => {
    const [say, enqueue] = readTwiml(twimlOf(call({ digits: '1' }, { digits: '1' }, { digits: '123456#' })));
    expect(say?.text).toBe('Even geduld.');
    expect(enqueue).toEqual({ name: 'Enqueue', attributes: { action: links.queueResult, method: 'POST', waitUrl: links.holdLoop, waitUrlMethod: 'POST' }, text: 'q_cards', children: [] });
  });

  it('callback: the request renders nothing, the confirmation and goodbye are said, then Hangup', () => {
    expect(names(twimlOf(call({ digits: '1' }, { digits: '3' })))).toEqual(['Say', 'Say', 'Hangup']);
  });

  it('transfer: Dial with a Number, then Hangup', () => {
    const [, dial, hangup] = readTwiml(twimlOf(call({ digits: '1' }, { digits: '#' })));
    expect(dial).toEqual({ name: 'Dial', attributes: { timeout: '30' }, text: '', children: [{ name: 'Number', attributes: {}, text: '+3225550199', children: [] }] });
    expect(hangup?.name).toBe('Hangup');
  });

  it('closed → voicemail: Play of the recorded message, Say, Record, and after the recording Say + Hangup', () => {
    const closed = context({ now: Date.parse('2026-11-28T10:00:00Z') });
    const step = continueIvr(flow, startIvr(flow, closed).state, { digits: '1' }, closed);
    const verbs = readTwiml(twimlOf(step));
    expect(verbs.map((e) => e.name)).toEqual(['Play', 'Say', 'Record', 'Redirect']);
    expect(verbs[0]?.text).toBe('https://audio.example/gesloten-nl.mp3');
    expect(verbs[2]?.attributes).toEqual({ action: links.record, method: 'POST', maxLength: '60', finishOnKey: '#', playBeep: 'true', timeout: '5' });
    expect(names(twimlOf(continueIvr(flow, step.state, { recording: { url: 'https://rec.example/1', seconds: 3 } }, closed)))).toEqual(['Say', 'Hangup']);
  });

  it('escapes text and URLs', () => {
    const xml = renderTwiml([{ verb: 'Say', text: 'Tom & Jerry <3 "quotes"', language: 'en-GB' }, { verb: 'Redirect', url: '/x?a=1&b=2' }]);
    expect(checkTwiml(xml)).toEqual([]);
    expect(readTwiml(xml).map((e) => e.text)).toEqual(['Tom & Jerry <3 "quotes"', '/x?a=1&b=2']);
  });
});

describe('queue TwiML', () => {
  it('hold loop: position and wait, a callback offer over the music inside a Gather, then a Redirect back', () => {
    const xml = renderTwiml(holdLoopTwiml({ language: 'fr', position: { position: 3, expectedWaitSeconds: 170 }, musicUrl: '/voice/hold.mp3', offerCallback: true, callbackAction: '/cb', loopUrl: '/hold' }));
    expect(checkTwiml(xml)).toEqual([]);
    const [say, gather, redirect] = readTwiml(xml);
    expect(say?.text).toBe("Vous êtes numéro 3 dans la file. Le temps d'attente estimé est d'environ 3 minutes.");
    expect(gather?.children.map((c) => c.name)).toEqual(['Say', 'Play']);
    expect(redirect?.text).toBe('/hold');
    const plain = renderTwiml(holdLoopTwiml({ language: 'nl', musicUrl: '/voice/hold.mp3', offerCallback: false, callbackAction: '/cb', loopUrl: '/hold' }));
    expect(checkTwiml(plain)).toEqual([]);
    expect(names(plain)).toEqual(['Play', 'Redirect']);
  });

  it('connect, leave and the spoken time-out follow the rules', () => {
    const connect = renderTwiml(connectToAgentTwiml('en', 'agent_sofie'));
    expect(checkTwiml(connect)).toEqual([]);
    expect(readTwiml(connect)[1]).toEqual({ name: 'Dial', attributes: {}, text: '', children: [{ name: 'Client', attributes: {}, text: 'agent_sofie', children: [] }] });
    for (const xml of [renderTwiml(leaveQueueTwiml('nl', 'We bellen u terug.')), renderTwiml(sayAndHangUpTwiml('nl', 'Dit gesprek is gepauzeerd tot 14:30.'))]) expect(checkTwiml(xml)).toEqual([]);
  });
});
