import { z } from 'zod';
import type { WallboardSurveys } from '../app/wallboard/wallboard.types.js';
import type { CampaignProgress } from '../app/campaigns/campaign-progress.types.js';

/**
 * The realtime wire protocol, shared by agents, supervisors and widget clients.
 * Every frame is one JSON object with a `t` (type) field. Client frames are validated here,
 * at the edge; anything that does not parse gets an `error` frame, never a crash.
 *
 * Connect: `GET /ws` upgraded to a WebSocket.
 * - widget: `/ws?token=<conversation token from POST /api/widget/v1/lines/:lineId/conversations>`
 * - agent/supervisor: the session cookie `centraal_session` set by `POST /api/auth/login`.
 *
 * @example
 *   → {"t":"resume","conversationId":"c_1","afterSeq":4}
 *   ← {"t":"event","e":{"conversationId":"c_1","seq":5,"type":"message.created",...}}
 *   → {"t":"message.send","conversationId":"c_1","clientId":"m-17","text":"Hallo"}
 *   ← {"t":"ack","clientId":"m-17","conversationId":"c_1","seq":6}
 */
const id = z.string().min(1).max(64);
const clientId = z.string().min(1).max(64);

export const MAX_MESSAGE_LENGTH = 4000;
/** A browser's audio SDP is a few kB; the cap only keeps a hostile frame small. */
export const MAX_SDP_LENGTH = 16_000;
const iceCandidate = z.object({
  candidate: z.string().max(1000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

export const clientFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ping') }),
  z.object({ t: z.literal('resume'), conversationId: id, afterSeq: z.number().int().min(0) }),
  z.object({
    t: z.literal('message.send'),
    conversationId: id,
    clientId,
    /** May be empty only with attachmentIds (checked by postMessage). */
    text: z.string().trim().max(MAX_MESSAGE_LENGTH),
    /** Agents only: an internal note that never reaches the customer. */
    internal: z.boolean().optional(),
    /** Agents only: files uploaded with POST /api/conversations/:id/attachments. */
    attachmentIds: z.array(id).max(5).optional(),
  }),
  z.object({ t: z.literal('typing'), conversationId: id, on: z.boolean() }),
  z.object({ t: z.literal('offer.accept'), conversationId: id, clientId }),
  z.object({ t: z.literal('offer.decline'), conversationId: id, clientId }),
  z.object({ t: z.literal('status.set'), clientId, status: z.enum(['available', 'away', 'offline']) }),
  // Voice in the browser (docs/realtime-protocol.md, "Calls"). SDP and ICE are relayed, never interpreted.
  z.object({ t: z.literal('call.start'), conversationId: id, clientId }),
  z.object({ t: z.literal('call.offer'), conversationId: id, sdp: z.string().min(1).max(MAX_SDP_LENGTH) }),
  z.object({ t: z.literal('call.answer'), conversationId: id, sdp: z.string().min(1).max(MAX_SDP_LENGTH) }),
  z.object({ t: z.literal('call.ice'), conversationId: id, candidate: iceCandidate.nullable() }),
  /** The agent's browser lost its side of the media (a reload): the customer's browser offers again. */
  z.object({ t: z.literal('call.renegotiate'), conversationId: id }),
  z.object({ t: z.literal('call.answered'), conversationId: id, clientId }),
  z.object({ t: z.literal('call.hold'), conversationId: id, clientId }),
  z.object({ t: z.literal('call.unhold'), conversationId: id, clientId }),
  z.object({ t: z.literal('call.mute'), conversationId: id, clientId, muted: z.boolean() }),
  z.object({ t: z.literal('call.dtmf'), conversationId: id, clientId, digits: z.string().regex(/^[0-9*#]{1,32}$/, 'digits are 0-9, * and #') }),
  z.object({
    t: z.literal('call.transfer'),
    conversationId: id,
    clientId,
    /** blind: hand over now; consult: ring the colleague first (warm), then complete or cancel. */
    step: z.enum(['blind', 'consult', 'complete', 'cancel']),
    toQueueId: id.optional(),
    toAgentId: id.optional(),
    note: z.string().max(2000).optional(),
  }),
  z.object({ t: z.literal('call.hangup'), conversationId: id, clientId }),
]);

export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** An event as a client sees it: payload already filtered for the recipient. */
export interface WireEvent {
  conversationId: string;
  seq: number;
  type: string;
  at: string;
  actor: { kind: 'customer' | 'agent' | 'bot' | 'system'; id?: string; name?: string };
  data: Record<string, unknown>;
}

/** An RTCIceServer as configured in ICE_SERVERS. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** The relayed WebRTC signalling: exactly what the other side sent, never looked into. */
export type CallSignalFrame =
  | { t: 'call.offer'; conversationId: string; sdp: string }
  | { t: 'call.answer'; conversationId: string; sdp: string }
  | { t: 'call.ice'; conversationId: string; candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null }
  | { t: 'call.renegotiate'; conversationId: string };

export type ServerFrame =
  | { t: 'hello'; role: 'customer' | 'agent'; agentId?: string; conversationId?: string; serverTime: string; iceServers?: IceServer[] }
  | CallSignalFrame
  /** A colleague asks this agent to take a call (warm transfer): the call rings once they complete it. */
  | { t: 'call.consult'; conversationId: string; fromAgentId: string; fromAgentName: string; note?: string; active: boolean }
  /** The customer pressed keys while talking to the agent (after the IVR). */
  | { t: 'call.dtmf'; conversationId: string; digits: string }
  | { t: 'pong' }
  | { t: 'event'; e: WireEvent }
  | { t: 'ack'; clientId: string; conversationId?: string; seq?: number }
  | { t: 'error'; clientId?: string; code: string; message: string; retryable?: boolean }
  | { t: 'typing'; conversationId: string; from: 'customer' | 'agent'; on: boolean }
  | { t: 'queue'; conversationId: string; position: number; expectedWaitSeconds: number }
  | { t: 'offer'; conversationId: string; expiresAt: string; offer: Record<string, unknown> }
  | { t: 'offer.withdrawn'; conversationId: string; reason: string }
  | { t: 'agent.status'; agentId: string; status: string; reason?: string }
  | { t: 'supervisor.update'; data: Record<string, unknown> }
  /** To the agent who received it, as soon as it is stored. */
  | { t: 'compliment.received'; compliment: ComplimentFrame }
  /** To wallboard viewers after each survey answer: today's survey figures of the tenant. */
  | { t: 'wallboard.surveys'; lineId: string; surveys: WallboardSurveys }
  /** To the tenant's supervisors after every change of a campaign's contacts or status: its progress. */
  | { t: 'campaign.progress'; campaignId: string; progress: CampaignProgress };

export interface ComplimentFrame {
  id: string;
  agentId: string;
  agentName: string;
  conversationId: string | null;
  source: 'survey' | 'customer' | 'executive';
  text: string;
  shareWithTeam: boolean;
  createdAt: number;
}

export type ParseResult = { ok: true; frame: ClientFrame } | { ok: false; message: string };

export function parseClientFrame(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const parsed = clientFrameSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: issue ? `${issue.path.join('.') || 'frame'}: ${issue.message}` : 'invalid frame' };
  }
  return { ok: true, frame: parsed.data };
}
