import { connectToAgentTwiml, renderTwiml, TwilioRestClient, VoiceProviderError, type CallUpdate, type TwimlVerb } from '../../channels/voice/index.js';
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
    const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } = this.deps.config;
    if (!TWILIO_ACCOUNT_SID || !TWILIO_AUTH_TOKEN) return;
    const c = this.deps.live.peek(conversationId)?.conversation;
    if (!c || c.channel !== 'voice' || c.context.browserCall === true || c.state !== 'active' || !c.assignedAgentId) return;
    const call = await this.deps.repos.voice.findCallByConversation(c.id);
    if (!call || call.direction !== 'inbound' || GONE.has(call.status) || call.ivrState !== null) return;
    try {
      await this.update(call, { twiml: renderTwiml(connectToAgentTwiml(c.language, c.assignedAgentId, this.calls.links(c.lineId).dialResult)) });
    } catch (error) {
      this.deps.log('warn', 'accepted phone call left to the hold loop', { conversationId, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    await this.calls.noteConnecting(c);
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
    if ('toAgentId' in target) {
      const colleague = this.deps.directory.findAgent(agent.tenantId, target.toAgentId);
      if (!colleague || colleague.id === agent.id) throw errors.noSuchTarget(`Agent ${target.toAgentId} cannot receive this transfer`);
      const state = this.deps.routing.engine(agent.tenantId).agentState(colleague.id);
      if (state.status !== 'available' || state.load.voice >= state.capacity.voice) {
        throw new AppError('TRANSFER_TARGET_UNAVAILABLE', `${colleague.name} is not available for a voice call right now`, { status: 409, userMessage: `${colleague.name} is not available right now; choose a queue or another colleague.` });
      }
    }
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

  /** The caller's leg of a phone-line call this agent is talking to (or holding). */
  private async requirePhoneCall(agent: Agent, c: Conversation): Promise<VoiceCallRecord> {
    assertAssigned(c, agent);
    assertOpen(c);
    if (c.channel !== 'voice' || c.context.browserCall === true) throw phoneCallErrors.notPhoneCall(c.id);
    const call = await this.deps.repos.voice.findCallByConversation(c.id);
    if (!call || call.direction !== 'inbound' || call.tenantId !== c.tenantId) throw phoneCallErrors.notPhoneCall(c.id);
    if (GONE.has(call.status) || (c.state !== 'active' && c.state !== 'on_hold')) throw browserCallErrors.notConnected(c.id);
    return call;
  }

  private toAgentClient(c: Conversation, agentId: string): TwimlVerb[] {
    return [{ verb: 'Dial', target: { noun: 'Client', identity: agentId }, action: this.calls.links(c.lineId).dialResult }, { verb: 'Hangup' }];
  }

  private client(): TwilioRestClient {
    const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL, TWILIO_API_TIMEOUT_MS } = this.deps.config;
    if (!TWILIO_ACCOUNT_SID || !TWILIO_AUTH_TOKEN) throw phoneCallErrors.notConfigured();
    return new TwilioRestClient({ baseUrl: TWILIO_API_BASE_URL, accountSid: TWILIO_ACCOUNT_SID, authToken: TWILIO_AUTH_TOKEN, timeoutMs: TWILIO_API_TIMEOUT_MS });
  }

  private async update(call: VoiceCallRecord, update: CallUpdate): Promise<void> {
    const client = this.client();
    try {
      await client.updateCall(call.callSid, update);
    } catch (error) {
      if (!(error instanceof VoiceProviderError)) throw error;
      this.deps.log('warn', 'voice provider did not update the call', { callSid: call.callSid, providerStatus: error.providerStatus, error: error.message });
      throw phoneCallErrors.providerUnavailable(error.message, error);
    }
  }
}
