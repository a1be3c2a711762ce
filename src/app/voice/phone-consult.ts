import { joinConsultTwiml, renderTwiml, type TwimlVerb } from '../../channels/voice/index.js';
import type { Agent, Conversation } from '../../core/model/index.js';
import { topics } from '../../realtime/event-bus.js';
import type { EventDraft } from '../conversation/event-recorder.js';
import { transferConversation } from '../conversation/transfer.js';
import type { ServiceDeps } from '../deps.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import { browserCallErrors } from './browser-call.errors.js';
import { phoneCallErrors } from './phone-call.errors.js';
import type { PhoneCallControl } from './phone-call-control.js';
import { voiceCallsOf } from './voice-call.service.js';

const agentActor = (agent: Agent) => ({ kind: 'agent' as const, id: agent.id, name: agent.name });

/**
 * A consult with an outside number is kept in the same `call_states` columns as a colleague's: its "agent id"
 * is this prefix and the number's last four digits (agent ids never contain ':'), its name `…1234`.
 */
const OUTSIDE_CONSULT = 'tel:';
const isOutside = (consult: { agentId: string }) => consult.agentId.startsWith(OUTSIDE_CONSULT);

/**
 * Warm (consultative) transfer of a call on a phone line, with the provider's conference model:
 *
 * - `consult`: the caller's leg is moved into the conversation's conference room, where they wait alone with
 *   the hold music (nobody who starts the conference has joined); a new call rings the colleague's softphone
 *   client and, once answered, dials the agent's client: agent and colleague talk, the caller hears music.
 * - `complete`: the colleague's leg is moved into the conference (it starts: caller and colleague talk; the
 *   agent's leg ends with the move), and the conversation is handed to the colleague by the ordinary transfer
 *   (`mode: 'warm'`). When the colleague accepts, the caller is not dialled again (they are already talking).
 * - `cancel`: the colleague's leg is hung up and the caller is dialled through to the agent again.
 *
 * As the other controls, each step asks the provider first and records only what it carried out. The
 * colleague and their leg's SID are kept in `call_states` (with the events), so a restart loses nothing.
 */
export class PhoneConsult {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly control: PhoneCallControl,
  ) {}

  /**
   * Consult an outside number (another service the caller may be handed to): the line's provider account calls
   * it From the line's own number (its caller id; without one 409 `VOICE_CALLER_ID_MISSING`) and, once answered,
   * dials the agent's client, like a colleague's consult leg. Only the last digits are kept.
   */
  async consultNumber(agent: Agent, conversationId: string, toNumber: string, note?: string): Promise<void> {
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.control.requirePhoneCall(agent, c);
      await this.control.assertNotConsulting(c);
      const callerId = this.control.credentials(c.lineId)?.callerId;
      if (!callerId) throw phoneCallErrors.callerIdMissing(c.lineId);
      const ending = toNumber.slice(-4);
      await this.control.update(call, { twiml: renderTwiml(joinConsultTwiml(c.id, { caller: true, holdMusicUrl: voiceCallsOf(this.deps).holdMusicUrl() })) });
      let legSid: string;
      try {
        legSid = await this.control.create(c.lineId, { to: toNumber, from: callerId, twiml: renderTwiml([{ verb: 'Dial', target: { noun: 'Client', identity: agent.id }, timeout: 30 }, { verb: 'Hangup' }]) });
      } catch (error) {
        await this.putCallerBack(c, agent, call);
        throw error;
      }
      const live = await this.deps.calls.load(c);
      live.consult = { agentId: `${OUTSIDE_CONSULT}${ending}`, agentName: `…${ending}`, callSid: legSid };
      this.deps.calls.markChanged(live);
      const drafts: EventDraft[] = [];
      if (c.state === 'active') {
        c.state = 'on_hold';
        drafts.push({ type: 'call.held', actor: agentActor(agent), data: { via: 'phone' } });
      }
      drafts.push({ type: 'call.consult_started', actor: agentActor(agent), data: { agentId: null, toNumberEnding: ending, via: 'phone', ...(note ? { note } : {}) } });
      await this.deps.recorder.record(entry, drafts, true);
    });
  }

  /** The caller goes back to where they were (best effort) when the consult leg could not be placed. */
  private async putCallerBack(c: Conversation, agent: Agent, call: { callSid: string; lineId: string }): Promise<void> {
    const back: TwimlVerb[] = c.state === 'on_hold' ? [{ verb: 'Play', url: voiceCallsOf(this.deps).holdMusicUrl(), loop: 0 }] : this.control.toAgentClient(c, agent.id);
    await this.control.update(call, { twiml: renderTwiml(back) }).catch(() => undefined);
  }

  /**
   * Completes a consult with an outside number: its leg joins the caller in the conference (the agent's leg ends
   * with the move) and the conversation ends for the agent (wrap-up). Handing a caller to an outside service
   * needs their consent: without `callerConsent` 400 `TRANSFER_CONSENT_REQUIRED`, and the event records it.
   */
  private async completeOutside(agent: Agent, conversationId: string, callerConsent: boolean, note?: string): Promise<void> {
    if (!callerConsent) throw phoneCallErrors.consentRequired();
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      await this.control.requirePhoneCall(agent, c);
      const consult = await this.requireConsult(c);
      if (!isOutside(consult)) throw browserCallErrors.invalidStep('The consultation changed meanwhile');
      assertTransition(c.state, 'wrap_up');
      await this.control.update({ callSid: consult.callSid, lineId: c.lineId }, { twiml: renderTwiml(joinConsultTwiml(c.id, { caller: false })) });
      const live = await this.deps.calls.load(c);
      live.consult = null;
      this.deps.calls.markChanged(live);
      c.state = 'wrap_up';
      const ending = consult.agentId.slice(OUTSIDE_CONSULT.length);
      await this.deps.recorder.record(
        entry,
        [
          { type: 'conversation.transferred', actor: agentActor(agent), data: { fromAgentId: agent.id, toQueueId: null, toAgentId: null, toNumberEnding: ending, mode: 'warm', callerConsent: true, ...(note ? { note } : {}) } },
          { type: 'call.ended', actor: agentActor(agent), data: { by: 'agent', reason: 'transferred', via: 'phone' } },
        ],
        true,
      );
    });
  }

  async consult(agent: Agent, conversationId: string, toAgentId: string, note?: string): Promise<void> {
    let colleagueId = '';
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.control.requirePhoneCall(agent, c);
      await this.control.assertNotConsulting(c);
      const colleague = this.control.availableColleague(agent, toAgentId);
      colleagueId = colleague.id;
      await this.control.update(call, { twiml: renderTwiml(joinConsultTwiml(c.id, { caller: true, holdMusicUrl: voiceCallsOf(this.deps).holdMusicUrl() })) });
      let legSid: string;
      try {
        legSid = await this.control.create(c.lineId, {
          to: `client:${colleague.id}`,
          from: `client:${agent.id}`,
          twiml: renderTwiml([{ verb: 'Dial', target: { noun: 'Client', identity: agent.id }, timeout: 30 }, { verb: 'Hangup' }]),
        });
      } catch (error) {
        // The colleague could not be called: the caller goes back to where they were (best effort), nothing is recorded.
        await this.putCallerBack(c, agent, call);
        throw error;
      }
      const live = await this.deps.calls.load(c);
      live.consult = { agentId: colleague.id, agentName: colleague.name, callSid: legSid };
      this.deps.calls.markChanged(live);
      const drafts: EventDraft[] = [];
      if (c.state === 'active') {
        c.state = 'on_hold';
        drafts.push({ type: 'call.held', actor: agentActor(agent), data: { via: 'phone' } });
      }
      drafts.push({ type: 'call.consult_started', actor: agentActor(agent), data: { agentId: colleague.id, agentName: colleague.name, via: 'phone', ...(note ? { note } : {}) } });
      await this.deps.recorder.record(entry, drafts, true);
    });
    this.notify(colleagueId, conversationId, agent, true, note);
  }

  async complete(agent: Agent, conversationId: string, note?: string, callerConsent = false): Promise<void> {
    const c = (await this.deps.live.get(conversationId)).conversation;
    await this.control.requirePhoneCall(agent, c);
    const consult = await this.requireConsult(c);
    if (isOutside(consult)) return this.completeOutside(agent, conversationId, callerConsent, note);
    // Refuse before the call is changed when the colleague can no longer take it (the transfer checks again).
    this.control.availableColleague(agent, consult.agentId);
    await this.control.update({ callSid: consult.callSid, lineId: c.lineId }, { twiml: renderTwiml(joinConsultTwiml(c.id, { caller: false })) });
    // The consult stays in call_states until the colleague accepts (then the caller is not dialled again).
    await transferConversation(this.deps, agent, { conversationId, toAgentId: consult.agentId, ...(note ? { note } : {}), warm: true });
    this.notify(consult.agentId, conversationId, agent, false);
  }

  async cancel(agent: Agent, conversationId: string): Promise<void> {
    let colleagueId = '';
    await this.deps.live.withConversation(conversationId, async (entry) => {
      const c = entry.conversation;
      const call = await this.control.requirePhoneCall(agent, c);
      const consult = await this.requireConsult(c);
      await this.control.update({ callSid: consult.callSid, lineId: c.lineId }, { status: 'completed' });
      await this.control.update(call, { twiml: renderTwiml(this.control.toAgentClient(c, agent.id)) });
      const live = await this.deps.calls.load(c);
      live.consult = null;
      this.deps.calls.markChanged(live);
      c.state = 'active';
      colleagueId = isOutside(consult) ? '' : consult.agentId;
      await this.deps.recorder.record(
        entry,
        [
          {
            type: 'call.consult_cancelled',
            actor: agentActor(agent),
            data: isOutside(consult) ? { agentId: null, toNumberEnding: consult.agentId.slice(OUTSIDE_CONSULT.length), via: 'phone' } : { agentId: consult.agentId, agentName: consult.agentName, via: 'phone' },
          },
          { type: 'call.resumed', actor: agentActor(agent), data: { via: 'phone' } },
        ],
        true,
      );
    });
    this.notify(colleagueId, conversationId, agent, false);
  }

  private async requireConsult(c: Conversation): Promise<{ agentId: string; agentName: string; callSid: string }> {
    const consult = (await this.deps.calls.load(c)).consult;
    if (!consult?.callSid || c.state !== 'on_hold') throw browserCallErrors.invalidStep('There is no consultation to complete or cancel');
    return { agentId: consult.agentId, agentName: consult.agentName, callSid: consult.callSid };
  }

  /** The colleague's desktop shows the consult (the same frame as a browser call's consult). */
  private notify(colleagueId: string, conversationId: string, agent: Agent, active: boolean, note?: string): void {
    if (!colleagueId) return;
    this.deps.bus.publish(topics.agent(colleagueId), { kind: 'frame', frame: { t: 'call.consult', conversationId, fromAgentId: agent.id, fromAgentName: agent.name, active, ...(note ? { note } : {}) } });
  }
}
