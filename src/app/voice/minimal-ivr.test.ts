import { describe, expect, it } from 'vitest';
import { demoBankIvr } from '../../storage/seed/demo-bank-ivr.seed.js';
import { minimalIvr } from './minimal-ivr.js';

const context = { now: 0, language: 'fr' as const, defaultQueueId: 'qu_bank' };
const flow = demoBankIvr();

describe('the minimal IVR runner', () => {
  it('greets, asks the menu in the caller language and waits for a key', () => {
    const step = minimalIvr.start(flow, context);
    expect(step.state.waitingAt).toBe('menu');
    expect(step.instructions.map((i) => i.kind)).toEqual(['say', 'gather']);
    expect(JSON.stringify(step.instructions[1])).toContain('appuyez sur 1');
  });

  it('routes key 1 through the skill node to the card queue', () => {
    const step = minimalIvr.input(flow, minimalIvr.start(flow, context).state, { digits: '1' }, context);
    expect(step.instructions.at(-1)).toEqual({ kind: 'enqueue', queueId: 'qu_bank_kaart', skills: ['topic:kaart'], priority: null, language: 'fr' });
    expect(step.trace[0]).toEqual({ nodeId: 'menu', event: 'chose', detail: '1' });
  });

  it('repeats the menu after a wrong key or silence, then takes the fallback', () => {
    let state = minimalIvr.start(flow, context).state;
    const wrong = minimalIvr.input(flow, state, { digits: '9' }, context);
    expect(wrong.instructions.map((i) => i.kind)).toEqual(['say', 'gather']);
    state = wrong.state;
    state = minimalIvr.input(flow, state, { timeout: true }, context).state;
    const last = minimalIvr.input(flow, state, { timeout: true }, context);
    expect(last.trace.map((t) => t.event)).toEqual(['no_input', 'fallback', 'entered', 'enqueued']);
    expect(last.instructions.at(-1)).toMatchObject({ kind: 'enqueue', queueId: 'qu_bank' });
  });

  it('never strands a caller in a flow that loops without input', () => {
    const loop = { languages: ['nl' as const], defaultLanguage: 'nl' as const, start: 'a', nodes: { a: { type: 'message' as const, prompt: { nl: 'a' }, next: 'a' } } };
    const step = minimalIvr.start(loop, { ...context, language: 'nl' });
    expect(step.instructions.at(-1)).toMatchObject({ kind: 'enqueue', queueId: 'qu_bank' });
  });
});
