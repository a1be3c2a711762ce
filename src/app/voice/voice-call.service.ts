import { connectToAgentTwiml, holdLoopTwiml, joinConsultTwiml, ivrInstructionsToTwiml, leaveQueueTwiml, sayAndHangUpTwiml, VOICE_TEXTS, type IvrTwimlLinks, type TwimlVerb } from '../../channels/voice/index.js';
import { contactKey, pseudonymFromKey } from '../../core/contact/pseudonym.js';
import { continueIvr, IvrStateError, startIvr, type IvrContext, type IvrInput, type IvrInstruction, type IvrState, type IvrStep } from '../../core/ivr/index.js';
import { EMPTY_REGISTRATION, type Conversation, type Line } from '../../core/model/index.js';
import { isAppError } from '../../core/errors/app-error.js';
import { parseAbusePolicy } from '../../core/policy/index.js';
import type { VoiceCallRecord } from '../../storage/index.js';
import { endByCustomer } from '../conversation/close.js';
import type { EventDraft } from '../conversation/event-recorder.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { assertContactNotBlocked } from '../safety/assert-contact-not-blocked.js';
import { createCallbackConversation } from './callback.js';
import { openCampaignConversation } from '../campaigns/campaign-call.js';
import { ivrStepLog } from './ivr-step-log.js';
import { voiceErrors } from './voice.errors.js';

/** The form parameters a Twilio-style provider posts (only the ones the adapter reads). */
export interface CallParams {
  CallSid: string;
  From?: string;
  To?: string;
  CallStatus?: string;
  Digits?: string;
  RecordingUrl?: string;
  RecordingDuration?: string;
  QueueResult?: string;
}

/** Statuses after which the call leg is gone. */
const FINAL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
export const CALL_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;

const IVR_ACTOR = { kind: 'system' as const, name: 'IVR' };

/**
 * The Twilio-style telephony adapter: each webhook of a call comes here and gets TwiML back.
 * A call is a conversation on channel `voice`: in state `bot` while the IVR runs (`ivr.step` events
 * log every step), `queued` once the IVR enqueues it (routed like any contact), `active` when an agent
 * accepts. The waiting caller's hold loop notices the acceptance, logs `call.connecting`, and leaves
 * the queue for the agent's softphone client. The IVR state between two webhooks lives in `voice_calls`.
 */
export class VoiceCallService {
  /** `conversationId:agentId` pairs whose `call.connecting` is logged (the hold loop and queue-result both notice). */
  private readonly connectingLogged = new Set<string>();
  /**
   * Conversations whose call an agent is moving back into the queue through the provider's REST API: until
   * the transfer is recorded, the caller's hold loop keeps playing music instead of reconnecting the agent.
   */
  readonly transferring = new Set<string>();

  constructor(private readonly deps: ServiceDeps) {}

  links(lineId: string): IvrTwimlLinks & { holdInput: string; dialResult: string } {
    const base = `${this.deps.config.PUBLIC_BASE_URL}/api/voice/twilio/${encodeURIComponent(lineId)}`;
    return {
      gather: `${base}/gather`,
      noInput: `${base}/gather?timeout=1`,
      record: `${base}/record`,
      holdLoop: `${base}/hold`,
      queueResult: `${base}/queue-result`,
      holdInput: `${base}/hold-input`,
      dialResult: `${base}/dial-result`,
    };
  }

  holdMusicUrl(): string {
    return this.deps.config.VOICE_HOLD_MUSIC_URL ?? `${this.deps.config.PUBLIC_BASE_URL}/voice/hold-music.wav`;
  }

  private voiceLine(lineId: string): Line {
    const line = this.deps.directory.line(lineId);
    if (!line.channels.includes('voice')) throw voiceErrors.voiceNotOffered(lineId);
    return line;
  }

  private ivrContext(line: Line, call: Pick<VoiceCallRecord, 'callerNumber'>): IvrContext {
    return { now: this.deps.clock.now(), openingHours: line.openingHours, defaultQueueId: line.defaultQueueId, callerNumber: call.callerNumber };
  }

  private async requireCall(line: Line, callSid: string): Promise<VoiceCallRecord> {
    const call = await this.deps.repos.voice.getCall(callSid);
    if (!call || call.lineId !== line.id) throw voiceErrors.callNotFound(callSid);
    return call;
  }

  /** A new call: a conversation in the IVR, and the flow's first step. */
  async incoming(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const existing = await this.deps.repos.voice.getCall(params.CallSid);
    // A provider retrying the same webhook: carry on where the call is instead of starting a second one.
    if (existing) return existing.ivrState ? this.gather(lineId, params, true) : this.hold(lineId, params);
    const now = this.deps.clock.now();
    const tenant = this.deps.directory.tenant(line.tenantId);
    const number = params.From && /^\+[1-9][0-9]{6,14}$/.test(params.From) ? params.From : null;
    // A softphone caller (`client:<identity>`, the pop-up seat) is one contact; a hidden number is a new one each call.
    const identifier = number ?? (params.From?.startsWith('client:') ? params.From : `anonymous:${params.CallSid}`);
    const key = contactKey(tenant.secret, 'phone', identifier);
    const flow = this.deps.ivrFlows.forLine(line).flow;
    try {
      await assertContactNotBlocked(this.deps, line, key, flow.defaultLanguage, now);
    } catch (error) {
      // Blocked: a neutral sentence, no conversation, nothing about the reason.
      if (isAppError(error) && error.code === 'CONTACT_BLOCKED') return sayAndHangUpTwiml(flow.defaultLanguage, VOICE_TEXTS.unavailable[flow.defaultLanguage]);
      throw error;
    }
    const contact =
      (await this.deps.repos.contacts.findByKey(line.tenantId, key)) ??
      (await this.deps.repos.contacts.insertOrGet({ id: newId('ct'), tenantId: line.tenantId, key, pseudonym: pseudonymFromKey(key), identifierKind: 'phone', identifier: line.anonymous ? null : number, displayName: null }, now));
    const conversation: Conversation = {
      id: newId('cv'),
      tenantId: line.tenantId,
      lineId: line.id,
      queueId: line.defaultQueueId,
      contactId: contact.id,
      channel: 'voice',
      language: flow.defaultLanguage,
      // The IVR plays the bot's part: not in a queue yet, so it is not waiting time.
      state: 'bot',
      priority: this.deps.directory.queue(line.tenantId, line.defaultQueueId).priority,
      assignedAgentId: null,
      offeredAgentId: null,
      offerExpiresAt: null,
      createdAt: now,
      enqueuedAt: null,
      acceptedAt: null,
      closedAt: null,
      registration: EMPTY_REGISTRATION,
      context: { direction: 'inbound' },
    };
    const call: VoiceCallRecord = {
      callSid: params.CallSid,
      tenantId: line.tenantId,
      lineId: line.id,
      conversationId: conversation.id,
      direction: 'inbound',
      callerNumber: line.anonymous ? null : number,
      status: params.CallStatus ?? 'ringing',
      ivrState: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.repos.voice.insertCall(call);
    const entry = this.deps.live.add(conversation);
    await this.deps.live.withConversation(conversation.id, () =>
      this.deps.recorder.record(
        entry,
        [
          { type: 'conversation.started', actor: { kind: 'customer' }, data: { lineId: line.id, lineName: line.name, channel: 'voice', language: conversation.language, direction: 'inbound' } },
          { type: 'call.status', actor: { kind: 'system' }, data: { status: call.status } },
        ],
        true,
      ),
    );
    // The caller's own number decides nothing in the IVR on an anonymous line: the engine never sees it.
    const step = startIvr(flow, { ...this.ivrContext(line, call), callerNumber: number && !line.anonymous ? number : null });
    return this.applyStep(line, call, step, null);
  }

  /** The caller pressed keys at a gather, or stayed silent (`timedOut`: the Redirect after the Gather). */
  async gather(lineId: string, params: CallParams, timedOut: boolean): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const input: IvrInput = timedOut || !params.Digits ? { timeout: true } : { digits: params.Digits };
    return this.continueCall(line, call, input, 'digits' in input ? 'keys' : 'silence');
  }

  /** A voicemail recording finished (or the caller said nothing). */
  async recorded(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const seconds = Number(params.RecordingDuration ?? '0');
    const input: IvrInput = params.RecordingUrl ? { recording: { url: params.RecordingUrl, seconds: Number.isFinite(seconds) ? seconds : 0 } } : { timeout: true };
    return this.continueCall(line, call, input, 'recording' in input ? 'recording' : 'silence');
  }

  private async continueCall(line: Line, call: VoiceCallRecord, input: IvrInput, heard: string): Promise<TwimlVerb[]> {
    if (!call.ivrState) return this.afterIvr(line, call);
    const flow = this.deps.ivrFlows.forLine(line).flow;
    let step: IvrStep;
    try {
      step = continueIvr(flow, call.ivrState as IvrState, input, this.ivrContext(line, call));
    } catch (error) {
      if (!(error instanceof IvrStateError)) throw error;
      // The flow was changed while the caller was in it: start the new flow from the top.
      this.deps.log('warn', 'IVR state does not fit the line\'s current flow; restarting the flow', { lineId: line.id, callSid: call.callSid });
      step = startIvr(flow, this.ivrContext(line, call), { language: (call.ivrState as IvrState).data?.language });
    }
    return this.applyStep(line, call, step, heard);
  }

  /** Logs the step, moves the conversation on when the IVR is done, stores the state, renders TwiML. */
  private async applyStep(line: Line, call: VoiceCallRecord, step: IvrStep, heard: string | null): Promise<TwimlVerb[]> {
    const conversationId = call.conversationId as string;
    const links = this.links(line.id);
    const last = step.waitingFor === null ? step.instructions.at(-1) : undefined;
    const callback = step.instructions.find((i): i is Extract<IvrInstruction, { kind: 'callback' }> => i.kind === 'callback');
    let instructions = step.instructions;
    let enqueue = last?.kind === 'enqueue' ? last : undefined;
    // A callback without a number to call: the caller waits in the queue instead.
    if (callback && callback.number === null) {
      enqueue = { kind: 'enqueue', queueId: callback.queueId, skills: callback.skills, priority: callback.priority, language: callback.language };
      instructions = [{ kind: 'say', text: VOICE_TEXTS.callbackNoNumber[callback.language], language: callback.language }, enqueue];
    }
    const closeReason = enqueue ? null : callback ? 'callback_requested' : last?.kind === 'dial' ? 'ivr_transfer' : last?.kind === 'hangup' ? 'ivr_hangup' : null;
    const conversation = await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      c.language = step.data.language;
      const drafts: EventDraft[] = [{ type: 'ivr.step', actor: IVR_ACTOR, data: ivrStepLog(step, heard) }];
      if (c.state === 'bot' && enqueue) {
        const queue = this.deps.directory.queue(line.tenantId, enqueue.queueId);
        c.state = 'queued';
        c.queueId = queue.id;
        c.priority = enqueue.priority ?? queue.priority;
        c.enqueuedAt = this.deps.clock.now();
        if (enqueue.skills.length > 0) c.context = { ...c.context, ivrSkills: enqueue.skills };
        // What the caller keyed in (a customer number) travels with the call to the agent, except on an anonymous line.
        if (!line.anonymous && Object.keys(step.data.variables).length > 0) c.context = { ...c.context, ivrVariables: { ...step.data.variables } };
        drafts.push({ type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name } });
      } else if (c.state === 'bot' && closeReason) {
        // Handed on (an outside number, or the callback conversation that replaces it): reports count it as transferred out.
        c.state = closeReason === 'ivr_hangup' ? 'closed' : 'transferred';
        c.closedAt = this.deps.clock.now();
        drafts.push({ type: c.state === 'closed' ? 'conversation.closed' : 'conversation.transferred', actor: IVR_ACTOR, data: { reason: closeReason } });
      }
      await this.deps.recorder.record(entry, drafts, true);
      return { ...c };
    });
    await this.deps.repos.voice.updateCall(call.callSid, { ivrState: step.waitingFor === null ? null : step.state }, this.deps.clock.now());
    if (enqueue && conversation.state === 'queued') this.deps.routing.enqueue(conversation);
    if (callback && callback.number !== null && closeReason === 'callback_requested') {
      const created = await createCallbackConversation(this.deps, { from: conversation, number: callback.number, queueId: callback.queueId, skills: callback.skills, priority: callback.priority, language: callback.language, enqueuedAt: this.deps.clock.now() });
      await this.recordOn(conversation.id, [{ type: 'callback.requested', actor: IVR_ACTOR, data: { callbackConversationId: created.id, queueId: callback.queueId } }]);
    }
    if (conversation.state === 'closed' || conversation.state === 'transferred') this.deps.live.evict(conversation.id);
    return ivrInstructionsToTwiml(instructions, links);
  }

  /** A webhook for the IVR after the IVR handed the call on (a late or repeated request). */
  private async afterIvr(line: Line, call: VoiceCallRecord): Promise<TwimlVerb[]> {
    const c = await this.conversationOf(call);
    if (c && (c.state === 'queued' || c.state === 'offered')) return [{ verb: 'Redirect', url: this.links(line.id).holdLoop }];
    return sayAndHangUpTwiml(c?.language ?? 'nl', VOICE_TEXTS.ended[c?.language ?? 'nl']);
  }

  /**
   * The Enqueue's waitUrl, fetched again each time the hold music ends: place and expected wait, the
   * callback offer, music. Once an agent has accepted, the caller leaves the queue (→ queue-result).
   */
  async hold(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const c = await this.conversationOf(call);
    if (!c) return leaveQueueTwiml('nl');
    if (c.state === 'queued' || c.state === 'offered' || this.transferring.has(c.id)) {
      const engine = this.deps.routing.engine(c.tenantId);
      const placed = engine.conversationState(c.id)?.phase === 'waiting' ? engine.positionOf(c.id) : undefined;
      const links = this.links(line.id);
      return holdLoopTwiml({
        language: c.language,
        ...(placed && placed.position > 0 ? { position: placed } : {}),
        musicUrl: this.holdMusicUrl(),
        offerCallback: call.callerNumber !== null && c.state === 'queued',
        callbackAction: links.holdInput,
        loopUrl: links.holdLoop,
      });
    }
    if (c.assignedAgentId && ['active', 'on_hold', 'timed_out'].includes(c.state)) await this.noteConnecting(c);
    return leaveQueueTwiml(c.language);
  }

  /** A key pressed during the hold loop: 1 asks for a callback that keeps the caller's place. */
  async holdInput(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const links = this.links(line.id);
    if (params.Digits !== '1' || call.callerNumber === null) return [{ verb: 'Redirect', url: links.holdLoop }];
    const requested = await this.requestCallbackWhileWaiting(call);
    if (!requested) return [{ verb: 'Redirect', url: links.holdLoop }];
    return leaveQueueTwiml(requested.language, VOICE_TEXTS.callbackTaken[requested.language]);
  }

  /**
   * The waiting caller asks to be called back: the inbound conversation leaves the queue (closed with
   * reason `callback_requested`) and an outbound callback conversation takes its place, with the same
   * `enqueuedAt`. Only while it waits unoffered; returns null otherwise.
   */
  async requestCallbackWhileWaiting(call: VoiceCallRecord): Promise<Conversation | null> {
    if (!call.conversationId || call.callerNumber === null) return null;
    const taken = await this.deps.live.withConversation(call.conversationId, async (entry) => {
      const c = entry.conversation;
      if (c.state !== 'queued') return null;
      const engine = this.deps.routing.engine(c.tenantId);
      if (engine.conversationState(c.id)?.phase !== 'waiting') return null;
      this.deps.routing.decide(c.tenantId, (e, now) => e.abandon(c.id, now));
      // The callback conversation takes over; this call is handed on, not abandoned.
      c.state = 'transferred';
      c.closedAt = this.deps.clock.now();
      await this.deps.recorder.record(entry, [{ type: 'conversation.transferred', actor: { kind: 'customer' }, data: { reason: 'callback_requested' } }], true);
      return { ...c };
    });
    if (!taken) return null;
    this.deps.live.evict(taken.id);
    const callback = await createCallbackConversation(this.deps, {
      from: taken,
      number: call.callerNumber,
      queueId: taken.queueId,
      skills: taken.context.ivrSkills ?? [],
      priority: taken.priority,
      language: taken.language,
      enqueuedAt: taken.enqueuedAt ?? taken.createdAt,
    });
    return callback;
  }

  /** The Enqueue's action: the caller left the queue. To the agent when one accepted; otherwise goodbye. */
  async queueResult(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const c = await this.conversationOf(call);
    const language = c?.language ?? 'nl';
    if (c && this.transferring.has(c.id)) return [{ verb: 'Redirect', url: this.links(line.id).holdLoop }];
    if (c?.assignedAgentId && ['active', 'on_hold', 'timed_out'].includes(c.state)) {
      await this.noteConnecting(c);
      return connectToAgentTwiml(language, c.assignedAgentId, this.links(line.id).dialResult);
    }
    if (c?.state === 'queued' || c?.state === 'offered') return [{ verb: 'Redirect', url: this.links(line.id).holdLoop }];
    return [{ verb: 'Hangup' }];
  }

  /** The agent's leg ended. A time-out by the agent or the safety policy is read out before the hang-up. */
  async dialResult(lineId: string, params: CallParams): Promise<TwimlVerb[]> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const c = await this.conversationOf(call);
    // The agent's leg ended because the desktop's controls put the caller elsewhere (held, or back in a queue):
    // a late Dial action must not hang the caller up.
    // In a warm transfer the caller is in the consult conference (waiting, or with the colleague): back into it.
    if (c && c.channel === 'voice' && c.context.browserCall !== true && (await this.deps.calls.load(c)).consult?.callSid) {
      return joinConsultTwiml(c.id, { caller: true, holdMusicUrl: this.holdMusicUrl() });
    }
    if (c?.state === 'on_hold') return [{ verb: 'Play', url: this.holdMusicUrl(), loop: 0 }];
    if (c && (c.state === 'queued' || c.state === 'offered' || this.transferring.has(c.id))) return [{ verb: 'Redirect', url: this.links(line.id).holdLoop }];
    if (c?.state === 'timed_out') {
      const events = await this.deps.repos.events.listAfter(c.id, 0, 10_000);
      const timedOut = [...events].reverse().find((e) => e.type === 'safety.timed_out');
      // On voice the policy names a recorded message; until one is uploaded, its text is spoken.
      const policy = parseAbusePolicy(line.abusePolicy ?? {});
      const minutes = typeof timedOut?.data.minutes === 'number' ? timedOut.data.minutes : 10;
      const text = typeof timedOut?.data.text === 'string' ? timedOut.data.text : policy.messages.timeOut[c.language].replace('{minutes}', String(minutes));
      return sayAndHangUpTwiml(c.language, text);
    }
    return [{ verb: 'Hangup' }];
  }

  /**
   * The agent's softphone places an outbound call (the TwiML app's voice URL): a callback the agent
   * accepted (`ConversationId`), or a campaign contact the agent holds (`CampaignId` + `ContactId`).
   * Anything else is refused: an agent cannot dial arbitrary numbers through Centraal.
   */
  async outbound(params: CallParams & { ConversationId?: string; CampaignId?: string; ContactId?: string }): Promise<TwimlVerb[]> {
    const agentId = params.From?.startsWith('client:') ? params.From.slice('client:'.length) : '';
    if (params.ConversationId) {
      const c = await this.deps.repos.conversations.getAnyTenant(params.ConversationId);
      const live = c ? (this.deps.live.peek(c.id)?.conversation ?? c) : undefined;
      if (!live || live.assignedAgentId !== agentId || live.state !== 'active' || live.context.direction !== 'outbound' || !live.context.callbackNumber) {
        throw voiceErrors.dialNotAllowed('Only the agent who accepted a callback can call its number');
      }
      const now = this.deps.clock.now();
      await this.deps.repos.voice.insertCall({ callSid: params.CallSid, tenantId: live.tenantId, lineId: live.lineId, conversationId: live.id, direction: 'outbound', callerNumber: live.context.callbackNumber, status: 'initiated', ivrState: null, createdAt: now, updatedAt: now });
      await this.recordOn(live.id, [{ type: 'call.status', actor: { kind: 'system' }, data: { status: 'initiated', direction: 'outbound' } }]);
      return [{ verb: 'Dial', target: { noun: 'Number', number: live.context.callbackNumber }, timeout: 30, action: this.links(live.lineId).dialResult }];
    }
    if (params.CampaignId && params.ContactId) {
      const contact = await this.deps.repos.campaigns.getContact(params.CampaignId, params.ContactId);
      if (!contact || contact.status !== 'in_progress' || contact.agentId !== agentId) throw voiceErrors.dialNotAllowed('Only the agent holding this campaign contact can call it');
      const campaign = await this.deps.repos.campaigns.getCampaign(contact.tenantId, contact.campaignId);
      const agent = this.deps.directory.findAgent(contact.tenantId, agentId);
      if (!campaign || !agent) throw voiceErrors.dialNotAllowed('Only the agent holding this campaign contact can call it');
      // The call is the contact's outbound voice conversation (made here if the desktop did not dial first); its status callbacks end it like any call.
      const conversation = await openCampaignConversation(this.deps, agent, campaign, contact);
      const now = this.deps.clock.now();
      const anonymous = this.deps.directory.line(campaign.lineId).anonymous;
      await this.deps.repos.voice.insertCall({ callSid: params.CallSid, tenantId: campaign.tenantId, lineId: campaign.lineId, conversationId: conversation.id, direction: 'outbound', callerNumber: anonymous ? null : contact.phone, status: 'initiated', ivrState: null, createdAt: now, updatedAt: now });
      await this.recordOn(conversation.id, [{ type: 'call.status', actor: { kind: 'system' }, data: { status: 'initiated', direction: 'outbound' } }]);
      return [{ verb: 'Dial', target: { noun: 'Number', number: contact.phone }, timeout: 30, action: this.links(campaign.lineId).dialResult }];
    }
    throw voiceErrors.dialNotAllowed('An outbound call needs a callback (ConversationId) or a campaign contact (CampaignId, ContactId)');
  }

  /** Status callbacks: logged on the conversation; a finished call ends it like a customer leaving. */
  async status(lineId: string, params: CallParams): Promise<void> {
    const line = this.voiceLine(lineId);
    const call = await this.requireCall(line, params.CallSid);
    const status = params.CallStatus ?? 'unknown';
    if (status === call.status) return;
    await this.deps.repos.voice.updateCall(call.callSid, { status }, this.deps.clock.now());
    if (!call.conversationId) return;
    const c = await this.conversationOf(call);
    if (!c) return;
    await this.recordOn(c.id, [{ type: 'call.status', actor: { kind: 'system' }, data: { status } }]);
    if (!FINAL_STATUSES.has(status)) return;
    if (c.state === 'bot') {
      const closed = await this.deps.live.withConversation(c.id, async (entry) => {
        if (entry.conversation.state !== 'bot') return false;
        entry.conversation.state = 'closed';
        entry.conversation.closedAt = this.deps.clock.now();
        await this.deps.recorder.record(entry, [{ type: 'conversation.ended_by_customer', actor: { kind: 'customer' } }, { type: 'conversation.closed', actor: IVR_ACTOR, data: { reason: 'caller_hung_up_in_ivr' } }], true);
        return true;
      });
      if (closed) this.deps.live.evict(c.id);
      return;
    }
    // Waiting: abandoned. Talking: wrap-up, and the agent closes it with the registration.
    if (['queued', 'offered', 'active', 'on_hold', 'timed_out'].includes(c.state)) await endByCustomer(this.deps, c.id);
  }

  async noteConnecting(c: Conversation): Promise<void> {
    await this.deps.live.withConversation(c.id, async (entry) => {
      const agentId = entry.conversation.assignedAgentId;
      const key = `${c.id}:${agentId}`;
      if (!agentId || this.connectingLogged.has(key)) return;
      this.connectingLogged.add(key);
      await this.deps.recorder.record(entry, [{ type: 'call.connecting', actor: { kind: 'system' }, data: { agentId, client: agentId } }], false);
    });
  }

  private async recordOn(conversationId: string, drafts: EventDraft[]): Promise<void> {
    await this.deps.live.withConversation(conversationId, (entry) => this.deps.recorder.record(entry, drafts, false));
  }

  private async conversationOf(call: VoiceCallRecord): Promise<Conversation | undefined> {
    if (!call.conversationId) return undefined;
    const live = this.deps.live.peek(call.conversationId)?.conversation;
    if (live) return live;
    return this.deps.repos.conversations.get(call.tenantId, call.conversationId);
  }
}

const services = new WeakMap<ServiceDeps, VoiceCallService>();

/** One adapter per application: the webhooks and the pop-up seat share it (and its connecting log). */
export function voiceCallsOf(deps: ServiceDeps): VoiceCallService {
  let service = services.get(deps);
  if (!service) {
    service = new VoiceCallService(deps);
    services.set(deps, service);
  }
  return service;
}
