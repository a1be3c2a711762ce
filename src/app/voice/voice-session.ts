import { assertTransition } from '../../core/conversation/lifecycle.js';
import type { Agent, Conversation, Line } from '../../core/model/index.js';
import { topics } from '../../realtime/event-bus.js';
import type { CallSignalFrame } from '../../realtime/protocol.js';
import { errors } from '../app.errors.js';
import { assertAssigned, assertOpen, type Participant } from '../conversation/access.js';
import { endByCustomer } from '../conversation/close.js';
import type { EventDraft } from '../conversation/event-recorder.js';
import { transferConversation } from '../conversation/transfer.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';
import { continueIvr, IvrStateError, startIvr, type IvrContext, type IvrInput, type IvrInstruction, type IvrStep } from '../../core/ivr/index.js';
import { browserCallErrors as voiceErrors } from './browser-call.errors.js';
import { clearTimers, isRinging, type LiveCall } from './call-registry.js';

const agentActor = (agent: Agent) => ({ kind: 'agent' as const, id: agent.id, name: agent.name });

/**
 * A call is connected when it is a voice conversation an agent has picked up and not yet hung up:
 * derived from the stored conversation and the stored call state (a chat that became a call and
 * still rings is not connected), so a restarted node relays for the calls still running.
 */
export async function isCallConnected(deps: ServiceDeps, c: Conversation): Promise<boolean> {
  if (!(c.channel === 'voice' && c.context.browserCall === true && (c.state === 'active' || c.state === 'on_hold') && c.assignedAgentId !== null)) return false;
  return !isRinging(await deps.calls.load(c));
}

/** After `conversation.started` of a browser call: the line's IVR flow (its saved one or the default) begins. */
export async function startBrowserIvr(deps: ServiceDeps, conversationId: string): Promise<void> {
  await runIvrStep(deps, conversationId, null);
}

/** The caller pressed keys (or stayed silent) while the IVR waits. */
export async function ivrInput(deps: ServiceDeps, conversationId: string, input: IvrInput): Promise<void> {
  await runIvrStep(deps, conversationId, input);
}

function ivrContext(line: Line, now: number): IvrContext {
  // A browser caller has no phone number: a callback node lets them wait in the queue instead.
  return { now, openingHours: line.openingHours, defaultQueueId: line.defaultQueueId, callerNumber: null };
}

async function runIvrStep(deps: ServiceDeps, conversationId: string, input: IvrInput | null): Promise<void> {
  const outcome = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    const line = deps.directory.line(c.lineId);
    if (c.state !== 'bot' || c.channel !== 'voice') throw voiceErrors.invalidStep('The call is not in the IVR');
    const call = await deps.calls.load(c);
    if (input && !call.ivr) throw voiceErrors.invalidStep('The IVR is not waiting for keys');
    // Silence comes from this call's timer: one that fires for an earlier wait (keys came meanwhile) counts for nothing.
    if (input && 'timeout' in input && call.ivrDeadline !== null && call.ivrDeadline - deps.clock.now() > 50) return {};
    clearTimers(call);
    const flow = deps.ivrFlows.forLine(line).flow;
    const context = ivrContext(line, deps.clock.now());
    let step: IvrStep;
    try {
      step = input && call.ivr ? continueIvr(flow, call.ivr, input, context) : startIvr(flow, context, { language: c.language });
    } catch (error) {
      if (!(error instanceof IvrStateError)) throw error;
      // The flow changed while the caller was in it: start the new flow from the top.
      step = startIvr(flow, context, { language: c.language });
    }
    const gather = step.waitingFor === 'digits' ? step.instructions.find((i): i is Extract<IvrInstruction, { kind: 'gather' }> => i.kind === 'gather') : undefined;
    call.ivr = gather ? step.state : null;
    // The deadline is stored with the position, so a restarted node fires the silence on time.
    call.ivrDeadline = gather ? deps.clock.now() + gather.timeoutSeconds * 1000 : null;
    deps.calls.markChanged(call);
    return applyIvrStep(deps, entry, call, step, input && 'digits' in input ? input.digits : undefined);
  });
  if (outcome.enqueued) deps.routing.enqueue(outcome.enqueued);
  if (outcome.closed) deps.live.evict(conversationId);
  const call = deps.calls.get(conversationId);
  if (call) armCallTimers(deps, call);
}

const IVR_ACTOR = { kind: 'system' as const, name: 'IVR' };
/** Trace events that come from the caller's keys (or their silence), for the call's log. */
const CALLER_TRACE = new Set(['chose', 'invalid', 'no_input', 'fallback', 'collected', 'language']);

type IvrOutcome = { enqueued?: Conversation; closed?: boolean };

async function applyIvrStep(deps: ServiceDeps, entry: LiveConversation, call: LiveCall, step: IvrStep, pressed: string | undefined): Promise<IvrOutcome> {
  const c = entry.conversation;
  const line = deps.directory.line(c.lineId);
  const drafts: EventDraft[] = [];
  for (const t of step.trace) {
    if (!CALLER_TRACE.has(t.event)) continue;
    // Collected digits (a customer number) are kept in the context, never on an anonymous line, and not in the log.
    const choice = t.event === 'collected' ? undefined : (t.detail ?? (t.event === 'invalid' ? pressed : undefined));
    drafts.push({ type: 'ivr.input', actor: t.event === 'fallback' ? IVR_ACTOR : { kind: 'customer' }, data: { nodeId: t.nodeId, event: t.event, ...(choice ? { choice } : {}) } });
  }
  const prompt = (text: string, language: string, expectsDigits: boolean) => drafts.push({ type: 'ivr.prompt', actor: IVR_ACTOR, data: { text, language, expectsDigits } });
  c.language = step.data.language;
  let outcome: IvrOutcome = {};
  let ended: { reason: string; number?: string } | undefined;
  let enqueue: { queueId: string; skills: string[]; priority: number | null } | undefined;
  for (const instruction of step.instructions) {
    switch (instruction.kind) {
      case 'say':
        prompt(instruction.text, instruction.language, false);
        break;
      case 'gather':
        for (const p of instruction.prompts) if (p.kind === 'say') prompt(p.text, p.language, true);
        break;
      case 'enqueue':
      case 'callback':
        // A browser caller has no number to call back: they wait in the queue instead.
        enqueue = { queueId: instruction.queueId, skills: instruction.skills, priority: instruction.priority };
        break;
      case 'record':
        // No voicemail from the browser: the caller waits in the line's queue.
        enqueue = { queueId: line.defaultQueueId, skills: step.data.skills, priority: step.data.priority };
        break;
      case 'dial':
        ended = { reason: 'ivr_transfer', number: instruction.number };
        break;
      case 'hangup':
        ended = { reason: 'ivr_hangup' };
        break;
      default:
        break;
    }
  }
  let save = false;
  if (enqueue) {
    const queue = deps.directory.findQueue(c.tenantId, enqueue.queueId) ?? deps.directory.queue(c.tenantId, line.defaultQueueId);
    assertTransition(c.state, 'queued');
    c.state = 'queued';
    c.queueId = queue.id;
    c.priority = enqueue.priority ?? queue.priority;
    c.enqueuedAt = deps.clock.now();
    if (enqueue.skills.length > 0) c.context = { ...c.context, ivrSkills: enqueue.skills };
    if (!line.anonymous && Object.keys(step.data.variables).length > 0) c.context = { ...c.context, ivrVariables: { ...step.data.variables } };
    save = true;
    drafts.push({ type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name, via: 'ivr', skills: enqueue.skills, priority: c.priority } });
    outcome = { enqueued: { ...c } };
    call.ivr = null;
    call.ivrDeadline = null;
  } else if (ended) {
    // A browser call cannot be bridged to an outside number: the caller hears the prompt and the call ends.
    assertTransition(c.state, 'closed');
    c.state = 'closed';
    c.closedAt = deps.clock.now();
    save = true;
    drafts.push({ type: 'call.ended', actor: IVR_ACTOR, data: { by: 'ivr', reason: ended.reason, ...(ended.number ? { number: ended.number } : {}) } }, { type: 'conversation.closed', actor: IVR_ACTOR, data: { reason: ended.reason } });
    deps.calls.end(call);
    outcome = { closed: true };
  }
  // Recorded even without events (audio-only prompts): the call's new IVR position commits here.
  await deps.recorder.record(entry, drafts, save);
  return outcome;
}

/**
 * Arms the call's timers from its stored times: the IVR's silence and the ring of a chat that became a
 * call. After a restart or takeover they fire with the time left, or at once when already overdue.
 */
export function armCallTimers(deps: ServiceDeps, call: LiveCall): void {
  clearTimers(call);
  const now = deps.clock.now();
  const { conversationId } = call;
  if (call.ivr && call.ivrDeadline !== null) {
    call.ivrTimer = setTimeout(() => {
      call.ivrTimer = undefined;
      void ivrInput(deps, conversationId, { timeout: true }).catch((error: unknown) => deps.log('warn', 'IVR no-input timer failed', { conversationId, error: String(error) }));
    }, Math.max(0, call.ivrDeadline - now));
    call.ivrTimer.unref?.();
  }
  if (call.ringingSince !== null) {
    const deadline = call.ringingSince + deps.config.CALL_PICKUP_TIMEOUT_SECONDS * 1000;
    call.ringTimer = setTimeout(() => {
      call.ringTimer = undefined;
      void endUnansweredCall(deps, conversationId).catch((error: unknown) => deps.log('warn', 'call pick-up timer failed', { conversationId, error: String(error) }));
    }, Math.max(0, deadline - now));
    call.ringTimer.unref?.();
  }
}

/**
 * Nobody picked up a chat that became a call in time: the call attempt ends (`call.ended`, reason
 * `no_answer`, seen by both sides) and the conversation is the chat it was, with the same agent.
 */
export async function endUnansweredCall(deps: ServiceDeps, conversationId: string): Promise<void> {
  const reverted = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    const call = await deps.calls.load(c);
    if (call.ringingSince === null || c.channel !== 'voice' || (c.state !== 'active' && c.state !== 'on_hold')) return null;
    // A timer from before a restart may fire early by a clock tick; the stored time decides.
    if (deps.clock.now() < call.ringingSince + deps.config.CALL_PICKUP_TIMEOUT_SECONDS * 1000 - 50) return null;
    const to = call.ringingFrom && call.ringingFrom !== 'voice' ? call.ringingFrom : 'chat';
    const { browserCall: _browserCall, ...context } = c.context;
    c.channel = to;
    c.context = context;
    deps.calls.end(call);
    await deps.recorder.record(
      entry,
      [
        { type: 'call.ended', actor: { kind: 'system' }, data: { by: 'system', reason: 'no_answer' } },
        { type: 'conversation.channel_switched', actor: { kind: 'system' }, data: { from: 'voice', to } },
      ],
      true,
    );
    return { ...c };
  });
  if (!reverted) return;
  // The agent's load moves back from the voice channel to the chat's.
  deps.routing.decide(reverted.tenantId, (engine, now) => engine.release(reverted.id, now));
  deps.routing.engine(reverted.tenantId).restoreAssignment(deps.routing.contactInput(reverted), reverted.assignedAgentId!);
}

/** The customer presses "call" in a chat an agent is handling: same conversation, now a call that rings the agent. */
export async function switchChatToCall(deps: ServiceDeps, conversationId: string): Promise<void> {
  const switched = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertOpen(c);
    if (c.channel === 'voice') return null;
    if (!deps.directory.line(c.lineId).channels.includes('voice')) throw errors.channelNotOffered('voice');
    if (c.state !== 'active' || !c.assignedAgentId) throw voiceErrors.invalidStep('A chat becomes a call once an agent is talking with you');
    const from = c.channel;
    c.channel = 'voice';
    c.context = { ...c.context, browserCall: true };
    const call = await deps.calls.load(c);
    call.ringingSince = deps.clock.now();
    call.ringingFrom = from;
    deps.calls.markChanged(call);
    await deps.recorder.record(
      entry,
      [
        { type: 'conversation.channel_switched', actor: { kind: 'customer' }, data: { from, to: 'voice' } },
        { type: 'call.started', actor: { kind: 'customer' }, data: { via: 'chat' } },
        { type: 'call.ringing', actor: { kind: 'system' }, data: { agentId: c.assignedAgentId } },
      ],
      true,
    );
    return { ...c };
  });
  if (!switched) return;
  // The agent's load moves from the chat to the voice channel.
  const agentId = switched.assignedAgentId!;
  deps.routing.decide(switched.tenantId, (engine, now) => engine.release(switched.id, now));
  deps.routing.engine(switched.tenantId).restoreAssignment(deps.routing.contactInput(switched), agentId);
  const call = deps.calls.get(switched.id);
  if (call) armCallTimers(deps, call);
}

/** The assigned agent picks up a chat that became a call (routed calls are answered by accepting the offer). */
export async function answerCall(deps: ServiceDeps, agent: Agent, conversationId: string): Promise<void> {
  await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertAssigned(c, agent);
    assertOpen(c);
    const call = await deps.calls.load(c);
    if (c.channel !== 'voice' || !isRinging(call)) throw voiceErrors.invalidStep('This call is not ringing');
    clearTimers(call);
    call.ringingSince = null;
    call.ringingFrom = null;
    deps.calls.markChanged(call);
    await deps.recorder.record(entry, [{ type: 'call.answered', actor: agentActor(agent), data: { agentId: agent.id, agentName: agent.name } }], false);
  });
}

/**
 * SDP offers and answers and ICE candidates go from the customer's socket to the assigned agent's
 * sockets and back, unchanged. Nobody else can send or receive them.
 */
export async function relayCallSignal(deps: ServiceDeps, who: Participant, frame: CallSignalFrame): Promise<void> {
  if (who.kind === 'customer' && who.conversationId !== frame.conversationId) throw errors.notParticipant();
  const c = (await deps.live.get(frame.conversationId)).conversation;
  if (who.kind === 'agent') assertAssigned(c, who.agent);
  if (frame.t === 'call.renegotiate' && who.kind !== 'agent') throw errors.forbidden('Only the agent asks the customer to offer again');
  if (!(await isCallConnected(deps, c))) throw voiceErrors.notConnected(c.id);
  const topic = who.kind === 'customer' ? topics.agent(c.assignedAgentId!) : topics.callCustomer(c.id);
  deps.bus.publish(topic, { kind: 'frame', frame });
}

/** Hold keeps the customer waiting on the line; the agent's browser stops sending audio. */
export async function holdCall(deps: ServiceDeps, agent: Agent, conversationId: string, hold: boolean): Promise<void> {
  await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertAssigned(c, agent);
    if (!(await isCallConnected(deps, c))) throw voiceErrors.notConnected(c.id);
    const to = hold ? 'on_hold' : 'active';
    if (c.state === to) return;
    assertTransition(c.state, to);
    c.state = to;
    await deps.recorder.record(entry, [{ type: hold ? 'call.held' : 'call.resumed', actor: agentActor(agent) }], true);
  });
}

/** Mute happens in the muting browser; the log records that it did. */
export async function muteCall(deps: ServiceDeps, who: Participant, conversationId: string, muted: boolean): Promise<void> {
  await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    const actor = callActor(c, who);
    if (!(await isCallConnected(deps, c))) throw voiceErrors.notConnected(c.id);
    await deps.recorder.record(entry, [{ type: 'call.muted', actor, data: { side: who.kind, muted } }], false);
  });
}

/** Keys: in the IVR they drive the flow; in a connected call they reach the other side. */
export async function sendDtmf(deps: ServiceDeps, who: Participant, conversationId: string, digits: string): Promise<void> {
  const c = (await deps.live.get(conversationId)).conversation;
  const actor = callActor(c, who);
  if (who.kind === 'customer' && c.state === 'bot' && c.channel === 'voice') return ivrInput(deps, conversationId, { digits });
  await deps.live.withConversation(conversationId, async (entry) => {
    if (!(await isCallConnected(deps, entry.conversation))) throw voiceErrors.notConnected(conversationId);
    // A customer may key in a PIN for the agent's system: the log keeps how many keys, not which.
    const data = who.kind === 'customer' ? { from: 'customer', count: digits.length } : { from: 'agent', digits };
    await deps.recorder.record(entry, [{ type: 'call.dtmf', actor, data }], false);
  });
  if (who.kind === 'customer') deps.bus.publish(topics.agent(c.assignedAgentId!), { kind: 'frame', frame: { t: 'call.dtmf', conversationId, digits } });
}

export interface CallTransferInput {
  conversationId: string;
  step: 'blind' | 'consult' | 'complete' | 'cancel';
  toQueueId?: string;
  toAgentId?: string;
  note?: string;
}

/**
 * Blind: the call goes to the queue or colleague now. Warm: `consult` puts the customer on hold and
 * rings the colleague with a note; `complete` hands the call over, `cancel` keeps it.
 */
export async function transferCall(deps: ServiceDeps, agent: Agent, input: CallTransferInput): Promise<void> {
  const c = (await deps.live.get(input.conversationId)).conversation;
  assertAssigned(c, agent);
  if (!(await isCallConnected(deps, c))) throw voiceErrors.notConnected(c.id);
  if (input.step === 'blind') {
    await transferConversation(deps, agent, { conversationId: c.id, ...pickTarget(input), ...(input.note ? { note: input.note } : {}) });
    return;
  }
  if (input.step === 'consult') return startConsult(deps, agent, input);
  const endConsult = (consult: { agentId: string }) =>
    deps.bus.publish(topics.agent(consult.agentId), { kind: 'frame', frame: { t: 'call.consult', conversationId: c.id, fromAgentId: agent.id, fromAgentName: agent.name, active: false } });
  if (input.step === 'cancel') {
    const cancelled = await deps.live.withConversation(c.id, async (entry) => {
      const call = await deps.calls.load(entry.conversation);
      const consult = call.consult;
      if (!consult) throw voiceErrors.invalidStep('There is no consultation to complete or cancel');
      call.consult = null;
      deps.calls.markChanged(call);
      await deps.recorder.record(entry, [{ type: 'call.consult_cancelled', actor: agentActor(agent), data: { agentId: consult.agentId, agentName: consult.agentName } }], false);
      return consult;
    });
    endConsult(cancelled);
    return;
  }
  const call = await deps.calls.load(c);
  const consult = call.consult;
  if (!consult) throw voiceErrors.invalidStep('There is no consultation to complete or cancel');
  // Cleared now, stored with the transfer's events; a refused transfer keeps the consultation.
  call.consult = null;
  deps.calls.markChanged(call);
  try {
    await transferConversation(deps, agent, { conversationId: c.id, toAgentId: consult.agentId, ...(input.note ? { note: input.note } : {}), warm: true });
  } catch (error) {
    const current = deps.calls.get(c.id);
    if (current && current.consult === null) {
      current.consult = consult;
      deps.calls.markChanged(current);
    }
    throw error;
  }
  endConsult(consult);
}

async function startConsult(deps: ServiceDeps, agent: Agent, input: CallTransferInput): Promise<void> {
  const colleague = input.toAgentId ? deps.directory.findAgent(agent.tenantId, input.toAgentId) : undefined;
  if (!colleague || colleague.id === agent.id) throw errors.noSuchTarget('A warm transfer consults one colleague (toAgentId)');
  await deps.live.withConversation(input.conversationId, async (entry) => {
    const c = entry.conversation;
    const call = await deps.calls.load(c);
    if (call.consult) throw voiceErrors.invalidStep(`You are already consulting ${call.consult.agentName}`);
    const drafts: EventDraft[] = [];
    if (c.state === 'active') {
      c.state = 'on_hold';
      drafts.push({ type: 'call.held', actor: agentActor(agent) });
    }
    drafts.push({ type: 'call.consult_started', actor: agentActor(agent), data: { agentId: colleague.id, agentName: colleague.name, ...(input.note ? { note: input.note } : {}) } });
    call.consult = { agentId: colleague.id, agentName: colleague.name };
    deps.calls.markChanged(call);
    await deps.recorder.record(entry, drafts, true);
  });
  deps.bus.publish(topics.agent(colleague.id), {
    kind: 'frame',
    frame: { t: 'call.consult', conversationId: input.conversationId, fromAgentId: agent.id, fromAgentName: agent.name, active: true, ...(input.note ? { note: input.note } : {}) },
  });
}

function pickTarget(input: CallTransferInput): { toQueueId?: string; toAgentId?: string } {
  if (input.toQueueId) return { toQueueId: input.toQueueId };
  if (input.toAgentId) return { toAgentId: input.toAgentId };
  return {};
}

/**
 * Hang-up. The customer: in the IVR the conversation closes; waiting, it is abandoned; talking, it
 * goes to wrap-up. The agent: the call ends and the conversation goes to wrap-up for the registration.
 */
export async function hangUp(deps: ServiceDeps, who: Participant, conversationId: string): Promise<void> {
  if (who.kind === 'customer' && who.conversationId !== conversationId) throw errors.notParticipant();
  const next = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    const actor = callActor(c, who);
    assertOpen(c);
    if (c.channel !== 'voice') throw voiceErrors.notConnected(c.id);
    const call = await deps.calls.load(c);
    const consult = call.consult;
    if (consult) deps.bus.publish(topics.agent(consult.agentId), { kind: 'frame', frame: { t: 'call.consult', conversationId: c.id, fromAgentId: '', fromAgentName: '', active: false } });
    deps.calls.end(call);
    const ended: EventDraft = { type: 'call.ended', actor, data: { by: who.kind } };
    if (who.kind === 'customer' && c.state === 'bot') {
      c.state = 'closed';
      c.closedAt = deps.clock.now();
      await deps.recorder.record(entry, [ended, { type: 'conversation.closed', actor: { kind: 'system' }, data: { reason: 'ended_in_ivr' } }], true);
      return 'evict' as const;
    }
    if (who.kind === 'customer') {
      await deps.recorder.record(entry, [ended], false);
      return 'customer-leaves' as const;
    }
    if (c.state === 'wrap_up') return 'none' as const;
    assertTransition(c.state, 'wrap_up');
    c.state = 'wrap_up';
    await deps.recorder.record(entry, [ended], true);
    return 'none' as const;
  });
  if (next === 'evict') deps.live.evict(conversationId);
  if (next === 'customer-leaves') await endByCustomer(deps, conversationId);
}

function callActor(c: Conversation, who: Participant) {
  if (who.kind === 'customer') {
    if (who.conversationId !== c.id) throw errors.notParticipant();
    return { kind: 'customer' as const };
  }
  assertAssigned(c, who.agent);
  return agentActor(who.agent);
}
