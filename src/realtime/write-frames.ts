import { setAgentStatus } from '../app/agent/agent-status.js';
import { errors } from '../app/app.errors.js';
import type { Participant } from '../app/conversation/access.js';
import { acceptOffer, declineOffer } from '../app/conversation/offer-response.js';
import { postMessage } from '../app/conversation/post-message.js';
import type { ServiceDeps } from '../app/deps.js';
import type { ClientFrame, ServerFrame } from './protocol.js';

/** The socket frames that change state: with several nodes they run on the tenant's lease holder. */
export type WriteFrame = Extract<ClientFrame, { t: 'message.send' | 'offer.accept' | 'offer.decline' | 'status.set' }>;

export function isWriteFrame(frame: ClientFrame): frame is WriteFrame {
  return frame.t === 'message.send' || frame.t === 'offer.accept' || frame.t === 'offer.decline' || frame.t === 'status.set';
}

/** Who sent a frame, in a form that crosses nodes (the holder looks the agent up in its own directory). */
export type ParticipantRef = { kind: 'customer'; conversationId: string } | { kind: 'agent'; tenantId: string; agentId: string };

export function refOf(who: Participant): ParticipantRef {
  return who.kind === 'customer' ? who : { kind: 'agent', tenantId: who.agent.tenantId, agentId: who.agent.id };
}

/** Runs a write frame here and returns the acknowledgement to send back. */
export async function executeWriteFrame(deps: ServiceDeps, ref: ParticipantRef, frame: WriteFrame): Promise<ServerFrame> {
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
  }
}

/** Where write frames run: here (one node), or on the tenant's lease holder (several nodes). */
export interface FrameCommands {
  readonly clustered: boolean;
  run(tenantId: string, who: ParticipantRef, frame: WriteFrame): Promise<ServerFrame>;
}

export function localFrameCommands(deps: ServiceDeps): FrameCommands {
  return { clustered: false, run: (_tenantId, who, frame) => executeWriteFrame(deps, who, frame) };
}
