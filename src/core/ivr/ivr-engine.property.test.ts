import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continueIvr, parseIvrFlow, startIvr, type IvrFlow, type IvrInput, type IvrStep } from './index.js';
import { context, fullFlow } from './ivr.test-kit.js';

const input: fc.Arbitrary<IvrInput> = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '4', '9', '#', '*').map((digits) => ({ digits })),
  fc.stringMatching(/^[0-9]{1,10}#?$/).map((digits) => ({ digits })),
  fc.constant({ timeout: true as const }),
  fc.constant({ recording: { url: 'https://rec.example/r', seconds: 5 } }),
);
const moment = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:00Z') });

/** What every step must look like, whatever the caller did. */
function checkStep(flow: IvrFlow, step: IvrStep): void {
  const last = step.instructions.at(-1);
  if (step.waitingFor === 'digits') expect(last?.kind).toBe('gather');
  else if (step.waitingFor === 'recording') expect(last?.kind).toBe('record');
  else expect(['enqueue', 'dial', 'hangup']).toContain(last?.kind);
  expect(step.instructions.slice(0, -1).every((i) => !['gather', 'record', 'enqueue', 'dial', 'hangup'].includes(i.kind))).toBe(true);
  if (step.state.waitingAt !== null) {
    const node = flow.nodes[step.state.waitingAt];
    const retries = node && 'maxRetries' in node ? node.maxRetries : 0;
    expect(step.state.attempts).toBeLessThanOrEqual(retries);
  }
  expect(flow.languages).toContain(step.data.language);
  expect(JSON.parse(JSON.stringify(step.state))).toEqual(step.state);
}

describe('IVR engine properties', () => {
  const flow = parseIvrFlow(fullFlow());

  it('any run of key presses, silences and recordings gives well-formed steps and never throws', () => {
    fc.assert(
      fc.property(moment, fc.array(input, { maxLength: 25 }), (now, inputs) => {
        const ctx = context({ now });
        let step = startIvr(flow, ctx);
        checkStep(flow, step);
        for (const next of inputs) {
          if (step.waitingFor === null) break;
          step = continueIvr(flow, JSON.parse(JSON.stringify(step.state)), next, ctx);
          checkStep(flow, step);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a caller who never presses a key still reaches the end of the flow', () => {
    fc.assert(
      fc.property(moment, (now) => {
        const ctx = context({ now });
        let step = startIvr(flow, ctx);
        for (let i = 0; i < 20 && step.waitingFor !== null; i++) step = continueIvr(flow, step.state, { timeout: true }, ctx);
        expect(step.waitingFor).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});

describe('validation guarantees a runnable flow', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  // Mostly known ids, sometimes a missing one; each node also links to the next id, so most flows are reachable
  // and what validation decides on is chiefly loops without input and unknown ids.
  const target = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant('missing') });
  const prompt = { nl: 'Tekst.' };
  const inner = (next: string) =>
    fc.oneof(
      fc.constant({ type: 'message', prompt, next }),
      fc.tuple(target, target).map(([two, fallback]) => ({ type: 'menu', prompt, choices: { '1': next, '2': two }, maxRetries: 1, fallback })),
      target.map((closed) => ({ type: 'hours', open: next, closed })),
      fc.constant({ type: 'set', priority: 3, next }),
      target.map((fallback) => ({ type: 'collect', prompt, variable: 'nr', minLength: 2, maxLength: 4, next, fallback })),
    );
  const last = fc.oneof(fc.constant({ type: 'enqueue' }), fc.constant({ type: 'hangup' }), target.map((back) => ({ type: 'message', prompt, next: back })));
  const randomFlow = fc.tuple(inner('b'), inner('c'), inner('d'), inner('e'), last).map((nodes) => ({
    languages: ['nl'],
    defaultLanguage: 'nl',
    start: 'a',
    nodes: Object.fromEntries(ids.map((id, i) => [id, nodes[i]])),
  }));

  it('a flow that validates runs under any input without errors; one that does not names at least one problem', () => {
    let valid = 0;
    fc.assert(
      fc.property(randomFlow, moment, fc.array(input, { maxLength: 15 }), (raw, now, inputs) => {
        let flow: IvrFlow;
        try {
          flow = parseIvrFlow(raw);
        } catch (error) {
          expect((error as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
          return;
        }
        valid++;
        const ctx = context({ now });
        let step = startIvr(flow, ctx);
        checkStep(flow, step);
        for (const next of inputs) {
          if (step.waitingFor === null) break;
          step = continueIvr(flow, step.state, next, ctx);
          checkStep(flow, step);
        }
      }),
      { numRuns: 500 },
    );
    // The generator must reach the interesting half too.
    expect(valid).toBeGreaterThan(100);
  });
});
