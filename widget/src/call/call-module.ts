import type { UiLanguage } from '../i18n/messages.js';
import type { ClientFrame, ServerFrame, WireEvent } from '../realtime/wire-types.js';

/**
 * The contract between the chat widget and the call code. The call code is a second small script
 * (`/widget-call.js`) loaded only when a customer calls, so chat-only visitors never download it.
 */
export interface CallHost {
  conversationId: string;
  language: UiLanguage;
  /** STUN/TURN servers from the server's hello frame (ICE_SERVERS). */
  iceServers(): RTCIceServer[];
  /** Sends a frame on the conversation's socket; false while it reconnects. */
  send(frame: ClientFrame): boolean;
  /** The socket is down: end the call over HTTP instead. */
  hangUpOffline(): void;
}

export interface CallHandle {
  readonly root: HTMLElement;
  /** Every frame of the conversation's socket, including replayed events. */
  onFrame(frame: ServerFrame): void;
  dispose(): void;
}

export interface CallModule {
  createCall(host: CallHost, history: readonly WireEvent[]): CallHandle;
}

declare global {
  interface Window {
    CentraalCall?: CallModule;
    /** Set by tests before load: the peer connections are listed here so a test can read getStats(). */
    __centraalDebug?: { peerConnections: RTCPeerConnection[] };
  }
}

/** Event types the call follows; the chat session keeps them so a late-loaded call sees the past. */
export const CALL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'call.started',
  'ivr.prompt',
  'conversation.queued',
  'call.ringing',
  'conversation.assigned',
  'call.answered',
  'call.held',
  'call.resumed',
  'conversation.transferred',
  'call.ended',
  'conversation.closed',
  'conversation.ended_by_customer',
]);
