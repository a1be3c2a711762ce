import type { Compliment, WireEvent } from '../api/api-types.js';
import type { WallboardSurveys } from '../../../src/app/wallboard/wallboard.types.js';
import type { CampaignProgress } from '../../../src/app/campaigns/campaign-progress.types.js';
import type { CallSignalFrame, ClientFrame as ProtocolClientFrame, IceServer } from '../../../src/realtime/protocol.js';

/** Call control frames (src/realtime/protocol.ts): they carry a clientId and are acknowledged. */
export type CallControlFrame = Extract<ProtocolClientFrame, { t: `call.${string}`; clientId: string }>;

/** Frames the server sends (see src/realtime/protocol.ts). */
export type ServerFrame =
  | { t: 'hello'; role: 'customer' | 'agent'; agentId?: string; serverTime: string; iceServers?: IceServer[] }
  | CallSignalFrame
  | { t: 'call.consult'; conversationId: string; fromAgentId: string; fromAgentName: string; note?: string; active: boolean }
  | { t: 'call.dtmf'; conversationId: string; digits: string }
  | { t: 'pong' }
  | { t: 'event'; e: WireEvent }
  | { t: 'ack'; clientId: string; conversationId?: string; seq?: number }
  | { t: 'error'; clientId?: string; code: string; message: string; retryable?: boolean }
  | { t: 'typing'; conversationId: string; from: 'customer' | 'agent'; on: boolean }
  | { t: 'offer'; conversationId: string; expiresAt: string; offer: Record<string, unknown> }
  | { t: 'offer.withdrawn'; conversationId: string; reason: string }
  | { t: 'agent.status'; agentId: string; status: string; reason?: string }
  | { t: 'supervisor.update'; data: Record<string, unknown> }
  | { t: 'compliment.received'; compliment: Compliment }
  | { t: 'wallboard.surveys'; lineId: string; surveys: WallboardSurveys }
  | { t: 'campaign.progress'; campaignId: string; progress: CampaignProgress };

/** Frames the web app sends. */
export type ClientFrame =
  | { t: 'ping' }
  | { t: 'resume'; conversationId: string; afterSeq: number }
  | { t: 'message.send'; conversationId: string; clientId: string; text: string; internal?: boolean }
  | { t: 'typing'; conversationId: string; on: boolean }
  | { t: 'offer.accept' | 'offer.decline'; conversationId: string; clientId: string }
  | { t: 'status.set'; clientId: string; status: 'available' | 'away' | 'offline' }
  | CallSignalFrame
  | { t: 'call.renegotiate'; conversationId: string }
  | CallControlFrame;

export function parseServerFrame(raw: unknown): ServerFrame | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && typeof (value as { t?: unknown }).t === 'string' ? (value as ServerFrame) : null;
  } catch {
    return null;
  }
}
