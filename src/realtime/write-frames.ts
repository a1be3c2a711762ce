import { setAgentStatus } from '../app/agent/agent-status.js';
import { errors } from '../app/app.errors.js';
import type { Participant } from '../app/conversation/access.js';
import { acceptOffer, declineOffer } from '../app/conversation/offer-response.js';
import { postMessage } from '../app/conversation/post-message.js';
import type { ServiceDeps } from '../app/deps.js';
import { answerCall, hangUp, holdCall, muteCall, relayCallSignal, sendDtmf, switchChatToCall, transferCall } from '../app/voice/voice-session.js';
import type { ClientFrame, ServerFrame } from './protocol.js';

const WRITE_FRAMES = new Set<ClientFrame['t']>([
  'message.send',
  'offer.accept',
  'offer.decline',
  'status.set',
  // Browser calls: the call's in-memory state (IVR position, pick-up, consult) lives with the
  // conversation on the tenant's holder, so control frames and the relay of signalling run there.
  'call.start',
  'call.answered',
  'call.hold',
  'call.unhold',
  'call.mute',
  'call.dtmf',
  'call.transfer',
  'call.hangup',
  'call.offer',
  'call.answer',
  'call.ice',
  'call.renegotiate',
]);

/** The socket frames that change state (or need the holder's call state): with several nodes they run on the tenant's lease holder. */
export type WriteFrame = Extract<ClientFrame, { t: 'message.send' | 'offer.accept' | 'offer.decline' | 'status.set' | `call.${string}` }>;

export function isWriteFrame(frame: ClientFrame): frame is WriteFrame {
  return WRITE_FRAMES.has(frame.t);
}

/** Call signalling (SDP, ICE) is relayed, not acknowledged: these frames carry no clientId. */
export function isCallSignal(frame: ClientFrame): frame is Extract<ClientFrame, { t: 'call.offer' | 'call.answer' | 'call.ice' | 'call.renegotiate' }> {
  return frame.t === 'call.offer' || frame.t === 'call.answer' || frame.t === 'call.ice' || frame.t === 'call.renegotiate';
}

/** Who sent a frame, in a form that crosses nodes (the holder looks the agent up in its own directory). */
export type ParticipantRef = { kind: 'customer'; conversationId: string } | { kind: 'agent'; tenantId: string; agentId: string };

export function refOf(who: Participant): ParticipantRef {
  return who.kind === 'customer' ? who : { kind: 'agent', tenantId: who.agent.tenantId, agentId: who.agent.id };
}

/** Runs a write frame here and returns the acknowledgement to send back (null: relayed signalling, nothing to send). */
export async function executeWriteFrame(deps: ServiceDeps, ref: ParticipantRef, frame: WriteFrame): Promise<ServerFrame | null> {
  // Always the directory's current record: status and queues change while the socket lives.
  const who: Participant = ref.kind === 'customer' ? ref : { kind: 'agent', agent: deps.directory.agent(ref.tenantId, ref.agentId) };
  const agent = () => {
    if (who.kind !== 'agent') throw errors.forbidden('Only agents can do this');
    return who.agent;
  };
  switch (frame.t) {
    case 'message.send': {
      const { seq } = await postMessage(deps, who, frame);
      return { t: 'ack', clientId: frame.clientId, conversationId: frame.conversationId, seq };
    }
    case 'offer.accept':
      await acceptOffer(deps, agent(), frame.conversationId);
      return { t: 'ack', clientId: frame.clientId, conversationId: frame.conversationId };
    case 'offer.decline':
      await declineOffer(deps, agent(), frame.conversationId);
      return { t: 'ack', clientId: frame.clientId, conversationId: frame.conversationId };
    case 'status.set':
      await setAgentStatus(deps, agent(), agent().id, frame.status);
      return { t: 'ack', clientId: frame.clientId };
    case 'call.offer':
    case 'call.answer':
    case 'call.ice':
    case 'call.renegotiate':
      await relayCallSignal(deps, who, frame);
      return null;
    case 'call.start':
      if (who.kind !== 'customer' || who.conversationId !== frame.conversationId) throw errors.forbidden('Only the customer of this conversation starts a call');
      await switchChatToCall(deps, frame.conversationId);
      break;
    case 'call.answered':
      await answerCall(deps, agent(), frame.conversationId);
      break;
    case 'call.hold':
    case 'call.unhold':
      await holdCall(deps, agent(), frame.conversationId, frame.t === 'call.hold');
      break;
    case 'call.mute':
      await muteCall(deps, who, frame.conversationId, frame.muted);
      break;
    case 'call.dtmf':
      await sendDtmf(deps, who, frame.conversationId, frame.digits);
      break;
    case 'call.transfer': {
      const { conversationId, step, toQueueId, toAgentId, note } = frame;
      await transferCall(deps, agent(), { conversationId, step, ...(toQueueId ? { toQueueId } : {}), ...(toAgentId ? { toAgentId } : {}), ...(note ? { note } : {}) });
      break;
    }
    case 'call.hangup':
      await hangUp(deps, who, frame.conversationId);
      break;
  }
  return { t: 'ack', clientId: frame.clientId, conversationId: frame.conversationId };
}

/** Where write frames run: here (one node), or on the tenant's lease holder (several nodes). */
export interface FrameCommands {
  readonly clustered: boolean;
  run(tenantId: string, who: ParticipantRef, frame: WriteFrame): Promise<ServerFrame | null>;
}

export function localFrameCommands(deps: ServiceDeps): FrameCommands {
  return { clustered: false, run: (_tenantId, who, frame) => executeWriteFrame(deps, who, frame) };
}
