import { connectToAgentTwiml, renderTwiml, TwilioRestClient, VoiceProviderError, type CallUpdate, type NewCall, type TwimlVerb } from '../../channels/voice/index.js';
import { AppError } from '../../core/errors/app-error.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import type { Agent, Conversation } from '../../core/model/index.js';
import type { VoiceCallRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import { assertAssigned, assertOpen } from '../conversation/access.js';
import type { EventDraft } from '../conversation/event-recorder.js';
import { transferConversation } from '../conversation/transfer.js';
import type { ServiceDeps } from '../deps.js';
import { browserCallErrors } from './browser-call.errors.js';
import { phoneCallErrors } from './phone-call.errors.js';
import { restCredentialsFor, type VoiceCredentials } from './line-voice-credentials.js';
import { voiceCallsOf, type VoiceCallService } from './voice-call.service.js';

export type PhoneTransferTarget = { toQueueId: string } | { toAgentId: string } | { toNumber: string };

/** Call statuses after which there is no call left to control. */
const GONE = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

const agentActor = (agent: Agent) => ({ kind: 'agent' as const, id: agent.id, name: agent.name });

/**
 * The agent desktop's controls for a call that came in on a phone line (not a browser call): hold with
 * music, resume, blind transfer and hang-up. Each one first changes the live call through the provider's
 * REST API ("update a call" with new TwiML, or `Status=completed`) and only then records the change on
 * the conversation: when the provider does not carry it out (502), the call and the log stay as they were.
 * The provider's own status callbacks keep arriving at the adapter and are logged as before.
 */
export class PhoneCallControl {
  private readonly calls: VoiceCallService;

  constructor(private readonly deps: ServiceDeps) {
    this.calls = voiceCallsOf(deps);
  }

  /**
   * An agent accepted a waiting phone-line caller: put the caller through to the agent's client now, instead
   * of at the hold loop's next turn. Best effort — without provider credentials, or when the provider does not
   * answer, the hold loop still connects the caller (it notices the acceptance), so nothing is lost.
   */
  async connectAccepted(conversationId: string): Promise<void> {
    const c = this.deps.live.peek(conversationId)?.conversation;
    if (!c || !this.credentials(c.lineId) || c.channel !== 'voice' || c.context.browserCall === true || c.state !== 'active' || !c.assignedAgentId) return;
    const call = await this.deps.repos.voice.findCallByConversation(c.id);
    if (!call || call.direction !== 'inbound' || GONE.has(call.status) || call.ivrState !== null) return;
    if (await this.handedOverInConference(c)) return;
    try {
      await this.update(call, { twiml: renderTwiml(connectToAgentTwiml(c.language, c.assignedAgentId, this.calls.links(c.lineId).dialResult)) });
    } catch (error) {
      this.deps.log('warn', 'accepted phone call left to the hold loop', { conversationId, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    await this.calls.noteConnecting(c);
  }

  /**
   * A completed warm transfer: the colleague who now accepted is already talking to the caller in the
   * consult conference, so the caller is not dialled through again; the consult is over.
   */
  private async handedOverInConference(c: Conversation): Promise<boolean> {
    const live = await this.deps.calls.load(c);
    if (!live.consult?.callSid || live.consult.agentId !== c.assignedAgentId) return false;
    await this.deps.live.withConversation(c.id, async (entry) => {
      if (!live.consult) return;
      live.consult = null;
      this.deps.calls.markChanged(live);
      await this.deps.recorder.record(entry, [{ type: 'call.connecting', actor: { kind: 'system' }, data: { agentId: c.assignedAgentId, client: c.assignedAgentId, via: 'conference' } }], false);
    });
    return true;
  }

  /** Hold: the caller hears the hold music in a loop; the agent's leg ends until resume. */
  async hold(agent: Agent, conversationId: string): Promise<void> {
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.requirePhoneCall(agent, c);
      if (c.state === 'on_hold') return;
      assertTransition(c.state, 'on_hold');
      await this.update(call, { twiml: renderTwiml([{ verb: 'Play', url: this.calls.holdMusicUrl(), loop: 0 }]) });
      c.state = 'on_hold';
      await this.deps.recorder.record(entry, [{ type: 'call.held', actor: agentActor(agent), data: { via: 'phone' } }], true);
    });
  }

  /** Resume: the caller is dialled through to the agent's softphone client again. */
  async resume(agent: Agent, conversationId: string): Promise<void> {
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.requirePhoneCall(agent, c);
      if (c.state === 'active') return;
      await this.assertNotConsulting(c);
      assertTransition(c.state, 'active');
      await this.update(call, { twiml: renderTwiml(this.toAgentClient(c, agent.id)) });
      c.state = 'active';
      await this.deps.recorder.record(entry, [{ type: 'call.resumed', actor: agentActor(agent), data: { via: 'phone' } }], true);
    });
  }

  /** Hang-up: the provider ends the call; the conversation goes to wrap-up for the registration. */
  async hangUp(agent: Agent, conversationId: string): Promise<void> {
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.requirePhoneCall(agent, c);
      assertTransition(c.state, 'wrap_up');
      await this.update(call, { status: 'completed' });
      c.state = 'wrap_up';
      // A colleague still on the consult leg is hung up as well (best effort: the caller's call is over anyway).
      const live = await this.deps.calls.load(c);
      const consultLeg = live.consult?.callSid;
      if (consultLeg) await this.update({ callSid: consultLeg, lineId: c.lineId }, { status: 'completed' }).catch(() => undefined);
      if (live.consult) this.deps.calls.end(live);
      await this.deps.recorder.record(entry, [{ type: 'call.ended', actor: agentActor(agent), data: { by: 'agent', via: 'phone' } }], true);
    });
  }

  /**
   * Blind transfer. To a queue or a colleague the caller goes back into the queue through the same
   * `<Enqueue>` as after the IVR (hold loop, then `<Dial><Client>` of whoever accepts; a colleague is
   * offered the call directly). To an outside number the provider `<Dial>`s it and the conversation goes
   * to wrap-up here.
   */
  async transfer(agent: Agent, conversationId: string, target: PhoneTransferTarget, note?: string): Promise<void> {
    if ('toNumber' in target) return this.transferOut(agent, conversationId, target.toNumber);
    const c = (await this.deps.live.get(conversationId)).conversation;
    const call = await this.requirePhoneCall(agent, c);
    // Refuse an unknown target before the caller is moved (the colleague's availability is checked again by the transfer).
    if ('toQueueId' in target && !this.deps.directory.findQueue(agent.tenantId, target.toQueueId)) throw errors.noSuchTarget(`Queue ${target.toQueueId} does not exist`);
    if ('toAgentId' in target) this.availableColleague(agent, target.toAgentId);
    await this.assertNotConsulting(c);
    const links = this.calls.links(c.lineId);
    const queueName = 'toQueueId' in target ? target.toQueueId : c.queueId;
    this.calls.transferring.add(c.id);
    try {
      await this.update(call, { twiml: renderTwiml([{ verb: 'Enqueue', queueName, waitUrl: links.holdLoop, action: links.queueResult }]) });
      // Should the transfer itself be refused now (the colleague just went away), the hold loop finds the call
      // still assigned and connects the caller back to this agent.
      await transferConversation(this.deps, agent, { conversationId, ...target, ...(note ? { note } : {}) });
    } finally {
      this.calls.transferring.delete(c.id);
    }
  }

  private async transferOut(agent: Agent, conversationId: string, number: string): Promise<void> {
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.requirePhoneCall(agent, c);
      assertTransition(c.state, 'wrap_up');
      await this.update(call, { twiml: renderTwiml([{ verb: 'Dial', target: { noun: 'Number', number }, timeout: 30 }, { verb: 'Hangup' }]) });
      c.state = 'wrap_up';
      // Only the last digits: the log says where the caller went without keeping a full number.
      const drafts: EventDraft[] = [
        { type: 'conversation.transferred', actor: agentActor(agent), data: { fromAgentId: agent.id, toQueueId: null, toAgentId: null, toNumberEnding: number.slice(-4), mode: 'blind' } },
        { type: 'call.ended', actor: agentActor(agent), data: { by: 'agent', reason: 'transferred', via: 'phone' } },
      ];
      await this.deps.recorder.record(entry, drafts, true);
    });
  }

  /** A colleague of the same tenant, not the agent, who can take a voice call now (else 404 / 409). */
  availableColleague(agent: Agent, agentId: string): Agent {
    const colleague = this.deps.directory.findAgent(agent.tenantId, agentId);
    if (!colleague || colleague.id === agent.id) throw errors.noSuchTarget(`Agent ${agentId} cannot receive this transfer`);
    const state = this.deps.routing.engine(agent.tenantId).agentState(colleague.id);
    if (state.status !== 'available' || state.load.voice >= state.capacity.voice) {
      throw new AppError('TRANSFER_TARGET_UNAVAILABLE', `${colleague.name} is not available for a voice call right now`, { status: 409, userMessage: `${colleague.name} is not available right now; choose a queue or another colleague.` });
    }
    return colleague;
  }

  /** While the agent consults a colleague (warm transfer), only complete, cancel and hang-up apply. */
  async assertNotConsulting(c: Conversation): Promise<void> {
    const consult = (await this.deps.calls.load(c)).consult;
    if (consult) throw browserCallErrors.invalidStep(`You are consulting ${consult.agentName}: complete or cancel the consultation first`);
  }

  /** The caller's leg of a phone-line call this agent is talking to (or holding). */
  async requirePhoneCall(agent: Agent, c: Conversation): Promise<VoiceCallRecord> {
    assertAssigned(c, agent);
    assertOpen(c);
    if (c.channel !== 'voice' || c.context.browserCall === true) throw phoneCallErrors.notPhoneCall(c.id);
    const call = await this.deps.repos.voice.findCallByConversation(c.id);
    if (!call || call.direction !== 'inbound' || call.tenantId !== c.tenantId) throw phoneCallErrors.notPhoneCall(c.id);
    if (GONE.has(call.status) || (c.state !== 'active' && c.state !== 'on_hold')) throw browserCallErrors.notConnected(c.id);
    return call;
  }

  /** The TwiML that dials the agent's softphone client for the caller (resume). */
  toAgentClient(c: Conversation, agentId: string): TwimlVerb[] {
    return [{ verb: 'Dial', target: { noun: 'Client', identity: agentId }, action: this.calls.links(c.lineId).dialResult }, { verb: 'Hangup' }];
  }

  /** The provider account of a line's calls: the line's own when it has one, else the server-wide one. */
  credentials(lineId: string): VoiceCredentials | null {
    const line = this.deps.directory.findLine(lineId);
    return restCredentialsFor(line, line ? this.deps.directory.tenant(line.tenantId).secret : undefined, this.deps.config);
  }

  private client(lineId: string): TwilioRestClient {
    const credentials = this.credentials(lineId);
    if (!credentials) throw phoneCallErrors.notConfigured();
    const { TWILIO_API_BASE_URL, TWILIO_API_TIMEOUT_MS } = this.deps.config;
    return new TwilioRestClient({ baseUrl: TWILIO_API_BASE_URL, accountSid: credentials.accountSid, authToken: credentials.authToken, timeoutMs: TWILIO_API_TIMEOUT_MS });
  }

  /** Changes a live call of a line at the provider; a provider failure becomes 502 `VOICE_PROVIDER_UNAVAILABLE`. */
  async update(call: Pick<VoiceCallRecord, 'callSid' | 'lineId'>, update: CallUpdate): Promise<void> {
    const client = this.client(call.lineId);
    try {
      await client.updateCall(call.callSid, update);
    } catch (error) {
      if (!(error instanceof VoiceProviderError)) throw error;
      this.deps.log('warn', 'voice provider did not update the call', { callSid: call.callSid, providerStatus: error.providerStatus, error: error.message });
      throw phoneCallErrors.providerUnavailable(error.message, error);
    }
  }

  /** Places a new call at the provider (answers its SID); a provider failure becomes 502 `VOICE_PROVIDER_UNAVAILABLE`. */
  async create(lineId: string, call: NewCall): Promise<string> {
    const client = this.client(lineId);
    try {
      return await client.createCall(call);
    } catch (error) {
      if (!(error instanceof VoiceProviderError)) throw error;
      this.deps.log('warn', 'voice provider did not place the call', { to: call.to, providerStatus: error.providerStatus, error: error.message });
      throw phoneCallErrors.providerUnavailable(error.message, error);
    }
  }
}
