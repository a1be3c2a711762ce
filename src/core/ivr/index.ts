/**
 * IVR flow engine: pure, no I/O, time passed in. Public API (kept stable; the telephony adapter and the
 * browser softphone both use it):
 *
 * - `parseIvrFlow(json, { queueIds?, lineLanguages? }) → IvrFlow` validates a flow and throws `IvrFlowError`
 *   (code `IVR_FLOW_INVALID`, 400) whose `problems` name each problem with its path: unknown node ids,
 *   unreachable nodes, loops without caller input, prompts missing in one of the flow's languages,
 *   unknown queues, languages the line does not offer. Each problem is `{ path, code, params, message }`: a
 *   stable code from `IVR_PROBLEM_CODES` with the values for its text, and the same in English. `validateIvrFlow` returns `{ ok, flow } | { ok: false, problems }` instead.
 * - `startIvr(flow, ctx, { language? }) → IvrStep` starts a call at `flow.start`.
 * - `continueIvr(flow, state, input, ctx) → IvrStep` feeds the caller's answer at the waiting node:
 *   `{ digits: '1' }`, `{ timeout: true }` or `{ recording: { url, seconds } }`.
 *   `ctx` is `{ now, openingHours, defaultQueueId, callerNumber? }` (the line's hours, time-zone aware).
 *
 * An `IvrStep` is `{ state, instructions, data, waitingFor, trace }`:
 * - `instructions`, in order: `say {text, language, voice?}`, `play {url}`, `pause {seconds}`,
 *   `gather {prompts, numDigits?, finishOnKey, timeoutSeconds}`, `record {maxSeconds}`,
 *   `enqueue {queueId, skills, priority, language}`, `callback {queueId, number, …}`, `dial {number}`, `hangup`.
 * - `waitingFor`: `'digits'` after a gather, `'recording'` after a record, `null` when the IVR is done
 *   (the last instruction enqueued, dialled or hung up). `state` is plain JSON: store it (or sign it)
 *   and hand it back to `continueIvr` with the caller's answer.
 * - `data`: language, collected `variables`, menu `choices`, `skills`, `priority`, `voicemail`, `callback`.
 * - `trace`: the nodes passed in this step and what happened at each (`entered`, `chose`, `invalid`,
 *   `no_input`, `fallback`, `open`/`closed`, `collected`, `language`, `enqueued`, …) for the call's log.
 *
 * Node types: message, menu, language, hours, collect, set, enqueue, voicemail, callback, transfer,
 * hangup (see `ivr-flow.schema.ts`). Menus, language choices and collects retry `maxRetries` times after
 * invalid input or silence, then go to their fallback (a language choice keeps the current language).
 */
export { ivrFlowSchema, ivrNodeSchema, ivrPromptSchema, type IvrFlow, type IvrFlowInput, type IvrNode, type IvrNodeType, type IvrPrompt } from './ivr-flow.schema.js';
export { parseIvrFlow, validateIvrFlow, nodeEdges, type IvrFlowValidation, type ParseIvrFlowOptions } from './parse-ivr-flow.js';
export { startIvr, continueIvr } from './ivr-engine.js';
export { IVR_PROBLEM_CODES, type IvrProblemCode, type IvrProblemParams } from './ivr-problem-codes.js';
export { IvrFlowError, IvrStateError, IVR_ERROR_CODES, type IvrErrorCode, type IvrFlowProblem } from './ivr.errors.js';
export { DEFAULT_INVALID_TEXT, DEFAULT_NO_INPUT_TEXT } from './ivr-texts.js';
export type { IvrContext, IvrData, IvrInput, IvrInstruction, IvrPromptInstruction, IvrState, IvrStep, IvrTraceEntry } from './ivr.types.js';
