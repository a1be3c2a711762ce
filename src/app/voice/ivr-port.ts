import type { Language } from '../../core/model/index.js';

/**
 * The IVR as the browser call sees it. The flow JSON follows the IVR engine's schema
 * (`src/core/ivr/`, issue 8): `{languages, defaultLanguage, start, nodes}` with node types
 * `message`, `menu`, `enqueue`, `set`, `hangup` (and more in the full engine). The voice session
 * depends only on this port, so the full engine replaces `minimalIvr` without touching the calls.
 */
export type { VoiceIvrFlow, VoiceIvrNode } from '../../core/model/index.js';
import type { VoiceIvrFlow } from '../../core/model/index.js';

export interface IvrCallContext {
  now: number;
  language: Language;
  defaultQueueId: string;
}

/** One thing the call does next, in the IVR engine's instruction vocabulary (a subset). */
export type IvrInstruction =
  | { kind: 'say'; text: string; language: Language }
  | { kind: 'gather'; prompts: Array<{ kind: 'say'; text: string; language: Language }>; numDigits?: number; timeoutSeconds: number }
  | { kind: 'enqueue'; queueId: string; skills: string[]; priority: number | null; language: Language }
  | { kind: 'hangup' };

/** Serialisable; handed back unchanged with the caller's next input. */
export interface IvrRunState {
  waitingAt: string | null;
  attempts: number;
  language: Language;
  skills: string[];
  priority: number | null;
  choices: Record<string, string>;
}

export interface IvrRunStep {
  state: IvrRunState;
  instructions: IvrInstruction[];
  /** What happened, for the conversation log: `{nodeId, event, detail}`. */
  trace: Array<{ nodeId: string; event: string; detail?: string }>;
}

export type IvrCallerInput = { digits: string } | { timeout: true };

export interface IvrRunner {
  start(flow: VoiceIvrFlow, context: IvrCallContext): IvrRunStep;
  input(flow: VoiceIvrFlow, state: IvrRunState, input: IvrCallerInput, context: IvrCallContext): IvrRunStep;
}
