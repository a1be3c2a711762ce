import { randomBytes } from 'node:crypto';
import { renderTwiml, type TwimlVerb } from '../../channels/voice/index.js';
import { contactKey, pseudonymFromKey } from '../../core/contact/pseudonym.js';
import { AppError } from '../../core/errors/app-error.js';
import { EMPTY_REGISTRATION, type Agent, type Conversation } from '../../core/model/index.js';
import { topics } from '../../realtime/event-bus.js';
import type { ThankYouCallRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import { endByCustomer } from '../conversation/close.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { giveCompliment } from '../surveys/compliments.js';
import { voiceCallsOf } from '../voice/voice-call.service.js';

/**
 * The pop-up seat of thank-you day. An executive (a) calls a line of the tenant as a customer would,
 * through the real IVR, queue and routing (the same adapter as the telephone webhooks, with the
 * executive's softphone as caller), and (b) works a thank-you list: a direct call to a named agent,
 * who learns who is calling only after answering unless the tenant's setting says otherwise.
 */

/** What the executive's softphone shows of one step of a line call. */
export interface LineCallView {
  callId: string;
  conversationId: string | null;
  said: string[];
  waitingForKeys: boolean;
  inQueue: boolean;
  connectedTo: { agentId: string; name: string } | null;
  ended: boolean;
}

/** Which executive started which line call (in memory: after a restart the executive calls again). */
const owners = new WeakMap<ServiceDeps, Map<string, string>>();
function ownersOf(deps: ServiceDeps): Map<string, string> {
  let map = owners.get(deps);
  if (!map) {
    map = new Map();
    owners.set(deps, map);
  }
  return map;
}

function toView(callId: string, conversationId: string | null, verbs: TwimlVerb[], connectedTo: LineCallView['connectedTo'] = null): LineCallView {
  const said: string[] = [];
  const collect = (v: TwimlVerb) => {
    if (v.verb === 'Say') said.push(v.text);
    else if (v.verb === 'Gather') v.children.forEach(collect);
  };
  verbs.forEach(collect);
  return {
    callId,
    conversationId,
    said,
    waitingForKeys: verbs.some((v) => v.verb === 'Gather'),
    inQueue: verbs.some((v) => v.verb === 'Enqueue' || (v.verb === 'Redirect' && v.url.endsWith('/hold'))),
    connectedTo,
    ended: verbs.at(-1)?.verb === 'Hangup' && connectedTo === null,
  };
}

function assertSameTenant(executive: Agent, tenantId: string, what: string, id: string): void {
  if (executive.tenantId !== tenantId) throw errors.notFound(what, id);
}

export async function startLineCall(deps: ServiceDeps, executive: Agent, lineId: string): Promise<LineCallView> {
  const line = deps.directory.findLine(lineId);
  if (!line) throw errors.notFound('line', lineId);
  assertSameTenant(executive, line.tenantId, 'line', lineId);
  const callId = `CA${randomBytes(16).toString('hex')}`;
  ownersOf(deps).set(callId, executive.id);
  const verbs = await voiceCallsOf(deps).incoming(lineId, { CallSid: callId, From: `client:${executive.id}`, CallStatus: 'in-progress' });
  const call = await deps.repos.voice.getCall(callId);
  return toView(callId, call?.conversationId ?? null, verbs);
}

async function ownedCall(deps: ServiceDeps, executive: Agent, callId: string) {
  const call = await deps.repos.voice.getCall(callId);
  if (!call || ownersOf(deps).get(callId) !== executive.id) throw errors.notFound('call', callId);
  return call;
}

/** Keys on the softphone's keypad (or `null`: the executive let the prompt time out). */
export async function pressKeys(deps: ServiceDeps, executive: Agent, callId: string, digits: string | null): Promise<LineCallView> {
  const call = await ownedCall(deps, executive, callId);
  const verbs = await voiceCallsOf(deps).gather(call.lineId, { CallSid: callId, ...(digits ? { Digits: digits } : {}) }, digits === null);
  return toView(callId, call.conversationId, verbs);
}

/** While waiting: the hold loop's announcement; once an agent accepted: connected to that agent. */
export async function lineCallStatus(deps: ServiceDeps, executive: Agent, callId: string): Promise<LineCallView> {
  const call = await ownedCall(deps, executive, callId);
  // Still in the IVR: the softphone waits for keys.
  if (call.ivrState) return { callId, conversationId: call.conversationId, said: [], waitingForKeys: true, inQueue: false, connectedTo: null, ended: false };
  const calls = voiceCallsOf(deps);
  const held = await calls.hold(call.lineId, { CallSid: callId });
  if (held.some((v) => v.verb === 'Leave')) {
    const result = await calls.queueResult(call.lineId, { CallSid: callId, QueueResult: 'leave' });
    const dial = result.find((v) => v.verb === 'Dial');
    if (dial?.verb === 'Dial' && dial.target.noun === 'Client') {
      const agent = deps.directory.findAgent(executive.tenantId, dial.target.identity);
      return toView(callId, call.conversationId, result, { agentId: dial.target.identity, name: agent?.name ?? dial.target.identity });
    }
    return toView(callId, call.conversationId, result);
  }
  return toView(callId, call.conversationId, held);
}

export async function hangUpLineCall(deps: ServiceDeps, executive: Agent, callId: string): Promise<void> {
  const call = await ownedCall(deps, executive, callId);
  await voiceCallsOf(deps).status(call.lineId, { CallSid: callId, CallStatus: 'completed' });
  ownersOf(deps).delete(callId);
}

/** The TwiML the executive's softphone would run for the last step (for a real softphone or a debug view). */
export function twimlOf(verbs: TwimlVerb[]): string {
  return renderTwiml(verbs);
}

// ————— thank-you list —————

export interface ThankYouListEntry {
  agentId: string;
  name: string;
  team: string | null;
  status: string;
  canTakeCall: boolean;
  callsToday: number;
}

function startOfDay(now: number): number {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

export async function thankYouList(deps: ServiceDeps, executive: Agent): Promise<ThankYouListEntry[]> {
  const engine = deps.routing.engine(executive.tenantId);
  const calls = await deps.repos.thankYou.list(executive.tenantId, startOfDay(deps.clock.now()));
  return deps.directory
    .agentsOf(executive.tenantId)
    .filter((a) => a.roles.includes('agent') && a.id !== executive.id)
    .map((a) => {
      const state = engine.agentState(a.id);
      return { agentId: a.id, name: a.name, team: a.team, status: state.status, canTakeCall: state.status === 'available' && state.load.voice < state.capacity.voice, callsToday: calls.filter((c) => c.agentId === a.id).length };
    });
}

/** A direct call to a named agent: offered to that agent only (a `direct:` skill nobody has keeps others out). */
export async function startThankYouCall(deps: ServiceDeps, executive: Agent, agentId: string): Promise<ThankYouCallRecord> {
  const agent = deps.directory.findAgent(executive.tenantId, agentId);
  if (!agent || !agent.roles.includes('agent')) throw errors.notFound('agent', agentId);
  if (agent.id === executive.id) throw errors.noSuchTarget('You cannot call yourself');
  const engine = deps.routing.engine(executive.tenantId);
  const state = engine.agentState(agent.id);
  if (state.status !== 'available' || state.load.voice >= state.capacity.voice) {
    throw new AppError('TRANSFER_TARGET_UNAVAILABLE', `${agent.name} is not available for a call now`, { status: 409 });
  }
  const queue = deps.directory.queue(executive.tenantId, agent.queueIds[0] ?? '');
  const line = deps.directory.line(queue.lineId);
  const tenant = deps.directory.tenant(executive.tenantId);
  const now = deps.clock.now();
  const key = contactKey(tenant.secret, 'customer_ref', `staff:${executive.id}`);
  // The executive is a contact like any caller, but without a readable identifier or name: the log says nothing before the reveal.
  const contact = (await deps.repos.contacts.findByKey(tenant.id, key)) ?? (await deps.repos.contacts.insertOrGet({ id: newId('ct'), tenantId: tenant.id, key, pseudonym: pseudonymFromKey(key), identifierKind: 'customer_ref', identifier: null, displayName: null }, now));
  const callId = newId('ty');
  const language = agent.skills.includes(`lang:${executive.uiLanguage}`) ? executive.uiLanguage : (line.languages[0] ?? 'nl');
  const conversation: Conversation = {
    id: newId('cv'),
    tenantId: tenant.id,
    lineId: line.id,
    queueId: queue.id,
    contactId: contact.id,
    channel: 'voice',
    language,
    state: 'queued',
    priority: queue.priority,
    assignedAgentId: null,
    offeredAgentId: null,
    offerExpiresAt: null,
    createdAt: now,
    enqueuedAt: now,
    acceptedAt: null,
    closedAt: null,
    registration: EMPTY_REGISTRATION,
    context: { direction: 'inbound', thankYouCallId: callId, ivrSkills: [`direct:${agent.id}`] },
  };
  const record: ThankYouCallRecord = { id: callId, tenantId: tenant.id, executiveId: executive.id, agentId: agent.id, conversationId: conversation.id, status: 'ringing', complimentId: null, createdAt: now, answeredAt: null, endedAt: null };
  await deps.repos.thankYou.insert(record);
  const reveal = await deps.repos.thankYou.revealCallerBeforeAnswer(tenant.id);
  const entry = deps.live.add(conversation);
  await deps.live.withConversation(conversation.id, () =>
    deps.recorder.record(
      entry,
      [
        { type: 'conversation.started', actor: { kind: 'customer' }, data: { lineId: line.id, lineName: line.name, channel: 'voice', language, direction: 'inbound' } },
        { type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name, direct: true } },
        ...(reveal ? [{ type: 'thank_you.caller' as const, actor: { kind: 'system' as const }, data: { executiveId: executive.id, executiveName: executive.name } }] : []),
      ],
      true,
    ),
  );
  if (!reveal) watchForAnswer(deps, conversation.id, executive);
  deps.routing.decide(tenant.id, (e, at) => e.offerTo(deps.routing.contactInput(conversation), agent.id, at));
  await deps.routing.settled();
  return record;
}

/** Reveals the caller as soon as the agent answers (the `conversation.assigned` event on the bus). */
function watchForAnswer(deps: ServiceDeps, conversationId: string, executive: Agent): void {
  const stop = deps.bus.subscribe(topics.conversation(conversationId), (message) => {
    if (message.kind !== 'event') return;
    if (message.event.type === 'conversation.assigned') {
      stop();
      void revealCaller(deps, conversationId, executive).catch((error: unknown) => deps.log('warn', 'thank-you caller reveal failed', { conversationId, error: String(error) }));
    } else if (message.event.type === 'conversation.closed' || message.event.type === 'conversation.abandoned') stop();
  });
}

async function revealCaller(deps: ServiceDeps, conversationId: string, executive: Agent): Promise<void> {
  const call = await deps.repos.thankYou.findByConversation(conversationId);
  if (!call || call.answeredAt !== null) return;
  await deps.repos.thankYou.update(call.id, { status: 'answered', answeredAt: deps.clock.now() });
  await deps.live.withConversation(conversationId, async (entry) => {
    await deps.recorder.record(entry, [{ type: 'thank_you.caller', actor: { kind: 'system' }, data: { executiveId: executive.id, executiveName: executive.name } }], false);
  });
}

async function ownedThankYouCall(deps: ServiceDeps, executive: Agent, id: string): Promise<ThankYouCallRecord> {
  const call = await deps.repos.thankYou.get(executive.tenantId, id);
  if (!call || call.executiveId !== executive.id) throw errors.notFound('thank_you_call', id);
  return call;
}

/** The call as the executive follows it; an offer nobody took (ring-no-answer, declined) becomes `missed`. */
export async function thankYouCallStatus(deps: ServiceDeps, executive: Agent, id: string): Promise<ThankYouCallRecord> {
  const call = await ownedThankYouCall(deps, executive, id);
  if (call.status === 'ended' || call.status === 'missed') return call;
  const conversation = deps.live.peek(call.conversationId)?.conversation ?? (await deps.repos.conversations.get(call.tenantId, call.conversationId));
  if (!conversation) return call;
  if (conversation.state === 'active' && call.status === 'ringing') {
    await revealCaller(deps, conversation.id, executive);
    return { ...call, status: 'answered' };
  }
  if (conversation.state === 'queued') {
    // The named agent did not answer: the call is not given to anyone else.
    await endByCustomer(deps, conversation.id);
    await deps.repos.thankYou.update(call.id, { status: 'missed', endedAt: deps.clock.now() });
    return { ...call, status: 'missed' };
  }
  if (['wrap_up', 'closed', 'abandoned'].includes(conversation.state)) {
    await deps.repos.thankYou.update(call.id, { status: 'ended', endedAt: deps.clock.now() });
    return { ...call, status: 'ended' };
  }
  return call;
}

/** The executive hangs up: like a caller leaving (the agent wraps up), or a missed call while it rang. */
export async function endThankYouCall(deps: ServiceDeps, executive: Agent, id: string): Promise<ThankYouCallRecord> {
  const call = await ownedThankYouCall(deps, executive, id);
  const conversation = deps.live.peek(call.conversationId)?.conversation ?? (await deps.repos.conversations.get(call.tenantId, call.conversationId));
  const status = conversation && ['queued', 'offered'].includes(conversation.state) ? 'missed' : 'ended';
  if (conversation && ['queued', 'offered', 'active', 'on_hold'].includes(conversation.state)) await endByCustomer(deps, conversation.id);
  const endedAt = deps.clock.now();
  await deps.repos.thankYou.update(call.id, { status, endedAt });
  return { ...call, status, endedAt };
}

/** The executive's thank-you words become a compliment for the agent, who decides whether the team sees it. */
export async function thankYouNote(deps: ServiceDeps, executive: Agent, id: string, text: string) {
  const call = await ownedThankYouCall(deps, executive, id);
  const compliment = await giveCompliment(deps, executive, call.agentId, text);
  await deps.repos.thankYou.update(call.id, { complimentId: compliment.id });
  return compliment;
}
