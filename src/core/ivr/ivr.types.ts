import type { Language } from '../model/channel.js';
import type { OpeningHours } from '../model/line.js';
import type { IvrNodeType } from './ivr-flow.schema.js';

/** What the engine needs from outside; the engine itself reads no clock and no database. */
export interface IvrContext {
  /** Epoch milliseconds, for the opening-hours check. */
  now: number;
  /** The line's opening hours (null: always open). */
  openingHours: OpeningHours | null;
  /** The line's default queue, used by enqueue and callback nodes without their own. */
  defaultQueueId: string;
  /** The caller's number (E.164) when known; a callback without `numberVariable` calls this back. */
  callerNumber?: string | null;
}

/** Something for the caller to hear. */
export type IvrPromptInstruction =
  | { kind: 'say'; text: string; language: Language; voice?: string }
  | { kind: 'play'; url: string }
  | { kind: 'pause'; seconds: number };

/** What the telephony adapter does next, in order. A `gather` or `record` ends the list and waits for `input`. */
export type IvrInstruction =
  | IvrPromptInstruction
  | {
      kind: 'gather';
      /** Heard while waiting; a key press interrupts them. */
      prompts: IvrPromptInstruction[];
      /** Stop after this many keys (menus, language choice, fixed-length codes). */
      numDigits?: number;
      /** Stop when this key is pressed (variable-length codes); '' turns the finishing key off (menus). */
      finishOnKey: '#' | '*' | '';
      timeoutSeconds: number;
    }
  | { kind: 'record'; maxSeconds: number; finishOnKey: '#'; playBeep: true }
  | { kind: 'enqueue'; queueId: string; skills: string[]; priority: number | null; language: Language }
  | { kind: 'callback'; queueId: string; number: string | null; skills: string[]; priority: number | null; language: Language }
  | { kind: 'dial'; number: string; timeoutSeconds: number }
  | { kind: 'hangup' };

/** Everything the IVR learned from the caller so far. */
export interface IvrData {
  language: Language;
  /** Collected digit strings by variable name (collect nodes). */
  variables: Record<string, string>;
  /** Menu keys pressed, by menu node id (the last valid one). */
  choices: Record<string, string>;
  /** Routing hints from set nodes, added up in order. */
  skills: string[];
  priority: number | null;
  /** A voicemail the caller left. */
  voicemail: { url: string; seconds: number } | null;
  /** Set when the caller asked to be called back. */
  callback: { number: string | null; queueId: string } | null;
}

/** The serialisable state between two steps; hand it back unchanged to `input`. */
export interface IvrState {
  v: 1;
  /** The node waiting for the caller, or null once the flow has handed the call on or ended it. */
  waitingAt: string | null;
  /** Invalid or missing answers so far at `waitingAt`. */
  attempts: number;
  data: IvrData;
}

/** What the caller did: keys (with or without the finishing key), silence, or a finished recording. */
export type IvrInput = { digits: string } | { timeout: true } | { recording: { url: string; seconds: number } };

/** One line in the call's log: which node did what. */
export interface IvrTraceEntry {
  nodeId: string;
  type: IvrNodeType;
  event: 'entered' | 'chose' | 'invalid' | 'no_input' | 'fallback' | 'open' | 'closed' | 'collected' | 'set' | 'recorded' | 'language' | 'enqueued' | 'callback' | 'transfer' | 'hangup';
  detail?: string;
}

export interface IvrStep {
  state: IvrState;
  instructions: IvrInstruction[];
  /** The same as `state.data`, for convenience. */
  data: IvrData;
  /** What the call waits for now: keys, a recording, or nothing (the last instruction handed the call on or hung up). */
  waitingFor: 'digits' | 'recording' | null;
  /** Nodes passed in this step, in order. */
  trace: IvrTraceEntry[];
}
