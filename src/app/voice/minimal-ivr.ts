import { pickText, type Language } from '../../core/model/index.js';
import type { IvrCallContext, IvrCallerInput, IvrInstruction, IvrRunner, IvrRunState, IvrRunStep, VoiceIvrFlow, VoiceIvrNode } from './ivr-port.js';

const INVALID_TEXT = { nl: 'Dat is geen geldige keuze.', fr: "Ce choix n'est pas valide.", en: 'That is not a valid choice.' };
/** A flow that loops through messages without input must still end: cap the nodes walked per step. */
const MAX_NODES_PER_STEP = 50;

/**
 * A small IVR runner for browser calls (message, menu with DTMF, set skill/priority, enqueue,
 * hang-up), written against the same port as the full IVR engine so that one can replace it.
 * Pure: no clock, no I/O.
 */
export const minimalIvr: IvrRunner = {
  start(flow, context) {
    const state: IvrRunState = { waitingAt: null, attempts: 0, language: context.language, skills: [], priority: null, choices: {} };
    return walk(flow, state, flow.start, [], [], context);
  },

  input(flow, state, input: IvrCallerInput, context) {
    const at = state.waitingAt ? flow.nodes[state.waitingAt] : undefined;
    if (!at || at.type !== 'menu' || !state.waitingAt) return { state, instructions: [], trace: [] };
    const nodeId = state.waitingAt;
    const key = 'digits' in input ? input.digits.slice(0, 1) : '';
    const target = key ? at.choices[key] : undefined;
    if (target) {
      const next: IvrRunState = { ...state, waitingAt: null, attempts: 0, choices: { ...state.choices, [nodeId]: key } };
      return walk(flow, next, target, [], [{ nodeId, event: 'chose', detail: key }], context);
    }
    const attempts = state.attempts + 1;
    const event = 'digits' in input ? 'invalid' : 'no_input';
    if (attempts > (at.maxRetries ?? 2)) {
      return walk(flow, { ...state, waitingAt: null, attempts: 0 }, at.fallback, [], [{ nodeId, event }, { nodeId, event: 'fallback' }], context);
    }
    const say = 'digits' in input ? [sayOf(at.invalidPrompt ?? INVALID_TEXT, state.language)] : [];
    return { state: { ...state, attempts }, instructions: [...say, gatherOf(at.prompt, at.timeoutSeconds, state.language)], trace: [{ nodeId, event, ...(key ? { detail: key } : {}) }] };
  },
};

function walk(flow: VoiceIvrFlow, state: IvrRunState, startAt: string, instructions: IvrInstruction[], trace: IvrRunStep['trace'], context: IvrCallContext): IvrRunStep {
  let nodeId: string | undefined = startAt;
  let current = state;
  for (let walked = 0; nodeId && walked < MAX_NODES_PER_STEP; walked++) {
    const node: VoiceIvrNode | undefined = flow.nodes[nodeId];
    if (!node) break;
    trace.push({ nodeId, event: 'entered' });
    switch (node.type) {
      case 'message':
        instructions.push(sayOf(node.prompt, current.language));
        nodeId = node.next;
        continue;
      case 'menu':
        instructions.push(gatherOf(node.prompt, node.timeoutSeconds, current.language));
        return { state: { ...current, waitingAt: nodeId, attempts: 0 }, instructions, trace };
      case 'set':
        current = { ...current, skills: [...current.skills, ...(node.skills ?? [])], priority: node.priority ?? current.priority };
        nodeId = node.next;
        continue;
      case 'enqueue':
        if (node.prompt) instructions.push(sayOf(node.prompt, current.language));
        instructions.push({ kind: 'enqueue', queueId: node.queueId ?? context.defaultQueueId, skills: current.skills, priority: current.priority, language: current.language });
        trace.push({ nodeId, event: 'enqueued', detail: node.queueId ?? context.defaultQueueId });
        return { state: { ...current, waitingAt: null }, instructions, trace };
      case 'hangup':
        if (node.prompt) instructions.push(sayOf(node.prompt, current.language));
        instructions.push({ kind: 'hangup' });
        trace.push({ nodeId, event: 'hangup' });
        return { state: { ...current, waitingAt: null }, instructions, trace };
    }
  }
  // A broken flow never strands the caller: hand the call to the line's queue.
  instructions.push({ kind: 'enqueue', queueId: context.defaultQueueId, skills: current.skills, priority: current.priority, language: current.language });
  return { state: { ...current, waitingAt: null }, instructions, trace };
}

function sayOf(text: Parameters<typeof pickText>[0], language: Language): { kind: 'say'; text: string; language: Language } {
  return { kind: 'say', text: pickText(text, language), language };
}

function gatherOf(prompt: Parameters<typeof pickText>[0], timeoutSeconds: number | undefined, language: Language): IvrInstruction {
  return { kind: 'gather', prompts: [sayOf(prompt, language)], numDigits: 1, timeoutSeconds: timeoutSeconds ?? 8 };
}
